using CaseManagement.Application.Reports;
using CaseManagement.Application.Trainings;
using CaseManagement.Documents.HelpPlans;
using CaseManagement.Documents.Reports;
using CaseManagement.Domain;
using CaseManagement.Domain.Steering;

namespace CaseManagement.Application.Steering;

/// <summary>
/// The figures of each chapter of the municipal report, taken as they are from the steering report
/// of the year (<see cref="SteeringReportExport"/>: the same perturbed figures, "•" for small ones,
/// the same charts and tables) and from the rounds' measures. Nothing is counted a second way here.
/// </summary>
public static class MunicipalReportFigures
{
    /// <summary>The steering report's tables that belong to "Netzwerk und Bedarf" rather than "Fälle und Hilfen".</summary>
    private static readonly string[] NetworkSections = ["vermittlungen", "drehtuer"];

    /// <param name="needs">The needs analysis of the same year, for chapter 3; without it the chapter has the steering report's referral figures only.</param>
    public static MunicipalReportDocument Document(
        MunicipalReportView view, SteeringReport report, IReadOnlyList<MeasureOfYear> measures, DateTimeOffset generatedAt, NeedsAnalysis? needs = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(measures);
        var draft = view.Status != MunicipalReportStatus.Published;
        var empty = draft ? "Für dieses Kapitel ist noch kein Text geschrieben." : null;
        MunicipalReportChapterBlock Chapter(MunicipalReportChapter chapter, IReadOnlyList<ReportBlock> blocks) =>
            new(chapter.German(), view.Narrative(chapter), blocks, empty);

        return new MunicipalReportDocument(
            $"Kommunaler Suchtbericht {view.Year}",
            $"Berichtsjahr {report.Period.LabelWithDates}",
            $"Vergleich mit {report.PreviousPeriod.Label}",
            $"Erstellt am {GermanCalendar.ToLocal(generatedAt):dd.MM.yyyy HH:mm}",
            draft ? "Entwurf – ohne personenbezogene Daten" : "Ohne personenbezogene Daten",
            [
                $"Der Bericht der strategischen Lenkungsrunde über die Zusammenarbeit von Jobcenter und Drogenhilfe im Jahr {view.Year}. Alle Zahlen sind anonymisiert; sie enthalten keine Namen, Fallnummern oder Angaben zu einzelnen Personen.",
                SteeringReportLabels.PerturbationNote,
                SteeringReportLabels.HiddenNote,
                SteeringReportLabels.EventsNote,
                SteeringReportExport.AgeNote(report),
            ],
            [
                Chapter(MunicipalReportChapter.Introduction, [Overview(report)]),
                Chapter(MunicipalReportChapter.CasesAndHelp, CasesAndHelp(report)),
                Chapter(MunicipalReportChapter.NetworkAndNeeds, NetworkAndNeeds(report, needs)),
                Chapter(MunicipalReportChapter.Trainings, TrainingFigures(report)),
                Chapter(MunicipalReportChapter.SteeringMeasures, Measures(measures, view.Year)),
                Chapter(MunicipalReportChapter.Outlook, []),
            ],
            draft,
            HelpPlanDocument.DefaultJobcenterName,
            HelpPlanDocument.DefaultDrugHelpServiceName);
    }

    /// <summary>Chapter 1: the total of every table of the steering report, this year and the year before (the tables' own total rows).</summary>
    public static ReportBlock Overview(SteeringReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = report.Sections.Select(section =>
        {
            var total = SteeringReportExport.Table(report, section).Rows[^1];
            return new ReportRow([section.Title, section.UnitLabel, .. total.Cells.TakeLast(3)]);
        }).ToList();
        return new ReportBlock(
            "Das Jahr in Zahlen",
            "Die Gesamtzahl jeder Tabelle dieses Berichts, im Vergleich mit dem Vorjahr; die Kapitel 2 und 3 schlüsseln sie auf.",
            null,
            new ReportTable(["Tabelle", "gezählt", report.Period.Label, SteeringReportLabels.PreviousHeader(report.PreviousPeriod), SteeringReportLabels.ChangeHeader], rows));
    }

    /// <summary>Chapter 2: clients, cases, closures and integration outcomes, plans, goals, appointments and outreach.</summary>
    public static IReadOnlyList<ReportBlock> CasesAndHelp(SteeringReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [.. SteeringReportExport.Blocks(report)
            .Where(block => block switch
            {
                ReportSection section => !NetworkSections.Contains(section.Key),
                ReportExcerpt excerpt => !NetworkSections.Contains(excerpt.Source.Key),
                _ => false,
            })
            .Select(block => SteeringReportExport.Printed(report, block))];
    }

