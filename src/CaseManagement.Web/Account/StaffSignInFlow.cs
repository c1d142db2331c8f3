using System.Security.Claims;
using CaseManagement.Application.Sessions;
using CaseManagement.Application.Staff;
using CaseManagement.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace CaseManagement.Web.Account;

/// <summary>Sign-in from the sign-in form: check the password, start a server-side session, issue the cookie that names it.</summary>
public sealed class StaffSignInFlow(StaffSignIn signIn, StaffSessions sessions, SignInManager<StaffUser> signInManager)
{
    /// <returns>Whether the person is now signed in; why not is never told (see <see cref="StaffSignIn"/>).</returns>
    public async Task<bool> SignInAsync(HttpContext http, string email, string password)
    {
        // The address after UseForwardedHeaders: the client's own, if a trusted (loopback) proxy named it.
        var source = SignInThrottle.SourceOf(http.Connection.RemoteIpAddress);
        var outcome = await signIn.CheckAsync(email, password, source, http.RequestAborted);
        if (outcome.User is not { } user || !outcome.Succeeded)
        {
            return false;
        }

        var sessionId = await sessions.StartAsync(user, http.Request.Headers.UserAgent, http.RequestAborted);
        await signInManager.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(StaffClaimTypes.Session, sessionId.ToString())]);
        return true;
    }
}
