using CaseManagement.Testing;

namespace CaseManagement.IntegrationTests;

/// <summary>One database and one app per test class (xunit class fixture).</summary>
public sealed class AppFixture : IAsyncLifetime
{
    private PostgresTestDatabase? _database;

    public CaseManagementAppFactory Factory { get; private set; } = default!;

    public PostgresTestDatabase Database => _database!;

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        Factory = new CaseManagementAppFactory(_database.ConnectionString, seedCaseload: false);
        _ = Factory.Server; // starts the app: migrations and demo accounts run now
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _database!.DisposeAsync();
    }
}
