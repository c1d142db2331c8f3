using CaseManagement.Application.Referrals;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests.Referrals;

/// <summary>The partner directory: Administration keeps it, caseworkers read it, nobody else changes it.</summary>
public sealed class PartnerDirectoryTests(AppFixture app) : IClassFixture<AppFixture>
{
    private PartnerDirectory Directory => app.Service<PartnerDirectory>();

    private static PartnerInput Input(string name, PartnerType type = PartnerType.HomelessHelp) => new()
    {
        Name = name,
        Type = type,
        ContactPerson = "Herr Beispiel",
        Phone = "0621 555-350",
        Email = "kontakt@beispiel.example",
        Street = "Musterweg 3",
        PostalCode = "67063",
        City = "Ludwigshafen am Rhein",
        Notes = "Offene Sprechstunde Di und Do 9–12 Uhr",
    };

    [Fact]
    public async Task Administration_adds_changes_archives_and_restores_a_partner()
    {
        var admin = await app.CreateMemberAsync(StaffRole.Administrator, Organisation.Jobcenter, "Admin Verzeichnis");
        var name = $"Tagesaufenthalt Hemshof {Guid.NewGuid():N}";

        var created = await Directory.CreateAsync(admin, Input(name));
        Assert.True(created.Succeeded, created.Message);
        var partner = await Directory.GetAsync(admin, created.Value);
        Assert.NotNull(partner);
        Assert.Equal("Musterweg 3, 67063 Ludwigshafen am Rhein", partner.Address);
        Assert.Equal("Admin Verzeichnis", partner.ChangedByName);

        var changed = Input(name);
        changed.Phone = "0621 555-351";
        changed.Email = " ";
        var updated = await Directory.UpdateAsync(admin, partner.Id, changed, partner.Token);
        Assert.True(updated.Succeeded, updated.Message);
        var archived = await Directory.ArchiveAsync(admin, partner.Id, updated.Value);
        Assert.True(archived.Succeeded, archived.Message);

        var stored = await Directory.GetAsync(admin, partner.Id);
        Assert.Equal("0621 555-351", stored!.Phone);
        Assert.Null(stored.Email);
        Assert.True(stored.IsArchived);
        Assert.DoesNotContain(await Directory.ListAsync(admin, new PartnerFilter(Search: name)), p => p.Id == partner.Id);
        Assert.Contains(await Directory.ListAsync(admin, new PartnerFilter(Search: name, IncludeArchived: true)), p => p.Id == partner.Id);

        var restored = await Directory.UnarchiveAsync(admin, partner.Id, archived.Value);
        Assert.True(restored.Succeeded, restored.Message);
        Assert.False((await Directory.GetAsync(admin, partner.Id))!.IsArchived);
    }

    [Fact]
    public async Task The_list_filters_by_type_and_finds_names_regardless_of_case_and_accents()
    {
        var caseworker = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Fallmanagerin Suche");
        var marker = Guid.NewGuid().ToString("N")[..8];
        var clinic = await app.PartnerAsync(PartnerType.InpatientRehabClinic, $"Fachklinik Pfälzerwald {marker}");
        var practice = await app.PartnerAsync(PartnerType.SubstitutionPractice, $"Praxis am Rhein {marker}");

        Assert.Equal([clinic.Id], (await Directory.ListAsync(caseworker, new PartnerFilter(Search: $"pfalzerwald {marker}"))).Select(p => p.Id));
        Assert.Equal([clinic.Id], (await Directory.ListAsync(caseworker, new PartnerFilter(Search: $"Pfaelzerwald {marker}"))).Select(p => p.Id));
        Assert.Equal([practice.Id], (await Directory.ListAsync(caseworker, new PartnerFilter(PartnerType.SubstitutionPractice, marker))).Select(p => p.Id));
        Assert.All(await Directory.ListAsync(caseworker, new PartnerFilter(PartnerType.InpatientRehabClinic)), p => Assert.Equal(PartnerType.InpatientRehabClinic, p.Type));
    }

    public static TheoryData<string, Organisation> NotAdministration => new()
    {
        { StaffRole.CaseManager, Organisation.Jobcenter },
        { StaffRole.DrugHelpWorker, Organisation.DrugHelpService },
        { StaffRole.TeamLeadJobcenter, Organisation.Jobcenter },
        { StaffRole.SteeringCommittee, Organisation.DrugHelpService },
        { StaffRole.DataProtectionOfficer, Organisation.Jobcenter },
    };

