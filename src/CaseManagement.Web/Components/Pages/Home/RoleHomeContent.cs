using CaseManagement.Domain.Staff;

namespace CaseManagement.Web.Components.Pages.Home;

public sealed record HomeLink(string Label, string Href, string Description);

/// <summary>What each role's start page says and links to. Later features add their own panels.</summary>
public sealed record RoleHomeContent(string Title, string Intro, IReadOnlyList<HomeLink> Links)
{
    private static readonly HomeLink Clients = new("Klient:innen", "/klienten", "Ihre Fälle, gemeinsame Hilfepläne, Termine und Vermittlungen.");

    public static RoleHomeContent For(string? role) => role switch
    {
        StaffRole.CaseManager => new("Fallmanagement Jobcenter",
            "Ihr Arbeitstag: eigene Fälle, gemeinsame Hilfepläne mit der Drogenhilfe, Termine und Vermittlungen.",
            [Clients]),
        StaffRole.DrugHelpWorker => new("Fachkraft Drogenhilfe",
            "Ihr Arbeitstag: eigene Fälle, aufsuchende Kontakte, Begleitungen und gemeinsame Hilfepläne mit dem Jobcenter.",
            [Clients]),
        StaffRole.TeamLeadJobcenter or StaffRole.TeamLeadDrugHelp => new("Teamleitung",
            "Fallbelastung Ihres Teams, überfällige Fortschreibungen und Umverteilung von Fällen.",
            [new("Team", "/team", "Fallzahlen je Mitarbeitende:r und Fälle, die hängen."),
             new("Kennzahlen", "/kennzahlen", "Anonymisierte Zahlen für die Lenkungsrunden."),
             new("Bedarfsanalyse", "/kennzahlen/bedarfsanalyse", "Nachfrage, Wartezeiten und fehlende Angebote im Netzwerk.")]),
        StaffRole.SteeringCommittee => new("Lenkungsrunde",
            "Anonymisierte Kennzahlen der Kooperation für strategische und operative Lenkungsrunde – keine Namen.",
            [new("Kennzahlen", "/kennzahlen", "Zahlen je Zeitraum, als PDF oder CSV für Sitzungen und den Suchtbericht."),
             new("Bedarfsanalyse", "/kennzahlen/bedarfsanalyse", "Nachfrage je Art der Stelle, Wartezeiten, Drehtüren und Bedarf ohne Angebot – für die operative Lenkungsrunde.")]),
        StaffRole.DataProtectionOfficer => new("Datenschutz",
            "Zugriffsprotokoll, Fallverläufe, Einwilligungsregister, Auskünfte nach Art. 15 und Löschläufe.",
            [new("Zugriffsprotokoll", "/datenschutz", "Wer hat wann welche Daten gelesen oder geändert; Suche nach einer Person."),
             new("Fallverlauf", "/datenschutz/verlauf", "Was mit den Daten eines Falls geschehen ist, in zeitlicher Folge."),
             new("Einwilligungsregister", "/datenschutz/einwilligungen", "Alle Einwilligungen, bald ablaufende, Widerrufe, Hilfepläne ohne Einwilligung."),
             new("Auskunft (Art. 15)", "/datenschutz/auskunft", "Alles, was über eine Person gespeichert ist, als Datei zum Aushändigen."),
             new("Löschläufe", "/datenschutz/loeschlaeufe", "Was der nächste Lauf anonymisiert, Löschsperren und bisherige Läufe.")]),
        StaffRole.Administrator => new("Administration",
            "Benutzerkonten, Rollen und Partnerverzeichnis. Falldaten sind für die Administration nicht sichtbar.",
            [new("Benutzerkonten", "/verwaltung/konten", "Konten beider Organisationen mit Rolle und Sperrstatus."),
             new("Netzwerkpartner", "/verwaltung/netzwerkpartner", "Verzeichnis der Stellen, an die vermittelt wird."),
             new("Aufbewahrungsfristen", "/verwaltung/aufbewahrung", "Nach wie vielen Jahren abgeschlossene Fälle anonymisiert werden.")]),
        _ => new("Start", "Ihrem Konto ist noch keine Rolle zugewiesen. Bitte wenden Sie sich an die Administration.", []),
    };
}
