using System.Globalization;

namespace CaseManagement.Documents.Consent;

/// <summary>German words of the consent form; public so the UI and tests can use the same ones.</summary>
public static class ConsentFormLabels
{
    /// <summary>Title of the document.</summary>
    public const string Title = "Schweigepflichtentbindung und Einwilligung";

    /// <summary>Across every page of the form of a revoked consent.</summary>
    public const string RevokedMark = "WIDERRUFEN";

    /// <summary>Across every page of the form of a consent whose validity has ended.</summary>
    public const string ExpiredMark = "ABGELAUFEN";

    /// <summary>A kind of data in plain words, as the client reads it on the form.</summary>
    public static string Describe(ConsentFormCategory category) => category switch
    {
        ConsentFormCategory.MasterData => "Stammdaten: Name, Geburtsdatum, Anschrift, Telefon und E-Mail, Wohnsituation, Schule, Ausbildung und Arbeit",
        ConsentFormCategory.HelpPlan => "Hilfeplan: der gemeinsame Plan mit Ihren Zielen und den vereinbarten Schritten",
        ConsentFormCategory.Appointments => "Termine: Beratungstermine, Begleitungen und ob Sie sie wahrgenommen haben",
        ConsentFormCategory.Referrals => "Vermittlungen: an welche Stellen Sie vermittelt wurden (z. B. Schuldnerberatung, Reha) und wie es dort steht",
        ConsentFormCategory.HealthData => "Gesundheits- und Suchtdaten: Diagnosen, Behandlung (z. B. Substitution, Reha) und Auflagen. "
            + "Das sind besonders geschützte Gesundheitsdaten (Art. 9 Datenschutz-Grundverordnung).",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown consent category."),
    };

    /// <summary>The signing caseworker of the recording organisation.</summary>
    public static string Caseworker(ConsentFormParty party) => party switch
    {
        ConsentFormParty.Jobcenter => "Fallmanager:in Jobcenter",
        ConsentFormParty.DrugHelpService => "Fachkraft Drogenhilfe",
        _ => throw new ArgumentOutOfRangeException(nameof(party), party, "Unknown organisation."),
    };

    /// <summary>A date as dd.MM.yyyy.</summary>
    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
}
