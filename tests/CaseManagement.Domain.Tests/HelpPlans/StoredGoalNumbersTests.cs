using CaseManagement.Domain.HelpPlans;

namespace CaseManagement.Domain.Tests.HelpPlans;

/// <summary>
/// Step statuses and goal progress are stored as numbers, and the migration that filled in
/// PlanGoal.Progress (GoalProgressStoredOnGoal) names them in SQL: renumbering either enum would
/// silently change stored plans.
/// </summary>
public class StoredGoalNumbersTests
{
    [Fact]
    public void Step_statuses_keep_their_stored_numbers() =>
        Assert.Equal(
            [(1, "Planned"), (2, "InProgress"), (3, "Achieved"), (4, "Dropped")],
            Enum.GetValues<StepStatus>().Select(s => ((int)s, s.ToString())));

    [Fact]
    public void Goal_progress_keeps_its_stored_numbers() =>
        Assert.Equal(
            [(1, "Open"), (2, "InProgress"), (3, "Achieved"), (4, "Dropped")],
            Enum.GetValues<GoalProgress>().Select(p => ((int)p, p.ToString())));
}
