using CaseManagement.Application.Clients;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests;

/// <summary>Two people (or two tabs) editing the same client: nobody silently overwrites the other's change.</summary>
public sealed class ClientConcurrencyTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Saving_master_data_with_a_stale_concurrency_stamp_is_a_conflict_and_the_first_change_survives()
    {
        var (caseManager, clientId) = await OwnClientAsync();
        var registration = app.Service<ClientRegistration>();
        var form = await FormAsync(caseManager, clientId);

        var first = await registration.UpdateAsync(caseManager, clientId, With(form.Input, street: "Erste Straße 1"), form.Stamp);
        var second = await registration.UpdateAsync(caseManager, clientId, With(form.Input, street: "Zweite Straße 2"), form.Stamp);

        Assert.True(first.Succeeded, first.Message);
        Assert.True(second.Conflict);
        Assert.False(second.Succeeded);
        Assert.Contains("inzwischen", second.Message, StringComparison.Ordinal);
        var stored = await ClientAsync(clientId);
        Assert.Equal("Erste Straße 1", stored.Street);
        Assert.NotEqual(form.Stamp, stored.ConcurrencyStamp);
        Assert.Equal(1, await ChangedEntriesAsync(clientId));
    }

    [Fact]
    public async Task A_stale_save_is_a_conflict_even_when_it_changes_a_different_field()
    {
        var (caseManager, clientId) = await OwnClientAsync();
        var registration = app.Service<ClientRegistration>();
        var form = await FormAsync(caseManager, clientId);

        var first = await registration.UpdateAsync(caseManager, clientId, With(form.Input, street: "Erste Straße 1"), form.Stamp);
        var second = await registration.UpdateAsync(caseManager, clientId, With(form.Input, phone: "0621 999999"), form.Stamp);

        Assert.True(first.Succeeded, first.Message);
        Assert.True(second.Conflict);
        var stored = await ClientAsync(clientId);
        Assert.Equal("Erste Straße 1", stored.Street);
        Assert.Null(stored.Phone);
    }

    [Fact]
    public async Task After_a_conflict_saving_again_on_the_current_version_succeeds()
    {
        var (caseManager, clientId) = await OwnClientAsync();
        var registration = app.Service<ClientRegistration>();
        var form = await FormAsync(caseManager, clientId);
        Assert.True((await registration.UpdateAsync(caseManager, clientId, With(form.Input, street: "Erste Straße 1"), form.Stamp)).Succeeded);
        Assert.True((await registration.UpdateAsync(caseManager, clientId, With(form.Input, phone: "0621 999999"), form.Stamp)).Conflict);

        var reloaded = await FormAsync(caseManager, clientId);
        var retry = await registration.UpdateAsync(caseManager, clientId, With(reloaded.Input, phone: "0621 999999"), reloaded.Stamp);

        Assert.True(retry.Succeeded, retry.Message);
        var stored = await ClientAsync(clientId);
        Assert.Equal("Erste Straße 1", stored.Street);
        Assert.Equal("0621 999999", stored.Phone);
        Assert.Equal(2, await ChangedEntriesAsync(clientId));
    }

    [Fact]
    public async Task Of_simultaneous_saves_on_the_same_version_exactly_one_wins()
    {
        var (caseManager, clientId) = await OwnClientAsync();
        var registration = app.Service<ClientRegistration>();
        var form = await FormAsync(caseManager, clientId);
        string[] streets = ["Tab A 1", "Tab B 2", "Tab C 3", "Tab D 4", "Tab E 5", "Tab F 6"];

        var results = await Task.WhenAll(streets.Select(street =>
            Task.Run(() => registration.UpdateAsync(caseManager, clientId, With(form.Input, street: street), form.Stamp))));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.True(r.Conflict, r.Message));
        var winner = streets[Array.FindIndex(results, r => r.Succeeded)];
        Assert.Equal(winner, (await ClientAsync(clientId)).Street);
        Assert.Equal(1, await ChangedEntriesAsync(clientId));
    }

    [Fact]
    public async Task Of_two_contexts_that_loaded_the_same_client_the_first_save_wins_and_the_second_fails()
    {
        var (_, clientId) = await OwnClientAsync();
        await using var first = await app.DbAsync();
        await using var second = await app.DbAsync();
        var mine = await first.Clients.SingleAsync(c => c.Id == clientId);
        var theirs = await second.Clients.SingleAsync(c => c.Id == clientId);

        mine.City = "Ludwigshafen-Oggersheim";
        mine.ConcurrencyStamp = Guid.NewGuid();
        theirs.City = "Ludwigshafen-Mundenheim";
        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        var stored = await ClientAsync(clientId);
        Assert.Equal("Ludwigshafen-Oggersheim", stored.City);
        Assert.Equal(mine.ConcurrencyStamp, stored.ConcurrencyStamp);
    }

    [Fact]
    public async Task The_concurrency_stamp_is_checked_even_when_the_second_save_does_not_touch_it()
    {
        var (_, clientId) = await OwnClientAsync();
        await using var first = await app.DbAsync();
        await using var second = await app.DbAsync();
        var mine = await first.Clients.SingleAsync(c => c.Id == clientId);
        var theirs = await second.Clients.SingleAsync(c => c.Id == clientId);

        mine.ConcurrencyStamp = Guid.NewGuid();
        await first.SaveChangesAsync();
        theirs.Phone = "0621 123456";
        theirs.ConcurrencyStamp = Guid.NewGuid();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        Assert.Null((await ClientAsync(clientId)).Phone);
    }

    private async Task<(StaffMember CaseManager, Guid ClientId)> OwnClientAsync()
    {
        var caseManager = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Fallmanagerin Parallel");
        var client = CaseData.NewClient(Organisation.Jobcenter, caseManager.Id, null, "Noah", "Zeitgleich");
        client.AddEpisode(app.Today().AddDays(-10));
        await app.SaveClientsAsync([client]);
        return (caseManager, client.Id);
    }

    /// <summary>What the edit form holds: the values and the stamp of the version it showed.</summary>
    private async Task<(ClientInput Input, Guid Stamp)> FormAsync(StaffMember caseManager, Guid clientId)
    {
        var file = await app.Service<ClientFileQuery>().OpenAsync(caseManager, clientId);
        Assert.NotNull(file?.MasterData);
        return (ClientInput.From(await ClientAsync(clientId)), file.ConcurrencyStamp);
    }

    private static ClientInput With(ClientInput form, string? street = null, string? phone = null)
    {
        var input = new ClientInput
        {
            FirstName = form.FirstName,
            LastName = form.LastName,
            BirthDate = form.BirthDate,
            Gender = form.Gender,
            Street = street ?? form.Street,
            PostalCode = form.PostalCode,
            City = form.City,
            Phone = phone ?? form.Phone,
            Email = form.Email,
            Housing = form.Housing,
            Schooling = form.Schooling,
            VocationalTraining = form.VocationalTraining,
            Employment = form.Employment,
            YouthEmploymentAgencyInvolved = form.YouthEmploymentAgencyInvolved,
        };
        return input;
    }

    private async Task<Client> ClientAsync(Guid clientId)
    {
        await using var db = await app.DbAsync();
        return await db.Clients.AsNoTracking().SingleAsync(c => c.Id == clientId);
    }

    private async Task<int> ChangedEntriesAsync(Guid clientId)
    {
        await using var db = await app.DbAsync();
        return await db.AuditEntries.CountAsync(a => a.ClientId == clientId && a.Action == AuditAction.Changed && a.Category == DataCategory.MasterData);
    }
}
