using CaseManagement.Documents.HelpPlans;

namespace CaseManagement.Documents.Benchmark;

/// <summary>A typical help plan of three pages: 11 goals over the five areas, two or three steps each.</summary>
internal static class TypicalPlan
{
    public static HelpPlanDocument Create()
    {
        (HelpPlanArea Area, string Text)[] goals =
        [
            (HelpPlanArea.JobApplicationSupport, "Bewerbungsunterlagen (Lebenslauf, Anschreiben, Zeugnisse) sind vollständig und aktuell."),
            (HelpPlanArea.JobApplicationSupport, "Frau Schäfer bewirbt sich regelmäßig auf Stellen im Einzelhandel und in der Gastronomie."),
            (HelpPlanArea.JobPlacement, "Aufnahme einer Beschäftigung in Teilzeit (mindestens 20 Stunden in der Woche)."),
            (HelpPlanArea.JobPlacement, "Ein Praktikum von vier Wochen ist vereinbart und begonnen."),
            (HelpPlanArea.PsychosocialCounselling, "Regelmäßige Beratungsgespräche in der Drogenhilfe, mindestens alle zwei Wochen."),
            (HelpPlanArea.PsychosocialCounselling, "Ein Krisenplan ist erstellt und liegt der Klientin vor."),
            (HelpPlanArea.PsychosocialCounselling, "Schuldnerberatung ist angefragt und ein erster Termin ist vereinbart."),
            (HelpPlanArea.ReferralToFurtherHelp, "Die Substitutionsbehandlung wird stabil fortgeführt."),
            (HelpPlanArea.ReferralToFurtherHelp, "Ein Antrag auf ambulante Suchtrehabilitation ist gestellt."),
            (HelpPlanArea.FurtherQualification, "Teilnahme an einer Übergangsmaßnahme zur beruflichen Orientierung (drei Monate)."),
            (HelpPlanArea.FurtherQualification, "Ein PC-Grundkurs an der Volkshochschule ist abgeschlossen."),
        ];
        string[] steps =
        [
            "Gemeinsames Gespräch zur Klärung der nächsten Schritte und der nötigen Unterlagen",
            "Unterlagen zusammenstellen und zum nächsten Termin mitbringen",
            "Telefonische Anfrage und Terminvereinbarung",
            "Antrag ausfüllen, unterschreiben und abgeben",
            "Begleitung zum Termin und Nachbesprechung in der Beratungsstelle",
        ];
        StepResponsible[] who =
        [
            StepResponsible.Client,
            StepResponsible.Jobcenter,
            StepResponsible.DrugHelpService,
            StepResponsible.Partner("Schuldnerberatung der Caritas Ludwigshafen"),
        ];
        string[] statuses = ["offen", "in Arbeit", "erledigt"];

        var list = goals.Select((g, i) => new HelpPlanGoal(
            g.Area,
            g.Text,
            [.. Enumerable.Range(0, 2 + i % 2).Select(j => new HelpPlanStep(
                steps[(i + j) % steps.Length],
                who[(i + j) % who.Length],
                new DateOnly(2025, 3, 1).AddDays(7 * (i + j)),
                statuses[(i + j) % statuses.Length]))])).ToList();

        return new HelpPlanDocument(
            "Sandra Schäfer",
            "LU-2025-00123",
            HelpPlanDocument.DefaultJobcenterName,
            HelpPlanDocument.DefaultDrugHelpServiceName,
            2,
            "Vereinbart",
            false,
            new DateOnly(2025, 2, 17),
            new DateOnly(2025, 8, 18),
            "Schrittweise Integration in den Arbeitsmarkt: Stabilisierung im Alltag und in der Substitutionsbehandlung, " +
            "danach eine Übergangsmaßnahme und eine Beschäftigung im Einzelhandel in Ludwigshafen.",
            "Frau Schäfer nimmt alle vereinbarten Termine wahr oder sagt sie rechtzeitig ab und bewirbt sich monatlich auf mindestens vier Stellen.",
            "Kopien der Bewerbungen werden zum nächsten Termin beim Jobcenter mitgebracht; die Drogenhilfe bestätigt nur die Teilnahme an Gesprächen.",
            list,
            [
                new HelpPlanContact("Sabine Krüger", "Jobcenter Ludwigshafen – Fallmanagement", "0621 5993-417", "sabine.krueger@jobcenter-ge.de"),
                new HelpPlanContact("Murat Öztürk", "Stadt Ludwigshafen am Rhein – Drogenhilfe", "0621 504-2871", "murat.oeztuerk@ludwigshafen.de"),
            ],
            new DateOnly(2025, 5, 12));
    }
}
