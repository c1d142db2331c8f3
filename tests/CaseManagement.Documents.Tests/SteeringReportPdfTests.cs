using System.Text;
using System.Text.RegularExpressions;
using CaseManagement.Documents.Reports;
using PdfSharp;
using PdfSharp.Pdf.IO;

namespace CaseManagement.Documents.Tests;

/// <summary>The steering-report PDF as a reader sees it: the figures, the "•" marks, the frame of every page, the charts.</summary>
public sealed partial class SteeringReportPdfTests
{
    private static readonly Lazy<Rendered> Report = new(() => new Rendered("steering-report", SampleReport(tableCount: 9)));

    [Fact]
    public void Every_page_has_both_organisations_the_title_the_period_and_the_page_footer()
    {
        var report = Report.Value;
        Assert.True(report.PageCount >= 3, $"expected several pages, got {report.PageCount}");
        for (var i = 0; i < report.PageCount; i++)
        {
            var page = PdfTools.Normalize(report.Pages[i]);
            Assert.Contains("Jobcenter Ludwigshafen", page);
            Assert.Contains("Stadt Ludwigshafen am Rhein – Drogenhilfe", page);
            Assert.Contains("Lenkungsrunde – Kennzahlen 2025", page);
            Assert.Contains("Zeitraum: 01.01.2025–31.12.2025", page);
            Assert.Contains("Vergleich: 2024 (01.01.2024–31.12.2024)", page);
            Assert.Contains("Erstellt am 21.11.2026 10:30", page);
            Assert.Contains("Kennzahlen 2025 – ohne personenbezogene Daten", page);
            Assert.Contains($"Seite {i + 1} von {report.PageCount}", page);
        }
    }

    [Theory]
    [InlineData("Kennzahlen 2025 – ohne personenbezogene Daten")]
    [InlineData("Kennzahlen September 2025 – ohne personenbezogene Daten")]
    [InlineData("Kennzahlen 1. Halbjahr 2025 – ohne personenbezogene Daten und mit einem Zusatz, der für eine Zeile neben den anderen zu lang ist")]
    public void The_footer_texts_never_print_over_each_other(string footerLabel)
    {
        var document = SampleReport(tableCount: 1) with { FooterLabel = footerLabel, GeneratedText = "Erstellt am 21.11.2026 10:30" };
        var rendered = new Rendered("steering-report-footer-" + footerLabel.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), document);

        var footer = PdfTools.Words(rendered.PdfPath, 1).Where(w => w.YMin > 790).ToList();

