using System.Security.Claims;
using CaseManagement.Application.Security;
using CaseManagement.Application.Sessions;
using CaseManagement.Application.Staff;
using CaseManagement.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace CaseManagement.Web.Account;

/// <summary>Where the sign-in form sends the person.</summary>
public enum SignInStep
{
    /// <summary>Refused; why is never told (see <see cref="StaffSignIn"/>).</summary>
    Refused,
    SignedIn,
    ChangePassword,
    EnrolSecondFactor,
}

/// <summary>
/// Sign-in from the sign-in form: check password and code, then the steps the account still owes
/// (<see cref="PendingStep"/>), then start a server-side session and issue the cookie that names it.
/// </summary>
public sealed class StaffSignInFlow(
    StaffSignIn signIn,
    StaffSessions sessions,
    SignInManager<StaffUser> signInManager,
    PendingSignIn pending,
    SecondFactorPolicy secondFactor,
    SecurityEvents events)
{
    public async Task<SignInStep> SignInAsync(HttpContext http, string email, string password, string? code)
    {
        // The address after UseForwardedHeaders: the client's own, if a trusted (loopback) proxy named it.
        var source = SignInThrottle.SourceOf(http.Connection.RemoteIpAddress);
        var outcome = await signIn.CheckAsync(email, password, code, source, http.RequestAborted);
        return outcome.User is { } user && outcome.Succeeded ? await ContinueAsync(http, user) : SignInStep.Refused;
    }

    /// <summary>The next step the account owes, or the completed sign-in when it owes none.</summary>
    public async Task<SignInStep> ContinueAsync(HttpContext http, StaffUser user)
    {
        if (user.MustChangePassword)
        {
            await pending.IssueAsync(http, user, PendingStep.ChangePassword);
            events.SignInStepRequired(user.Id, "replace the initial password");
            return SignInStep.ChangePassword;
        }

        if (!user.TwoFactorEnabled && secondFactor.IsRequiredFor(await signInManager.UserManager.GetRolesAsync(user)))
        {
            await pending.IssueAsync(http, user, PendingStep.EnrolSecondFactor);
            events.SignInStepRequired(user.Id, "set up a second factor");
            return SignInStep.EnrolSecondFactor;
        }

        await pending.ClearAsync(http);
        var sessionId = await sessions.StartAsync(user, http.Request.Headers.UserAgent, http.RequestAborted);
        await signInManager.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(StaffClaimTypes.Session, sessionId.ToString())]);
        return SignInStep.SignedIn;
    }

    /// <summary>Where a step sends the browser next, keeping the page the person wanted.</summary>
    public static string PathOf(SignInStep step, string? returnUrl) => step switch
    {
        SignInStep.ChangePassword => WithReturnUrl(StaffAccountsRegistration.SetPasswordPath, returnUrl),
        SignInStep.EnrolSecondFactor => WithReturnUrl(StaffAccountsRegistration.EnrolSecondFactorPath, returnUrl),
        SignInStep.SignedIn => AccountEndpoints.SafeReturnUrl(returnUrl),
        _ => StaffAccountsRegistration.LoginPath,
    };

    private static string WithReturnUrl(string path, string? returnUrl) =>
        returnUrl is null ? path : path + "?returnUrl=" + Uri.EscapeDataString(AccountEndpoints.SafeReturnUrl(returnUrl));
}
