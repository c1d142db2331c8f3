namespace CaseManagement.Documents.Tests;

/// <summary>A draft printed for discussion: what it says where a date or a target job is not yet agreed.</summary>
public sealed class DraftPlanPdfTests
{
    [Fact]
    public void A_draft_without_a_review_date_says_open_instead_of_inventing_one()
    {
        var draft = RenderedPlan.Draft;

        Assert.Contains("offen", draft.Pages[0], StringComparison.Ordinal);
        Assert.DoesNotContain(SamplePlans.NextReviewOn.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture), draft.Text, StringComparison.Ordinal);
        Assert.Contains("Entwurf", draft.Pages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_page_of_a_draft_carries_the_draft_mark_and_an_agreed_plan_none()
    {
        var draft = RenderedPlan.LongDraft;
        var agreed = RenderedPlan.Long;

        Assert.True(draft.PageCount >= 4, $"expected a long draft, got {draft.PageCount} pages");
        for (var page = 1; page <= draft.PageCount; page++)
        {
            Assert.Contains("ENTWURF", PdfTools.WithoutWhiteSpace(PdfTools.RawPageText(draft.PdfPath, page)), StringComparison.Ordinal);
        }

        for (var page = 1; page <= agreed.PageCount; page++)
        {
            Assert.DoesNotContain("ENTWURF", PdfTools.WithoutWhiteSpace(PdfTools.RawPageText(agreed.PdfPath, page)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_footer_of_a_draft_says_draft_so_a_black_and_white_copy_is_not_taken_for_the_agreed_plan()
    {
        foreach (var page in RenderedPlan.LongDraft.Pages)
        {
            Assert.Contains("Hilfeplan – Fassung 3 – Entwurf", page, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Entwurf", RenderedPlan.Long.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_draft_passes_qpdf_check()
    {
        var (exitCode, output) = PdfTools.QpdfCheck(RenderedPlan.LongDraft.PdfPath);

        Assert.True(exitCode == 0, $"qpdf --check exited with {exitCode}:\n{output}");
        Assert.Contains("No syntax or stream encoding errors", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Target_jobs_and_the_cooperation_plan_note_are_printed()
    {
        var plan = new RenderedPlan("help-plan-target-jobs", SamplePlans.Short() with { TargetJobs = "Lagerhelfer:in, Fachkraft für Lagerlogistik" });

        Assert.Contains("Zielberufe / angestrebte Tätigkeiten", plan.Text, StringComparison.Ordinal);
        Assert.Contains("Fachkraft für Lagerlogistik", plan.NormalizedText, StringComparison.Ordinal);
        Assert.Contains("§ 15 SGB II", plan.NormalizedText, StringComparison.Ordinal);
        Assert.Contains("§ 15a SGB II", plan.NormalizedText, StringComparison.Ordinal);
    }
}
