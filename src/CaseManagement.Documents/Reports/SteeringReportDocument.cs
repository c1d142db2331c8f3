namespace CaseManagement.Documents.Reports;

// Glossary (German term of art → code):
//   Lenkungsrunde     → steering round
//   Kennzahlen        → figures (of the steering report)
//   Vorjahr           → previous period (the comparison: the same span a year before)

/// <summary>
/// Everything printed on the steering report (Kennzahlen der Lenkungsrunde), already anonymised and
/// perturbed: texts and figures as they are to be read ("•" included), nothing else.
/// </summary>
/// <remarks>
/// Like <c>HelpPlanDocument</c>, this model is separate from the report's domain types: it has no
/// place for a name, a case number or any per-person value, so the renderer cannot print one. The
/// steering-report feature maps its suppressed tables onto it.
/// </remarks>
/// <param name="Title">e.g. "Lenkungsrunde – Kennzahlen 2025".</param>
/// <param name="PeriodText">e.g. "Zeitraum: 01.01.2025–31.12.2025".</param>
/// <param name="ComparisonText">e.g. "Vergleich mit 2024 (01.01.2024–31.12.2024)".</param>
/// <param name="GeneratedText">e.g. "Erstellt am 21.11.2026 21:30"; printed in every footer.</param>
/// <param name="FooterLabel">Centre of every footer, e.g. "Kennzahlen 2025".</param>
/// <param name="Notes">Paragraphs printed before the first block: how figures are counted and hidden.</param>
/// <param name="Blocks">One block per table, printed in this order.</param>
/// <param name="JobcenterName">Left of the header line.</param>
/// <param name="DrugHelpServiceName">Right of the header line.</param>
public sealed record SteeringReportDocument(
    string Title,
    string PeriodText,
    string ComparisonText,
    string GeneratedText,
    string FooterLabel,
    IReadOnlyList<string> Notes,
    IReadOnlyList<ReportBlock> Blocks,
    string JobcenterName = "Jobcenter Ludwigshafen",
    string DrugHelpServiceName = "Stadt Ludwigshafen am Rhein – Drogenhilfe");

/// <summary>One table of the report, with an optional bar chart above it.</summary>
/// <param name="Title">Heading, e.g. "Termine und Kontakte nach Art und Ergebnis".</param>
/// <param name="Explanation">What is counted, one or two sentences.</param>
public sealed record ReportBlock(string Title, string Explanation, ReportChart? Chart, ReportTable Table);

/// <summary>Horizontal bars, two per label: the period and the previous period, each with its number.</summary>
/// <param name="Caption">e.g. "Termine je Art (Gesamt)".</param>
/// <param name="CurrentLegend">e.g. "2025".</param>
/// <param name="PreviousLegend">e.g. "2024".</param>
public sealed record ReportChart(string Caption, string CurrentLegend, string PreviousLegend, IReadOnlyList<ReportBar> Bars);

/// <summary>One label of a chart.</summary>
/// <param name="Current">Bar length; null when the figure is hidden (then no bar, only <paramref name="CurrentText"/>).</param>
/// <param name="CurrentText">What is written at the bar, e.g. "12" or "•".</param>
public sealed record ReportBar(string Label, int? Current, string CurrentText, int? Previous, string PreviousText);

/// <summary>A table as printed: the header row and the rows, all cells as text; the first column holds the labels.</summary>
public sealed record ReportTable(IReadOnlyList<string> Header, IReadOnlyList<ReportRow> Rows);

/// <summary>A row of cells; a total row is printed in bold.</summary>
public sealed record ReportRow(IReadOnlyList<string> Cells, bool IsTotal = false);
