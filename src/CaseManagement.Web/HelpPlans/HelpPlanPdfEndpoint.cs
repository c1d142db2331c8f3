using System.Security.Claims;
using CaseManagement.Application.HelpPlans;
using CaseManagement.Web.Account;
using CaseManagement.Web.Authorization;

namespace CaseManagement.Web.HelpPlans;

/// <summary>GET /klienten/{id}/hilfeplan/{version}/pdf: the plan for the client to take home.</summary>
public static class HelpPlanPdfEndpoint
{
    public static IEndpointRouteBuilder MapHelpPlanPdf(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/klienten/{clientId:guid}/hilfeplan/{version:int}/pdf", RenderAsync)
            .RequireAuthorization(Policies.CaseWork);
        return endpoints;
    }

    private static async Task<IResult> RenderAsync(
        Guid clientId, int version, ClaimsPrincipal user, HttpContext http, HelpPlanPrint print, CancellationToken cancellationToken)
    {
        if (user.ToStaffMember() is not { } staff)
        {
            return Results.Forbid();
        }

        var result = await print.RenderAsync(staff, clientId, version, cancellationToken);
        if (result.NotFound)
        {
            return Results.NotFound();
        }

        if (result is not { Succeeded: true, Value: { } printed })
        {
            return Results.Text(result.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
        }

        // Personal data: never kept by browser or proxy caches.
        http.Response.Headers.CacheControl = "no-store";
        return Results.File(printed.Pdf, "application/pdf", printed.FileName);
    }
}
