using System.Globalization;
using System.Text.RegularExpressions;

namespace CaseManagement.Domain.Clients;

/// <summary>The pseudonymous case number, e.g. LU-2026-00042: year of registration and a running number.</summary>
public static partial class CaseNumber
{
    public static string Format(int year, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"LU-{year:D4}-{sequence:D5}");

    public static string PrefixFor(int year) => string.Create(CultureInfo.InvariantCulture, $"LU-{year:D4}-");

    public static bool TryParse(string? value, out int year, out int sequence)
    {
        year = sequence = 0;
        var match = value is null ? Match.Empty : Pattern().Match(value.Trim());
        return match.Success
            && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out year)
            && int.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out sequence);
    }

    [GeneratedRegex(@"^LU-(\d{4})-(\d{5})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
