using CaseManagement.Documents.HelpPlans;

namespace CaseManagement.Documents.Tests;

/// <summary>
/// The help plan as a screen reader gets it (BITV 2.0, PDF/UA): a tagged PDF with title and language,
/// headings, one table per area with header cells, everything in reading order; the page frame, rules
/// and repeated table headers are artifacts, and nothing is drawn outside both.
/// </summary>
public sealed class TaggedHelpPlanPdfTests
{
    public static TheoryData<string> Plans => ["long", "short", "draft"];

    private static RenderedPlan Plan(string name) => name switch
    {
        "long" => RenderedPlan.Long,
        "short" => RenderedPlan.Short,
        _ => RenderedPlan.LongDraft,
    };

    [Theory]
    [MemberData(nameof(Plans))]
    public void Pdf_is_tagged_in_german_with_its_title_shown(string name)
    {
        var plan = Plan(name);
        var info = PdfTools.Info(plan.PdfPath);
        var draft = plan.Document.IsDraft ? " (Entwurf)" : "";

        Assert.Equal("yes", info["Tagged"]);
        Assert.Equal($"Gemeinsamer Hilfeplan – Fassung {plan.Document.Version}{draft} – Fallnummer {SamplePlans.CaseNumber}", info["Title"]);
        Assert.Equal("de-DE", plan.Structure.Language);
        Assert.True(plan.Structure.Marked);
        Assert.True(plan.Structure.DisplaysTitle);
    }

    [Fact]
    public void Short_plan_reads_in_the_order_it_is_printed()
    {
        var document = RenderedPlan.Short.Structure.Document;

        Assert.Equal("Document", document.Tag);
        Assert.Equal(
            ["P", "H1", "P", "L", "H2", "P", "H2", "H3", "Table", "H3", "Table", "H2", "H3", "P", "H3", "P", "H2", "P", "P", "H2", "P", "P", "P", "P"],
            document.Kids.Select(k => k.Tag));
        Assert.Equal("Jobcenter Ludwigshafen Stadt Ludwigshafen am Rhein – Drogenhilfe", document.Kids[0].Text);
        Assert.Equal("Gemeinsamer Hilfeplan", document.Kids[1].Text);
        Assert.Equal($"Klient:in: {SamplePlans.ClientName} Fallnummer: {SamplePlans.CaseNumber}", document.Kids[2].Text);
        Assert.Equal("Fallmanager:in Jobcenter Ort, Datum", document.Kids[^3].Text);
        Assert.Equal("Klient:in Ort, Datum", document.Kids[^1].Text);
    }

