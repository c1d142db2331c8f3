using Npgsql;

namespace CaseManagement.Testing;

/// <summary>
/// The template of <see cref="PostgresTestDatabase.CreatePreparedAsync"/>: built once per test
/// process and server by starting the app on an empty database (migrations, roles, demo accounts,
/// as <see cref="CaseManagementAppFactory"/> configures it without a caseload), dropped when the
/// process ends. PostgreSQL copies a template only while nobody is connected to it: the app is
/// stopped and its connections are gone before the first copy, and copies are made one at a time.
/// </summary>
internal static class PreparedTemplate
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);
    private static readonly Dictionary<string, string> Built = [];

    /// <summary>Creates <paramref name="database"/> as a copy of the template on <paramref name="server"/>.</summary>
    public static async Task CopyAsync(string server, string database)
    {
        await OneAtATime.WaitAsync();
        try
        {
            if (!Built.TryGetValue(server, out var template))
            {
                template = await BuildAsync(server);
                Built[server] = template;
            }

            await PostgresTestDatabase.ExecuteAsync(server, $"CREATE DATABASE \"{database}\" TEMPLATE \"{template}\"");
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private static async Task<string> BuildAsync(string server)
    {
        var name = "cm_template_" + Guid.NewGuid().ToString("N")[..16];
        await PostgresTestDatabase.ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ToString();
        await using (var app = new CaseManagementAppFactory(connectionString, seedCaseload: false))
        {
            _ = app.Server; // start-up migrates and seeds
        }

        NpgsqlConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Drop(server, name);
        return name;
    }

    private static void Drop(string server, string name)
    {
        try
        {
            using var connection = new NpgsqlConnection(server);
            connection.Open();
            using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            command.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // The server may be gone already (tests/run.sh stops its cluster); nothing to clean up then.
        }
    }
}
