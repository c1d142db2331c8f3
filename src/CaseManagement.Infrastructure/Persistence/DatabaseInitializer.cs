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
            await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
            await context.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("Database migrated ({Provider})", databaseOptions.Value.Provider);
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

    private static void EnsureSucceeded(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Anlegen von '{what}' fehlgeschlagen: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
