using CaseManagement.Application.Clients;
using CaseManagement.Infrastructure.DemoData;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests;

/// <summary>
/// The embedded SQLite database keeps the audit log append-only as PostgreSQL does: plain SQL
/// cannot change or delete an entry (the PostgreSQL side is <see cref="AuditLogImmutabilityTests"/>).
/// </summary>
public sealed class AuditLogImmutabilityOnSqliteTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "casemanagement-audit-sqlite-" + Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program> _app = default!;

    private string DatabaseFile => Path.Combine(_folder, "casemanagement.db");

    public async Task InitializeAsync()
    {
        _app = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:CaseManagement", $"Data Source={DatabaseFile}");
            builder.UseSetting("DemoData:SeedCases", "false");
            builder.UseSetting("Logging:Folder", Path.Combine(_folder, "logs"));
        });
        _ = _app.Server;
        var caseManager = await StaffMembers.ByEmailAsync(_app.Services, DemoAccounts.All[0].Email);
        var registered = await _app.Services.GetRequiredService<ClientRegistration>().RegisterAsync(caseManager, new ClientInput
        {
            FirstName = "Ruth", LastName = "Protokoll", BirthDate = new DateOnly(1990, 1, 1), PostalCode = "67059", City = "Ludwigshafen am Rhein",
        });
        Assert.True(registered.Succeeded, registered.Message);
    }

    [Theory]
    [InlineData("UPDATE \"AuditEntries\" SET \"UserName\" = 'x'")]
    [InlineData("UPDATE \"AuditEntries\" SET \"ClientId\" = NULL, \"CaseNumber\" = NULL")]
    [InlineData("DELETE FROM \"AuditEntries\"")]
    [InlineData("DELETE FROM \"AuditEntries\" WHERE \"Id\" = (SELECT MIN(\"Id\") FROM \"AuditEntries\")")]
    public async Task The_database_refuses_to_change_or_remove_audit_entries_even_with_plain_SQL(string sql)
    {
        var before = await SnapshotAsync();
        Assert.NotEmpty(before);

        await using var connection = new SqliteConnection($"Data Source={DatabaseFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var refusal = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());

        Assert.Contains(AuditLogTable.RefusalMessage, refusal.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    private async Task<List<string>> SnapshotAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseManagementDbContext>();
        return (await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync())
            .Select(a => $"{a.Id}|{a.UserId}|{a.UserName}|{a.ClientId}|{a.CaseNumber}|{a.Action}|{a.Fields}")
            .ToList();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
