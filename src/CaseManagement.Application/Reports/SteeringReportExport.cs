using CaseManagement.Application.Trainings;
using CaseManagement.Documents.Reports;
using CaseManagement.Domain.Staff;
using CaseManagement.Domain;
using CaseManagement.Domain.Reports;

namespace CaseManagement.Application.Reports;

/// <summary>A table of the report as page and PDF show it: the period's figures, and per row the total of the previous period and the change.</summary>
/// <param name="Caption">e.g. "Anzahl: Termine".</param>
public sealed record ReportTableView(string Caption, IReadOnlyList<string> Header, IReadOnlyList<ReportTableViewRow> Rows);

/// <summary>One row; <see cref="Cells"/> holds the figures after the label, as text ("12", "•", "+3", "–").</summary>
public sealed record ReportTableViewRow(string Label, IReadOnlyList<string> Cells, bool IsTotal);

/// <summary>A bar of a chart: a row total of the period and of the same span a year before (null = hidden).</summary>
public sealed record ReportBarView(string Label, int? Current, int? Previous)
{
    public string CurrentText => Current is int value ? SteeringReportLabels.Number(value) : SteeringReportLabels.Hidden;

    public string PreviousText => Previous is int value ? SteeringReportLabels.Number(value) : SteeringReportLabels.Hidden;
}

/// <summary>A file to download: bytes, a name without personal data, the content type.</summary>
public sealed record ReportFile(byte[] Content, string FileName, string ContentType);

