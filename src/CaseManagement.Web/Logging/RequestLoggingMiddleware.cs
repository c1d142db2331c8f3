using System.Diagnostics;

namespace CaseManagement.Web.Logging;

/// <summary>
/// One structured line per request. It names the route pattern (e.g. <c>/klienten/{id}</c>)
/// rather than the path, and never the query string, so no search term or id typed by a
/// caseworker ends up in the log. The correlation id is the one the error page shows.
/// </summary>
public sealed class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(keine Route)";
            logger.LogInformation(
                "HTTP {Method} {Route} responded {StatusCode} in {ElapsedMs:0.0} ms [{CorrelationId}]",
                context.Request.Method,
                route,
                context.Response.StatusCode,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                context.TraceIdentifier);
        }
    }
}
