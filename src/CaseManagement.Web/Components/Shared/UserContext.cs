using System.Globalization;
using System.Security.Claims;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Identity;

namespace CaseManagement.Web.Components.Shared;

/// <summary>Reads what the shell shows about the signed-in staff member from their claims.</summary>
public static class UserContext
{
    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(StaffClaimTypes.DisplayName) ?? user.Identity?.Name ?? "";

    public static Organisation? Organisation(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(StaffClaimTypes.Organisation), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
        && Enum.IsDefined((Organisation)value)
            ? (Organisation)value
            : null;

    /// <summary>The role that decides the home page; a person with several roles gets the first in this order.</summary>
    public static string? PrimaryRole(this ClaimsPrincipal user) => StaffRole.All.FirstOrDefault(user.IsInRole);
}
