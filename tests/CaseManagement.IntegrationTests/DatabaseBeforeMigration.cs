using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CaseManagement.IntegrationTests;

/// <summary>
/// A fresh database of either provider, migrated up to just before one migration, for a test that
/// writes data in the old shape, applies the migration and reads what it made of them.
/// </summary>
public sealed class DatabaseBeforeMigration : IAsyncDisposable
{
    private readonly PostgresTestDatabase? _postgres;
    private readonly string _sqliteFile;
    private readonly IMigrator _migrator;

    private DatabaseBeforeMigration(PostgresTestDatabase? postgres, string sqliteFile, CaseManagementDbContext db)
    {
        (_postgres, _sqliteFile, Db) = (postgres, sqliteFile, db);
        _migrator = db.Database.GetService<IMigrator>();
    }

    /// <summary>A context on the database; its model is today's, so write old rows in SQL.</summary>
    public CaseManagementDbContext Db { get; }

    /// <param name="migrationName">The migration's name without its time stamp, e.g. "TeamKeys".</param>
    public static async Task<DatabaseBeforeMigration> CreateAsync(DatabaseProvider provider, string migrationName)
    {
        var postgres = provider == DatabaseProvider.PostgreSql ? await PostgresTestDatabase.CreateAsync() : null;
        var sqliteFile = Path.Combine(Path.GetTempPath(), $"before-{migrationName}-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<CaseManagementDbContext>();
        options.UseCaseManagementDatabase(provider, postgres?.ConnectionString ?? $"Data Source={sqliteFile}");
        var db = new CaseManagementDbContext(options.Options);
        var migrations = db.Database.GetMigrations().ToList();
        var migration = migrations.Single(m => m.EndsWith("_" + migrationName, StringComparison.Ordinal));
        var database = new DatabaseBeforeMigration(postgres, sqliteFile, db);
        await database._migrator.MigrateAsync(migrations[migrations.IndexOf(migration) - 1]);
        return database;
    }

    /// <summary>Applies the migration and every later one, as an upgrade does (the context reads with today's model).</summary>
    public Task MigrateAsync() => _migrator.MigrateAsync();

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        File.Delete(_sqliteFile);
    }
}
