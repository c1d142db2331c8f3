using CaseManagement.Domain.Referrals;

namespace CaseManagement.Infrastructure.DemoData;

/// <summary>One fictitious entry of the demo partner directory.</summary>
internal sealed record DemoPartner(
    string Name, PartnerType Type, string? ContactPerson, string Phone, string? Email, string Street, string PostalCode, string City,
    string? Notes, bool Archived = false);

/// <summary>
/// A fictitious partner directory (Netzwerkpartner) in and around Ludwigshafen am Rhein, covering
/// every <see cref="PartnerType"/>. Names, contact persons, house numbers, phone numbers (the 555
/// block, as for the demo accounts) and the <c>.example</c> mail addresses are invented; three
/// names match the partner services named in the demo help plans (<see cref="DemoPlanGenerator"/>),
/// so that referrals can carry out those steps.
/// </summary>
internal static class DemoPartnerCatalog
{
    private const string Lu = "Ludwigshafen am Rhein";

    public static IReadOnlyList<DemoPartner> All { get; } =
    [
        // Schuldnerberatung
        new("Schuldnerberatung der Stadt Ludwigshafen", PartnerType.DebtCounselling, "Frau Meral Aksoy", "0621 555-301", "schuldnerberatung@lu-stadt.example",
            "Bahnhofstraße 117", "67059", Lu, "Offene Sprechstunde Di 9–12 Uhr; Erstgespräch nach Terminvergabe, derzeit etwa vier Wochen Wartezeit. Kontoauszüge und Post mitbringen."),
        new("Schuldner- und Insolvenzberatung Vorderpfalz e. V.", PartnerType.DebtCounselling, "Herr Stefan Rothe", "06233 555-302", "beratung@sib-vorderpfalz.example",
            "Speyerer Straße 48", "67227", "Frankenthal (Pfalz)", "Auch Verbraucherinsolvenz. Anmeldung telefonisch Mo–Do 8–12 Uhr."),
        new("Schuldnerberatung Rheinufer im Beratungsverbund Süd", PartnerType.DebtCounselling, "Frau Jelena Marković", "0621 555-303", null,
            "Hauptstraße 212", "67067", Lu, "Krisenberatung bei drohender Stromsperre oder Räumung kurzfristig möglich."),

        // Suchthilfenetzwerk
        new("Suchthilfenetzwerk Ludwigshafen – Koordinierungsstelle", PartnerType.AddictionHelpNetwork, "Herr Tobias Engel", "0621 555-311", "koordination@suchthilfe-lu.example",
            "Kaiser-Wilhelm-Straße 52", "67059", Lu, "Vermittelt in Selbsthilfegruppen und Freizeitangebote; Übersicht der Gruppen liegt im Büro aus."),
        new("Arbeitskreis Suchthilfe Rhein-Pfalz-Kreis", PartnerType.AddictionHelpNetwork, "Frau Annika Vogt", "06235 555-312", "ak-suchthilfe@rpk.example",
            "Kirchenstraße 9", "67105", "Schifferstadt", "Für Klient:innen aus dem Umland; Treffen jeden ersten Mittwoch im Monat."),
        new("Suchtberatung Innenstadt (Außenstelle)", PartnerType.AddictionHelpNetwork, null, "0621 555-313", null,
            "Ludwigstraße 31", "67059", Lu, "Außenstelle seit Jahresbeginn geschlossen; Anfragen gehen an die Koordinierungsstelle.", Archived: true),

        // Hepatitis-C-Initiative
        new("Hepatitis-C-Initiative Rhein-Neckar e. V.", PartnerType.HepatitisCInitiative, "Herr Dr. Malte Kern", "0621 555-321", "info@hcv-rhein-neckar.example",
            "Seckenheimer Straße 74", "68165", "Mannheim", "Anonyme Schnelltests und Begleitung zur Behandlung; Termine auch kurzfristig."),
        new("Gesundheitsladen Hemshof – Testangebot Hepatitis C und HIV", PartnerType.HepatitisCInitiative, "Frau Sevgi Arslan", "0621 555-322", null,
            "Rohrlachstraße 80", "67063", Lu, "Offener Testtag donnerstags 14–18 Uhr, ohne Termin."),

        // Jugendberufsagentur
        new("Jugendberufsagentur Ludwigshafen", PartnerType.YouthEmploymentAgency, "Frau Lena Hartmann", "0621 555-331", "jba@lu.example",
            "Berliner Straße 23", "67059", Lu, "Gemeinsame Anlaufstelle von Agentur für Arbeit, Jobcenter und Jugendhilfe für unter 25-Jährige."),
        new("Jugendberufsagentur Rhein-Pfalz-Kreis – Außenstelle Schifferstadt", PartnerType.YouthEmploymentAgency, "Herr Jonas Peters", "06235 555-332", null,
            "Bahnhofstraße 61", "67105", "Schifferstadt", null),

        // Substitutionspraxen
        new("Suchtmedizinische Praxis am Berliner Platz", PartnerType.SubstitutionPractice, "Praxisteam, Frau Weiß (Anmeldung)", "0621 555-341", null,
            "Berliner Platz 6", "67059", Lu, "Vergabe Mo–Fr 7:30–10 Uhr, Sa 9–10 Uhr. Neuaufnahmen nur nach Vorgespräch; derzeit Warteliste."),
        new("Substitutionsambulanz Oggersheim", PartnerType.SubstitutionPractice, "Herr Can Yildiz", "0621 555-342", "ambulanz-oggersheim@praxis.example",
            "Mannheimer Straße 140", "67071", Lu, "Take-home-Regelung nach Absprache; Vergabezeiten auf Arbeitszeiten abstimmbar."),
        new("Hausarztpraxis mit Substitution Mundenheim", PartnerType.SubstitutionPractice, null, "0621 555-343", null,
            "Saarlandstraße 95", "67061", Lu, "Wenige Plätze; bitte vorher telefonisch anfragen."),

        // Ambulante Suchtrehabilitation
        new("Fachambulanz für Suchtkranke Ludwigshafen", PartnerType.OutpatientRehab, "Frau Dr. Julia Brenner", "0621 555-351", "fachambulanz@suchthilfe-lu.example",
            "Wredestraße 18", "67059", Lu, "Ambulante Reha berufsbegleitend (abends); Vorgespräch innerhalb von zwei Wochen."),
        new("Beratungszentrum Friesenheim – ambulante Rehabilitation", PartnerType.OutpatientRehab, "Herr Markus Lindner", "0621 555-352", null,
            "Sternstraße 41", "67063", Lu, "Auch Nachsorge nach stationärer Entwöhnung."),

        // Stationäre Reha-Kliniken
        new("Fachklinik Pfälzerwald für Abhängigkeitserkrankungen", PartnerType.InpatientRehabClinic, "Aufnahmebüro, Frau Keller", "06325 555-361", "aufnahme@fk-pfaelzerwald.example",
            "Talstraße 40", "67466", "Lambrecht (Pfalz)", "Aufnahme nach Kostenzusage der Rentenversicherung; Wartezeit derzeit sechs bis acht Wochen."),
        new("Reha-Zentrum Haardtrand – Entwöhnungsbehandlung", PartnerType.InpatientRehabClinic, "Herr Philipp Sauer", "06321 555-362", null,
            "Weinstraße Nord 12", "67433", "Neustadt an der Weinstraße", "Auch Kombi-Behandlung (stationär, dann ambulant)."),
        new("Therapiezentrum Nordpfalz – stationäre Entwöhnung", PartnerType.InpatientRehabClinic, "Frau Carina Busch", "06352 555-363", null,
            "Am Schlossgarten 3", "67292", "Kirchheimbolanden", "Schwerpunkt junge Erwachsene; Eltern-Kind-Plätze."),

        // Wohnungslosenhilfe
        new("Fachberatung Wohnungsnot und Tagesaufenthalt Ludwigshafen", PartnerType.HomelessHelp, "Herr Sven Albers", "0621 555-371", "wohnungsnot@fachberatung-lu.example",
            "Frankenthaler Straße 36", "67059", Lu, "Postadresse, Duschen, Frühstück; Beratung zu Mietschulden und Wohnungssuche."),
        new("Übernachtungsheim Nord", PartnerType.HomelessHelp, null, "0621 555-372", null,
            "Industriestraße 77", "67069", Lu, "Aufnahme ab 18 Uhr; Anmeldung über die Fachberatung Wohnungsnot."),

        // Jugendhilfe
        new("Stadtteilbüro Jugendhilfe West", PartnerType.YouthWelfare, "Frau Miriam Schulz", "0621 555-381", null,
            "Raschigstraße 20", "67063", Lu, "Hilfen für junge Volljährige (§ 41 SGB VIII); offene Sprechstunde Mi 14–17 Uhr."),
        new("Jugendwohngruppe Rheinblick e. V.", PartnerType.YouthWelfare, "Herr Daniel Wolf", "0621 555-382", "kontakt@rheinblick-wg.example",
            "Rheinallee 15", "67061", Lu, null),

        // Eingliederungshilfe
        new("Beratungsstelle für seelische Gesundheit und Teilhabe", PartnerType.DisabilityHelp, "Frau Heike Brandl", "0621 555-391", null,
            "Lagerhausstraße 8", "67061", Lu, "Klärung von Leistungen der Eingliederungshilfe; Begleitung beim Antrag."),

        // Altenhilfe
        new("Pflegestützpunkt Ludwigshafen-Süd", PartnerType.ElderCare, "Herr Klaus Reinhardt", "0621 555-395", "pflegestuetzpunkt-sued@lu.example",
            "Mundenheimer Straße 210", "67065", Lu, "Beratung zur Pflege von Angehörigen, auch als Hausbesuch."),

        // Sonstige
        new("Bildungswerk Vorderpfalz", PartnerType.Other, "Frau Sandra Kühn", "0621 555-397", "info@bildungswerk-vorderpfalz.example",
            "Industriestraße 12", "67063", Lu, "Qualifizierungen im Garten- und Landschaftsbau und in der Lagerlogistik; Einstieg monatlich."),
        new("Sozialkaufhaus Rheinstraße – Arbeitsgelegenheiten", PartnerType.Other, "Herr Erik Jansen", "0621 555-398", null,
            "Rheinstraße 44", "67061", Lu, "Arbeitsgelegenheiten mit Tagesstruktur, drei bis fünf Vormittage pro Woche."),
    ];
}
