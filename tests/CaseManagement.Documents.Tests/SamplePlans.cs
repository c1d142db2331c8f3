using System.Text;
using CaseManagement.Documents.HelpPlans;

namespace CaseManagement.Documents.Tests;

/// <summary>Help plans for the tests. None of their texts contains "Notiz" or "Diagnose".</summary>
internal static class SamplePlans
{
    public const string ClientName = "Jürgen Weiß";
    public const string CaseNumber = "LU-2025-00417";
    public static readonly DateOnly PrintedOn = new(2025, 5, 12);
    public static readonly DateOnly AgreedOn = new(2025, 2, 3);
    public static readonly DateOnly NextReviewOn = new(2025, 8, 4);

    /// <summary>The overlong "word" (a web address) that must be broken inside the step column.</summary>
    public const string OverlongWord =
        "https://www.ludwigshafen.de/lebenswert/soziales/drogenhilfe/beratungsangebote-fuer-junge-erwachsene-und-angehoerige-im-stadtgebiet";

    public static IReadOnlyList<HelpPlanContact> Contacts { get; } =
    [
        new("Sabine Krüger", "Jobcenter Ludwigshafen – Fallmanagement", "0621 5993-417", "sabine.krueger@jobcenter-ge.de"),
        new("Murat Öztürk", "Stadt Ludwigshafen am Rhein – Drogenhilfe", "0621 504-2871", "murat.oeztuerk@ludwigshafen.de"),
    ];

    private static readonly Dictionary<HelpPlanArea, string[]> GoalTexts = new()
    {
        [HelpPlanArea.JobApplicationSupport] =
        [
            "Bewerbungsunterlagen (Lebenslauf, Anschreiben, Zeugnisse) sind vollständig, aktuell und liegen digital vor.",
            "Herr Weiß bewirbt sich regelmäßig und selbstständig auf Helferstellen im Lager und in der Logistik.",
            "Eine „Bewerbungsmappe“ für Zeitarbeitsfirmen ist erstellt und wird bei Vorstellungsgesprächen mitgebracht.",
            "Vorstellungsgespräche werden gemeinsam vorbereitet – Ablauf, Fragen und Antworten sind geübt.",
            "Ein E-Mail-Postfach und ein Zugang zur Jobbörse sind eingerichtet und werden wöchentlich genutzt.",
            "Lücken im Lebenslauf können offen und sachlich erklärt werden.",
            "Bewerbungskosten bis 260 € im Jahr werden auf Antrag erstattet; der Antrag ist gestellt.",
            "Herr Weiß kennt die Angebote des Bewerbungscenters im Jobcenter und nutzt sie bei Bedarf.",
        ],
        [HelpPlanArea.JobPlacement] =
        [
            "Aufnahme einer sozialversicherungspflichtigen Beschäftigung als Lagerhelfer in Teilzeit (mindestens 20 Stunden).",
            "Ein Praktikum von vier Wochen bei einem Betrieb in Ludwigshafen-Oggersheim ist vereinbart und begonnen.",
            "Prüfung einer Arbeitsgelegenheit (§ 16d SGB II) als Einstieg mit festem Tagesablauf.",
            "Vermittlungsvorschläge werden innerhalb von einer Woche beantwortet.",
            "Die Fahrt zur Arbeit ist geklärt: Monatskarte des VRN oder Fahrrad.",
            "Ein Eingliederungszuschuss für einen Arbeitgeber ist geprüft und besprochen.",
            "Herr Weiß stellt sich bei zwei Zeitarbeitsfirmen persönlich vor.",
            "Nach Arbeitsaufnahme gibt es drei Monate lang monatliche Nachgespräche zur Stabilisierung.",
        ],
        [HelpPlanArea.PsychosocialCounselling] =
        [
            "Regelmäßige Beratungsgespräche in der Drogenhilfe, mindestens alle zwei Wochen.",
            "Ein Krisenplan ist erstellt: Wen rufe ich an, wenn es mir schlecht geht?",
            "Begleitung zu Terminen bei Behörden und Arztpraxen, wenn Herr Weiß das wünscht.",
            "Die Wohnsituation ist stabil; die Miete wird pünktlich gezahlt.",
            "Schuldnerberatung für Jürgen Weiß ist angefragt und ein erster Termin ist vereinbart.",
            "Ein geregelter Tagesablauf mit festen Aufstehzeiten ist eingeübt.",
            "Kontakte zu einer Selbsthilfegruppe sind geknüpft.",
            "Herr Weiß kennt die Öffnungszeiten und Ansprechpersonen der Kontaktstelle.",
        ],
        [HelpPlanArea.ReferralToFurtherHelp] =
        [
            "Die Substitutionsbehandlung wird stabil fortgeführt; die Termine in der Praxis werden eingehalten.",
            "Ein Antrag auf ambulante Suchtrehabilitation bei der Deutschen Rentenversicherung ist gestellt.",
            "Die Möglichkeit einer stationären Reha ist besprochen; Herr Weiß entscheidet bis zur nächsten Überprüfung.",
            "Die Hepatitis-C-Beratung der Gesundheitsinitiative ist wahrgenommen.",
            "Ein Termin bei der Jugendberufsagentur ist für den jüngeren Bruder vermittelt (auf Wunsch von Herrn Weiß).",
            "Die Kostenzusage der Krankenkasse für die Reha liegt vor.",
            "Nach der Reha ist eine Nachsorge in Wohnortnähe vereinbart.",
            "Das örtliche Suchthilfenetzwerk ist über die Übergänge informiert (mit schriftlicher Einwilligung).",
        ],
        [HelpPlanArea.FurtherQualification] =
        [
            "Teilnahme an einer Übergangsmaßnahme zur beruflichen Orientierung (drei Monate).",
            "Erwerb des Staplerscheins (Flurförderzeuge) über einen Bildungsgutschein.",
            "Prüfung, ob der Hauptschulabschluss über die Volkshochschule nachgeholt werden kann.",
            "Ein PC-Grundkurs (Textverarbeitung, E-Mail, Internet) ist abgeschlossen.",
            "Deutsch-Schreibtraining zur Verbesserung der Bewerbungsschreiben.",
            "Eine Teilqualifizierung „Fachlagerist“ in Modulen ist geplant.",
            "Die Anerkennung früherer Arbeitszeiten als Berufserfahrung ist geprüft.",
            "Herr Weiß nimmt an einem Erste-Hilfe-Kurs teil (Voraussetzung für viele Stellen).",
        ],
    };

