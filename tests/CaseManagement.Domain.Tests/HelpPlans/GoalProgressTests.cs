using CaseManagement.Domain.HelpPlans;

namespace CaseManagement.Domain.Tests.HelpPlans;

/// <summary>A goal's progress as its steps give it; the steering report counts goals by it.</summary>
public class GoalProgressTests
{
    [Theory]
    [InlineData(new StepStatus[0], GoalProgress.Open)]
    [InlineData(new[] { StepStatus.Planned }, GoalProgress.Open)]
    [InlineData(new[] { StepStatus.Planned, StepStatus.Dropped }, GoalProgress.Open)]
    [InlineData(new[] { StepStatus.Planned, StepStatus.InProgress }, GoalProgress.InProgress)]
    [InlineData(new[] { StepStatus.Planned, StepStatus.Achieved }, GoalProgress.InProgress)]
    [InlineData(new[] { StepStatus.InProgress, StepStatus.Dropped }, GoalProgress.InProgress)]
    [InlineData(new[] { StepStatus.Achieved }, GoalProgress.Achieved)]
    [InlineData(new[] { StepStatus.Achieved, StepStatus.Dropped }, GoalProgress.Achieved)]
    [InlineData(new[] { StepStatus.Dropped }, GoalProgress.Dropped)]
    [InlineData(new[] { StepStatus.Dropped, StepStatus.Dropped }, GoalProgress.Dropped)]
    public void Progress_follows_from_the_steps(StepStatus[] steps, GoalProgress expected) =>
        Assert.Equal(expected, PlanGoal.ProgressOf(steps));

    [Fact]
    public void A_new_goal_is_open() =>
        Assert.Equal(GoalProgress.Open, new PlanGoal { Text = "Wohnung suchen" }.Progress);
}
