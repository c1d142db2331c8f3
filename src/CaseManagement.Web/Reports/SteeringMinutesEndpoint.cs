using System.Security.Claims;
using CaseManagement.Application.Steering;
using CaseManagement.Web.Account;
using CaseManagement.Web.Authorization;

namespace CaseManagement.Web.Reports;

/// <summary>GET /lenkungsrunden/sitzungen/{id}/protokoll.pdf: the minutes for whoever may read the meeting (404 otherwise).</summary>
public static class SteeringMinutesEndpoint
{
    public static string Path(Guid meetingId) => $"/lenkungsrunden/sitzungen/{meetingId}/protokoll.pdf";

    public static IEndpointRouteBuilder MapSteeringMinutes(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/lenkungsrunden/sitzungen/{meetingId:guid}/protokoll.pdf", RenderAsync).RequireAuthorization(Policies.SteeringFigures);
        return endpoints;
    }

    private static async Task<IResult> RenderAsync(Guid meetingId, HttpContext http, ClaimsPrincipal user, SteeringRounds rounds, CancellationToken cancellationToken)
    {
        if (user.ToStaffMember() is not { } staff)
        {
            return Results.Forbid();
        }

        if (await rounds.MinutesPdfAsync(staff, meetingId, cancellationToken) is not { } file)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "no-store";
        return Results.File(file.Content, file.ContentType, file.FileName);
    }
}
