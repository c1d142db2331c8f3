using System.Text.RegularExpressions;

namespace CaseManagement.Domain.Clients;

/// <summary>Main diagnoses of the addiction-help core data set: ICD-10 F10–F19 (substances) and F63.0 (gambling).</summary>
public static partial class Icd10
{
    public static bool IsAddictionDiagnosis(string? code) => code is not null && Pattern().IsMatch(code.Trim());

    [GeneratedRegex(@"^(F1[0-9](\.[0-9]{1,2})?|F63\.0)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
