using CaseManagement.Application.HelpPlans;
using CaseManagement.Domain.HelpPlans;
using static CaseManagement.Domain.Tests.HelpPlans.PlanSamples;

namespace CaseManagement.Domain.Tests.HelpPlans;

/// <summary>What a reader is told changed between two versions, or between their own edit and a colleague's save.</summary>
public class HelpPlanComparisonTests
{
    private static readonly NoteReader JobcenterReader = new(Domain.Staff.Organisation.Jobcenter, MayReadOthersJointNotes: false);

    private static HelpPlanInput Before() => HelpPlanInput.From(AgreeableDraft(), JobcenterReader);

    [Fact]
    public void Nothing_changed_means_no_changes()
    {
        var before = Before();

        Assert.Empty(HelpPlanComparison.Compare(before, before.Clone()));
    }

    [Fact]
    public void Spaces_around_a_text_are_no_change()
    {
        var before = Before();
        var after = before.Clone();
        after.IntegrationGoal = "  " + after.IntegrationGoal + " ";
        after.Goals[0].Text += "\n";

        Assert.Empty(HelpPlanComparison.Compare(before, after));
    }

    [Fact]
    public void A_review_copy_compares_equal_to_the_version_it_was_copied_from()
    {
        var agreed = AgreedPlan();

        Assert.Empty(HelpPlanComparison.Compare(HelpPlanInput.From(agreed, JobcenterReader), HelpPlanInput.From(agreed.StartReview(CaseManager, Now), JobcenterReader)));
    }

    [Fact]
    public void A_new_goal_is_reported_with_its_area_and_number_of_steps()
    {
        var before = Before();
        var after = before.Clone();
        after.Goals.Add(new GoalInput
        {
            Area = PlanArea.FurtherQualification,
            Text = "Staplerschein machen",
            Steps = [new StepInput { Description = "Kurs suchen" }, new StepInput { Description = "Kurs besuchen" }],
        });

        var change = Assert.Single(HelpPlanComparison.Compare(before, after));

        Assert.Equal(new PlanChange("Ziele", "Ziel „Staplerschein machen“", "neues Ziel im Handlungsfeld Weiterqualifizierung mit 2 Schritten"), change);
    }

    [Fact]
    public void A_removed_goal_is_reported_by_its_text()
    {
        var before = Before();
        var after = before.Clone();
        after.Goals.RemoveAt(1);

        var change = Assert.Single(HelpPlanComparison.Compare(before, after));

        Assert.Equal(new PlanChange("Ziele", "Ziel „Substitutionsbehandlung stabilisieren“", "Ziel entfernt"), change);
    }

    [Fact]
    public void A_goal_reworded_under_the_same_key_is_changed_not_removed_and_added_and_keeps_both_whole_texts()
    {
        var before = Before();
        var after = before.Clone();
        after.Goals[0].Text = "Vollständige Bewerbungsunterlagen";
        after.Goals[0].Area = PlanArea.JobPlacement;

        var changes = HelpPlanComparison.Compare(before, after);

        Assert.Equal(
            [
                new PlanChange("Ziele", "Ziel „Vollständige Bewerbungsunterlagen“", "Handlungsfeld: Unterstützung bei Bewerbungsbemühungen → Arbeitsvermittlung"),
                new PlanChange("Ziele", "Ziel „Vollständige Bewerbungsunterlagen“", "Ziel neu gefasst", "Bewerbungsmappe erstellen", "Vollständige Bewerbungsunterlagen"),
            ],
            changes);
    }

    [Fact]
    public void Goals_are_matched_by_key_not_by_text()
    {
        var before = Before();
        var after = before.Clone();
        after.Goals[0].Key = Guid.NewGuid();

        var changes = HelpPlanComparison.Compare(before, after);

        Assert.Equal(2, changes.Count);
        Assert.Contains(changes, c => c.What.StartsWith("neues Ziel", StringComparison.Ordinal) && c.Where == "Ziel „Bewerbungsmappe erstellen“");
        Assert.Contains(changes, c => c.What == "Ziel entfernt" && c.Where == "Ziel „Bewerbungsmappe erstellen“");
    }

    [Fact]
    public void A_new_step_is_reported_with_who_is_responsible_and_when_it_is_due()
    {
        var before = Before();
        var after = before.Clone();
        after.Goals[1].Steps.Add(new StepInput
        {
            Description = "Aufnahmegespräch Reha-Klinik",
            Responsible = StepParty.Partner,
            PartnerName = "Fachklinik Eußerthal",
            DueOn = new DateOnly(2026, 7, 1),
        });

        var change = Assert.Single(HelpPlanComparison.Compare(before, after));

        Assert.Equal(
            new PlanChange("Schritte", "Ziel „Substitutionsbehandlung stabilisieren“ › Schritt „Aufnahmegespräch Reha-Klinik“", "neuer Schritt: Fachklinik Eußerthal, fällig 01.07.2026"),
            change);
    }

