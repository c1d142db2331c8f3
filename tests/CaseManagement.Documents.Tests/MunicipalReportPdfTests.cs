using System.Globalization;
using System.Text;
using CaseManagement.Documents.Reports;

namespace CaseManagement.Documents.Tests;

/// <summary>
/// The municipal addiction report (kommunaler Suchtbericht) as a reader sees it: every chapter with
/// its narrative and figures, charts as described figures, a long narrative flowing over pages
/// without losing a word, and the page frame.
/// </summary>
public sealed class MunicipalReportPdfTests
{
    private static readonly string[] ChapterTitles =
    [
        "Einleitung und Überblick",
        "Fälle und Hilfen",
        "Netzwerk und Bedarf",
        "Gemeinsame Fortbildungen",
        "Lenkungsrunden: Beschlüsse und Maßnahmen",
        "Ausblick",
    ];

    private static readonly Lazy<SteeringReportPdfTests.Rendered> Report = new(() => Render("municipal-report", Sample(longNarrative: false)));

    [Fact]
    public void Every_chapter_prints_its_heading_its_narrative_and_its_figures()
    {
        var text = Report.Value.NormalizedText;

        for (var i = 0; i < ChapterTitles.Length; i++)
        {
            Assert.Contains($"{i + 1} {ChapterTitles[i]}", text, StringComparison.Ordinal);
            Assert.Contains($"Erzählung zu Kapitel {i + 1}: Die Zusammenarbeit von Jobcenter und Drogenhilfe hat sich bewährt (Übergänge, Größe, Maß).", text, StringComparison.Ordinal);
        }

        Assert.Contains("1.1 Das Jahr in Zahlen", text, StringComparison.Ordinal);
        Assert.Contains("Klient:innen nach Altersgruppe Personen 412 398 +14", text, StringComparison.Ordinal);
        Assert.Contains("2.1 Termine und Kontakte, Teil 1", text, StringComparison.Ordinal);
        Assert.Contains("Beratung Jobcenter 0 0 • 0 • 7 –", text, StringComparison.Ordinal);
        Assert.Contains("3.1 Vermittlungen nach Art der Stelle und Stand", text, StringComparison.Ordinal);
        Assert.Contains("Suchtberatung 12 • 17", text, StringComparison.Ordinal);
        Assert.Contains("4.1 Fortbildungen", text, StringComparison.Ordinal);
        Assert.Contains("Suchtgrundlagen (Jobcenter) 18 40 45 %", text, StringComparison.Ordinal);
        Assert.Contains("5.1 Maßnahmen nach Stand", text, StringComparison.Ordinal);
        Assert.Contains("Feste Aufnahmetage mit der operativ 03.03.2025 30.06.2025 erledigt", text, StringComparison.Ordinal);
        // The chapter without figures (6) has its narrative only; the hidden-figure note explains "•".
        Assert.Contains("• nicht ausgewiesen", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_page_has_the_frame_with_title_year_and_page_number()
    {
        var report = Report.Value;
        Assert.True(report.PageCount >= 3, $"expected several pages, got {report.PageCount}");
        for (var i = 0; i < report.PageCount; i++)
        {
            var page = PdfTools.Normalize(report.Pages[i]);
            Assert.Contains("Kommunaler Suchtbericht 2025", page, StringComparison.Ordinal);
            Assert.Contains("Berichtsjahr 2025", page, StringComparison.Ordinal);
            Assert.Contains("Stadt Ludwigshafen am Rhein – Drogenhilfe", page, StringComparison.Ordinal);
            Assert.Contains($"Seite {i + 1} von {report.PageCount}", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_report_is_tagged_chapters_h2_figure_blocks_h3_charts_as_figures_with_alternative_text_and_tables_with_headers()
    {
        var report = Report.Value;
        var tree = StructureTree.Read(report.PdfPath);

        Assert.Equal("yes", PdfTools.Info(report.PdfPath)["Tagged"]);
        Assert.Equal("de-DE", tree.Language);
        Assert.Equal(["Kommunaler Suchtbericht 2025"], tree.Document.Tagged("H1").Select(h => h.Text));
        Assert.Equal(ChapterTitles.Select((t, i) => $"{i + 1} {t}"), tree.Document.Tagged("H2").Select(h => h.Text));
        Assert.Contains("5.2 Beschlossene Maßnahmen", tree.Document.Tagged("H3").Select(h => h.Text));
        var figures = tree.Document.Tagged("Figure").ToList();
        Assert.Contains(figures, f => f.Alt!.Contains("„Maßnahmen je Stand“", StringComparison.Ordinal) && f.Alt.Contains("Tabelle", StringComparison.Ordinal));
        Assert.All(tree.Document.Tagged("Table"), table =>
        {
            Assert.All(table.Kids[0].Kids, cell => Assert.Equal(("TH", "Column"), (cell.Tag, cell.Scope)));
            Assert.All(table.Kids.Skip(1), row => Assert.Equal(("TH", "Row"), (row.Kids[0].Tag, row.Kids[0].Scope)));
        });
        Assert.All(tree.Pages, page => Assert.Equal((0, 0), (page.UnmarkedLetters, page.NestingErrors)));
        Assert.DoesNotContain("Seite ", tree.Document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_narrative_flows_over_pages_without_losing_a_word()
    {
        var document = Sample(longNarrative: true);
        var narrative = document.Chapters[^1].Narrative;
        var report = Render("municipal-report-long-narrative", document);
        var tree = StructureTree.Read(report.PdfPath);

        Assert.True(report.PageCount >= 8, $"expected the narrative to take several pages, got {report.PageCount}");
        Assert.Contains("Dies ist der letzte Satz des Ausblicks, und er steht vollständig im Bericht.", report.NormalizedText, StringComparison.Ordinal);
        // Each paragraph of the narrative is one tagged paragraph holding every word, across page breaks.
        var paragraphs = tree.Document.Tagged("P").Select(p => PdfTools.Normalize(p.Text)).ToList();
        foreach (var paragraph in narrative.Split('\n'))
        {
            Assert.Contains(PdfTools.Normalize(paragraph), paragraphs);
        }

        Assert.All(tree.Pages, page => Assert.Equal((0, 0), (page.UnmarkedLetters, page.NestingErrors)));
    }

    [Fact]
    public void A_draft_says_so_on_every_page_and_an_empty_chapter_says_that_its_text_is_missing()
    {
        var document = Sample(longNarrative: false) with { IsDraft = true };
        document = document with
        {
            Chapters = [.. document.Chapters.Select((c, i) => i == 5 ? c with { Narrative = "", EmptyNarrativeText = "Für dieses Kapitel ist noch kein Text geschrieben." } : c)],
        };
        var report = Render("municipal-report-draft", document);

        Assert.Contains("Für dieses Kapitel ist noch kein Text geschrieben.", report.NormalizedText, StringComparison.Ordinal);
        Assert.All(Enumerable.Range(1, report.PageCount), page => Assert.Contains("ENTWURF", PdfTools.WithoutWhiteSpace(PdfTools.RawPageText(report.PdfPath, page)), StringComparison.Ordinal));
    }

    private static SteeringReportPdfTests.Rendered Render(string name, MunicipalReportDocument document)
    {
        var rendered = new SteeringReportPdfTests.Rendered(name, MunicipalReportPdf.Render(document));
        for (var page = 2; page <= Math.Min(4, rendered.PageCount); page++)
        {
            PdfTools.RenderPng(rendered.PdfPath, page, Path.Combine(PdfTools.ArtifactsDirectory, $"{name}-page-{page.ToString(CultureInfo.InvariantCulture)}"));
        }

        return rendered;
    }

    internal static MunicipalReportDocument Sample(bool longNarrative)
    {
        string Narrative(int chapter) =>
            $"Erzählung zu Kapitel {chapter}: Die Zusammenarbeit von Jobcenter und Drogenhilfe hat sich bewährt (Übergänge, Größe, Maß).\nEin zweiter Absatz mit Umlauten: äöü ÄÖÜ ß.";
        var appointments = SteeringReportPdfTests.SampleReport(tableCount: 2).Blocks;
        var overview = new ReportBlock(
            "Das Jahr in Zahlen",
            "Die Gesamtzahl jeder Tabelle.",
            null,
            new ReportTable(["Tabelle", "gezählt", "2025", "Vorjahr (2024)", "Veränderung"],
            [
                new ReportRow(["Klient:innen nach Altersgruppe und Geschlecht", "Personen", "412", "398", "+14"]),
                new ReportRow(["Vermittlungen nach Art der Stelle und Stand", "Vermittlungen", "•", "55", "–"]),
            ]));
        var referrals = new ReportBlock(
            "Vermittlungen nach Art der Stelle und Stand",
            "Vermittlungen, die im Zeitraum vorgeschlagen wurden.",
            new ReportChart("Vermittlungen je Art der Stelle", "2025", "2024",
            [
                new ReportBar("Suchtberatung", 12, "12", 17, "17"),
                new ReportBar("Entgiftung", null, "•", 6, "6"),
            ]),
            new ReportTable(["Art der Stelle", "Vermittlungen 2025", "Vorjahr (2024)", "Veränderung"],
            [
                new ReportRow(["Suchtberatung", "12", "•", "17"]),
                new ReportRow(["Entgiftung", "•", "6", "–"]),
                new ReportRow(["Gesamt", "19", "23", "−4"], IsTotal: true),
            ]));
        var trainings = new ReportBlock(
            "Fortbildungen",
            "Gezählt werden Beschäftigte, nicht Klient:innen.",
            null,
            new ReportTable(["Thema (Organisation)", "geschult", "Beschäftigte", "Anteil"], [new ReportRow(["Suchtgrundlagen (Jobcenter)", "18", "40", "45 %"])]));
        var measures = new ReportBlock(
            "Maßnahmen nach Stand",
            "Maßnahmen, die die beiden Lenkungsrunden beschlossen haben.",
            new ReportChart("Maßnahmen je Stand", "Strategische Lenkungsrunde", "Operative Lenkungsrunde",
            [
                new ReportBar("Offen", 2, "2", 1, "1"),
                new ReportBar("Erledigt", 0, "0", 3, "3"),
            ]),
            new ReportTable(["Stand", "Strategische Lenkungsrunde", "Operative Lenkungsrunde", "Gesamt"],
            [
                new ReportRow(["Offen", "2", "1", "3"]),
                new ReportRow(["Erledigt", "0", "3", "3"]),
                new ReportRow(["Gesamt", "2", "4", "6"], IsTotal: true),
            ]));
        var list = new ReportBlock(
            "Beschlossene Maßnahmen",
            "Jede Maßnahme mit Runde, Sitzung, Frist und Stand.",
            null,
            new ReportTable(["Maßnahme", "Runde", "beschlossen am", "bis", "Stand"],
                [new ReportRow(["Feste Aufnahmetage mit der Entgiftung vereinbaren", "operativ", "03.03.2025", "30.06.2025", "erledigt"])]));

        var outlook = Narrative(6);
        if (longNarrative)
        {
            var text = new StringBuilder();
            for (var paragraph = 1; paragraph <= 30; paragraph++)
            {
                for (var sentence = 1; sentence <= 12; sentence++)
                {
                    text.Append(CultureInfo.InvariantCulture, $"Absatz {paragraph}, Satz {sentence}: Im kommenden Jahr wollen die Runden die Übergänge in die Entgiftung verkürzen und Doppelstrukturen vermeiden. ");
                }

                text.Append('\n');
            }

            text.Append("Dies ist der letzte Satz des Ausblicks, und er steht vollständig im Bericht.");
            outlook = text.ToString();
        }

        return new MunicipalReportDocument(
            "Kommunaler Suchtbericht 2025",
            "Berichtsjahr 2025 (01.01.2025–31.12.2025)",
            "Vergleich mit 2024",
            "Erstellt am 07.12.2026 05:10",
            "Ohne personenbezogene Daten",
            ["• nicht ausgewiesen: eine kleine Zahl, die zum Schutz der Personen nicht gezeigt wird. 0 heißt: niemand."],
            [
                new(ChapterTitles[0], Narrative(1), [overview]),
                new(ChapterTitles[1], Narrative(2), appointments),
                new(ChapterTitles[2], Narrative(3), [referrals]),
                new(ChapterTitles[3], Narrative(4), [trainings]),
                new(ChapterTitles[4], Narrative(5), [measures, list]),
                new(ChapterTitles[5], outlook, []),
            ],
            IsDraft: false);
    }
}
