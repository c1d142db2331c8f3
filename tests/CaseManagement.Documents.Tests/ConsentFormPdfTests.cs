using CaseManagement.Documents.Consent;
using CaseManagement.Documents.HelpPlans;

namespace CaseManagement.Documents.Tests;

/// <summary>
/// The consent form (Schweigepflichtentbindung) the client signs, read back as a reader and a screen
/// reader get it: who, both organisations, what flows which way, purpose, validity, the right to
/// revoke and how, the signature lines; what the printing person may not see is left to fill in.
/// </summary>
public sealed class ConsentFormPdfTests
{
    private const string Purpose = "Gemeinsame Hilfeplanung und Vermittlung in eine ambulante Suchtrehabilitation; Abstimmung der Termine.";

    private static readonly ConsentFormDocument Full = new(
        "Jürgen Weiß",
        new DateOnly(1988, 4, 12),
        "LU-2025-00417",
        HelpPlanDocument.DefaultJobcenterName,
        HelpPlanDocument.DefaultDrugHelpServiceName,
        [ConsentFormCategory.MasterData, ConsentFormCategory.HelpPlan, ConsentFormCategory.HealthData],
        JobcenterToDrugHelp: false,
        DrugHelpToJobcenter: true,
        Purpose,
        new DateOnly(2025, 2, 3),
        new DateOnly(2026, 2, 2),
        ConsentFormParty.DrugHelpService,
        ClientIsMinor: false,
        Mark: null,
        new DateOnly(2025, 2, 3));

    private static readonly Lazy<Rendered> FullForm = new(() => new Rendered("consent-form", Full));

    /// <summary>Printed by someone who may see neither the name nor the purpose (the other organisation wrote it), for a minor, revoked.</summary>
    private static readonly Lazy<Rendered> BlankForm = new(() => new Rendered("consent-form-blanks", Full with
    {
        ClientName = null,
        BirthDate = null,
        Purpose = null,
        JobcenterToDrugHelp = true,
        ValidUntil = null,
        ClientIsMinor = true,
        Mark = ConsentFormLabels.RevokedMark,
    }));

