using System.Globalization;

namespace CaseManagement.Application.Clients;

/// <summary>A master-data field someone else changed, with its value now.</summary>
public sealed record FieldChange(string Label, string NewValue, bool AlsoChangedByMe);

/// <summary>
/// The master-data fields by their German names: for the audit (names only, never values) and
/// for resolving an edit conflict field by field.
/// </summary>
public static class ClientFields
{
    private sealed record Field(string Label, Func<ClientInput, object?> Value, Action<ClientInput, ClientInput> CopyFromTo);

    private static readonly Field[] Fields =
    [
        new("Vorname", x => x.FirstName.Trim(), (f, t) => t.FirstName = f.FirstName),
        new("Nachname", x => x.LastName.Trim(), (f, t) => t.LastName = f.LastName),
        new("Geburtsdatum", x => x.BirthDate, (f, t) => t.BirthDate = f.BirthDate),
        new("Geschlecht", x => x.Gender, (f, t) => t.Gender = f.Gender),
        new("Straße", x => TextRules.TrimToNull(x.Street), (f, t) => t.Street = f.Street),
        new("PLZ", x => x.PostalCode.Trim(), (f, t) => t.PostalCode = f.PostalCode),
        new("Wohnort", x => x.City.Trim(), (f, t) => t.City = f.City),
        new("Telefon", x => TextRules.TrimToNull(x.Phone), (f, t) => t.Phone = f.Phone),
        new("E-Mail", x => TextRules.TrimToNull(x.Email), (f, t) => t.Email = f.Email),
        new("Wohnsituation", x => x.Housing, (f, t) => t.Housing = f.Housing),
        new("Schulabschluss", x => x.Schooling, (f, t) => t.Schooling = f.Schooling),
        new("Berufsausbildung", x => x.VocationalTraining, (f, t) => t.VocationalTraining = f.VocationalTraining),
        new("Erwerbssituation", x => x.Employment, (f, t) => t.Employment = f.Employment),
        new("Jugendberufsagentur", x => x.YouthEmploymentAgencyInvolved, (f, t) => t.YouthEmploymentAgencyInvolved = f.YouthEmploymentAgencyInvolved),
    ];

    public static IReadOnlyList<string> All { get; } = [.. Fields.Select(f => f.Label)];

    public static IReadOnlyList<string> Changed(ClientInput before, ClientInput after) =>
        [.. Fields.Where(f => !Equals(f.Value(before), f.Value(after))).Select(f => f.Label)];

    /// <summary>What someone else changed between <paramref name="loaded"/> and <paramref name="latest"/>, and whether the user changed it too.</summary>
    public static IReadOnlyList<FieldChange> ChangedByOthers(ClientInput loaded, ClientInput latest, ClientInput mine) =>
        [.. Fields.Where(f => !Equals(f.Value(loaded), f.Value(latest)))
            .Select(f => new FieldChange(f.Label, Display(f.Value(latest)), !Equals(f.Value(loaded), f.Value(mine))))];

    /// <summary>
    /// The user's input on top of the latest version: fields the user left alone take the other
    /// person's values, fields the user changed keep the user's values.
    /// </summary>
    public static void TakeOthersChanges(ClientInput loaded, ClientInput latest, ClientInput mine)
    {
        foreach (var field in Fields.Where(f => Equals(f.Value(loaded), f.Value(mine)) && !Equals(f.Value(loaded), f.Value(latest))))
        {
            field.CopyFromTo(latest, mine);
        }
    }

    private static string Display(object? value) => value switch
    {
        null => "(leer)",
        "" => "(leer)",
        bool b => b ? "ja" : "nein",
        DateOnly d => Domain.GermanCalendar.Format(d),
        Domain.Clients.Gender g => GermanLabels.Of(g),
        Domain.Clients.HousingSituation h => GermanLabels.Of(h),
        Domain.Clients.Schooling s => GermanLabels.Of(s),
        Domain.Clients.VocationalTraining v => GermanLabels.Of(v),
        Domain.Clients.EmploymentSituation e => GermanLabels.Of(e),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
