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

    public static Task<PostgresTestDatabase> CreateAsync() => CreateAsync(ServerConnectionStringFromEnvironment(), pooling: false);

    /// <summary>A database on the given server (e.g. a <see cref="ThrowawayPostgres"/>); with pooling like production if asked.</summary>
    public static async Task<PostgresTestDatabase> CreateAsync(string server, bool pooling)
    {
        var name = "cm_test_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new PostgresTestDatabase(server, name, pooling);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
