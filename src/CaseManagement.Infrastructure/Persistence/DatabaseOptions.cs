namespace CaseManagement.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>Bound from the configuration section <c>Database</c>; see README "Configuration".</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>SQLite needs no server and is the default for a first run; PostgreSQL is production.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Falls back to <c>ConnectionStrings:CaseManagement</c>, then to a SQLite file under <c>data/</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations at start-up. Production deployments switch this off and migrate explicitly.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Retries on transient faults (PostgreSQL only; section <c>Database:Retry</c>).</summary>
    public DatabaseRetryOptions Retry { get; set; } = new();
}

/// <summary>
/// How often and how long an operation is tried again after a transient fault of PostgreSQL (a
/// restart, a dropped connection, a fail-over). The waits grow exponentially (about 0, 1, 3, 7 s …)
/// up to <see cref="MaxRetryDelay"/>; with the defaults a save gives up after about 14 s of waiting
/// and the page says the database is not reachable. SQLite is never retried. What is retried and
/// what is not: docs/architecture.md, "Transient faults and retries".
/// </summary>
public sealed class DatabaseRetryOptions
{
    /// <summary>Attempts after the first; 0 switches retries off.</summary>
    public int MaxRetryCount { get; set; } = 5;

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}
