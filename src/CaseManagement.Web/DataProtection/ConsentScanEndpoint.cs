using System.Security.Claims;
using CaseManagement.Application.Consent;
using CaseManagement.Web.Account;
using CaseManagement.Web.Authorization;

namespace CaseManagement.Web.DataProtection;

/// <summary>GET /klienten/{clientId}/einwilligungen/{consentId}/scan: the signed form's scan, for those who see the consent; audited.</summary>
public static class ConsentScanEndpoint
{
    public static IEndpointRouteBuilder MapConsentScan(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/klienten/{clientId:guid}/einwilligungen/{consentId:guid}/scan", OpenAsync).RequireAuthorization(Policies.CaseWork);
        return endpoints;
    }

    public static string Url(Guid clientId, Guid consentId) => $"/klienten/{clientId}/einwilligungen/{consentId}/scan";

    private static async Task<IResult> OpenAsync(Guid clientId, Guid consentId, HttpContext http, ClaimsPrincipal user, ConsentScans scans, CancellationToken cancellationToken)
    {
        if (user.ToStaffMember() is not { } staff)
        {
            return Results.Forbid();
        }

        var file = await scans.OpenAsync(staff, clientId, consentId, cancellationToken);
        if (file is null)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(file.Content, file.ContentType, file.FileName);
    }
}
