using System.Security.Claims;
using CaseManagement.Domain.Access;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Web.Components.Shared;

namespace CaseManagement.Web.Account;

public static class CurrentStaff
{
    /// <summary>The signed-in staff member as the access decision sees them; null for anyone without an organisation.</summary>
    public static StaffMember? ToStaffMember(this ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var organisation = user.Organisation();
        if (user.Identity?.IsAuthenticated != true || id is null || organisation is null)
        {
            return null;
        }

        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new StaffMember(id, user.DisplayName(), organisation.Value, roles);
    }

    /// <summary>The server-side session this sign-in belongs to; null for anyone else and for cookies from before sessions existed.</summary>
    public static Guid? SessionId(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && Guid.TryParse(user.FindFirstValue(StaffClaimTypes.Session), out var id) ? id : null;
}
