using CaseManagement.Testing;

namespace CaseManagement.IntegrationTests;

/// <summary>One database and one app per test class (xunit class fixture).</summary>
public sealed class AppFixture : IAsyncLifetime
{
    private readonly Func<Task<PostgresTestDatabase>> _createDatabase;
    private PostgresTestDatabase? _database;

    public AppFixture()
        : this(PostgresTestDatabase.CreatePreparedAsync)
    {
    }

    /// <summary>An app on a database of the caller's choosing, e.g. on a server the test may restart.</summary>
    internal AppFixture(Func<Task<PostgresTestDatabase>> createDatabase) => _createDatabase = createDatabase;

    public CaseManagementAppFactory Factory { get; private set; } = default!;

    public PostgresTestDatabase Database => _database!;

    public async Task InitializeAsync()
    {
        _database = await _createDatabase();
        Factory = new CaseManagementAppFactory(_database.ConnectionString, seedCaseload: false);
        _ = Factory.Server; // starts the app: migrations and demo accounts run now
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _database!.DisposeAsync();
    }
}
