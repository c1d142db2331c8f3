using System.Globalization;
using System.Text;

namespace CaseManagement.Domain.Clients;

/// <summary>Folds text for search so that "Müller", "Mueller" and "muller" find each other.</summary>
public static class SearchText
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        // Composed form first: pasted text often carries "u" + combining diaeresis instead of "ü".
        var lower = text.Trim().Normalize(NormalizationForm.FormC).ToLowerInvariant()
            .Replace("ä", "ae", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal)
            .Replace("ü", "ue", StringComparison.Ordinal).Replace("ß", "ss", StringComparison.Ordinal)
            .Replace('ı', 'i').Replace('ł', 'l').Replace('ø', 'o').Replace('đ', 'd');
        var builder = new StringBuilder(lower.Length);
        foreach (var c in lower.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.IsWhiteSpace(c) ? ' ' : c);
            }
        }

        return string.Join(' ', builder.ToString().Normalize(NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
