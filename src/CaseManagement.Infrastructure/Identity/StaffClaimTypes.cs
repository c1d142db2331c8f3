namespace CaseManagement.Infrastructure.Identity;

/// <summary>Claims the product adds to a signed-in staff member's principal.</summary>
public static class StaffClaimTypes
{
    public const string Organisation = "cm:organisation";
    public const string DisplayName = "cm:display_name";
}
