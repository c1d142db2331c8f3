using System.Globalization;
using System.Security.Claims;
using CaseManagement.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Web.Account;

/// <summary>What a person must do after the password (and code) were right, before the sign-in completes.</summary>
public enum PendingStep
{
    /// <summary>Replace the initial password from Administration with one of their own.</summary>
    ChangePassword = 1,

    /// <summary>Set up an authenticator app, which their role requires.</summary>
    EnrolSecondFactor = 2,
}

/// <summary>
/// The short-lived state between the sign-in form and a further step, kept in Identity's
/// two-factor cookie (encrypted by Data Protection, five minutes): which account, which step, and
/// the account's security stamp at that moment. Nothing of the product opens with it; a step page
/// accepts it only for its own step, while the account is unchanged, active and not locked.
/// </summary>
public sealed class PendingSignIn(UserManager<StaffUser> users, TimeProvider clock)
{
    private const string StepClaim = "cm:pending-step";
    private const string StampClaim = "cm:pending-stamp";

    public Task IssueAsync(HttpContext http, StaffUser user, PendingStep step)
    {
        var identity = new ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme);
        identity.AddClaim(new Claim(ClaimTypes.Name, user.Id));
        identity.AddClaim(new Claim(StepClaim, ((int)step).ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(StampClaim, user.SecurityStamp ?? ""));
        return http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(identity));
    }

    /// <summary>The account waiting for <paramref name="step"/> in this browser, or null.</summary>
    public async Task<StaffUser?> ReadAsync(HttpContext http, PendingStep step)
    {
        var result = await http.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        var principal = result.Succeeded ? result.Principal : null;
        if (principal?.FindFirstValue(ClaimTypes.Name) is not { } userId
            || principal.FindFirstValue(StepClaim) != ((int)step).ToString(CultureInfo.InvariantCulture))
        {
            return null;
        }

        var user = await users.FindByIdAsync(userId);
        var unchanged = user is not null && string.Equals(user.SecurityStamp ?? "", principal.FindFirstValue(StampClaim), StringComparison.Ordinal);
        var locked = user?.LockoutEnd is { } end && end > clock.GetUtcNow();
        return unchanged && user!.DeactivatedAt is null && !locked ? user : null;
    }

    /// <summary>The account as stored now, after a step changed it in another unit of work.</summary>
    public Task<StaffUser> ReadUserAsync(string userId) => users.Users.AsNoTracking().SingleAsync(u => u.Id == userId);

    public Task ClearAsync(HttpContext http) => http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
}
