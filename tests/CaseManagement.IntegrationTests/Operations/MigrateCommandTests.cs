using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Testing;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests.Operations;

/// <summary>
/// The release step: the built web app with <c>--migrate</c> in the Production environment (where
/// start-up never migrates) brings a database up to date and exits 0, again 0 when there is
/// nothing to do, and 1 when the database cannot be reached.
/// </summary>
public sealed class MigrateCommandTests
{
    [Fact]
    public async Task Migrate_applies_every_migration_exits_zero_and_is_repeatable()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();

        var first = await Repository.MigrateAsync(ProductionSettings(database));
        Assert.True(first.ExitCode == 0, first.ToString());

        var options = new DbContextOptionsBuilder<CaseManagementDbContext>();
        options.UseCaseManagementDatabase(DatabaseProvider.PostgreSql, database.ConnectionString);
        await using (var context = new CaseManagementDbContext(options.Options))
        {
            Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync());
        }

        var again = await Repository.MigrateAsync(ProductionSettings(database));
        Assert.True(again.ExitCode == 0, again.ToString());
    }

    [Fact]
    public async Task Migrate_exits_non_zero_when_the_database_cannot_be_reached()
    {
        var settings = new Dictionary<string, string>(ProductionSettings(null))
        {
            ["ConnectionStrings__CaseManagement"] = "Host=127.0.0.1;Port=1;Username=postgres;Database=unreachable;Timeout=3",
        };

        var result = await Repository.MigrateAsync(settings);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Migration failed", result.Output, StringComparison.Ordinal);
    }

    /// <summary>The environment of a production instance (appsettings.Production.json: PostgreSQL, no migration at start-up).</summary>
    internal static IReadOnlyDictionary<string, string> ProductionSettings(PostgresTestDatabase? database) => new Dictionary<string, string>
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ConnectionStrings__CaseManagement"] = database?.ConnectionString ?? "",
        ["Logging__Folder"] = Path.Combine(Path.GetTempPath(), "casemanagement-test-logs", "migrate-" + Guid.NewGuid().ToString("N")),
    };
}
