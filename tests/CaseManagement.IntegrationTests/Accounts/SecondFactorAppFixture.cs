using CaseManagement.Testing;

namespace CaseManagement.IntegrationTests.Accounts;

/// <summary>The app as in production: Administration and Datenschutz must sign in with a second factor.</summary>
public sealed class SecondFactorAppFixture : IAsyncLifetime
{
    private PostgresTestDatabase? _database;

    public CaseManagementAppFactory Factory { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreatePreparedAsync();
        Factory = new CaseManagementAppFactory(_database.ConnectionString, seedCaseload: false, new Dictionary<string, string>
        {
            ["SecondFactor:Required"] = "true",
        });
        _ = Factory.Server;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _database!.DisposeAsync();
    }
}
