using System.Globalization;
using CaseManagement.Application.HelpPlans;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.HelpPlans;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests;

/// <summary>The home page lists of a caseworker: overdue steps, reviews due within 14 days, drafts — only of plans they may read.</summary>
public sealed class HelpPlanDeadlineTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task An_agreed_plan_with_an_overdue_step_and_a_review_due_soon_is_listed_for_both_responsible_caseworkers()
    {
        var joint = await app.JointCaseAsync();
        var input = app.AgreeableInput();
        input.NextReviewOn = app.Today().AddDays(10);
        input.Goals[1].Steps[0].DueOn = app.Today().AddDays(-3);
        input.Goals[0].Steps[1].DueOn = app.Today().AddDays(-5);
        input.Goals[0].Steps[1].Status = StepStatus.Achieved;
        await app.AgreedAsync(joint, input);

        foreach (var caseworker in new[] { joint.CaseManager, joint.DrugHelpWorker })
        {
            var lists = await app.Service<PlanDeadlines>().ForAsync(caseworker);

            var overdue = Assert.Single(lists.OverdueSteps);
            Assert.Equal(joint.ClientId, overdue.ClientId);
            Assert.Equal(joint.Client.CaseNumber, overdue.CaseNumber);
            Assert.StartsWith($"fällig seit {Date(app.Today().AddDays(-3))}: Termin in der Praxis", overdue.Detail, StringComparison.Ordinal);
            Assert.Equal($"/klienten/{joint.ClientId}/hilfeplan", overdue.Href);
            var review = Assert.Single(lists.ReviewsDue);
            Assert.Equal($"Überprüfung am {Date(app.Today().AddDays(10))}", review.Detail);
            Assert.Empty(lists.Drafts);
        }
    }

    [Fact]
    public async Task A_step_shown_without_the_clients_name_is_still_audited_as_read()
    {
        // The plan goes to the Drogenhilfe, the master data does not: its home lists the step by case number.
        var joint = await app.JointCaseAsync(helpPlanConsent: false, configure: client => client.AddConsent(
            client.ResponsibleCaseManagerId!, ConsentScope.HelpPlan, ConsentDirections.JobcenterToDrugHelp, app.Today().AddDays(-30)));
        var input = app.AgreeableInput();
        input.Goals[1].Steps[0].DueOn = app.Today().AddDays(-3);
        await app.AgreedAsync(joint, input);

        var overdue = Assert.Single((await app.Service<PlanDeadlines>().ForAsync(joint.DrugHelpWorker)).OverdueSteps);

        Assert.Null(overdue.DisplayName);
        Assert.Contains("Termin in der Praxis", overdue.Detail, StringComparison.Ordinal);
        await using var db = await app.DbAsync();
        var listed = await db.AuditEntries.Where(a => a.UserId == joint.DrugHelpWorker.Id && a.Action == AuditAction.ListViewed).ToListAsync();
        Assert.Contains(listed, a => a.Fields!.StartsWith("Startseite Hilfepläne", StringComparison.Ordinal) && a.Fields.Contains(joint.Client.CaseNumber, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_review_more_than_14_days_ahead_and_steps_not_yet_due_are_not_listed()
    {
        var joint = await app.JointCaseAsync();
        var input = app.AgreeableInput();
        input.NextReviewOn = app.Today().AddDays(15);
        await app.AgreedAsync(joint, input);

        var lists = await app.Service<PlanDeadlines>().ForAsync(joint.CaseManager);

        Assert.Empty(lists.OverdueSteps);
        Assert.Empty(lists.ReviewsDue);
        Assert.Empty(lists.Drafts);
    }

    [Fact]
    public async Task A_draft_is_listed_among_the_drafts_and_its_overdue_steps_are_not()
    {
        var joint = await app.JointCaseAsync();
        var input = app.AgreeableInput();
        input.Goals[0].Steps[0].DueOn = app.Today().AddDays(-2);
        input.NextReviewOn = app.Today().AddDays(3);
        await app.DraftAsync(joint, input);

        var lists = await app.Service<PlanDeadlines>().ForAsync(joint.DrugHelpWorker);

        var draft = Assert.Single(lists.Drafts);
        Assert.Equal(joint.ClientId, draft.ClientId);
        Assert.StartsWith("Fassung 1 im Entwurf seit", draft.Detail, StringComparison.Ordinal);
        Assert.EndsWith("zuletzt von Fallmanagerin Plan", draft.Detail, StringComparison.Ordinal);
        Assert.Empty(lists.OverdueSteps);
        Assert.Empty(lists.ReviewsDue);
    }

    [Fact]
    public async Task A_plan_the_caseworker_may_not_read_is_not_listed()
    {
        var joint = await app.JointCaseAsync(helpPlanConsent: false, configure: c =>
            c.AddConsent(c.ResponsibleCaseManagerId!, ConsentScope.MasterData, ConsentDirections.JobcenterToDrugHelp, app.Today().AddDays(-5)));
        var input = app.AgreeableInput();
        input.NextReviewOn = app.Today().AddDays(5);
        input.Goals[0].Steps[0].DueOn = app.Today().AddDays(-1);
        await app.AgreedAsync(joint, input);

        var drugHelp = await app.Service<PlanDeadlines>().ForAsync(joint.DrugHelpWorker);
        var jobcenter = await app.Service<PlanDeadlines>().ForAsync(joint.CaseManager);

        Assert.Empty(drugHelp.OverdueSteps);
        Assert.Empty(drugHelp.ReviewsDue);
        Assert.Empty(drugHelp.Drafts);
        Assert.Single(jobcenter.OverdueSteps);
        Assert.Single(jobcenter.ReviewsDue);
    }

    [Fact]
    public async Task Plans_of_clients_the_caseworker_is_not_responsible_for_are_not_listed()
    {
        var joint = await app.JointCaseAsync();
        var input = app.AgreeableInput();
        input.NextReviewOn = app.Today().AddDays(5);
        input.Goals[0].Steps[0].DueOn = app.Today().AddDays(-1);
        await app.AgreedAsync(joint, input);
        var other = await app.JointCaseAsync();

        var lists = await app.Service<PlanDeadlines>().ForAsync(other.CaseManager);

        Assert.Empty(lists.OverdueSteps);
        Assert.Empty(lists.ReviewsDue);
        Assert.Empty(lists.Drafts);
    }

    [Fact]
    public async Task A_closed_plan_is_not_listed()
    {
        var joint = await app.JointCaseAsync();
        var input = app.AgreeableInput();
        input.NextReviewOn = app.Today().AddDays(5);
        input.Goals[0].Steps[0].DueOn = app.Today().AddDays(-1);
        var agreed = await app.AgreedAsync(joint, input);
        var closed = await app.Service<HelpPlanCommands>().CloseAsync(
            joint.CaseManager, joint.ClientId, agreed.Id, new ClosePlanInput { ClosedOn = app.Today() }, agreed.Token);
        Assert.True(closed.Succeeded, closed.Message);

        var lists = await app.Service<PlanDeadlines>().ForAsync(joint.CaseManager);

        Assert.Empty(lists.OverdueSteps);
        Assert.Empty(lists.ReviewsDue);
        Assert.Empty(lists.Drafts);
    }

    private static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
}