    [Theory]
    [MemberData(nameof(NotAdministration))]
    public async Task Nobody_but_administration_changes_the_directory(string role, Organisation organisation)
    {
        var member = await app.CreateMemberAsync(role, organisation, "Ohne Verwaltung");
        var partner = await app.PartnerAsync();
        var token = (await Directory.GetAsync(await app.CreateMemberAsync(StaffRole.Administrator, Organisation.Jobcenter, "Admin"), partner.Id))!.Token;
        var name = $"Unerlaubt {Guid.NewGuid():N}";

        var created = await Directory.CreateAsync(member, Input(name));
        var updated = await Directory.UpdateAsync(member, partner.Id, Input(name), token);
        var archived = await Directory.ArchiveAsync(member, partner.Id, token);

        foreach (var result in new Application.CommandResult[] { created, updated, archived })
        {
            Assert.False(result.Succeeded);
            Assert.Equal(PartnerDirectory.OnlyAdministrationMessage, result.Message);
        }

        await using var db = await app.DbAsync();
        Assert.False(await db.Partners.AnyAsync(p => p.Name == name));
        var stored = await db.Partners.AsNoTracking().SingleAsync(p => p.Id == partner.Id);
        Assert.Equal(partner.Name, stored.Name);
        Assert.False(stored.IsArchived);
        Assert.Equal(token, stored.RowVersion);
    }

    [Fact]
    public async Task Steering_and_data_protection_do_not_read_the_directory_caseworkers_do()
    {
        await app.PartnerAsync();
        var steering = await app.CreateMemberAsync(StaffRole.SteeringCommittee, Organisation.Jobcenter, "Lenkung");
        var caseworker = await app.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Fachkraft");

        Assert.Empty(await Directory.ListAsync(steering, new PartnerFilter()));
        Assert.NotEmpty(await Directory.ListAsync(caseworker, new PartnerFilter()));
    }

    [Fact]
    public async Task Invalid_input_comes_back_in_German_next_to_the_fields_and_duplicates_are_refused()
    {
        var admin = await app.CreateMemberAsync(StaffRole.Administrator, Organisation.DrugHelpService, "Admin Prüfung");
        var input = Input(" ");
        input.Type = null;
        input.PostalCode = "6705";
        input.Email = "kein-at-zeichen";
        input.Phone = "bitte anrufen";

        var invalid = await Directory.CreateAsync(admin, input);

        Assert.Equal("Bitte geben Sie den Namen der Stelle ein.", Assert.Single(invalid.Errors[nameof(PartnerInput.Name)]));
        Assert.Equal("Bitte wählen Sie die Art der Stelle.", Assert.Single(invalid.Errors[nameof(PartnerInput.Type)]));
        Assert.Equal("Die Postleitzahl besteht aus fünf Ziffern.", Assert.Single(invalid.Errors[nameof(PartnerInput.PostalCode)]));
        Assert.StartsWith("Bitte geben Sie eine gültige E-Mail-Adresse ein", Assert.Single(invalid.Errors[nameof(PartnerInput.Email)]), StringComparison.Ordinal);
        Assert.StartsWith("Die Telefonnummer darf nur Ziffern", Assert.Single(invalid.Errors[nameof(PartnerInput.Phone)]), StringComparison.Ordinal);

        var existing = await app.PartnerAsync(PartnerType.ElderCare, $"Seniorenberatung Nord {Guid.NewGuid():N}");
        var duplicate = await Directory.CreateAsync(admin, Input(existing.Name.ToUpperInvariant(), PartnerType.ElderCare));
        Assert.Single(duplicate.Errors[nameof(PartnerInput.Name)]);
        var otherType = await Directory.CreateAsync(admin, Input(existing.Name, PartnerType.Other));
        Assert.True(otherType.Succeeded, otherType.Message);
    }

    [Fact]
    public async Task A_save_over_a_newer_change_is_refused_as_a_conflict()
    {
        var admin = await app.CreateMemberAsync(StaffRole.Administrator, Organisation.Jobcenter, "Admin Konflikt");
        var partner = await app.PartnerAsync(PartnerType.YouthWelfare, $"Jugendhilfe Konflikt {Guid.NewGuid():N}");
        var opened = (await Directory.GetAsync(admin, partner.Id))!;
        var first = PartnerInput.From(opened);
        first.Phone = "0621 555-360";
        Assert.True((await Directory.UpdateAsync(admin, partner.Id, first, opened.Token)).Succeeded);

        var second = PartnerInput.From(opened);
        second.Notes = "Veraltet";
        var stale = await Directory.UpdateAsync(admin, partner.Id, second, opened.Token);
        var staleArchive = await Directory.ArchiveAsync(admin, partner.Id, opened.Token);

        Assert.True(stale.Conflict);
        Assert.Equal(PartnerDirectory.ConflictMessage, stale.Message);
        Assert.True(staleArchive.Conflict);
        var stored = (await Directory.GetAsync(admin, partner.Id))!;
        Assert.Equal("0621 555-360", stored.Phone);
        Assert.NotEqual("Veraltet", stored.Notes);
        Assert.False(stored.IsArchived);
    }
}
