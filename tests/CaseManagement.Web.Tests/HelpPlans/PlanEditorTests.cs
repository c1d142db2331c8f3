using CaseManagement.Application.HelpPlans;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Web.Components.Pages.HelpPlans;
using CaseManagement.Web.Tests.TestSupport;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.Web.Tests.HelpPlans;

/// <summary>What the plan editor lets a caseworker change: everything in a draft, only progress in the plan in force, nothing in history.</summary>
public sealed class PlanEditorTests : StaffComponentTest
{
    public PlanEditorTests()
    {
        // The plan page tells its steps whose notes are whose: here the Jobcenter reads.
        Services.AddCascadingValue(CaseManagement.Web.Components.Pages.HelpPlans.StepFields.ReaderName, _ => CaseManagement.Domain.Staff.Organisation.Jobcenter);
        Services.AddSingleton<IValidator<HelpPlanInput>>(new HelpPlanInputValidator(TimeProvider.System));
        SignInAs(StaffPrincipal.InRole(CaseManagement.Domain.Staff.StaffRole.CaseManager));
    }

    private static HelpPlanInput Plan() => new()
    {
        IntegrationGoal = "Arbeit in der Lagerlogistik",
        Goals =
        [
            new GoalInput
            {
                Area = PlanArea.JobPlacement, Text = "Probearbeit",
                Steps = [new StepInput { Description = "Betriebe ansprechen", Responsible = StepParty.Jobcenter }],
            },
        ],
    };

    [Fact]
    public void A_draft_can_be_changed_everywhere_and_grows_by_goal_and_step()
    {
        var plan = Plan();
        var editor = Render<PlanEditor>(p => p.Add(e => e.Input, plan).Add(e => e.Mode, PlanEditMode.Full).Add(e => e.Today, new DateOnly(2026, 11, 21)));

        Assert.False(editor.Find("#plan-goal").HasAttribute("disabled"));
        Assert.False(editor.Find("textarea[id$='-desc']").HasAttribute("disabled"));
        editor.FindAll("button").First(b => b.TextContent.Contains("+ Ziel in „Weiterqualifizierung“", StringComparison.Ordinal)).Click();
        editor.FindAll("button").First(b => b.TextContent == "+ Schritt").Click();

        Assert.Equal(2, plan.Goals.Count);
        Assert.Equal(PlanArea.FurtherQualification, plan.Goals[1].Area);
        Assert.Equal(2, plan.Goals[0].Steps.Count);
        Assert.Equal("Entwurf speichern", editor.Find(".save-bar button[type=submit]").TextContent);
    }

    [Fact]
    public void The_plan_in_force_takes_only_status_and_notes()
    {
        var editor = Render<PlanEditor>(p => p.Add(e => e.Input, Plan()).Add(e => e.Mode, PlanEditMode.ProgressOnly).Add(e => e.Today, new DateOnly(2026, 11, 21)));

        Assert.True(editor.Find("#plan-goal").HasAttribute("disabled"));
        Assert.True(editor.Find("textarea[id$='-desc']").HasAttribute("disabled"));
        Assert.False(editor.Find("select[id$='-status']").HasAttribute("disabled"));
        Assert.False(editor.Find("textarea[id$='-note']").HasAttribute("disabled"));
        Assert.DoesNotContain(editor.FindAll("button"), b => b.TextContent.StartsWith('+'));
        Assert.Equal("Stand speichern", editor.Find(".save-bar button").TextContent);
    }

    [Fact]
    public void History_is_read_only_without_a_save_button()
    {
        var editor = Render<PlanEditor>(p => p.Add(e => e.Input, Plan()).Add(e => e.Mode, PlanEditMode.ReadOnly).Add(e => e.Today, new DateOnly(2026, 11, 21)));

        Assert.True(editor.Find("select[id$='-status']").HasAttribute("disabled"));
        Assert.Empty(editor.FindAll(".save-bar"));
    }

    [Fact]
    public void A_step_with_a_date_but_no_description_shows_its_German_error_beside_the_step()
    {
        var plan = Plan();
        plan.Goals[0].Steps[0].Description = "";
        plan.Goals[0].Steps[0].DueOn = new DateOnly(2027, 1, 15);
        var editor = Render<PlanEditor>(p => p.Add(e => e.Input, plan).Add(e => e.Mode, PlanEditMode.Full).Add(e => e.Today, new DateOnly(2026, 11, 21)));

        editor.Find("form").Submit();

        var message = editor.Find($"#step-{plan.Goals[0].Steps[0].Key:N}-desc-error");
        Assert.Equal("Bitte beschreiben Sie den Schritt.", message.TextContent);
    }
}