    [Fact]
    public void A_removed_step_is_reported_under_its_goal()
    {
        var before = Before();
        var after = before.Clone();
        after.Goals[0].Steps.RemoveAt(1);

        var change = Assert.Single(HelpPlanComparison.Compare(before, after));

        Assert.Equal(new PlanChange("Schritte", "Ziel „Bewerbungsmappe erstellen“ › Schritt „Fotos machen lassen“", "Schritt entfernt"), change);
    }

    [Fact]
    public void A_status_change_reads_from_the_old_to_the_new_status()
    {
        var before = Before();
        var after = before.Clone();
        after.Goals[0].Steps[0].Status = StepStatus.Achieved;

        var change = Assert.Single(HelpPlanComparison.Compare(before, after));

        Assert.Equal("Schritte", change.Field);
        Assert.Equal("Ziel „Bewerbungsmappe erstellen“ › Schritt „Lebenslauf schreiben“", change.Where);
        Assert.Equal("Stand: geplant → erreicht", change.What);
    }

    [Fact]
    public void Changes_of_one_step_are_listed_together_and_its_texts_whole()
    {
        var before = Before();
        var after = before.Clone();
        var step = after.Goals[0].Steps[1];
        step.Description = "Bewerbungsfotos machen lassen";
        step.Responsible = StepParty.DrugHelpService;
        step.DueOn = new DateOnly(2026, 7, 31);
        step.Status = StepStatus.InProgress;
        step.Note = "Termin beim Fotografen steht";

        var changes = HelpPlanComparison.Compare(before, after);

        const string Where = "Ziel „Bewerbungsmappe erstellen“ › Schritt „Bewerbungsfotos machen lassen“";
        Assert.Equal(
            [
                new PlanChange("Schritte", Where, "neu beschrieben", "Fotos machen lassen", "Bewerbungsfotos machen lassen"),
                new PlanChange("Schritte", Where, "zuständig: Jobcenter → Drogenhilfe; fällig: 06.07.2026 → 31.07.2026; Stand: geplant → in Arbeit"),
                new PlanChange("Schritte", Where + " › Notiz", "Notiz", "Interne Notiz zum Schritt", "Termin beim Fotografen steht"),
            ],
            changes);
    }

    [Fact]
    public void A_cleared_note_and_a_cleared_text_say_so()
    {
        var before = Before();
        var after = before.Clone();
        after.Goals[0].Steps[0].Note = " ";
        after.TargetJobs = null;

        var changes = HelpPlanComparison.Compare(before, after);

        Assert.Contains(changes, c => c is { Field: "Zielberufe", What: "geleert", After: null } && c.Before == before.TargetJobs);
        Assert.Contains(changes, c => c.Field == "Schritte" && c.What == "Notiz entfernt");
    }

    [Fact]
    public void Plan_fields_are_reported_with_the_whole_new_and_old_text()
    {
        var before = Before();
        var after = before.Clone();
        after.IntegrationGoal = "Ausbildung zur Fachkraft für Lagerlogistik";
        after.NextReviewOn = new DateOnly(2026, 10, 1);

        var changes = HelpPlanComparison.Compare(before, after);

        Assert.Equal(
            [
                new PlanChange("Integrationsziel", "Integrationsziel", "neu gefasst", "Aufnahme einer Helfertätigkeit im Lager", "Ausbildung zur Fachkraft für Lagerlogistik"),
                new PlanChange("Nächste Überprüfung", "Nächste Überprüfung", "15.09.2026 → 01.10.2026"),
            ],
            changes);
    }

    [Fact]
    public void The_audit_log_gets_only_the_names_of_what_changed_never_contents()
    {
        var before = Before();
        var after = before.Clone();
        after.IntegrationGoal = "Geheimes neues Ziel";
        after.Goals[0].Steps[0].Note = "Rückfall am Wochenende";
        after.Goals[1].Steps[0].Status = StepStatus.Achieved;

        var fields = HelpPlanComparison.ChangedFields(HelpPlanComparison.Compare(before, after));

        Assert.Equal(["Integrationsziel", "Schritte"], fields);
    }

    [Fact]
    public void Long_texts_are_shortened_in_the_description_of_a_change()
    {
        var before = Before();
        var after = before.Clone();
        after.Goals[0].Text = new string('x', 300);

        var change = Assert.Single(HelpPlanComparison.Compare(before, after));

        Assert.Equal("Ziel „" + new string('x', 79) + "…“", change.Where);
    }
}
