using System.Globalization;
using FluentValidation;

namespace CaseManagement.Application;

/// <summary>
/// The one rule for text typed by staff: at most a given length (said in the message, with what
/// was typed) and no control characters other than line breaks and tabs (a NUL byte or an escape
/// sequence never reaches the database, a print-out or a calendar file). Every text field of every
/// input model uses it; FreeTextRuleTests finds a field that does not.
/// </summary>
public static class FreeTextRule
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <param name="label">The field's label as the form shows it, e.g. "Kurznotiz".</param>
    public static IRuleBuilderOptions<T, string?> FreeText<T>(this IRuleBuilder<T, string?> rule, string label, int maxLength) =>
        rule.Must(text => text is null || text.Length <= maxLength)
            .WithMessage((_, text) => $"„{label}“ darf höchstens {Thousands(maxLength)} Zeichen lang sein; eingegeben sind {Thousands(text!.Length)}.")
            .Must(TextRules.HasNoControlCharacters)
            .WithMessage($"„{label}“ enthält unzulässige Steuerzeichen (etwa ein Null-Byte aus einer kopierten Vorlage); bitte entfernen Sie sie.");

    /// <summary>2000 → "2.000".</summary>
    public static string Thousands(int value) => value.ToString("N0", German);
}
