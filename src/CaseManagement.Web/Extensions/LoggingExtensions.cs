using Serilog;
using Serilog.Events;

namespace CaseManagement.Web.Extensions;

public static class LoggingExtensions
{
    private const string OutputTemplate =
        "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>
    /// Serilog behind Microsoft.Extensions.Logging: console plus a daily rolling file in
    /// <c>Logging:Folder</c>. Levels come from the <c>Serilog</c> section. Personal data never
    /// goes into these logs: log ids and counts, never names, addresses or notes.
    /// </summary>
    public static WebApplicationBuilder AddStructuredLogging(this WebApplicationBuilder builder)
    {
        var folder = builder.Configuration["Logging:Folder"] ?? "logs";
        if (!Path.IsPathRooted(folder))
        {
            folder = Path.Combine(builder.Environment.ContentRootPath, folder);
        }

        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .MinimumLevel.Override("Microsoft.AspNetCore.Hosting.Diagnostics", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: OutputTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .WriteTo.File(
                Path.Combine(folder, "casemanagement-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 30,
                outputTemplate: OutputTemplate,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .CreateLogger();

        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
        return builder;
    }
}
