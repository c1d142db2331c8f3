using CaseManagement.Application.Sessions;
using CaseManagement.Domain.Sessions;
using CaseManagement.Infrastructure.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace CaseManagement.Web.Account;

public static class AccountEndpoints
{
    public const string SignedInAccountPath = "/konto/angemeldet-als";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Sign-out is a POST with an antiforgery token, so no foreign page can sign a caseworker out.
        // It ends the session on the server (every tab and every copy of the cookie loses access),
        // then clears this browser's cookie.
        endpoints.MapPost(StaffAccountsRegistration.LogoutPath, async (
            HttpContext context, IAntiforgery antiforgery, SignInManager<StaffUser> signInManager, StaffSessions sessions) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }

            if (context.User.SessionId() is { } sessionId && context.User.ToStaffMember() is { } staff)
            {
                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                await sessions.EndAsync(sessionId, SessionEndReason.SignedOut, staff, TabOf(form), context.RequestAborted);
            }

            await signInManager.SignOutAsync();
            return Results.LocalRedirect(SignInNotice.LoginPath(SignInNotice.SignedOut));
        });

        // Whose sign-in this browser holds now (the account id, empty when none): reconnect.js asks
        // before handing typing back into a page that came back after a loss, since in a shared
        // browser someone else may have signed in meanwhile, and a resumed page is theirs.
        endpoints.MapGet(SignedInAccountPath, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return Results.Text(context.User.ToStaffMember()?.Id ?? "", "text/plain");
        }).AllowAnonymous();
        return endpoints;
    }

    /// <summary>The tab that sent the sign-out form (<see cref="CircuitSession.TabId"/>), if the value looks like one.</summary>
    private static string? TabOf(IFormCollection form) =>
        form["tab"].ToString() is { Length: 32 } tab && tab.All(char.IsAsciiHexDigitLower) ? tab : null;

    /// <summary>Only paths of this application are allowed as a target after sign-in (no open redirect).</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal)
            && !url.StartsWith("/\\", StringComparison.Ordinal) && Uri.IsWellFormedUriString(url, UriKind.Relative)
            ? url
            : "/";
}