    [Fact]
    public void The_form_says_who_what_which_way_what_for_how_long_and_how_to_revoke()
    {
        var form = FullForm.Value;
        var text = form.NormalizedText;

        Assert.Equal(1, form.PageCount);
        foreach (var expected in new[]
        {
            ConsentFormLabels.Title,
            "Jobcenter Ludwigshafen",
            "Stadt Ludwigshafen am Rhein – Drogenhilfe",
            "Name Jürgen Weiß",
            "Geburtsdatum 12.04.1988",
            "Fallnummer LU-2025-00417",
            "Von der Drogenhilfe an das Jobcenter:",
            "Das Jobcenter gibt keine Angaben an die Drogenhilfe weiter.",
            "Stammdaten: Name, Geburtsdatum",
            "Hilfeplan: der gemeinsame Plan",
            "Gesundheits- und Suchtdaten",
            "Art. 9 Datenschutz-Grundverordnung",
            "Interne Notizen der beiden Stellen werden nie weitergegeben.",
            Purpose,
            "Vom 03.02.2025 bis zum 02.02.2026.",
            "freiwillig",
            "jederzeit widerrufen",
            "für die Zukunft",
            "So widerrufen Sie:",
            "Klient:in",
            "Fachkraft Drogenhilfe",
            "Ort, Datum",
            "Seite 1 von 1",
        })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Termine:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("von Hand eintragen", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Gesetzliche Vertretung", text, StringComparison.Ordinal);
        Assert.DoesNotContain(ConsentFormLabels.RevokedMark, PdfTools.WithoutWhiteSpace(PdfTools.RawPageText(form.PdfPath, 1)), StringComparison.Ordinal);
    }

    [Fact]
    public void What_the_printing_person_may_not_see_is_left_to_fill_in_and_a_revoked_consent_says_so_on_every_page()
    {
        var form = BlankForm.Value;
        var text = form.NormalizedText;

        Assert.DoesNotContain("Jürgen", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1988", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Suchtrehabilitation", text, StringComparison.Ordinal);
        Assert.True(text.Split("(bitte von Hand eintragen)").Length - 1 >= 3, "name, birth date and purpose should each be left to fill in");
        Assert.Contains("Fallnummer LU-2025-00417", text, StringComparison.Ordinal);
        // The mark's letters break up pdftotext's lines; the structure tree reads the text in order.
        var tagged = form.Structure.Document.Text;
        Assert.Contains("In beide Richtungen, vom Jobcenter an die Drogenhilfe und von der Drogenhilfe an das Jobcenter:", tagged, StringComparison.Ordinal);
        Assert.Equal(1, tagged.Split("Gesundheits- und Suchtdaten:").Length - 1);
        Assert.Contains("Ab dem 03.02.2025, ohne Enddatum – bis Sie sie widerrufen.", text, StringComparison.Ordinal);
        Assert.Contains("Gesetzliche Vertretung", text, StringComparison.Ordinal);
        for (var page = 1; page <= form.PageCount; page++)
        {
            Assert.Contains(ConsentFormLabels.RevokedMark, PdfTools.WithoutWhiteSpace(PdfTools.RawPageText(form.PdfPath, page)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_form_is_tagged_in_german_reads_in_order_and_draws_nothing_untagged()
    {
        foreach (var form in new[] { FullForm.Value, BlankForm.Value })
        {
            var info = PdfTools.Info(form.PdfPath);
            Assert.Equal("yes", info["Tagged"]);
            Assert.Equal($"{ConsentFormLabels.Title} vom 03.02.2025 – Fallnummer LU-2025-00417", info["Title"]);
            var tree = form.Structure;
            Assert.Equal("de-DE", tree.Language);
            Assert.True(tree.Marked);
            Assert.True(tree.DisplaysTitle);
            Assert.Equal([ConsentFormLabels.Title], tree.Document.Tagged("H1").Select(h => h.Text));
            Assert.Equal(
                ["1 Ihre Angaben", "2 Wer Angaben austauscht", "3 Welche Angaben weitergegeben werden dürfen", "4 Wofür die Angaben gebraucht werden",
                 "5 Wie lange die Erklärung gilt", "6 Freiwillig und jederzeit widerrufbar", "7 Unterschriften"],
                tree.Document.Tagged("H2").Select(h => h.Text));
            Assert.Equal(
                form == FullForm.Value ? ["Von der Drogenhilfe an das Jobcenter:"] : ["In beide Richtungen, vom Jobcenter an die Drogenhilfe und von der Drogenhilfe an das Jobcenter:"],
                tree.Document.Tagged("H3").Select(h => h.Text));
            Assert.All(tree.Document.Tagged("LI"), item => Assert.Equal(["Lbl", "LBody"], item.Kids.Select(k => k.Tag)));
            Assert.Equal("Klient:in Ort, Datum", tree.Document.Kids.Where(k => k.Tag == "P").Select(k => k.Text).First(t => t.EndsWith("Ort, Datum", StringComparison.Ordinal)));
            Assert.DoesNotContain("Seite ", tree.Document.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(ConsentFormLabels.RevokedMark, tree.Document.Text, StringComparison.Ordinal);
            foreach (var page in tree.Pages)
            {
                Assert.Equal(0, page.UnmarkedLetters);
                Assert.Equal(0, page.NestingErrors);
            }

            var (exitCode, output) = PdfTools.QpdfCheck(form.PdfPath);
            Assert.True(exitCode == 0, $"qpdf --check exited with {exitCode}:\n{output}");
        }
    }

    [Fact]
    public void The_label_of_a_category_and_its_list_item_say_the_same()
    {
        var items = FullForm.Value.Structure.Document.Tagged("LBody").Select(b => b.Text).ToList();

        Assert.Contains(PdfTools.Normalize(ConsentFormLabels.Describe(ConsentFormCategory.HealthData)), items);
        Assert.Contains("Jürgen Weiß", items);
    }

    private sealed class Rendered
    {
        private readonly Lazy<StructureTree> _structure;

        public Rendered(string name, ConsentFormDocument document)
        {
            PdfPath = Path.Combine(PdfTools.ArtifactsDirectory, name + ".pdf");
            File.WriteAllBytes(PdfPath, ConsentFormPdf.Render(document));
            PageCount = PdfTools.PageCount(PdfPath);
            PdfTools.RenderPng(PdfPath, 1, Path.Combine(PdfTools.ArtifactsDirectory, name + "-first-page"));
            NormalizedText = PdfTools.Normalize(PdfTools.TextLayout(PdfPath));
            _structure = new Lazy<StructureTree>(() => StructureTree.Read(PdfPath));
        }

        public string PdfPath { get; }

        public int PageCount { get; }

        public string NormalizedText { get; }

        public StructureTree Structure => _structure.Value;
    }
}