    /// <summary>
    /// Chapter 3, the network: referrals by partner type and stage, waiting at the hand-over and
    /// revolving doors, as the steering report has them; then the needs analysis of the year as the
    /// operational round sees it (demand per kind of service, waiting median and 90th percentile per
    /// type and per partner, needs no partner offers), its own published figures unchanged.
    /// </summary>
    public static IReadOnlyList<ReportBlock> NetworkAndNeeds(SteeringReport report, NeedsAnalysis? needs = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        IReadOnlyList<ReportBlock> analysis = needs is null ? [] :
        [
            SteeringReportExport.Printed(report, needs.Section("nachfrage")),
            new ReportBlock(NeedsAnalysisLabels.WaitingTitle, NeedsAnalysisLabels.WaitingExplanation, null, SteeringReportExport.Printed(NeedsAnalysisExport.WaitingTable(needs))),
            new ReportBlock(NeedsAnalysisLabels.WaitingByPartnerTitle, NeedsAnalysisLabels.WaitingByPartnerExplanation, null, SteeringReportExport.Printed(NeedsAnalysisExport.PartnerWaitingTable(needs))),
            SteeringReportExport.Printed(report, needs.Section("bedarf-ohne-angebot")),
        ];
        return [.. SteeringReportBlocks(report), .. analysis];
    }

    private static IEnumerable<ReportBlock> SteeringReportBlocks(SteeringReport report) =>
        SteeringReportExport.Blocks(report)
            .Where(block => block switch
            {
                ReportSection section => NetworkSections.Contains(section.Key),
                ReportExcerpt excerpt => NetworkSections.Contains(excerpt.Source.Key),
                IReadOnlyList<WaitingTimeRow> => true,
                _ => false,
            })
            .Select(block => SteeringReportExport.Printed(report, block));

    /// <summary>Chapter 4: the steering report's training table (staff, counted as they are).</summary>
    public static IReadOnlyList<ReportBlock> TrainingFigures(SteeringReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [.. SteeringReportExport.Blocks(report).OfType<IReadOnlyList<OrganisationTopicCoverage>>().Select(block => SteeringReportExport.Printed(report, block))];
    }

    /// <summary>
    /// Chapter 5: the measures both rounds decided in the year, counted by status per round (a chart
    /// and its table), then listed: what, which round, decided on, due by, status. Measures are
    /// decisions of the rounds, not people; nobody is named (the "who" of a measure is left out).
    /// </summary>
    public static IReadOnlyList<ReportBlock> Measures(IReadOnlyList<MeasureOfYear> measures, int year)
    {
        ArgumentNullException.ThrowIfNull(measures);
        var strategic = SteeringRoundKind.Strategic.German();
        var operational = SteeringRoundKind.Operational.German();
        int Count(SteeringRoundKind round, MeasureStatus status) => measures.Count(m => m.Round == round && m.Status == status);
        var statuses = Enum.GetValues<MeasureStatus>();
        var chart = new ReportChart(
            "Maßnahmen je Stand",
            strategic,
            operational,
            [.. statuses.Select(status =>
            {
                var s = Count(SteeringRoundKind.Strategic, status);
                var o = Count(SteeringRoundKind.Operational, status);
                return new ReportBar(Capitalised(status.German()), s, SteeringReportLabels.Number(s), o, SteeringReportLabels.Number(o));
            })]);
        var counts = new ReportTable(
            ["Stand", strategic, operational, GermanLabels.Total],
            [
                .. statuses.Select(status => new ReportRow([
                    Capitalised(status.German()),
                    SteeringReportLabels.Number(Count(SteeringRoundKind.Strategic, status)),
                    SteeringReportLabels.Number(Count(SteeringRoundKind.Operational, status)),
                    SteeringReportLabels.Number(measures.Count(m => m.Status == status))])),
                new ReportRow([
                    GermanLabels.Total,
                    SteeringReportLabels.Number(measures.Count(m => m.Round == SteeringRoundKind.Strategic)),
                    SteeringReportLabels.Number(measures.Count(m => m.Round == SteeringRoundKind.Operational)),
                    SteeringReportLabels.Number(measures.Count)], IsTotal: true),
            ]);
        var listed = measures.Count == 0
            ? [new ReportRow([$"Keine Maßnahmen in {year} beschlossen", "–", "–", "–", "–"])]
            : measures.Select(m => new ReportRow([
                m.What,
                m.Round == SteeringRoundKind.Strategic ? "strategisch" : "operativ",
                GermanCalendar.Format(m.DecidedOn),
                m.DueBy is { } due ? GermanCalendar.Format(due) : "–",
                m.Status.German()])).ToList();
        return
        [
            new ReportBlock(
                "Maßnahmen nach Stand",
                $"Maßnahmen, die die beiden Lenkungsrunden in Sitzungen des Jahres {year} beschlossen haben, nach ihrem heutigen Stand. Gezählt werden Beschlüsse, nicht Personen.",
                chart,
                counts),
            new ReportBlock(
                "Beschlossene Maßnahmen",
                "Jede Maßnahme mit der Runde, die sie beschlossen hat, dem Tag der Sitzung, der Frist und dem Stand.",
                null,
                new ReportTable(["Maßnahme", "Runde", "beschlossen am", "bis", "Stand"], listed)),
        ];
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
