using CaseManagement.Application.HelpPlans;
using CaseManagement.Domain.HelpPlans;

namespace CaseManagement.Domain.Tests.HelpPlans;

/// <summary>Empty steps and goals are no mistake to report: they are left out of the save, and the person is told how many.</summary>
public sealed class BlankStepsTests
{
    [Fact]
    public void Untouched_steps_and_empty_goals_go_and_anything_written_stays()
    {
        var plan = new HelpPlanInput
        {
            IntegrationGoal = "Arbeit",
            Goals =
            [
                new GoalInput { Text = "Bewerbungen", Steps = [new StepInput { Description = "Lebenslauf" }, new StepInput(), new StepInput { Description = "  " }] },
                new GoalInput { Text = "", Steps = [new StepInput()] },
                new GoalInput { Text = "Termine", Steps = [new StepInput { DueOn = new DateOnly(2027, 1, 1) }, new StepInput { Note = "nur eine Notiz" }, new StepInput { Status = StepStatus.InProgress }] },
                new GoalInput { Text = "Ziel ohne Schritt" },
            ],
        };

        var dropped = plan.RemoveBlanks();

        Assert.Equal((3, 1), dropped);
        Assert.Equal(["Bewerbungen", "Termine", "Ziel ohne Schritt"], plan.Goals.Select(g => g.Text));
        Assert.Single(plan.Goals[0].Steps);
        Assert.Equal(3, plan.Goals[1].Steps.Count);
    }
}
