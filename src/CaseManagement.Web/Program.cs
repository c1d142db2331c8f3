using CaseManagement.Web.Extensions;
using Serilog;

// "--migrate" applies the configured provider's migrations and exits (0 on success): the
// explicit migration step of a release (docs/operations.md), also with several instances.
var migrateOnly = MigrateCommand.IsRequested(args);
var builder = WebApplication.CreateBuilder(MigrateCommand.WithoutSwitch(args));

builder.AddStructuredLogging();
builder.AddTelemetry();
builder.AddCaseManagementServices();

try
{
    // Disposing the app disposes its Serilog logger, which drains the asynchronous sinks' queues:
    // also when start-up fails before RunAsync (which disposes the app itself on shutdown).
    await using var app = builder.Build();
    if (migrateOnly)
    {
        return await app.RunMigrationsAsync();
    }

    app.UseCaseManagementPipeline();
    app.MapCaseManagementEndpoints();

    await app.InitializeDatabaseAsync();
    app.PrintWhereToSignInOnceStarted();

    await app.RunAsync();
    return 0;
}
finally
{
    // The host keeps its own logger (LoggingExtensions); this flushes anything written to the static one.
    await Log.CloseAndFlushAsync();
}
