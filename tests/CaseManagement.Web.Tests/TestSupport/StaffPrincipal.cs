using System.Globalization;
using System.Security.Claims;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Identity;

namespace CaseManagement.Web.Tests.TestSupport;

/// <summary>Signed-in staff members with the claims the sign-in puts into the cookie (see StaffClaimsPrincipalFactory).</summary>
public static class StaffPrincipal
{
    public static ClaimsPrincipal Create(
        string? role,
        Organisation? organisation,
        string displayName = "Jana Schneider",
        string email = "person@jobcenter.example")
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, email),
            new(StaffClaimTypes.DisplayName, displayName),
        };
        if (organisation is { } value)
        {
            claims.Add(new Claim(StaffClaimTypes.Organisation, ((int)value).ToString(CultureInfo.InvariantCulture)));
        }

        if (role is not null)
        {
            claims.Add(new Claim(ClaimTypes.Role, role));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType: "Test"));
    }

    /// <summary>A staff member holding <paramref name="role"/> in an organisation the role exists in.</summary>
    public static ClaimsPrincipal InRole(string role, string displayName = "Jana Schneider") =>
        Create(role, OrganisationFor(role), displayName);

    public static Organisation OrganisationFor(string role) =>
        StaffRole.IsAllowedFor(role, Organisation.Jobcenter) ? Organisation.Jobcenter : Organisation.DrugHelpService;
}
