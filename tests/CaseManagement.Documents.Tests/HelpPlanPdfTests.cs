using System.Reflection;
using System.Text.RegularExpressions;
using CaseManagement.Documents.HelpPlans;
using PdfSharp.Pdf.IO;

namespace CaseManagement.Documents.Tests;

/// <summary>The help-plan PDF as a reader sees it (pdftotext, pdfinfo, pdffonts, qpdf).</summary>
public sealed partial class HelpPlanPdfTests
{
    public static TheoryData<string> Plans => ["long", "short"];

    private static RenderedPlan Plan(string name) => name == "long" ? RenderedPlan.Long : RenderedPlan.Short;

    [Fact]
    public void Long_plan_has_the_client_name_and_every_goal_text()
    {
        var plan = RenderedPlan.Long;
        Assert.Equal(40, plan.Document.Goals.Count);
        Assert.Equal(5, plan.Document.Goals.Select(g => g.Area).Distinct().Count());
        Assert.Contains(SamplePlans.ClientName, plan.Text);
        Assert.Contains(SamplePlans.CaseNumber, plan.Text);

        var missing = plan.Document.Goals
            .Select(g => PdfTools.Normalize(g.Text))
            .Where(text => !plan.NormalizedText.Contains(text, StringComparison.Ordinal))
            .ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Long_plan_keeps_umlauts_and_typographic_characters()
    {
        var text = RenderedPlan.Long.NormalizedText;
        Assert.Contains("Übergangsmaßnahme", text);
        Assert.Contains("Schuldnerberatung für Jürgen Weiß", text);
        Assert.Contains("„Bewerbungsmappe“", text);
        Assert.Contains("Stadt Ludwigshafen am Rhein – Drogenhilfe", text);
        Assert.Contains("260 €", text);
        Assert.Contains("Dr. Öztürk", text);
    }

    [Fact]
    public void Long_plan_area_titles_appear_in_the_fixed_order()
    {
        var text = RenderedPlan.Long.NormalizedText;
        var positions = Enum.GetValues<HelpPlanArea>()
            .Select(a => text.IndexOf(HelpPlanLabels.AreaTitle(a), StringComparison.Ordinal))
            .ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order().ToList(), positions);
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void Pdf_passes_qpdf_check(string name)
    {
        var (exitCode, output) = PdfTools.QpdfCheck(Plan(name).PdfPath);
        Assert.True(exitCode == 0, $"qpdf --check exited with {exitCode}:\n{output}");
        Assert.Contains("No syntax or stream encoding errors", output);
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void Every_page_has_the_footer_with_its_number_and_the_page_count(string name)
    {
        var plan = Plan(name);
        var footers = FooterPattern().Matches(plan.Text);
        Assert.Equal(plan.PageCount, footers.Count);
        for (var i = 0; i < plan.PageCount; i++)
        {
            var match = FooterPattern().Match(plan.Pages[i]);
            Assert.True(match.Success, $"page {i + 1} has no footer");
            Assert.Equal(i + 1, int.Parse(match.Groups[1].Value));
            Assert.Equal(plan.PageCount, int.Parse(match.Groups[2].Value));
            Assert.Contains("Gedruckt am 12.05.2025", plan.Pages[i]);
            Assert.Contains($"Hilfeplan – Fassung {plan.Document.Version}", plan.Pages[i]);
        }
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void A_plan_version_is_called_fassung_as_in_the_ui(string name)
    {
        var plan = Plan(name);
        Assert.Matches($@"Fassung\s+Status\s+Vereinbart am\s+Nächste Überprüfung\s+{plan.Document.Version}\s", plan.Pages[0]);
        Assert.DoesNotContain("Version", plan.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void Every_page_has_the_header_with_both_organisations_title_client_and_case_number(string name)
    {
        var plan = Plan(name);
        foreach (var page in plan.Pages)
        {
            Assert.Contains("Jobcenter Ludwigshafen", page);
            Assert.Contains("Stadt Ludwigshafen am Rhein – Drogenhilfe", page);
            Assert.Contains("Gemeinsamer Hilfeplan", page);
            Assert.Contains($"Klient:in: {SamplePlans.ClientName}", page);
            Assert.Contains($"Fallnummer: {SamplePlans.CaseNumber}", page);
        }
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void All_fonts_are_embedded(string name)
    {
        var fonts = PdfTools.Fonts(Plan(name).PdfPath);
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.True(f.Embedded, $"font {f.Name} ({f.Type}) is not embedded"));
    }

    [Fact]
    public void Long_plan_runs_over_several_pages_and_repeats_the_table_header_on_each()
    {
        var plan = RenderedPlan.Long;
        Assert.True(plan.PageCount >= 4, $"expected a long document, got {plan.PageCount} pages");
        var pagesWithSteps = plan.Pages.Select((text, i) => (Text: text, Number: i + 1))
            .Where(p => StepMarker().IsMatch(p.Text))
            .ToList();
        Assert.True(pagesWithSteps.Count >= 3);
        foreach (var (text, number) in pagesWithSteps)
        {
            var header = TableHeader().Match(text);
            Assert.True(header.Success, $"page {number} has table rows but no table header");
            Assert.True(header.Index < StepMarker().Match(text).Index, $"page {number}: a row comes before the table header");
        }

        // Pages that start inside an area say which one continues.
        Assert.Contains(plan.Pages.Skip(1), p => p.Contains("(Fortsetzung)", StringComparison.Ordinal));
    }

    [Fact]
    public void Step_of_3000_characters_is_split_across_pages_without_losing_a_word()
    {
        var plan = RenderedPlan.Long;
        Assert.Equal(3000, SamplePlans.LongStepText.Length);
        var expected = SamplePlans.LongStepText.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var words = plan.NormalizedText.Split(' ');

        // Every word, in order (other columns, headers and footers may stand between them).
        var position = -1;
        var firstWordPosition = -1;
        foreach (var word in expected)
        {
            position = Array.IndexOf(words, word, position + 1);
            Assert.True(position >= 0, $"word '{word}' of the long step is missing or out of order");
            if (firstWordPosition < 0)
            {
                firstWordPosition = position;
            }
        }

        // It starts on one page and ends on a later one.
        var firstPage = PageOf(plan, string.Join(' ', expected.Take(4)));
        var lastPage = PageOf(plan, expected[^1]);
        Assert.True(firstPage > 0, "the start of the long step is not on any page");
        Assert.True(lastPage > firstPage, $"the long step should be split across pages (from {firstPage} to {lastPage})");
    }

    [Fact]
    public void Overlong_word_is_broken_inside_its_column_and_kept_whole()
    {
        var plan = RenderedPlan.Long;
        var page = plan.Pages.Single(p => p.Contains("[S999]", StringComparison.Ordinal));
        // Broken pieces stand on consecutive lines of the step column: join the column's lines.
        var lines = page.Split('\n');
        var start = Array.FindIndex(lines, l => l.Contains("Informationen lesen unter", StringComparison.Ordinal));
        Assert.True(start >= 0);
        var column = string.Concat(lines.Skip(start).Take(8).Select(l => l.TrimStart().Split("  ")[0].Trim()));
        Assert.Contains(SamplePlans.OverlongWord, column.Replace(" ", string.Empty, StringComparison.Ordinal));
        // No line of the page is wider than the page itself (nothing runs off the right edge).
        Assert.All(lines, l => Assert.True(l.Length < 140, $"line too long: {l}"));
    }

    [Fact]
    public void Short_plan_fits_on_one_page_with_the_signature_lines_of_all_three_parties()
    {
        var plan = RenderedPlan.Short;
        Assert.Equal(1, plan.PageCount);
        var text = plan.NormalizedText;
        Assert.Matches(@"Fallmanager:in Jobcenter\s+Fachkraft Drogenhilfe\s+Klient:in", plan.Pages[0]);
        Assert.Equal(3, Regex.Count(text, "Ort, Datum"));
        Assert.Contains("Unterschriften", text);
    }

    [Fact]
    public void Signature_block_is_kept_together_on_one_page()
    {
        foreach (var plan in new[] { RenderedPlan.Long, RenderedPlan.Short })
        {
            var page = plan.Pages.Single(p => p.Contains("Unterschriften", StringComparison.Ordinal));
            Assert.Equal(3, Regex.Count(page, "Ort, Datum"));
            Assert.Contains("Fallmanager:in Jobcenter", page);
            Assert.Contains("Fachkraft Drogenhilfe", page);
            Assert.Same(plan.Pages[^1], page);
        }
    }

    [Fact]
    public void Contacts_of_both_caseworkers_are_printed()
    {
        var text = RenderedPlan.Short.NormalizedText;
        foreach (var contact in SamplePlans.Contacts)
        {
            Assert.Contains(contact.Name, text);
            Assert.Contains(contact.Phone, text);
            Assert.Contains(contact.Email, text);
        }
    }

    [Fact]
    public void Dates_are_printed_as_day_month_year()
    {
        var text = RenderedPlan.Short.NormalizedText;
        Assert.Contains("03.02.2025", text);   // agreed on
        Assert.Contains("04.08.2025", text);   // next review
        Assert.Contains("31.03.2025", text);   // step due
        Assert.Contains("Gedruckt am 12.05.2025", text);
        Assert.DoesNotMatch(@"\b2025-\d\d-\d\d\b", text);
        Assert.DoesNotMatch(@"\b\d{1,2}/\d{1,2}/\d{4}\b", text);
    }

    [Fact]
    public void Draft_without_agreement_date_says_so()
    {
        var text = RenderedPlan.Draft.NormalizedText;
        Assert.Contains("noch nicht vereinbart", text);
        Assert.Contains("Entwurf", text);
    }

    [Fact]
    public void Renderer_adds_no_internal_or_health_words()
    {
        foreach (var plan in new[] { RenderedPlan.Long, RenderedPlan.Short })
        {
            Assert.DoesNotContain("Notiz", plan.Text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Diagnose", plan.Text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Model_has_no_field_for_internal_notes_or_health_data()
    {
        var types = typeof(HelpPlanDocument).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(HelpPlanDocument).Namespace && t.Name.StartsWith("HelpPlan", StringComparison.Ordinal)
                        || t == typeof(StepResponsible))
            .ToList();
        Assert.Contains(typeof(HelpPlanStep), types);
        string[] forbidden = ["note", "notiz", "intern", "diagnos", "icd", "health", "gesundheit", "substance", "comment", "remark"];
        var offending = types
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => $"{t.Name}.{p.Name}"))
            .Where(name => forbidden.Any(f => name.Contains(f, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        Assert.Empty(offending);
    }

    [Fact]
    public void Rendering_is_thread_safe()
    {
        var plans = Enumerable.Range(0, 8).Select(_ => SamplePlans.Long()).ToList();
        var pages = new int[plans.Count];
        Parallel.For(0, plans.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            using var stream = new MemoryStream(TestPdf.Render(plans[i]));
            using var pdf = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
            pages[i] = pdf.PageCount;
        });
        Assert.All(pages, p => Assert.Equal(RenderedPlan.Long.PageCount, p));
    }

    [Fact]
    public void Plan_without_goals_contacts_or_texts_still_renders_one_clean_page()
    {
        var empty = SamplePlans.Short() with
        {
            Goals = [],
            Contacts = [],
            IntegrationGoal = "",
            OwnEfforts = " ",
            OwnEffortsEvidence = "\r\n",
        };
        var path = Path.Combine(PdfTools.ArtifactsDirectory, "help-plan-empty.pdf");
        File.WriteAllBytes(path, TestPdf.Render(empty));
        Assert.Equal(1, PdfTools.PageCount(path));
        var text = PdfTools.Normalize(PdfTools.TextLayout(path));
        Assert.Contains("Es wurden noch keine Ziele vereinbart.", text);
        Assert.Contains("(keine Angaben)", text);
        Assert.Equal(0, PdfTools.QpdfCheck(path).ExitCode);
    }

    [Fact]
    public void Goal_of_an_unknown_area_is_rejected_rather_than_left_out()
    {
        var plan = SamplePlans.Short() with { Goals = [new HelpPlanGoal((HelpPlanArea)99, "Ziel ohne Handlungsfeld", [])] };
        Assert.Throws<ArgumentException>(() => TestPdf.Render(plan));
    }

    [Fact]
    public void Line_breaks_in_header_fields_do_not_break_the_header()
    {
        var plan = SamplePlans.Short() with { ClientName = "Jürgen\r\nWeiß", CaseNumber = "LU-2025-\t00417" };
        var path = Path.Combine(PdfTools.ArtifactsDirectory, "help-plan-header-line-breaks.pdf");
        File.WriteAllBytes(path, TestPdf.Render(plan));
        var page = PdfTools.TextLayout(path);
        Assert.Contains("Klient:in: Jürgen Weiß", page);
        Assert.Contains("Fallnummer: LU-2025- 00417", page);
    }

    [Fact]
    public void Render_rejects_null() => Assert.Throws<ArgumentNullException>(() => TestPdf.Render(null!));

    private static int PageOf(RenderedPlan plan, string text)
    {
        for (var i = 0; i < plan.Pages.Count; i++)
        {
            if (PdfTools.Normalize(plan.Pages[i]).Contains(text, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"Seite (\d+) von (\d+)")]
    private static partial Regex FooterPattern();

    [GeneratedRegex(@"Schritt\s+Wer\s+Bis wann\s+Stand")]
    private static partial Regex TableHeader();

    [GeneratedRegex(@"\[S\d{3}\]|Teil \d+:")]
    private static partial Regex StepMarker();
}
