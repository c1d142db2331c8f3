using CaseManagement.Application.Clients;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CaseManagement.IntegrationTests;

/// <summary>The audit log is append-only: neither the database nor the application lets anyone change or remove an entry.</summary>
public sealed class AuditLogImmutabilityTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("UPDATE \"AuditEntries\" SET \"UserName\" = 'x'")]
    [InlineData("UPDATE \"AuditEntries\" SET \"ClientId\" = NULL, \"CaseNumber\" = NULL WHERE \"Action\" = 1")]
    [InlineData("DELETE FROM \"AuditEntries\"")]
    [InlineData("DELETE FROM \"AuditEntries\" WHERE \"Action\" = 1")]
    [InlineData("TRUNCATE \"AuditEntries\"")]
    [InlineData("TRUNCATE \"AuditEntries\" RESTART IDENTITY CASCADE")]
    public async Task The_database_refuses_to_change_or_remove_audit_entries_even_with_plain_SQL(string sql)
    {
        var clientId = await AuditedActionAsync();
        var before = await SnapshotAsync();
        Assert.Contains(before, row => row.Contains(clientId.ToString(), StringComparison.Ordinal));

        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var refusal = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refusal.SqlState);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Bulk_updates_and_deletes_through_EF_Core_are_refused_by_the_database()
    {
        var clientId = await AuditedActionAsync();
        var before = await SnapshotAsync();

        await using (var db = await app.DbAsync())
        {
            await Assert.ThrowsAsync<PostgresException>(() =>
                db.AuditEntries.Where(a => a.ClientId == clientId).ExecuteUpdateAsync(s => s.SetProperty(a => a.UserName, "x")));
            await Assert.ThrowsAsync<PostgresException>(() => db.AuditEntries.Where(a => a.ClientId == clientId).ExecuteDeleteAsync());
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Changing_a_tracked_audit_entry_is_refused_by_the_application_and_nothing_of_the_save_is_stored()
    {
        var clientId = await AuditedActionAsync();
        var before = await SnapshotAsync();

        await using (var db = await app.DbAsync())
        {
            var entry = await db.AuditEntries.FirstAsync(a => a.ClientId == clientId);
            entry.UserName = "Unbekannt";
            entry.Action = AuditAction.Viewed;
            var client = await db.Clients.SingleAsync(c => c.Id == clientId);
            client.City = "Mannheim"; // a change saved together with the forbidden one

            var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Equal(AuditLogTable.RefusalMessage, refusal.Message);
            Assert.Equal(AuditLogTable.RefusalMessage, Assert.Throws<InvalidOperationException>(() => db.SaveChanges()).Message);
        }

        Assert.Equal(before, await SnapshotAsync());
        await using var check = await app.DbAsync();
        Assert.Equal("Ludwigshafen am Rhein", await check.Clients.Where(c => c.Id == clientId).Select(c => c.City).SingleAsync());
    }

    [Fact]
    public async Task Removing_a_tracked_audit_entry_is_refused_by_the_application_and_nothing_is_removed()
    {
        var clientId = await AuditedActionAsync();
        var before = await SnapshotAsync();

        await using (var db = await app.DbAsync())
        {
            db.AuditEntries.RemoveRange(await db.AuditEntries.Where(a => a.ClientId == clientId).ToListAsync());

            var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Equal(AuditLogTable.RefusalMessage, refusal.Message);
            Assert.Equal(AuditLogTable.RefusalMessage, Assert.Throws<InvalidOperationException>(() => db.SaveChanges()).Message);
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task An_audit_entry_attached_as_modified_without_loading_it_is_refused_too()
    {
        var clientId = await AuditedActionAsync();
        var before = await SnapshotAsync();
        long id;
        await using (var read = await app.DbAsync())
        {
            id = await read.AuditEntries.Where(a => a.ClientId == clientId).Select(a => a.Id).FirstAsync();
        }

        await using (var db = await app.DbAsync())
        {
            db.AuditEntries.Update(new AuditEntry { Id = id, UserId = "x", UserName = "x", OccurredAt = DateTimeOffset.UtcNow });

            var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Equal(AuditLogTable.RefusalMessage, refusal.Message);
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    /// <summary>Registers a client through the application (audited as "created") and opens the file (audited as "viewed").</summary>
    private async Task<Guid> AuditedActionAsync()
    {
        var caseManager = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Fallmanagerin Protokoll");
        var registered = await app.Service<ClientRegistration>().RegisterAsync(caseManager, new ClientInput
        {
            FirstName = "Lena",
            LastName = "Protokoll",
            BirthDate = new DateOnly(1994, 3, 2),
            PostalCode = "67063",
            City = "Ludwigshafen am Rhein",
            ConfirmedNotDuplicate = true,
        });
        Assert.True(registered.Succeeded, registered.Message);
        Assert.NotNull(await app.Service<ClientFileQuery>().OpenAsync(caseManager, registered.Value!.Id));
        Assert.Equal(2, await app.AuditCountAsync(registered.Value.Id));
        return registered.Value.Id;
    }

    /// <summary>Every audit row, every column, as text: compared before and after.</summary>
    private async Task<List<string>> SnapshotAsync()
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT a::text FROM \"AuditEntries\" a ORDER BY \"Id\"", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
