using System.Globalization;
using Serilog;
using Serilog.Events;

namespace CaseManagement.Web.Extensions;

/// <summary>
/// Serilog (console plus a daily rolling file in <c>Logging:Folder</c>, both written
/// asynchronously; levels from the <c>Serilog</c> section) and one line per request. Personal data never goes into these logs:
/// ids and counts, never names, addresses, notes, query strings or paths that carry ids.
/// </summary>
public static class LoggingExtensions
{
    private const string OutputTemplate =
        "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>The request line names the route pattern (<c>/klienten/{id}</c>), never the path.</summary>
    private const string RequestTemplate =
        "HTTP {RequestMethod} {RequestRoute} responded {StatusCode} in {Elapsed:0.0} ms [{CorrelationId}]";

    /// <summary>
    /// Events waiting per sink. When a sink falls this far behind, the request blocks until there
    /// is room again (<c>blockWhenFull</c>): no log line, no security event is dropped.
    /// </summary>
    private const int QueueLength = 10_000;

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
            // Asynchronous: the request thread only queues the event, one background thread per
            // sink writes it. Synchronous console logging cost 27-48 % of /klienten throughput
            // (issue #19). The queue is flushed when the host disposes the logger at shutdown.
            .WriteTo.Async(sink => sink.Console(outputTemplate: OutputTemplate, formatProvider: CultureInfo.InvariantCulture), bufferSize: QueueLength, blockWhenFull: true)
            .WriteTo.Async(sink => sink.File(
                Path.Combine(folder, "casemanagement-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 30,
                outputTemplate: OutputTemplate,
                formatProvider: CultureInfo.InvariantCulture), bufferSize: QueueLength, blockWhenFull: true),
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
