using System.Globalization;
using Serilog;
using Serilog.Events;

namespace CaseManagement.Web.Extensions;

/// <summary>
/// Serilog (console plus a daily rolling file in <c>Logging:Folder</c>; levels from the
/// <c>Serilog</c> section) and one line per request. Personal data never goes into these logs:
/// ids and counts, never names, addresses, notes, query strings or paths that carry ids.
/// </summary>
public static class LoggingExtensions
{
    private const string OutputTemplate =
        "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>The request line names the route pattern (<c>/klienten/{id}</c>), never the path.</summary>
    private const string RequestTemplate =
        "HTTP {RequestMethod} {RequestRoute} responded {StatusCode} in {Elapsed:0.0} ms [{CorrelationId}]";

    public static WebApplicationBuilder AddStructuredLogging(this WebApplicationBuilder builder)
    {
        var folder = builder.Configuration["Logging:Folder"] ?? "logs";
        if (!Path.IsPathRooted(folder))
        {
            folder = Path.Combine(builder.Environment.ContentRootPath, folder);
        }

        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .MinimumLevel.Override("Microsoft.AspNetCore.Hosting.Diagnostics", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: OutputTemplate, formatProvider: CultureInfo.InvariantCulture)
            .WriteTo.File(
                Path.Combine(folder, "casemanagement-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 30,
                outputTemplate: OutputTemplate,
                formatProvider: CultureInfo.InvariantCulture),
            // Each host keeps its own logger instead of replacing the static Log.Logger: with
            // several hosts in one process (the tests) they would write into each other's files.
            preserveStaticLogger: true);
        return builder;
    }

    /// <summary>
    /// Serilog's request logging with only the properties named in <see cref="RequestTemplate"/>:
    /// its default would also attach <c>RequestPath</c>, which holds client ids.
    /// </summary>
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = RequestTemplate;
            options.GetMessageTemplateProperties = (http, _, elapsed, statusCode) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(http.Request.Method)),
                new LogEventProperty("RequestRoute", new ScalarValue(RouteOf(http))),
                new LogEventProperty("StatusCode", new ScalarValue(statusCode)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
                new LogEventProperty("CorrelationId", new ScalarValue(http.TraceIdentifier)),
            ];
        });

    private static string RouteOf(HttpContext http) =>
        (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(keine Route)";
}
