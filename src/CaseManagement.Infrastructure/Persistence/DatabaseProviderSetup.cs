using CaseManagement.Infrastructure.Persistence.Faults;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Infrastructure.Persistence;

/// <summary>
/// The single place that maps a provider choice to EF Core options. Each provider keeps its
/// migrations in its own assembly, because SQL types and defaults differ between them.
/// </summary>
public static class DatabaseProviderSetup
{
    public const string SqliteMigrationsAssembly = "CaseManagement.Migrations.Sqlite";
    public const string PostgreSqlMigrationsAssembly = "CaseManagement.Migrations.PostgreSql";
    public const string DefaultSqliteConnectionString = "Data Source=data/casemanagement.db";

    /// <param name="retry">
    /// Retries on transient faults, PostgreSQL only (<see cref="RetryingStrategy"/>); the defaults of
    /// <see cref="DatabaseRetryOptions"/> when not given. SQLite, a file on the same machine, is never retried.
    /// </param>
    public static DbContextOptionsBuilder UseCaseManagementDatabase(
        this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString, DatabaseRetryOptions? retry = null)
    {
        var retries = retry ?? new DatabaseRetryOptions();
        _ = provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString, sqlite =>
                sqlite.MigrationsAssembly(SqliteMigrationsAssembly)).AddInterceptors(RowVersionCounter),
            DatabaseProvider.PostgreSql => options.UseNpgsql(WithSessionSettings(connectionString), npgsql =>
            {
                npgsql.MigrationsAssembly(PostgreSqlMigrationsAssembly);
                if (retries.MaxRetryCount > 0)
                {
                    npgsql.ExecutionStrategy(dependencies => new RetryingStrategy(dependencies, retries));
                }
            }).AddInterceptors(WriteOutcomeWatch.Commands, WriteOutcomeWatch.Transactions),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unbekannter Datenbank-Provider."),
        };
        return options.AddInterceptors(AuditGuard, ProgressKeeper, StartKeeper);
    }

    private static readonly AppendOnlyAuditGuard AuditGuard = new();
    private static readonly SqliteRowVersionCounter RowVersionCounter = new();
    private static readonly GoalProgressKeeper ProgressKeeper = new();
    private static readonly ParticipantStartKeeper StartKeeper = new();

    /// <summary>Creates the folder of a SQLite file so that a fresh clone starts without manual steps.</summary>
    /// <summary>
    /// Session settings for the product's many small queries, unless the connection string sets its
    /// own <c>Options</c>: no JIT compilation (PostgreSQL compiles any query whose estimate crosses
    /// jit_above_cost, which cost half a second of the team view's 1.4 s at 100,000 clients for
    /// nothing) and index costs for SSD storage (random_page_cost 1.1 instead of 4, which assumes
    /// spinning disks and turns index lookups of a team's clients into full scans).
    /// </summary>
    public static string WithSessionSettings(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.Options))
        {
            builder.Options = "-c jit=off -c random_page_cost=1.1";
        }

        return builder.ConnectionString;
    }

    public static void EnsureSqliteFolderExists(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