    private static readonly string[] StepTexts =
    [
        "Gemeinsames Gespräch zur Klärung der nächsten Schritte und der Unterlagen",
        "Unterlagen zusammenstellen und zum nächsten Termin mitbringen",
        "Telefonische Anfrage und Terminvereinbarung",
        "Antrag ausfüllen, unterschreiben und abgeben",
        "Begleitung zum Termin und Nachbesprechung in der Beratungsstelle",
        "Rückmeldung an Jobcenter und Drogenhilfe über das Ergebnis",
    ];

    private static readonly string[] Statuses = ["offen", "in Arbeit", "erledigt", "verschoben"];

    private static readonly StepResponsible[] Responsibles =
    [
        StepResponsible.Client,
        StepResponsible.Jobcenter,
        StepResponsible.DrugHelpService,
        StepResponsible.Partner("Schuldnerberatung der Caritas Ludwigshafen"),
        StepResponsible.Client,
        StepResponsible.Partner("Substitutionspraxis Dr. Öztürk"),
    ];

    /// <summary>The 3,000-character step description (one row taller than a page).</summary>
    public static string LongStepText { get; } = BuildLongStep();

    /// <summary>40 goals across the five areas, one step of 3,000 characters, one overlong word.</summary>
    public static HelpPlanDocument Long()
    {
        var goals = new List<HelpPlanGoal>();
        var stepNumber = 0;
        var goalIndex = 0;
        foreach (var area in Enum.GetValues<HelpPlanArea>())
        {
            foreach (var text in GoalTexts[area])
            {
                var steps = new List<HelpPlanStep>();
                var count = 1 + goalIndex % 3;
                for (var i = 0; i < count; i++)
                {
                    stepNumber++;
                    var description = $"{StepTexts[(goalIndex + i) % StepTexts.Length]} [S{stepNumber:000}]";
                    steps.Add(new HelpPlanStep(
                        description,
                        Responsibles[(goalIndex + i) % Responsibles.Length],
                        (goalIndex + i) % 5 == 4 ? null : new DateOnly(2025, 3, 1).AddDays(7 * (goalIndex + i)),
                        Statuses[(goalIndex + i) % Statuses.Length]));
                }

                if (goalIndex == 4)
                {
                    steps.Insert(0, new HelpPlanStep(LongStepText, StepResponsible.Client, new DateOnly(2025, 3, 31), "in Arbeit"));
                }

                if (goalIndex == 10)
                {
                    steps.Add(new HelpPlanStep($"Informationen lesen unter {OverlongWord} und Fragen notieren [S999]", StepResponsible.Client, null, "offen"));
                }

                goals.Add(new HelpPlanGoal(area, text, steps));
                goalIndex++;
            }
        }

        return new HelpPlanDocument(
            ClientName,
            CaseNumber,
            HelpPlanDocument.DefaultJobcenterName,
            HelpPlanDocument.DefaultDrugHelpServiceName,
            3,
            "Vereinbart",
            false,
            AgreedOn,
            NextReviewOn,
            "Schrittweise Integration in den allgemeinen Arbeitsmarkt: zunächst Stabilisierung im Alltag und in der " +
            "Substitutionsbehandlung, dann eine Übergangsmaßnahme zur beruflichen Orientierung und anschließend eine " +
            "Beschäftigung im Lager- und Logistikbereich in Ludwigshafen und Umgebung.",
            "Herr Weiß nimmt alle vereinbarten Termine wahr oder sagt sie mindestens einen Tag vorher ab. Er bewirbt sich " +
            "monatlich auf mindestens vier Stellen und besucht das Bewerbungscenter des Jobcenters.",
            "Bewerbungen werden mit Kopie oder Ausdruck der E-Mail nachgewiesen und zum nächsten Termin beim Jobcenter mitgebracht; " +
            "die Teilnahme an Beratungsgesprächen bestätigt die Drogenhilfe (nur die Teilnahme, keine Inhalte).",
            goals,
            Contacts,
            PrintedOn);
    }