        Assert.Contains(footer, w => w.Text == "Erstellt");
        Assert.Contains(footer, w => w.Text == "personenbezogene");
        Assert.Contains(footer, w => w.Text == "Seite");
        foreach (var a in footer)
        {
            foreach (var b in footer.Where(b => b != a))
            {
                var overlap = a.XMin < b.XMax - 0.5 && b.XMin < a.XMax - 0.5 && a.YMin < b.YMax - 0.5 && b.YMin < a.YMax - 0.5;
                Assert.False(overlap, $"'{a.Text}' ({a.XMin:0.#}–{a.XMax:0.#}) prints over '{b.Text}' ({b.XMin:0.#}–{b.XMax:0.#})");
            }
        }
    }

    [Fact]
    public void Hidden_figures_read_as_the_one_mark_in_tables_and_charts_and_shown_ones_read_as_given()
    {
        var text = Report.Value.NormalizedText;

        // Table row: label, four cells, total, previous total, change.
        Assert.Contains("Beratung Jobcenter 0 0 • 0 • 7 –", text);
        Assert.Contains("Gemeinsame Beratung 0 1.234 0 0 1.234 1.198 +36", text);
        Assert.Contains("Gesamt 0 • • 0 1.301 1.256 +45", text);
        // The chart of that block: numbers beside the bars, "•" where no bar is drawn.
        Assert.Matches(ChartLine(), Report.Value.Text);
        Assert.Contains("Termine je Art", text);
        Assert.True(CountOf(text, "•") >= 9 * 4, "every block shows its hidden figures");
    }

    [Fact]
    public void Blocks_are_numbered_explained_and_a_long_table_repeats_its_header_on_the_next_page()
    {
        var text = Report.Value.NormalizedText;
        for (var i = 1; i <= 9; i++)
        {
            Assert.Contains($"{i} Termine und Kontakte, Teil {i}", text);
            Assert.Contains($"Was gezählt wird, Teil {i}.", text);
        }

        Assert.Equal(9, CountOf(text, "Vorzeitraum (2024)"));

        var longTable = new Rendered("steering-report-long-table", SampleReport(tableCount: 1, rows: 70));
        Assert.True(longTable.PageCount >= 2);
        Assert.Contains("(Fortsetzung)", PdfTools.Normalize(longTable.Pages[1]));
        Assert.Contains("Zeile 70", longTable.NormalizedText);
    }

    [Fact]
    public void The_notes_say_what_the_mark_means_and_that_the_report_is_anonymous()
    {
        var text = Report.Value.NormalizedText;
        Assert.Contains("• nicht ausgewiesen: eine kleine Zahl, die zum Schutz der Personen nicht gezeigt wird.", text);
        Assert.Contains("keine Namen, Fallnummern", text);
    }

    [Fact]
    public void The_file_checks_clean_embeds_its_fonts_and_carries_title_and_language()
    {
        var report = Report.Value;
        var (exitCode, output) = PdfTools.QpdfCheck(report.PdfPath);
        Assert.True(exitCode == 0, $"qpdf --check exited with {exitCode}:\n{output}");
        Assert.All(PdfTools.Fonts(report.PdfPath), f => Assert.True(f.Embedded, $"{f.Name} is not embedded"));
        using var pdf = PdfReader.Open(report.PdfPath, PdfDocumentOpenMode.Import);
        Assert.Equal("Lenkungsrunde – Kennzahlen 2025", pdf.Info.Title);
    }

    [Fact]
    public void Charts_are_vector_bars_not_pictures()
    {
        var content = Encoding.Latin1.GetString(Report.Value.Bytes);
        Assert.DoesNotContain("/Subtype /Image", content);
        Assert.DoesNotContain("/Subtype/Image", content);
        // Rectangles filled in the two bar colours (PDF operators "re" and "f").
        Assert.True(Regex.Count(content, @" re\s*\n?f") > 50, "expected filled rectangles for the bars");
    }

    [Fact]
    public void The_report_is_tagged_title_h1_each_block_a_heading_an_explanation_a_described_chart_and_a_table()
    {
        var report = Report.Value;
        var tree = StructureTree.Read(report.PdfPath);

        Assert.Equal("yes", PdfTools.Info(report.PdfPath)["Tagged"]);
        Assert.Equal("de-DE", tree.Language);
        Assert.Equal(["Lenkungsrunde – Kennzahlen 2025"], tree.Document.Tagged("H1").Select(h => h.Text));
        var blocks = tree.Document.Kids.SkipWhile(k => k.Tag != "H2").ToList();
        Assert.Equal(9 * 4, blocks.Count);
        for (var i = 0; i < 9; i++)
        {
            var block = blocks.Skip(4 * i).Take(4).ToList();
            Assert.Equal(["H2", "P", "Figure", "Table"], block.Select(e => e.Tag));
            Assert.Equal($"{i + 1} Termine und Kontakte, Teil {i + 1}", block[0].Text);
            Assert.StartsWith($"Was gezählt wird, Teil {i + 1}.", block[1].Text, StringComparison.Ordinal);
            Assert.Contains("„Termine je Art“", block[2].Alt, StringComparison.Ordinal);
            Assert.Contains("Tabelle", block[2].Alt, StringComparison.Ordinal);
            AssertTable(block[3], headerCells: 8, bodyRows: 5);
        }

        Assert.All(tree.Pages, page => Assert.Equal((0, 0), (page.UnmarkedLetters, page.NestingErrors)));
        Assert.DoesNotContain("Seite ", tree.Document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_continued_on_the_next_page_stays_one_table_without_its_repeated_header()
    {
        var report = new Rendered("steering-report-long-table-tags", SampleReport(tableCount: 1, rows: 70));
        var tree = StructureTree.Read(report.PdfPath);

        Assert.True(report.PageCount >= 2);
        var table = Assert.Single(tree.Document.Tagged("Table"));
        AssertTable(table, headerCells: 8, bodyRows: 75);
        Assert.Equal("Zeile 70 1 2 3 4 10 9 +1", table.Kids[^2].Text);
        Assert.DoesNotContain("(Fortsetzung)", tree.Document.Text, StringComparison.Ordinal);
        Assert.Contains("(Fortsetzung)", tree.Pages[1].ArtifactText, StringComparison.Ordinal);
    }

    /// <summary>A header row of column headers, then rows whose label heads the row and whose figures are data cells.</summary>
    private static void AssertTable(StructureElement table, int headerCells, int bodyRows)
    {
        Assert.Equal(1 + bodyRows, table.Kids.Count);
        Assert.All(table.Kids, row => Assert.Equal("TR", row.Tag));
        Assert.Equal(headerCells, table.Kids[0].Kids.Count);
        Assert.All(table.Kids[0].Kids, cell => Assert.Equal(("TH", "Column"), (cell.Tag, cell.Scope)));
        Assert.All(table.Kids.Skip(1), row =>
        {
            Assert.Equal(("TH", "Row"), (row.Kids[0].Tag, row.Kids[0].Scope));
            Assert.All(row.Kids.Skip(1), cell => Assert.Equal("TD", cell.Tag));
        });
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    /// <summary>A report of <paramref name="tableCount"/> appointment tables with a hidden cluster each, like the real one.</summary>
    internal static SteeringReportDocument SampleReport(int tableCount, int rows = 0)
    {
        var blocks = new List<ReportBlock>();
        for (var i = 1; i <= tableCount; i++)
        {
            var tableRows = new List<ReportRow>
            {
                new(["Gemeinsame Beratung", "0", "1.234", "0", "0", "1.234", "1.198", "+36"]),
                new(["Beratung Jobcenter", "0", "0", "•", "0", "•", "7", "–"]),
                new(["Aufsuchender Kontakt (anonym)", "0", "67", "0", "0", "67", "51", "+16"]),
                new(["Krisenintervention (anonym)", "0", "•", "0", "0", "•", "0", "–"]),
            };
            tableRows.AddRange(Enumerable.Range(1, rows).Select(r => new ReportRow([$"Zeile {r}", "1", "2", "3", "4", "10", "9", "+1"])));
            tableRows.Add(new ReportRow(["Gesamt", "0", "•", "•", "0", "1.301", "1.256", "+45"], IsTotal: true));
            blocks.Add(new ReportBlock(
                $"Termine und Kontakte, Teil {i}",
                $"Was gezählt wird, Teil {i}. Termine mit Beginn im Zeitraum, einschließlich anonymer Kontakte.",
                new ReportChart("Termine je Art", "2025", "2024",
                [
                    new ReportBar("Gemeinsame Beratung", 1234, "1.234", 1198, "1.198"),
                    new ReportBar("Beratung Jobcenter", null, "•", 7, "7"),
                    new ReportBar("Aufsuchender Kontakt (anonym)", 67, "67", 51, "51"),
                    new ReportBar("Krisenintervention (anonym)", null, "•", 0, "0"),
                ]),
                new ReportTable(["Art", "offen", "wahrgenommen", "nicht erschienen", "abgesagt", "Gesamt 2025", "Vorzeitraum (2024)", "Veränderung"], tableRows)));
        }

        return new SteeringReportDocument(
            "Lenkungsrunde – Kennzahlen 2025",
            "Zeitraum: 01.01.2025–31.12.2025",
            "Vergleich: 2024 (01.01.2024–31.12.2024)",
            "Erstellt am 21.11.2026 10:30",
            "Kennzahlen 2025 – ohne personenbezogene Daten",
            [
                "Anonymisierte Kennzahlen der Kooperation; sie enthalten keine Namen, Fallnummern oder Angaben zu einzelnen Personen.",
                "• nicht ausgewiesen: eine kleine Zahl, die zum Schutz der Personen nicht gezeigt wird. 0 heißt: niemand.",
            ],
            blocks);
    }

    [GeneratedRegex(@"Gemeinsame Beratung\s+1\.234\s*\n\s*1\.198")]
    private static partial Regex ChartLine();

    /// <summary>A report rendered once, kept as an artifact (PDF and a PNG of the first page) and read back.</summary>
    internal sealed class Rendered
    {
        public Rendered(string name, SteeringReportDocument document)
            : this(name, SteeringReportPdf.Render(document))
        {
        }

        /// <summary>Any rendered report (the municipal report too).</summary>
        public Rendered(string name, byte[] bytes)
        {
            Bytes = bytes;
            PdfPath = Path.Combine(PdfTools.ArtifactsDirectory, name + ".pdf");
            File.WriteAllBytes(PdfPath, Bytes);
            PageCount = PdfTools.PageCount(PdfPath);
            PdfTools.RenderPng(PdfPath, 1, Path.Combine(PdfTools.ArtifactsDirectory, name + "-first-page"));
            Text = PdfTools.TextLayout(PdfPath);
            Pages = Text.Split('\f').Take(PageCount).ToList();
            // pdftotext -layout closes up the narrow space of "•" in right-aligned cells.
            NormalizedText = PdfTools.Normalize(Text).Replace("<5", "•", StringComparison.Ordinal);
        }

        public byte[] Bytes { get; }

        public string PdfPath { get; }

        public int PageCount { get; }

        public string Text { get; }

        public IReadOnlyList<string> Pages { get; }

        public string NormalizedText { get; }
    }
}
