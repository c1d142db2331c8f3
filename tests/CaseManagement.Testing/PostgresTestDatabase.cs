using Npgsql;

namespace CaseManagement.Testing;

/// <summary>
/// A fresh, uniquely named database on the PostgreSQL server that tests/run.sh starts, dropped
/// again on dispose. The server is given by CASEMANAGEMENT_TEST_POSTGRES; without it the tests
/// fail with a message that says how to start one, they never silently pass.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    public const string ServerVariable = "CASEMANAGEMENT_TEST_POSTGRES";

    private PostgresTestDatabase(string serverConnectionString, string name, bool pooling)
    {
        ServerConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name, Pooling = pooling }.ToString();
    }

    public string Name { get; }

    public string ConnectionString { get; }

    private string ServerConnectionString { get; }

    public static string ServerConnectionStringFromEnvironment() =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{ServerVariable} is not set. Run the tests with tests/run.sh, which starts PostgreSQL, " +
                "or point it at a server, e.g. Host=127.0.0.1;Port=5432;Username=postgres;Password=…");

    /// <summary>An empty database (no schema): for tests of migrating itself.</summary>
    public static Task<PostgresTestDatabase> CreateAsync() => CreateAsync(ServerConnectionStringFromEnvironment(), pooling: true);

    /// <summary>
    /// A database as the app's start-up leaves it in tests, before any caseload: every migration
    /// applied, roles and demo accounts, partners and steering members (<see cref="PreparedTemplate"/>).
    /// Copied from a template, which takes a fraction of a second where migrating and hashing the demo
    /// passwords takes about ten; the app started on it finds nothing left to do.
    /// </summary>
    public static async Task<PostgresTestDatabase> CreatePreparedAsync()
    {
        var server = ServerConnectionStringFromEnvironment();
        var name = NewName();
        await PreparedTemplate.CopyAsync(server, name);
        return new PostgresTestDatabase(server, name, pooling: true);
    }

    /// <summary>
    /// A database on the given server (e.g. a <see cref="ThrowawayPostgres"/>). Pooled like production
    /// unless asked otherwise: without a pool every query of a test opened a server process of its own,
    /// which made the database tests several times slower than the product they test.
    /// </summary>
    public static async Task<PostgresTestDatabase> CreateAsync(string server, bool pooling)
    {
        var name = NewName();
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        return new PostgresTestDatabase(server, name, pooling);
    }

    private static string NewName() => "cm_test_" + Guid.NewGuid().ToString("N")[..16];

    internal static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(ServerConnectionString, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }
}
