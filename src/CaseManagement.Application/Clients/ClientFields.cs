namespace CaseManagement.Application.Clients;

/// <summary>The audit names changed master-data fields (in German), never their values.</summary>
public static class ClientFields
{
    private static readonly (string Label, Func<ClientInput, object?> Value)[] Fields =
    [
        ("Vorname", x => x.FirstName.Trim()),
        ("Nachname", x => x.LastName.Trim()),
        ("Geburtsdatum", x => x.BirthDate),
        ("Geschlecht", x => x.Gender),
        ("Straße", x => TextRules.TrimToNull(x.Street)),
        ("PLZ", x => x.PostalCode.Trim()),
        ("Wohnort", x => x.City.Trim()),
        ("Telefon", x => TextRules.TrimToNull(x.Phone)),
        ("E-Mail", x => TextRules.TrimToNull(x.Email)),
        ("Wohnsituation", x => x.Housing),
        ("Schulabschluss", x => x.Schooling),
        ("Berufsausbildung", x => x.VocationalTraining),
        ("Erwerbssituation", x => x.Employment),
        ("Jugendberufsagentur", x => x.YouthEmploymentAgencyInvolved),
    ];

    public static IReadOnlyList<string> All { get; } = [.. Fields.Select(f => f.Label)];

    public static IReadOnlyList<string> Changed(ClientInput before, ClientInput after) =>
        [.. Fields.Where(f => !Equals(f.Value(before), f.Value(after))).Select(f => f.Label)];
}
