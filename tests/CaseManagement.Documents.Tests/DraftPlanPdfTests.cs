namespace CaseManagement.Documents.Tests;

/// <summary>A draft printed for discussion: what it says where a date or a target job is not yet agreed.</summary>
public sealed class DraftPlanPdfTests
{
    [Fact]
    public void A_draft_without_a_review_date_says_open_instead_of_inventing_one()
    {
        var draft = new RenderedPlan("help-plan-draft", SamplePlans.Short() with { NextReviewOn = null, AgreedOn = null, StatusLabel = "Entwurf" });

        Assert.Contains("offen", draft.Pages[0], StringComparison.Ordinal);
        Assert.DoesNotContain(SamplePlans.NextReviewOn.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture), draft.Text, StringComparison.Ordinal);
        Assert.Contains("Entwurf", draft.Pages[0], StringComparison.Ordinal);
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
