using CaseManagement.Testing;

namespace CaseManagement.IntegrationTests.Sessions;

/// <summary>The app on a SQLite file of its own (the first-run provider), one per test class.</summary>
public sealed class SqliteAppFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "casemanagement-sqlite-" + Guid.NewGuid().ToString("N"));

    public CaseManagementAppFactory Factory { get; private set; } = default!;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Factory = new CaseManagementAppFactory($"Data Source={Path.Combine(_folder, "casemanagement.db")}", seedCaseload: false, provider: "Sqlite");
        _ = Factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
