namespace CaseManagement.Infrastructure.Identity;

/// <summary>Claims the product adds to a signed-in staff member's principal.</summary>
public static class StaffClaimTypes
{
    public const string Organisation = "cm:organisation";
    public const string DisplayName = "cm:display_name";

    /// <summary>The id of the server-side <c>StaffSession</c> this sign-in belongs to.</summary>
    public const string Session = "cm:session";
}
