using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>Puts organisation and display name into the cookie so that pages need no extra query.</summary>
public sealed class StaffClaimsPrincipalFactory(
    UserManager<StaffUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StaffClaimTypes.Organisation, ((int)user.Organisation).ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(StaffClaimTypes.DisplayName, user.DisplayName));
        return identity;
    }
}
