using CaseManagement.Infrastructure.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace CaseManagement.Web.Account;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Sign-out is a POST with an antiforgery token, so no foreign page can sign a caseworker out.
        endpoints.MapPost(StaffAccountsRegistration.LogoutPath, async (
            HttpContext context, IAntiforgery antiforgery, SignInManager<StaffUser> signInManager) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }

            await signInManager.SignOutAsync();
            return Results.LocalRedirect(StaffAccountsRegistration.LoginPath + "?abgemeldet=1");
        });
        return endpoints;
    }

    /// <summary>Only paths of this application are allowed as a target after sign-in (no open redirect).</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal)
            && !url.StartsWith("/\\", StringComparison.Ordinal) && Uri.IsWellFormedUriString(url, UriKind.Relative)
            ? url
            : "/";
}
