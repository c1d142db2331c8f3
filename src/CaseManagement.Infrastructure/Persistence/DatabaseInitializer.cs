using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseManagement.Infrastructure.Persistence;

/// <summary>Runs once at start-up: migrations (if enabled), the fixed set of roles, demo data (if enabled).</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<CaseManagementDbContext> contextFactory,
    RoleManager<IdentityRole> roleManager,
    DemoDataSeeder demoDataSeeder,
    IOptions<DatabaseOptions> databaseOptions,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (databaseOptions.Value.MigrateOnStartup)
        {
            await MigrateAsync(cancellationToken);
        }

        foreach (var role in StaffRole.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                EnsureSucceeded(await roleManager.CreateAsync(new IdentityRole(role)), role);
            }
        }

        await demoDataSeeder.SeedAsync(cancellationToken);
    }

    public static readonly TimeSpan MigrationCommandTimeout = TimeSpan.FromHours(1);

    /// <summary>
    /// Applies the pending migrations of the configured provider (the start-up step above, and the
    /// web app's <c>--migrate</c> command of a release). EF Core holds a database lock while it
    /// migrates, so two instances started at once do not apply a migration twice.
    /// </summary>
    /// <returns>The migrations the database has now, oldest first.</returns>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        // A migration that fills a new column on a large database (1.4 million appointment
        // participants took 40 s on the project machine) must not stop at the 30 s of a page's query.
        context.Database.SetCommandTimeout(MigrationCommandTimeout);
        await context.Database.MigrateAsync(cancellationToken);
        var applied = (await context.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        logger.LogInformation(
            "Database migrated ({Provider}): {Count} migrations applied, the latest {Latest}",
            databaseOptions.Value.Provider, applied.Count, applied.LastOrDefault() ?? "(none)");
        return applied;
    }

    private static void EnsureSucceeded(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Anlegen von '{what}' fehlgeschlagen: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