    /// <summary>A short plan: two goals, two steps each; fits on one page.</summary>
    public static HelpPlanDocument Short() => new(
        ClientName,
        CaseNumber,
        HelpPlanDocument.DefaultJobcenterName,
        HelpPlanDocument.DefaultDrugHelpServiceName,
        1,
        "Vereinbart",
        false,
        AgreedOn,
        NextReviewOn,
        "Aufnahme einer Beschäftigung im Lager- und Logistikbereich nach erfolgreicher Übergangsmaßnahme.",
        "Herr Weiß nimmt alle Termine wahr und bewirbt sich monatlich auf mindestens vier Stellen.",
        "Kopien der Bewerbungen werden zum nächsten Termin mitgebracht.",
        [
            new HelpPlanGoal(HelpPlanArea.JobApplicationSupport, "Bewerbungsunterlagen sind vollständig und aktuell.",
            [
                new HelpPlanStep("Lebenslauf gemeinsam überarbeiten", StepResponsible.Jobcenter, new DateOnly(2025, 3, 31), "in Arbeit"),
                new HelpPlanStep("Zeugnisse und Nachweise zusammensuchen und kopieren", StepResponsible.Client, new DateOnly(2025, 3, 15), "offen"),
            ]),
            new HelpPlanGoal(HelpPlanArea.ReferralToFurtherHelp, "Schuldnerberatung für Jürgen Weiß ist begonnen.",
            [
                new HelpPlanStep("Termin bei der Schuldnerberatung vereinbaren und begleiten", StepResponsible.DrugHelpService, new DateOnly(2025, 4, 10), "offen"),
                new HelpPlanStep("Erstgespräch und Aufstellung der Forderungen", StepResponsible.Partner("Schuldnerberatung der Caritas Ludwigshafen"), null, "offen"),
            ]),
        ],
        Contacts,
        PrintedOn);

    /// <summary><paramref name="plan"/> as a draft: not yet agreed, no review date.</summary>
    public static HelpPlanDocument AsDraft(HelpPlanDocument plan) =>
        plan with { StatusLabel = "Entwurf", IsDraft = true, AgreedOn = null, NextReviewOn = null };

    private static string BuildLongStep()
    {
        string[] sentences =
        [
            "Herr Weiß sammelt mit Unterstützung der Drogenhilfe alle Unterlagen für die Übergangsmaßnahme.",
            "Dazu gehören Lebenslauf, Zeugnisse, Nachweise über frühere Tätigkeiten und die Bescheinigung der Substitutionspraxis über die regelmäßige Teilnahme.",
            "Fehlende Zeugnisse werden bei früheren Arbeitgebern schriftlich angefordert; die Vorlagen dafür stellt das Jobcenter bereit.",
            "Die Kosten für Kopien und Porto bis 15 € werden erstattet, wenn die Belege vorgelegt werden.",
            "Wenn Herr Weiß bei einem Schritt nicht weiterkommt, meldet er sich zeitnah bei seiner Ansprechperson.",
            "Die Unterlagen werden in einer Mappe geordnet, damit sie für Bewerbungen und für die Maßnahme schnell greifbar sind.",
        ];
        var builder = new StringBuilder();
        var part = 0;
        while (builder.Length < 3000)
        {
            part++;
            builder.Append($"Teil {part}: ").Append(sentences[part % sentences.Length]).Append(' ');
        }

        // Cut after the last whole word and fill up to exactly 3,000 characters.
        var text = builder.ToString(0, 3000);
        var head = text[..text.LastIndexOf(' ')];
        var rest = 3000 - head.Length;
        var tail = rest < 8 ? new string('.', rest) : " " + "Fertig.".PadRight(rest - 1, '.');
        return head + tail;
    }
}