/// <summary>
/// Turns a <see cref="SteeringReport"/> into what people read: the tables with comparison columns
/// and the chart bars (shared by page and PDF), the CSV file and the PDF. Only perturbed figures
/// go in; a change is shown only between two shown figures.
/// </summary>
public static class SteeringReportExport
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string PdfContentType = "application/pdf";

    /// <summary>The blocks in reading order: every table, the two excerpts after the table they come from, the waiting times after the referrals.</summary>
    public static IEnumerable<object> Blocks(SteeringReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var section in report.Sections)
        {
            yield return section;
            foreach (var excerpt in report.Excerpts.Where(e => e.Source == section))
            {
                yield return excerpt;
            }

            if (section.Key == "vermittlungen")
            {
                yield return report.WaitingTimes;
            }
        }

        yield return report.Trainings;
    }

    /// <summary>The training coverage: a row per topic and organisation with trained people, staff counted and share.</summary>
    public static ReportTableView TrainingTable(SteeringReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = report.Trainings
            .Select(t => new ReportTableViewRow(
                $"{t.Title} ({t.Organisation.German()})",
                [SteeringReportLabels.Number(t.Trained), SteeringReportLabels.Number(t.Total), t.SharePercent is int share ? $"{share} %" : SteeringReportLabels.NoValue],
                IsTotal: false))
            .ToList();
        if (rows.Count == 0)
        {
            rows.Add(new ReportTableViewRow("Keine aktiven Fortbildungen im Katalog", [SteeringReportLabels.NoValue, SteeringReportLabels.NoValue, SteeringReportLabels.NoValue], IsTotal: false));
        }

        return new ReportTableView($"Stand {GermanCalendar.Format(report.TrainingDay)}", ["Thema (Organisation)", "geschult", "Beschäftigte", "Anteil"], rows);
    }

    public static ReportTableView Table(SteeringReport report, ReportSection section)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Table(report.Period, report.PreviousPeriod, section);
    }

    /// <summary>A section's table for a period and its comparison (also used by the needs analysis).</summary>
    public static ReportTableView Table(ReportPeriod period, ReportPeriod previous, ReportSection section)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(section);
        var rows = Enumerable.Range(0, section.Current.RowCount)
            .Select(r => Row(section.Current.RowLabels[r], section, r))
            .Append(Row(GermanLabels.Total, section, row: null))
            .ToList();
        return new ReportTableView($"Anzahl: {section.UnitLabel}", Header(period, previous, section), rows);
    }

    /// <summary>The excerpt's rows, and a "Zusammen" row whose figures are sums of shown figures only ("–" otherwise).</summary>
    public static ReportTableView Table(SteeringReport report, ReportExcerpt excerpt)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(excerpt);
        var section = excerpt.Source;
        var rows = excerpt.Rows.Select(r => Row(section.Current.RowLabels[r], section, r)).ToList();
        var current = section.Current;
        var sums = new List<string>();
        if (current.ColumnCount > 1)
        {
            sums.AddRange(Enumerable.Range(0, current.ColumnCount).Select(c => SumText(excerpt.Rows.Select(r => current.Cell(r, c)))));
        }

        var now = ReportExcerpt.Sum(current, excerpt.Rows);
        var before = ReportExcerpt.Sum(section.Previous, excerpt.Rows);
        sums.Add(Text(now));
        sums.Add(Text(before));
        sums.Add(now is int a && before is int b ? SteeringReportLabels.WithSign(a - b) : SteeringReportLabels.NoValue);
        rows.Add(new ReportTableViewRow("Zusammen", sums, IsTotal: true));
        return new ReportTableView($"Anzahl: {section.UnitLabel}", Header(report.Period, report.PreviousPeriod, section), rows);
    }

    public static IReadOnlyList<ReportBarView> Bars(ReportSection section, IEnumerable<int>? rows = null)
    {
        ArgumentNullException.ThrowIfNull(section);
        return (rows ?? Enumerable.Range(0, section.Current.RowCount))
            .Select(r => new ReportBarView(section.Current.RowLabels[r], section.Current.RowTotal(r).Value, section.Previous.RowTotal(r).Value))
            .ToList();
    }

    public static string ChartCaption(ReportSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return $"{section.UnitLabel} je {section.Current.RowHeader}";
    }

    public static ReportTableView WaitingTable(SteeringReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new ReportTableView(
            "Median in Tagen",
            ["Art der Stelle", report.Period.Label, SteeringReportLabels.PreviousHeader(report.PreviousPeriod)],
            [.. report.WaitingTimes.Select(w => new ReportTableViewRow(w.PartnerType, [SteeringReportLabels.Days(w.Current), SteeringReportLabels.Days(w.Previous)], IsTotal: false))]);
    }

    /// <summary>
    /// The CSV: a header block, then per table the period's table and that of the same span a year
    /// before (each complete with totals, titled with its period and unit), the median waiting times,
    /// and the notes.
    /// </summary>
    public static ReportFile Csv(SteeringReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var tables = report.Sections.SelectMany(section => new[]
        {
            new ReportCsvTable($"{section.Title} – {report.Period.LabelWithDates}; Anzahl: {section.UnitLabel}", section.Current),
            new ReportCsvTable($"{section.Title} – Vorjahr {report.PreviousPeriod.LabelWithDates}; Anzahl: {section.UnitLabel}", section.Previous),
        });
        var waiting = WaitingTable(report);
        var trainings = TrainingTable(report);
        var textTables = new[]
        {
            new ReportCsvTextTable(
                $"{SteeringReportLabels.WaitingTitle} – {report.Period.LabelWithDates}; {waiting.Caption}",
                waiting.Header,
                [.. waiting.Rows.Select(r => (IReadOnlyList<string>)[r.Label, .. r.Cells])]),
            new ReportCsvTextTable(
                $"{SteeringReportLabels.TrainingsTitle}; {trainings.Caption}",
                trainings.Header,
                [.. trainings.Rows.Select(r => (IReadOnlyList<string>)[r.Label, .. r.Cells])]),
        };
        var header = new ReportCsvHeader(report.Title, report.Period.From, report.Period.To, report.GeneratedAt);
        var bytes = ReportCsv.ToBytes(tables, header, textTables, [SteeringReportLabels.PerturbationNote, SteeringReportLabels.EventsNote, AgeNote(report), SteeringReportLabels.WaitingExplanation, SteeringReportLabels.TrainingsExplanation(report.TrainingDay)]);
        return new ReportFile(bytes, report.Period.FileStem + ".csv", CsvContentType);
    }

    /// <summary>The print model: only texts and perturbed figures.</summary>
    public static SteeringReportDocument Document(SteeringReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var blocks = Blocks(report).Select(block => Printed(report, block)).ToList();

        return new SteeringReportDocument(
            report.Title,
            $"Zeitraum: {report.Period.DatesText}",
            $"Vergleich mit dem Vorjahr: {report.PreviousPeriod.LabelWithDates}",
            $"Erstellt am {GermanCalendar.ToLocal(report.GeneratedAt):dd.MM.yyyy HH:mm}",
            $"Kennzahlen {report.Period.Label} – ohne personenbezogene Daten",
            [
                "Anonymisierte Kennzahlen der Kooperation von Jobcenter und Drogenhilfe für beide Organisationen gemeinsam. Sie enthalten keine Namen, Fallnummern oder Angaben zu einzelnen Personen.",
                SteeringReportLabels.PerturbationNote,
                SteeringReportLabels.HiddenNote,
                SteeringReportLabels.EventsNote,
                AgeNote(report),
            ],
            blocks);
    }

    /// <summary>One block of <see cref="Blocks"/> as printed: title, explanation, chart (if any) and table.</summary>
    public static ReportBlock Printed(SteeringReport report, object block)
    {
        ArgumentNullException.ThrowIfNull(report);
        return block switch
        {
            ReportSection section => new ReportBlock(
                section.Title,
                section.Explanation,
                Chart(report, ChartCaption(section), Bars(section)),
                Printed(Table(report, section))),
            ReportExcerpt excerpt => new ReportBlock(
                excerpt.Title,
                excerpt.Explanation,
                Chart(report, ChartCaption(excerpt.Source), Bars(excerpt.Source, excerpt.Rows)),
                Printed(Table(report, excerpt))),
            IReadOnlyList<WaitingTimeRow> => new ReportBlock(SteeringReportLabels.WaitingTitle, SteeringReportLabels.WaitingExplanation, null, Printed(WaitingTable(report))),
            IReadOnlyList<OrganisationTopicCoverage> => new ReportBlock(SteeringReportLabels.TrainingsTitle, SteeringReportLabels.TrainingsExplanation(report.TrainingDay), null, Printed(TrainingTable(report))),
            _ => throw new ArgumentException("Kein Block des Berichts.", nameof(block)),
        };
    }

    public static ReportFile Pdf(SteeringReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new ReportFile(SteeringReportPdf.Render(Document(report)), report.Period.FileStem + ".pdf", PdfContentType);
    }

    private static ReportChart Chart(SteeringReport report, string caption, IReadOnlyList<ReportBarView> bars) =>
        new(caption, report.Period.Label, report.PreviousPeriod.Label, [.. bars.Select(b => new ReportBar(b.Label, b.Current, b.CurrentText, b.Previous, b.PreviousText))]);

    public static ReportTable Printed(ReportTableView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(view.Header, [.. view.Rows.Select(r => new ReportRow([r.Label, .. r.Cells], r.IsTotal))]);
    }

    private static List<string> Header(ReportPeriod period, ReportPeriod previous, ReportSection section)
    {
        var header = new List<string> { section.Current.RowHeader };
        if (section.Current.ColumnCount > 1)
        {
            header.AddRange(section.Current.ColumnLabels);
            header.Add($"{GermanLabels.Total} {period.Label}");
        }
        else
        {
            header.Add($"{section.UnitLabel} {period.Label}");
        }

        header.Add(SteeringReportLabels.PreviousHeader(previous));
        header.Add(SteeringReportLabels.ChangeHeader);
        return header;
    }

    private static ReportTableViewRow Row(string label, ReportSection section, int? row)
    {
        var current = section.Current;
        var cells = new List<string>();
        if (current.ColumnCount > 1)
        {
            cells.AddRange(Enumerable.Range(0, current.ColumnCount).Select(c => SteeringReportLabels.Figure(current[new FigurePosition(row, c)])));
        }

        var now = current[new FigurePosition(row, null)];
        var before = section.Previous[new FigurePosition(row, null)];
        cells.Add(SteeringReportLabels.Figure(now));
        cells.Add(SteeringReportLabels.Figure(before));
        cells.Add(SteeringReportLabels.Change(now, before));
        return new ReportTableViewRow(label, cells, IsTotal: row is null);
    }

    /// <summary>"Alter am 31.12.2025 (für alle Zeiträume dieses Jahres gleich)."</summary>
    public static string AgeNote(SteeringReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return $"Altersgruppen nach dem Alter am {GermanCalendar.Format(report.Period.AgeReferenceDate)}, für alle Zeiträume dieses Jahres gleich.";
    }

    private static string SumText(IEnumerable<PublishedFigure> figures) => Text(ReportExcerpt.Sum(figures));

    private static string Text(int? value) => value is int v ? SteeringReportLabels.Number(v) : SteeringReportLabels.NoValue;
}
