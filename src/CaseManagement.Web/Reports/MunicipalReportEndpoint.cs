using System.Security.Claims;
using CaseManagement.Application.Steering;
using CaseManagement.Web.Account;
using CaseManagement.Web.Authorization;

namespace CaseManagement.Web.Reports;

/// <summary>GET /lenkungsrunden/suchtbericht/{year}/suchtbericht.pdf: the municipal report for whoever may read it (404 otherwise).</summary>
public static class MunicipalReportEndpoint
{
    public static string Path(int year) => $"/lenkungsrunden/suchtbericht/{year}/suchtbericht.pdf";

    public static IEndpointRouteBuilder MapMunicipalReport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/lenkungsrunden/suchtbericht/{year:int}/suchtbericht.pdf", RenderAsync).RequireAuthorization(Policies.SteeringFigures);
        return endpoints;
    }

    private static async Task<IResult> RenderAsync(int year, HttpContext http, ClaimsPrincipal user, MunicipalReports reports, CancellationToken cancellationToken)
    {
        if (user.ToStaffMember() is not { } staff)
        {
            return Results.Forbid();
        }

        if (await reports.PdfAsync(staff, year, cancellationToken) is not { } file)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "no-store";
        return Results.File(file.Content, file.ContentType, file.FileName);
    }
}
