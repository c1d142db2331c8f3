using System.Security.Claims;
using CaseManagement.Application.Consent;
using CaseManagement.Web.Account;
using CaseManagement.Web.Authorization;

namespace CaseManagement.Web.DataProtection;

/// <summary>
/// GET /klienten/{clientId}/einwilligungen/{consentId}/formular.pdf: the consent form (Schweigepflichtentbindung)
/// to print and sign, for those who see the consent; audited.
/// </summary>
public static class ConsentFormEndpoint
{
    public static IEndpointRouteBuilder MapConsentForm(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/klienten/{clientId:guid}/einwilligungen/{consentId:guid}/formular.pdf", RenderAsync).RequireAuthorization(Policies.CaseWork);
        return endpoints;
    }

    public static string Url(Guid clientId, Guid consentId) => $"/klienten/{clientId}/einwilligungen/{consentId}/formular.pdf";

    private static async Task<IResult> RenderAsync(
        Guid clientId, Guid consentId, HttpContext http, ClaimsPrincipal user, ConsentFormPrint print, CancellationToken cancellationToken)
    {
        if (user.ToStaffMember() is not { } staff)
        {
            return Results.Forbid();
        }

        var form = await print.RenderAsync(staff, clientId, consentId, cancellationToken);
        if (form is null)
        {
            return Results.NotFound();
        }

        // Personal data: never kept by browser or proxy caches.
        http.Response.Headers.CacheControl = "no-store";
        return Results.File(form.Pdf, "application/pdf", form.FileName);
    }
}
