using CaseManagement.Application.Security;
using CaseManagement.Web.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace CaseManagement.Web.Authorization;

/// <summary>
/// A signed-in person refused a page or endpoint by its policy becomes a security event, named by
/// the route pattern (never the path, which may hold ids). Then the framework's answer as before.
/// </summary>
public sealed class RefusalLoggingResultHandler(SecurityEvents events) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(keine Route)";
            events.PageAccessRefused(route, context.User.ToStaffMember()?.Id);
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
