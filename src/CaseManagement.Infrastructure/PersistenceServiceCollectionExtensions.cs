using CaseManagement.Infrastructure.DemoData;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CaseManagement.Infrastructure;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the DbContext factory for the configured provider. Feature code asks
    /// <see cref="IDbContextFactory{TContext}"/> for a context per operation; the scoped context
    /// that EF also registers is only for Identity's stores and the health check.
    /// </summary>
    public static IServiceCollection AddCaseManagementPersistence(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(DatabaseOptions.SectionName);
        services.Configure<DatabaseOptions>(section);
        services.Configure<DemoDataOptions>(configuration.GetSection(DemoDataOptions.SectionName));

        var database = section.Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = database.ConnectionString
            ?? configuration.GetConnectionString("CaseManagement")
            ?? (database.Provider == DatabaseProvider.Sqlite ? DatabaseProviderSetup.DefaultSqliteConnectionString : null)
            ?? throw new InvalidOperationException(
                "Für PostgreSQL fehlt die Verbindungszeichenfolge (ConnectionStrings:CaseManagement).");

        if (database.Provider == DatabaseProvider.Sqlite)
        {
            connectionString = SqlitePaths.RelativeToContentRoot(connectionString, environment.ContentRootPath);
            DatabaseProviderSetup.EnsureSqliteFolderExists(connectionString);
        }

        services.AddPooledDbContextFactory<CaseManagementDbContext>(options =>
            options.UseCaseManagementDatabase(database.Provider, connectionString, database.Retry));
        services.AddTransient<DatabaseInitializer>();
        services.AddTransient<DemoDataSeeder>();
        services.AddTransient<DemoCaseSeeder>();
        services.AddTransient<DemoReferralSeeder>();
        services.AddTransient<DemoSteeringSeeder>();
        services.AddTransient<DemoTrainingSeeder>();
        return services;
    }
}
