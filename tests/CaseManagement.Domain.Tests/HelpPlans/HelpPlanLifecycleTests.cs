using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Staff;
using static CaseManagement.Domain.Tests.HelpPlans.PlanSamples;

namespace CaseManagement.Domain.Tests.HelpPlans;

/// <summary>Draft → agreed → reviewed (superseded) or closed: what each step of a plan's life requires.</summary>
public class HelpPlanLifecycleTests
{
    [Fact]
    public void A_complete_draft_agreed_by_everyone_becomes_the_agreed_plan_with_the_names_of_who_agreed()
    {
        var plan = AgreeableDraft();

        Assert.Null(plan.WhyNotAgreeable(AllAgreedToday, BothResponsible, Today));
        plan.Agree(AllAgreedToday, BothResponsible, Today, DrugHelpWorker, Now);

        Assert.Equal(HelpPlanStatus.Agreed, plan.Status);
        Assert.Equal(Today, plan.AgreedOn);
        Assert.Equal("Frau Fallmann", plan.AgreedByCaseManager);
        Assert.Equal("Herr Hilfreich", plan.AgreedByDrugHelpWorker);
        Assert.True(plan.AgreedByClient);
        Assert.Equal(DrugHelpWorker.Id, plan.ChangedById);
        Assert.Equal(Organisation.DrugHelpService, plan.ChangedByOrganisation);
        Assert.Equal(Now, plan.ChangedAt);
    }

    [Fact]
    public void Only_a_draft_can_be_agreed()
    {
        var plan = AgreedPlan();

        Assert.Equal("Nur ein Entwurf kann vereinbart werden.", plan.WhyNotAgreeable(AllAgreedToday, BothResponsible, Today));
        var refused = Assert.Throws<InvalidOperationException>(() => plan.Agree(AllAgreedToday, BothResponsible, Today, CaseManager, Now));
        Assert.Equal("Nur ein Entwurf kann vereinbart werden.", refused.Message);
    }

    [Fact]
    public void A_responsible_case_manager_must_have_agreed()
    {
        var plan = AgreeableDraft();

        var reason = plan.WhyNotAgreeable(AllAgreedToday with { ByCaseManager = false }, BothResponsible, Today);

        Assert.Equal("Bitte bestätigen Sie die Zustimmung der Fallmanagerin bzw. des Fallmanagers.", reason);
        Assert.Throws<InvalidOperationException>(() => plan.Agree(AllAgreedToday with { ByCaseManager = false }, BothResponsible, Today, CaseManager, Now));
        Assert.Equal(HelpPlanStatus.Draft, plan.Status);
        Assert.Null(plan.AgreedOn);
    }

    [Fact]
    public void A_responsible_drug_help_worker_must_have_agreed()
    {
        var reason = AgreeableDraft().WhyNotAgreeable(AllAgreedToday with { ByDrugHelpWorker = false }, BothResponsible, Today);

        Assert.Equal("Bitte bestätigen Sie die Zustimmung der Fachkraft der Drogenhilfe.", reason);
    }

    [Fact]
    public void An_organisation_with_nobody_responsible_need_not_agree_and_is_recorded_as_nobody()
    {
        var plan = AgreeableDraft();
        var onlyJobcenter = new AgreementParties("Frau Fallmann", null);
        var agreement = AllAgreedToday with { ByDrugHelpWorker = false };

        Assert.Null(plan.WhyNotAgreeable(agreement, onlyJobcenter, Today));
        plan.Agree(agreement, onlyJobcenter, Today, CaseManager, Now);

        Assert.Equal("Frau Fallmann", plan.AgreedByCaseManager);
        Assert.Null(plan.AgreedByDrugHelpWorker);
    }

