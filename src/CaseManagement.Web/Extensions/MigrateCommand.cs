using CaseManagement.Infrastructure.Persistence;

namespace CaseManagement.Web.Extensions;

/// <summary>
/// <c>CaseManagement.Web --migrate</c>: applies the pending migrations of the configured provider
/// (<c>Database:Provider</c>, <c>ConnectionStrings:CaseManagement</c>) regardless of
/// <c>Database:MigrateOnStartup</c>, then exits: 0 when the database is up to date, 1 when a
/// migration failed. Nothing else starts (no web server, no background jobs, no demo data).
/// </summary>
public static class MigrateCommand
{
    public const string Switch = "--migrate";

    public static bool IsRequested(IEnumerable<string> args) => args.Contains(Switch, StringComparer.Ordinal);

    /// <summary>The arguments without the switch: the configuration's command-line reader would take the next argument as its value.</summary>
    public static string[] WithoutSwitch(IEnumerable<string> args) => [.. args.Where(arg => !string.Equals(arg, Switch, StringComparison.Ordinal))];

    public static async Task<int> RunMigrationsAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MigrateCommand).FullName!);
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(app.Lifetime.ApplicationStopping);
            return 0;
        }
#pragma warning disable CA1031 // any failure must end in a non-zero exit code with the reason logged, not in a crash dump
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.LogCritical(exception, "Migration failed; the database is left as the failed migration's transaction left it");
            return 1;
        }
    }
}
