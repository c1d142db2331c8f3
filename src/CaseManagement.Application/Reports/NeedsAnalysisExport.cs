namespace CaseManagement.Application.Reports;

/// <summary>
/// The needs analysis as the page's tables and charts and as CSV: the same published figures in
/// every form (the tables of counts as in the steering report, the waiting times as text tables).
/// </summary>
public static class NeedsAnalysisExport
{
    /// <summary>The waiting times per type: median and 90th percentile of the period and of the year before.</summary>
    public static ReportTableView WaitingTable(NeedsAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return new ReportTableView("Tage", WaitingHeader(analysis, "Art der Stelle"), [.. analysis.ByType.Select(w => new ReportTableViewRow(w.Label, Cells(w), IsTotal: false))]);
    }

    /// <summary>The waiting times per partner (only those with a shown median), with the partner's type.</summary>
    public static ReportTableView PartnerWaitingTable(NeedsAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var header = WaitingHeader(analysis, "Stelle");
        header.Insert(1, "Art der Stelle");
        return new ReportTableView("Tage", header, [.. analysis.ByPartner.Select(w => new ReportTableViewRow(w.Label, [w.PartnerType ?? "", .. Cells(w)], IsTotal: false))]);
    }

    /// <summary>The CSV: a header block, per table the period's table and that of the year before, the waiting times and the notes.</summary>
    public static ReportFile Csv(NeedsAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var tables = analysis.Sections.SelectMany(section => new[]
        {
            new ReportCsvTable($"{section.Title} – {analysis.Period.LabelWithDates}; Anzahl: {section.UnitLabel}", section.Current),
            new ReportCsvTable($"{section.Title} – Vorjahr {analysis.PreviousPeriod.LabelWithDates}; Anzahl: {section.UnitLabel}", section.Previous),
        });
        var textTables = new[] { (NeedsAnalysisLabels.WaitingTitle, WaitingTable(analysis)), (NeedsAnalysisLabels.WaitingByPartnerTitle, PartnerWaitingTable(analysis)) }
            .Select(t => new ReportCsvTextTable(
                $"{t.Item1} – {analysis.Period.LabelWithDates}; {t.Item2.Caption}",
                t.Item2.Header,
                [.. t.Item2.Rows.Select(r => (IReadOnlyList<string>)[r.Label, .. r.Cells])]));
        var header = new ReportCsvHeader(analysis.Title, analysis.Period.From, analysis.Period.To, analysis.GeneratedAt);
        var bytes = ReportCsv.ToBytes(tables, header, textTables,
            [SteeringReportLabels.PerturbationNote, SteeringReportLabels.EventsNote, NeedsAnalysisLabels.WaitingExplanation, NeedsAnalysisLabels.WaitingByPartnerExplanation]);
        return new ReportFile(bytes, "bedarfsanalyse" + analysis.Period.FileStem["kennzahlen".Length..] + ".csv", SteeringReportExport.CsvContentType);
    }

    private static List<string> WaitingHeader(NeedsAnalysis analysis, string first) =>
    [
        first,
        $"{NeedsAnalysisLabels.MedianHeader} {analysis.Period.Label}",
        $"{NeedsAnalysisLabels.PercentileHeader} {analysis.Period.Label}",
        $"{NeedsAnalysisLabels.MedianHeader} Vorjahr",
        $"{NeedsAnalysisLabels.PercentileHeader} Vorjahr",
    ];

    private static List<string> Cells(WaitingSpread w) =>
        [SteeringReportLabels.Days(w.Median), NeedsAnalysisLabels.Days(w.Percentile90), SteeringReportLabels.Days(w.PreviousMedian), NeedsAnalysisLabels.Days(w.PreviousPercentile90)];
}