    [Fact]
    public void Without_the_clients_agreement_there_is_no_agreed_plan()
    {
        var reason = AgreeableDraft().WhyNotAgreeable(AllAgreedToday with { ByClient = false }, BothResponsible, Today);

        Assert.Equal("Ohne Zustimmung der Klientin bzw. des Klienten kann der Plan nicht vereinbart werden.", reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_plan_without_an_integration_goal_cannot_be_agreed(string integrationGoal)
    {
        var plan = AgreeableDraft();
        plan.IntegrationGoal = integrationGoal;

        Assert.Equal("Vor der Vereinbarung braucht der Plan ein Integrationsziel.", plan.WhyNotAgreeable(AllAgreedToday, BothResponsible, Today));
    }

    [Fact]
    public void A_plan_without_goals_cannot_be_agreed()
    {
        var plan = AgreeableDraft();
        plan.Goals.Clear();

        Assert.Equal(
            "Vor der Vereinbarung braucht der Plan mindestens ein Ziel, und jedes Ziel mindestens einen Schritt.",
            plan.WhyNotAgreeable(AllAgreedToday, BothResponsible, Today));
    }

    [Fact]
    public void A_plan_with_one_goal_without_steps_cannot_be_agreed()
    {
        var plan = AgreeableDraft();
        plan.Goals[1].Steps.Clear();

        Assert.Equal(
            "Vor der Vereinbarung braucht der Plan mindestens ein Ziel, und jedes Ziel mindestens einen Schritt.",
            plan.WhyNotAgreeable(AllAgreedToday, BothResponsible, Today));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(-1)]
    public void The_next_review_must_be_set_and_lie_after_the_agreement(int? daysAfterAgreement)
    {
        var plan = AgreeableDraft();
        plan.NextReviewOn = daysAfterAgreement is { } days ? Today.AddDays(days) : null;

        Assert.Equal(
            "Vor der Vereinbarung braucht der Plan einen Termin für die nächste Überprüfung nach dem Vereinbarungsdatum.",
            plan.WhyNotAgreeable(AllAgreedToday, BothResponsible, Today));
    }

    [Fact]
    public void A_review_the_day_after_the_agreement_is_enough()
    {
        var plan = AgreeableDraft();
        plan.NextReviewOn = Today.AddDays(1);

        Assert.Null(plan.WhyNotAgreeable(AllAgreedToday, BothResponsible, Today));
    }

    [Fact]
    public void The_agreement_date_may_not_lie_in_the_future()
    {
        var reason = AgreeableDraft().WhyNotAgreeable(AllAgreedToday with { AgreedOn = Today.AddDays(1) }, BothResponsible, Today);

        Assert.Equal("Das Datum der Vereinbarung darf nicht in der Zukunft liegen.", reason);
    }

    [Fact]
    public void An_agreement_signed_on_paper_may_be_entered_up_to_90_days_later_but_not_later()
    {
        var plan = AgreeableDraft();

        Assert.Null(plan.WhyNotAgreeable(AllAgreedToday with { AgreedOn = Today.AddDays(-90) }, BothResponsible, Today));
        Assert.Equal(
            "Das Datum der Vereinbarung darf höchstens 90 Tage zurückliegen.",
            plan.WhyNotAgreeable(AllAgreedToday with { AgreedOn = Today.AddDays(-91) }, BothResponsible, Today));
    }

    [Fact]
    public void A_review_copies_the_agreed_contents_into_the_next_version_as_a_draft_with_the_same_keys_and_new_ids()
    {
        var agreed = AgreedPlan();
        agreed.Goals[0].Steps[0].Status = StepStatus.Achieved;

        var next = agreed.StartReview(DrugHelpWorker, Now.AddDays(1));

        Assert.Equal(HelpPlanStatus.Draft, next.Status);
        Assert.Equal(2, next.Version);
        Assert.Equal(agreed.ClientId, next.ClientId);
        Assert.NotEqual(agreed.Id, next.Id);
        Assert.Equal(agreed.IntegrationGoal, next.IntegrationGoal);
        Assert.Equal(agreed.TargetJobs, next.TargetJobs);
        Assert.Equal(agreed.OwnEfforts, next.OwnEfforts);
        Assert.Equal(agreed.OwnEffortsEvidence, next.OwnEffortsEvidence);
        Assert.Equal(agreed.NextReviewOn, next.NextReviewOn);
        Assert.Null(next.AgreedOn);
        Assert.False(next.AgreedByClient);
        Assert.Equal(DrugHelpWorker.Id, next.ChangedById);

        Assert.Equal(agreed.Goals.Select(g => (g.Key, g.Area, g.Text, g.Position)), next.Goals.Select(g => (g.Key, g.Area, g.Text, g.Position)));
        Assert.Equal(
            agreed.Steps.Select(s => (s.Key, s.Description, s.Responsible, s.PartnerName, s.DueOn, s.Status, s.JobcenterNote, s.DrugHelpNote)),
            next.Steps.Select(s => (s.Key, s.Description, s.Responsible, s.PartnerName, s.DueOn, s.Status, s.JobcenterNote, s.DrugHelpNote)));
        Assert.Empty(next.Goals.Select(g => g.Id).Intersect(agreed.Goals.Select(g => g.Id)));
        Assert.Empty(next.Steps.Select(s => s.Id).Intersect(agreed.Steps.Select(s => s.Id)));
        Assert.All(next.Goals, g => Assert.Equal(next.Id, g.PlanId));
        Assert.All(next.Goals, g => Assert.All(g.Steps, s => Assert.Equal(g.Id, s.GoalId)));
    }

    [Fact]
    public void The_reviewed_version_stays_agreed_and_unchanged_while_the_review_is_edited()
    {
        var agreed = AgreedPlan();
        var next = agreed.StartReview(CaseManager, Now);

        next.Goals[0].Text = "Neu gefasstes Ziel";
        next.Goals[0].Steps[0].Status = StepStatus.Dropped;
        next.Goals.RemoveAt(1);

        Assert.Equal(HelpPlanStatus.Agreed, agreed.Status);
        Assert.Equal("Bewerbungsmappe erstellen", agreed.Goals[0].Text);
        Assert.Equal(StepStatus.Planned, agreed.Goals[0].Steps[0].Status);
        Assert.Equal(2, agreed.Goals.Count);
    }

    [Fact]
    public void Agreeing_the_review_and_superseding_the_old_version_leaves_one_plan_in_force()
    {
        var agreed = AgreedPlan();
        var next = agreed.StartReview(CaseManager, Now);

        agreed.Supersede();
        next.Agree(AllAgreedToday, BothResponsible, Today, CaseManager, Now);

        Assert.Equal(HelpPlanStatus.Superseded, agreed.Status);
        Assert.Equal(HelpPlanStatus.Agreed, next.Status);
    }

    [Fact]
    public void Only_an_agreed_plan_can_be_reviewed()
    {
        var draft = AgreeableDraft();
        var superseded = AgreedPlan();
        superseded.Supersede();
        var closed = AgreedPlan();
        closed.Close(Today, Today, CaseManager, Now);

        foreach (var plan in new[] { draft, superseded, closed })
        {
            var refused = Assert.Throws<InvalidOperationException>(() => plan.StartReview(CaseManager, Now));
            Assert.Equal("Nur der geltende, vereinbarte Plan kann fortgeschrieben werden.", refused.Message);
        }
    }

    [Fact]
    public void Only_an_agreed_plan_can_be_superseded()
    {
        var draft = AgreeableDraft();

        Assert.Throws<InvalidOperationException>(draft.Supersede);
        Assert.Equal(HelpPlanStatus.Draft, draft.Status);
    }

    [Fact]
    public void An_agreed_plan_can_be_closed_from_the_agreement_date_until_today()
    {
        var plan = AgreeableDraft();
        plan.Agree(AllAgreedToday with { AgreedOn = Today.AddDays(-30) }, BothResponsible, Today, CaseManager, Now);

        Assert.Null(plan.WhyNotClosable(Today.AddDays(-30), Today));
        Assert.Equal("Das Abschlussdatum darf nicht vor der Vereinbarung liegen.", plan.WhyNotClosable(Today.AddDays(-31), Today));
        Assert.Equal("Das Abschlussdatum darf nicht in der Zukunft liegen.", plan.WhyNotClosable(Today.AddDays(1), Today));

        plan.Close(Today, Today, DrugHelpWorker, Now);

        Assert.Equal(HelpPlanStatus.Closed, plan.Status);
        Assert.Equal(Today, plan.ClosedOn);
        Assert.Equal(DrugHelpWorker.Id, plan.ChangedById);
    }

    [Fact]
    public void Drafts_superseded_and_closed_versions_cannot_be_closed()
    {
        var draft = AgreeableDraft();
        var superseded = AgreedPlan();
        superseded.Supersede();
        var closed = AgreedPlan();
        closed.Close(Today, Today, CaseManager, Now);

        foreach (var plan in new[] { draft, superseded, closed })
        {
            Assert.Equal("Nur der geltende, vereinbarte Plan kann abgeschlossen werden.", plan.WhyNotClosable(Today, Today));
            Assert.Throws<InvalidOperationException>(() => plan.Close(Today, Today, CaseManager, Now));
        }

        Assert.Equal(HelpPlanStatus.Draft, draft.Status);
        Assert.Null(draft.ClosedOn);
    }

    [Fact]
    public void Progress_is_recorded_on_the_draft_and_on_the_plan_in_force_only()
    {
        var superseded = AgreedPlan();
        superseded.Supersede();
        var closed = AgreedPlan();
        closed.Close(Today, Today, CaseManager, Now);

        Assert.True(AgreeableDraft().AcceptsProgress);
        Assert.True(AgreedPlan().AcceptsProgress);
        Assert.False(superseded.AcceptsProgress);
        Assert.False(closed.AcceptsProgress);
    }

    [Theory]
    [InlineData(new HelpPlanStatus[0], true)]
    [InlineData(new[] { HelpPlanStatus.Closed }, true)]
    [InlineData(new[] { HelpPlanStatus.Superseded, HelpPlanStatus.Closed }, true)]
    [InlineData(new[] { HelpPlanStatus.Draft }, false)]
    [InlineData(new[] { HelpPlanStatus.Agreed }, false)]
    [InlineData(new[] { HelpPlanStatus.Superseded, HelpPlanStatus.Agreed }, false)]
    [InlineData(new[] { HelpPlanStatus.Agreed, HelpPlanStatus.Draft }, false)]
    [InlineData(new[] { HelpPlanStatus.Closed, HelpPlanStatus.Draft }, false)]
    public void A_new_plan_begins_only_when_there_is_none_or_the_last_one_was_closed(HelpPlanStatus[] statuses, bool mayStart)
    {
        Assert.Equal(mayStart, HelpPlanVersions.MayStartNewPlan(statuses));
    }

    [Theory]
    [InlineData(new[] { HelpPlanStatus.Agreed }, true)]
    [InlineData(new[] { HelpPlanStatus.Superseded, HelpPlanStatus.Agreed }, true)]
    [InlineData(new[] { HelpPlanStatus.Agreed, HelpPlanStatus.Draft }, false)]
    [InlineData(new[] { HelpPlanStatus.Draft }, false)]
    [InlineData(new[] { HelpPlanStatus.Closed }, false)]
    [InlineData(new[] { HelpPlanStatus.Superseded, HelpPlanStatus.Closed }, false)]
    [InlineData(new HelpPlanStatus[0], false)]
    public void A_review_starts_from_the_plan_in_force_while_no_other_draft_is_open(HelpPlanStatus[] statuses, bool mayStart)
    {
        Assert.Equal(mayStart, HelpPlanVersions.MayStartReview(statuses));
    }

    [Fact]
    public void Versions_are_numbered_on_from_the_highest()
    {
        Assert.Equal(1, HelpPlanVersions.NextVersionNumber([]));
        Assert.Equal(4, HelpPlanVersions.NextVersionNumber([1, 3, 2]));
    }

    [Theory]
    [InlineData(StepStatus.Planned, -1, true)]
    [InlineData(StepStatus.InProgress, -30, true)]
    [InlineData(StepStatus.Planned, 0, false)]
    [InlineData(StepStatus.Planned, 1, false)]
    [InlineData(StepStatus.Achieved, -1, false)]
    [InlineData(StepStatus.Dropped, -1, false)]
    public void A_step_is_overdue_when_it_is_still_open_after_its_due_date(StepStatus status, int dueInDays, bool overdue)
    {
        var step = Step("Schritt", StepParty.Client, Today.AddDays(dueInDays));
        step.Status = status;

        Assert.Equal(overdue, step.IsOverdueOn(Today));
    }

    [Fact]
    public void A_step_without_due_date_is_never_overdue()
    {
        Assert.False(Step("Schritt", StepParty.Client, null).IsOverdueOn(Today));
    }

    [Fact]
    public void A_review_is_due_within_the_warning_days_only_on_the_plan_in_force()
    {
        var plan = AgreedPlan();
        plan.NextReviewOn = Today.AddDays(14);

        Assert.True(plan.ReviewDueWithin(Today, 14));
        Assert.False(plan.ReviewDueWithin(Today, 13));
        plan.Supersede();
        Assert.False(plan.ReviewDueWithin(Today, 14));
    }
}
