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
}
