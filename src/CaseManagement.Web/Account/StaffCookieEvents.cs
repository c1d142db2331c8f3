using System.Security.Claims;
using CaseManagement.Application.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CaseManagement.Web.Account;

/// <summary>
/// Checks on every request that the cookie's session is still active on the server (and the
/// account's security stamp unchanged), so a copy of the cookie is worthless once its session
/// ended. This replaces Identity's default security-stamp validator, which looked only every
/// 30 minutes. The cookie handler authenticates once per request, so this is one query per request.
/// </summary>
public sealed class StaffCookieEvents(StaffSessions sessions, IOptions<IdentityOptions> identityOptions) : CookieAuthenticationEvents
{
    private const string EndedSessionNotice = "cm:ended-session-notice";

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (principal?.ToStaffMember() is not { } member || principal.SessionId() is not { } sessionId)
        {
            await RejectAsync(context, SignInNotice.Expired);
            return;
        }

        var stamp = principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType);
        var check = await sessions.CheckAsync(sessionId, member, stamp, recordActivity: true, context.HttpContext.RequestAborted);
        if (!check.IsActive)
        {
            await RejectAsync(context, SignInNotice.For(check.EndReason));
        }
    }

    /// <summary>A page that needs a sign-in after the session ended says why on the sign-in page.</summary>
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (context.HttpContext.Items[EndedSessionNotice] is string notice)
        {
            context.RedirectUri = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(context.RedirectUri, SignInNotice.Parameter, notice);
        }

        return base.RedirectToLogin(context);
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context, string notice)
    {
        context.RejectPrincipal();
        context.HttpContext.Items[EndedSessionNotice] = notice;
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
