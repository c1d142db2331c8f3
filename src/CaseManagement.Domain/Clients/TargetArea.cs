namespace CaseManagement.Domain.Clients;

/// <summary>The cooperation serves people who live in Ludwigshafen am Rhein.</summary>
public static class TargetArea
{
    public const string CityName = "Ludwigshafen am Rhein";

    public static IReadOnlySet<string> PostalCodes { get; } =
        new HashSet<string>(StringComparer.Ordinal) { "67059", "67061", "67063", "67065", "67067", "67069", "67071" };

    public static bool Contains(string? postalCode) => postalCode is not null && PostalCodes.Contains(postalCode.Trim());
}