    [Fact]
    public void Key_facts_are_a_list_of_label_and_value_and_say_fassung()
    {
        var list = RenderedPlan.Short.Structure.Document.Tagged("L").Single();

        var items = list.Kids.Select(item => (Label: item.Kids[0], Body: item.Kids[1])).ToList();
        Assert.All(list.Kids, item => Assert.Equal(["Lbl", "LBody"], item.Kids.Select(k => k.Tag)));
        Assert.Equal(["Fassung", "Status", "Vereinbart am", "Nächste Überprüfung"], items.Select(i => i.Label.Text));
        Assert.Equal(["1", "Vereinbart", "03.02.2025", "04.08.2025"], items.Select(i => i.Body.Text));
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void Sections_are_h2_and_areas_h3_in_their_printed_order(string name)
    {
        var plan = Plan(name);
        var tree = plan.Structure;

        Assert.Equal(["Gemeinsamer Hilfeplan"], tree.Document.Tagged("H1").Select(h => h.Text));
        Assert.Equal(
            ["1 Integrationsziel", "2 Ziele und Schritte", "3 Eigenbemühungen", "4 Ansprechpersonen", "5 Unterschriften"],
            tree.Document.Tagged("H2").Select(h => h.Text));
        var areas = plan.Document.Goals.Select(g => g.Area).Distinct().Order()
            .Select((area, i) => $"2.{i + 1} {HelpPlanLabels.AreaTitle(area)}");
        Assert.Equal(areas, tree.Document.Tagged("H3").Select(h => h.Text).Where(t => t.StartsWith("2.", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void Each_area_is_one_table_after_its_heading_with_a_header_row_a_row_per_goal_and_a_row_per_step(string name)
    {
        var plan = Plan(name);
        var kids = plan.Structure.Document.Kids;
        var areas = plan.Document.Goals.GroupBy(g => g.Area).OrderBy(g => g.Key).ToList();
        var tables = kids.Select((element, index) => (Element: element, Index: index)).Where(k => k.Element.Tag == "Table").ToList();

        Assert.Equal(areas.Count, tables.Count);
        var goalNumber = 0;
        for (var a = 0; a < areas.Count; a++)
        {
            var (table, index) = tables[a];
            Assert.Equal($"2.{a + 1} {HelpPlanLabels.AreaTitle(areas[a].Key)}", kids[index - 1].Text);
            Assert.All(table.Kids, row => Assert.Equal("TR", row.Tag));

            var header = table.Kids[0];
            Assert.Equal(["Schritt", "Wer", "Bis wann", "Stand"], header.Kids.Select(c => c.Text));
            Assert.All(header.Kids, cell => Assert.Equal(("TH", "Column"), (cell.Tag, cell.Scope)));

            var rows = table.Kids.Skip(1).ToList();
            Assert.All(rows, row => Assert.All(row.Kids, cell => Assert.Equal("TD", cell.Tag)));
            var expected = areas[a].SelectMany(goal => new[] { $"Ziel {++goalNumber}: {PdfTools.Normalize(goal.Text)}" }
                .Concat(goal.Steps.Count == 0 ? ["Noch keine Schritte vereinbart."] : goal.Steps.Select(StepRowText)));
            // Compared without white space: a word too long for its column is broken between lines.
            Assert.Equal(expected.Select(WithoutSpaces), rows.Select(r => WithoutSpaces(r.Text)));
            Assert.All(rows.Where(r => r.Text.StartsWith("Ziel ", StringComparison.Ordinal)), goal => Assert.Equal(4, Assert.Single(goal.Kids).ColumnSpan));
        }
    }

    [Fact]
    public void A_step_split_across_pages_is_one_cell_of_one_row()
    {
        var tree = RenderedPlan.Long.Structure;

        var cell = Assert.Single(tree.All(), e => e.Tag == "TD" && e.Text.StartsWith(SamplePlans.LongStepText[..30], StringComparison.Ordinal));
        Assert.Equal(PdfTools.Normalize(SamplePlans.LongStepText), cell.Text);
        Assert.True(cell.Contents.Select(c => c.Page).Distinct().Count() >= 2, "the long step should continue on the next page");
        var row = Assert.Single(tree.All(), e => e.Tag == "TR" && e.Kids.Contains(cell));
        Assert.Equal(["TD", "TD", "TD", "TD"], row.Kids.Select(k => k.Tag));
        Assert.Equal(["Klient:in", "31.03.2025", "in Arbeit"], row.Kids.Skip(1).Select(k => k.Text));
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void Page_frame_and_repeated_table_headers_are_artifacts_nothing_is_untagged_and_marked_content_nests_with_text_objects(string name)
    {
        var plan = Plan(name);
        var tree = plan.Structure;
        var tagged = tree.Document.Text;

        Assert.DoesNotContain("Seite ", tagged, StringComparison.Ordinal);
        Assert.DoesNotContain("Gedruckt am", tagged, StringComparison.Ordinal);
        Assert.DoesNotContain("(Fortsetzung)", tagged, StringComparison.Ordinal);
        Assert.DoesNotContain("ENTWURF", tagged, StringComparison.Ordinal);
        Assert.Single(tree.Document.Tagged("H1"));
        foreach (var page in tree.Pages)
        {
            Assert.Contains($"Seite {page.Number} von {tree.Pages.Count}", page.ArtifactText, StringComparison.Ordinal);
            Assert.Equal(0, page.UnmarkedLetters);
            Assert.Equal(0, page.NestingErrors);
            // Every marked-content sequence of the page belongs to exactly one element.
            var referenced = tree.All().SelectMany(e => e.Contents).Where(c => c.Page == page.Number).Select(c => c.Mcid).Order();
            Assert.Equal(page.Tagged.Keys.Order(), referenced);
        }

        if (plan.PageCount > 1)
        {
            Assert.Contains("Gemeinsamer Hilfeplan", tree.Pages[1].ArtifactText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Contacts_are_one_paragraph_each()
    {
        var contacts = RenderedPlan.Short.Structure.Document.Kids.SkipWhile(k => k.Text != "4 Ansprechpersonen").Skip(1).Take(2).ToList();

        Assert.All(contacts, c => Assert.Equal("P", c.Tag));
        Assert.Equal(
            SamplePlans.Contacts.Select(c => $"{c.Organisation} {c.Name} Telefon: {c.Phone} E-Mail: {c.Email}"),
            contacts.Select(c => c.Text));
    }

    private static string WithoutSpaces(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static string StepRowText(HelpPlanStep step) =>
        PdfTools.Normalize($"{step.Description} {HelpPlanLabels.Responsible(step.Responsible)} {(step.DueOn is { } due ? HelpPlanLabels.Date(due) : "offen")} {step.StatusLabel}");
}
