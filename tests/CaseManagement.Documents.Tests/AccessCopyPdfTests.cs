using System.Globalization;
using CaseManagement.Documents.AccessCopies;

namespace CaseManagement.Documents.Tests;

/// <summary>
/// The Art. 15 copy on paper: every word of a long value arrives, across page breaks; every section is
/// a heading and every fact a labelled list item for a screen reader; nothing is drawn untagged.
/// </summary>
public sealed class AccessCopyPdfTests
{
    private static readonly Lazy<Rendered> Copy = new(() => new Rendered("access-copy", Sample()));

    [Fact]
    public void A_long_note_runs_on_over_page_breaks_and_every_word_of_it_is_printed()
    {
        var copy = Copy.Value;

        Assert.True(copy.PageCount >= 3, $"expected several pages, got {copy.PageCount}");
        // In reading order, page headers and footers fall between the note's lines; its words arrive in order, none missing.
        var noteWords = System.Text.RegularExpressions.Regex.Matches(copy.Text, @"Wort\d+").Select(m => m.Value);
        Assert.Equal(LongNote.Split(' '), noteWords);
        var words = PdfTools.WithoutWhiteSpace(copy.Text);
        for (var i = 1; i <= 120; i++)
        {
            Assert.Contains(PdfTools.WithoutWhiteSpace(Access(i)), words, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_page_names_the_person_both_organisations_and_its_number()
    {
        var copy = Copy.Value;
        for (var i = 0; i < copy.PageCount; i++)
        {
            var page = PdfTools.Normalize(copy.Pages[i]);
            Assert.Contains("Jobcenter Ludwigshafen", page, StringComparison.Ordinal);
            Assert.Contains("Auskunft über Ihre gespeicherten Daten", page, StringComparison.Ordinal);
            Assert.Contains("Erika Muster, geboren 12.04.1988 – Fallnummer FV-2026-00012", page, StringComparison.Ordinal);
            Assert.Contains($"Seite {i + 1} von {copy.PageCount}", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Sections_are_headings_facts_are_labelled_items_and_nothing_is_untagged()
    {
        var tree = StructureTree.Read(Copy.Value.PdfPath);

        Assert.Equal("de-DE", tree.Language);
        Assert.True(tree.DisplaysTitle);
        Assert.Equal(["1 Ihre Stammdaten", "2 Interne Notizen", "3 Wer Ihre Akte gelesen oder geändert hat", "4 Ihre Vermittlungen"],
            tree.Document.Tagged("H2").Select(h => PdfTools.Normalize(h.Text)));
        var items = tree.Document.Tagged("LI").ToList();
        Assert.Equal(2 + 1 + 120, items.Count);
        Assert.All(items, item => Assert.Equal(["Lbl", "LBody"], item.Kids.Select(k => k.Tag)));
        var note = items.Single(i => i.Kids[0].Text.Contains("Jobcenter (Anna Arbeit)", StringComparison.Ordinal));
        Assert.Equal(PdfTools.WithoutWhiteSpace(LongNote), PdfTools.WithoutWhiteSpace(note.Kids[1].Text));
        Assert.Contains(tree.Document.Tagged("P"), p => p.Text.Contains("Keine gespeichert.", StringComparison.Ordinal));
        foreach (var page in tree.Pages)
        {
            Assert.Equal(0, page.UnmarkedLetters);
            Assert.Equal(0, page.NestingErrors);
            Assert.Contains($"Seite {page.Number} von {tree.Pages.Count}", page.ArtifactText, StringComparison.Ordinal);
        }
    }

    private static readonly string LongNote = string.Join(' ', Enumerable.Range(1, 900).Select(i => $"Wort{i.ToString(CultureInfo.InvariantCulture)}"));

    private static string Access(int i) => $"Person {i.ToString(CultureInfo.InvariantCulture)} (Jobcenter): geöffnet – Stammdaten";

    private static AccessCopyDocument Sample() => new(
        "Jobcenter Ludwigshafen",
        "Stadt Ludwigshafen am Rhein – Drogenhilfe",
        "Erika Muster, geboren 12.04.1988 – Fallnummer FV-2026-00012",
        ["Sie haben gefragt, welche Daten gespeichert sind."],
        [
            new CopySection("Ihre Stammdaten", null, [new CopyEntry(null, [new("Vorname", "Erika"), new("Nachname", "Muster")])]),
            new CopySection("Interne Notizen", "Notizen, die jede Stelle nur für sich führt.", [new CopyEntry(null, [new("01.03.2026 10:00, Jobcenter (Anna Arbeit)", LongNote)])]),
            new CopySection("Wer Ihre Akte gelesen oder geändert hat", null,
                [new CopyEntry(null, [.. Enumerable.Range(1, 120).Select(i => new CopyFact($"0{i % 9 + 1}.03.2026 09:{i % 60:00}", Access(i)))])]),
            new CopySection("Ihre Vermittlungen", null, []),
        ],
        "Erstellt am 06.12.2026 10:30 von Dana Datenschutz",
        "Auskunft – Fallnummer FV-2026-00012");

    private sealed class Rendered
    {
        public Rendered(string name, AccessCopyDocument document)
        {
            PdfPath = Path.Combine(PdfTools.ArtifactsDirectory, name + ".pdf");
            File.WriteAllBytes(PdfPath, AccessCopyPdf.Render(document));
            PageCount = PdfTools.PageCount(PdfPath);
            PdfTools.RenderPng(PdfPath, 1, Path.Combine(PdfTools.ArtifactsDirectory, name + "-first-page"));
            PdfTools.RenderPng(PdfPath, 2, Path.Combine(PdfTools.ArtifactsDirectory, name + "-second-page"));
            Text = PdfTools.TextLayout(PdfPath);
            Pages = Text.Split('\f').Take(PageCount).ToList();
        }

        public string PdfPath { get; }

        public int PageCount { get; }

        public string Text { get; }

        public List<string> Pages { get; }
    }
}
