namespace CaseManagement.Web.Logging;

/// <summary>
/// Refuses a circuit connection (<c>/_blazor</c>: negotiation and WebSocket) that a page of another
/// origin opens with the user's cookie (cross-site WebSocket hijacking). Browsers send the Origin
/// header on these requests; it must name this application as the browser reached it (scheme and
/// host, behind the proxy from X-Forwarded-Proto and Host). Requests without an Origin come from no
/// foreign page and are left to authentication.
/// </summary>
public sealed class CircuitOriginCheck(RequestDelegate next, ILogger<CircuitOriginCheck> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/_blazor")
            && context.Request.Headers.Origin is { Count: > 0 } origin
            && !IsOwnOrigin(context.Request, origin.ToString()))
        {
            logger.LogWarning("Circuit connection from a foreign origin refused [{CorrelationId}]", context.TraceIdentifier);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return context.Response.WriteAsync("Verbindung von einer fremden Seite abgelehnt.");
        }

        return next(context);
    }

    private static bool IsOwnOrigin(HttpRequest request, string origin) =>
        string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase);
}
