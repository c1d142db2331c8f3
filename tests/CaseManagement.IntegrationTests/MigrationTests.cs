using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests;

public sealed class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=unused.db")]
    [InlineData(DatabaseProvider.PostgreSql, "Host=unused;Database=unused")]
    public void Every_model_change_is_covered_by_a_migration_for_each_provider(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<CaseManagementDbContext>();
        options.UseCaseManagementDatabase(provider, connectionString);
        using var context = new CaseManagementDbContext(options.Options);

        Assert.True(context.Database.GetMigrations().Any(), $"No migrations found for {provider}");
        Assert.False(context.Database.HasPendingModelChanges(),
            $"The model has changes that no {provider} migration covers: run src/add-migration.sh <Name>.");
    }

    [Fact]
    public async Task Start_up_applies_every_migration_to_a_fresh_PostgreSQL_database()
    {
        // Not the other tests' prepared copy: an empty database, migrated by this app's own start-up.
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var app = new CaseManagementAppFactory(database.ConnectionString, seedCaseload: false);
        await using var scope = app.Services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>();
        await using var context = await factory.CreateDbContextAsync();

        Assert.True(context.Database.IsNpgsql());
        Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync());
    }
}
