using CaseManagement.Application.HelpPlans;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Staff;
using CaseManagement.Web.Components.Pages.HelpPlans;
using CaseManagement.Web.Tests.TestSupport;
using FluentValidation;

namespace CaseManagement.Web.Tests.HelpPlans;

/// <summary>
/// A save that cannot go through says so where the person is, at the save bar: every problem
/// with a link into its field, and the focus moved there. Blank steps are no problem at all.
/// </summary>
public sealed class PlanSaveProblemsTests : StaffComponentTest
{
    private readonly List<BlanksLeftOut> _saves = [];

    public PlanSaveProblemsTests()
    {
        Services.AddCascadingValue(StepFields.ReaderName, _ => Organisation.Jobcenter);
        Services.AddSingleton<IValidator<HelpPlanInput>>(new HelpPlanInputValidator(TimeProvider.System));
        SignInAs(StaffPrincipal.InRole(StaffRole.CaseManager));
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private IRenderedComponent<PlanEditor> Editor(HelpPlanInput plan) => Render<PlanEditor>(p => p
        .Add(e => e.Input, plan)
        .Add(e => e.Mode, PlanEditMode.Full)
        .Add(e => e.Today, new DateOnly(2026, 11, 21))
        .Add(e => e.OnSave, (BlanksLeftOut left) => _saves.Add(left)));

    [Fact]
    public void Blank_steps_and_goals_are_left_out_and_the_save_goes_through()
    {
        var plan = new HelpPlanInput
        {
            IntegrationGoal = "Arbeit im Lager",
            Goals =
            [
                new GoalInput { Area = PlanArea.JobPlacement, Text = "Probearbeit", Steps = [new StepInput { Description = "Betriebe ansprechen" }, new StepInput(), new StepInput()] },
                new GoalInput { Area = PlanArea.FurtherQualification, Steps = [new StepInput()] },
            ],
        };
        var editor = Editor(plan);

        editor.Find("form").Submit();

        Assert.Equal([new BlanksLeftOut(3, 1)], _saves);
        Assert.Empty(editor.FindAll(".save-problems"));
        Assert.Single(plan.Goals);
    }

    [Fact]
    public void A_refused_save_lists_every_problem_at_the_save_bar_with_a_link_to_its_field_and_takes_the_focus_there()
    {
        var step = new StepInput { Responsible = StepParty.Partner, DueOn = new DateOnly(2027, 1, 15) };
        var plan = new HelpPlanInput
        {
            IntegrationGoal = "Arbeit im Lager",
            Goals = [new GoalInput { Area = PlanArea.JobPlacement, Text = "Probearbeit", Steps = [step] }],
        };
        var editor = Editor(plan);

        editor.Find("form").Submit();

        Assert.Empty(_saves);
        var box = editor.Find(".save-bar .save-problems[role=alert]");
        var links = box.QuerySelectorAll("a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        Assert.Contains(($"#step-{step.Key:N}-desc", "Ziel 1, Schritt 1: Bitte beschreiben Sie den Schritt."), links);
        Assert.Contains(($"#step-{step.Key:N}-partner", "Ziel 1, Schritt 1, Partnerdienst: Bitte nennen Sie den Partnerdienst."), links);
        Assert.Contains("Nicht gespeichert.", box.TextContent, StringComparison.Ordinal);
        JSInterop.VerifyFocusAsyncInvoke();

        // Once the person has fixed a field, its line goes; the rest stay.
        editor.Find($"#step-{step.Key:N}-desc").Input("Drei Betriebe ansprechen");
        Assert.DoesNotContain(editor.FindAll(".save-problems a"), a => a.GetAttribute("href") == $"#step-{step.Key:N}-desc");
    }
}
