namespace CaseManagement.Documents.Reports;

// Glossary (German term of art → code):
//   kommunaler Suchtbericht → municipal (addiction) report
//   Kapitel                 → chapter

/// <summary>
/// Everything printed on the municipal addiction report (kommunaler Suchtbericht): per chapter the
/// narrative the strategic round wrote and the figures, already anonymised and perturbed as the
/// steering report publishes them. Like <see cref="SteeringReportDocument"/>, it has no place for a
/// name, a case number or a per-person value.
/// </summary>
/// <param name="Title">e.g. "Kommunaler Suchtbericht 2025".</param>
/// <param name="PeriodText">Left of the header's particulars, e.g. "Berichtsjahr 2025 (01.01.2025–31.12.2025)".</param>
/// <param name="ComparisonText">Right of the particulars, e.g. "Vergleich mit 2024".</param>
/// <param name="GeneratedText">Left of every footer, e.g. "Erstellt am 07.12.2026 05:10".</param>
/// <param name="FooterLabel">Centre of every footer, e.g. "Entwurf – ohne personenbezogene Daten".</param>
/// <param name="Notes">Paragraphs before the first chapter: how figures are counted and hidden.</param>
/// <param name="Chapters">In printed order, numbered from 1.</param>
/// <param name="IsDraft">A draft carries "ENTWURF" across every page.</param>
public sealed record MunicipalReportDocument(
    string Title,
    string PeriodText,
    string ComparisonText,
    string GeneratedText,
    string FooterLabel,
    IReadOnlyList<string> Notes,
    IReadOnlyList<MunicipalReportChapterBlock> Chapters,
    bool IsDraft,
    string JobcenterName = "Jobcenter Ludwigshafen",
    string DrugHelpServiceName = "Stadt Ludwigshafen am Rhein – Drogenhilfe");

/// <summary>One chapter: its heading, the narrative as typed (line breaks kept), then its figure blocks.</summary>
/// <param name="EmptyNarrativeText">Printed instead of an empty narrative; null prints nothing.</param>
public sealed record MunicipalReportChapterBlock(string Title, string Narrative, IReadOnlyList<ReportBlock> Blocks, string? EmptyNarrativeText = null);
