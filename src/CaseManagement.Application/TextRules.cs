namespace CaseManagement.Application;

/// <summary>Shared checks for free text typed by staff.</summary>
public static class TextRules
{
    /// <summary>Names: letters of any script (with combining marks), spaces, hyphen, apostrophe, dot.</summary>
    public static bool IsPlainName(string? value) =>
        string.IsNullOrEmpty(value) || (value.Any(char.IsLetter) && value.All(c =>
            char.IsLetter(c) || c is ' ' or '-' or '\'' or '.' or '’'
            || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
                or System.Globalization.UnicodeCategory.SpacingCombiningMark));

    /// <summary>Free text may hold anything printable and line breaks, but no other control characters.</summary>
    public static bool HasNoControlCharacters(string? value) =>
        string.IsNullOrEmpty(value) || !value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t');

    /// <summary>Account ids come from our own lists: short, printable, no spaces.</summary>
    public static bool IsPlausibleId(string? value) =>
        value is { Length: > 0 and <= 450 } && value.All(c => c is > ' ' and < (char)127);

    public static string? TrimToNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
