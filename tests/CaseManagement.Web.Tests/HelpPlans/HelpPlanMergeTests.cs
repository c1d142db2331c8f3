using CaseManagement.Application.HelpPlans;
using CaseManagement.Domain.HelpPlans;

namespace CaseManagement.Web.Tests.HelpPlans;

/// <summary>The rule behind "Zusammenführen und speichern" after a refused help-plan save.</summary>
public sealed class HelpPlanMergeTests
{
    private static readonly Guid GoalKey = Guid.NewGuid();
    private static readonly Guid StepKey = Guid.NewGuid();

    private static HelpPlanInput Base() => new()
    {
        IntegrationGoal = "Arbeit in der Lagerlogistik",
        NextReviewOn = new DateOnly(2027, 3, 1),
        Goals =
        [
            new GoalInput
            {
                Key = GoalKey, Area = PlanArea.JobPlacement, Text = "Probearbeit",
                Steps = [new StepInput { Key = StepKey, Description = "Betriebe ansprechen", Responsible = StepParty.Jobcenter, Status = StepStatus.Planned }],
            },
        ],
    };

    private static MergeChoice NoQuestion(MergeConflict conflict) => throw new InvalidOperationException($"unexpected conflict: {conflict.Where}");

    [Fact]
    public void Changes_of_different_fields_by_both_people_all_survive()
    {
        var theirs = Base();
        theirs.IntegrationGoal = "Arbeit in der Lagerlogistik bis Sommer";
        var mine = Base();
        mine.Goals[0].Steps[0].Status = StepStatus.InProgress;

        var merged = HelpPlanMerge.Merge(Base(), mine, theirs, NoQuestion);

        Assert.Equal("Arbeit in der Lagerlogistik bis Sommer", merged.IntegrationGoal);
        Assert.Equal(StepStatus.InProgress, merged.Goals.Single().Steps.Single().Status);
        Assert.Equal("Betriebe ansprechen", merged.Goals.Single().Steps.Single().Description);
    }

    [Fact]
    public void Where_both_changed_the_same_field_the_person_who_merges_decides()
    {
        var theirs = Base();
        theirs.Goals[0].Steps[0].Description = "Drei Betriebe ansprechen";
        var mine = Base();
        mine.Goals[0].Steps[0].Description = "Fünf Betriebe ansprechen";

        var conflict = Assert.Single(HelpPlanMerge.Conflicts(Base(), mine, theirs));
        Assert.Equal("Ziel 1, Schritt 1: Beschreibung", conflict.Where);
        Assert.Equal(("Betriebe ansprechen", "Fünf Betriebe ansprechen", "Drei Betriebe ansprechen"), (conflict.Base, conflict.Mine, conflict.Theirs));

        Assert.Equal("Fünf Betriebe ansprechen", HelpPlanMerge.Merge(Base(), mine, theirs, _ => MergeChoice.Mine).Goals.Single().Steps.Single().Description);
        Assert.Equal("Drei Betriebe ansprechen", HelpPlanMerge.Merge(Base(), mine, theirs, _ => MergeChoice.Theirs).Goals.Single().Steps.Single().Description);
        Assert.Equal(
            "Drei, später fünf Betriebe ansprechen",
            HelpPlanMerge.Merge(Base(), mine, theirs, _ => new MergeChoice(MergeSide.Edited, "Drei, später fünf Betriebe ansprechen")).Goals.Single().Steps.Single().Description);
    }

    [Fact]
    public void Goals_and_steps_added_on_either_side_are_all_kept()
    {
        var theirs = Base();
        theirs.Goals.Add(new GoalInput { Area = PlanArea.FurtherQualification, Text = "Hauptschulabschluss" });
        var mine = Base();
        mine.Goals[0].Steps.Add(new StepInput { Description = "Staplerschein prüfen" });

        var merged = HelpPlanMerge.Merge(Base(), mine, theirs, NoQuestion);

        Assert.Equal(["Probearbeit", "Hauptschulabschluss"], merged.Goals.Select(g => g.Text));
        Assert.Equal(["Betriebe ansprechen", "Staplerschein prüfen"], merged.Goals[0].Steps.Select(s => s.Description));
    }

    [Fact]
    public void A_goal_one_side_removed_stays_removed_unless_the_other_side_worked_on_it()
    {
        var removedByThem = Base();
        removedByThem.Goals.Clear();
        var untouchedByMe = Base();
        Assert.Empty(HelpPlanMerge.Merge(Base(), untouchedByMe, removedByThem, NoQuestion).Goals);

        var editedByMe = Base();
        editedByMe.Goals[0].Text = "Probearbeit im Lager";
        Assert.Equal("Probearbeit im Lager", HelpPlanMerge.Merge(Base(), editedByMe, removedByThem, NoQuestion).Goals.Single().Text);

        var removedByMe = Base();
        removedByMe.Goals.Clear();
        var editedByThem = Base();
        editedByThem.Goals[0].Steps[0].Status = StepStatus.Achieved;
        Assert.Equal(StepStatus.Achieved, HelpPlanMerge.Merge(Base(), removedByMe, editedByThem, NoQuestion).Goals.Single().Steps.Single().Status);
        Assert.Empty(HelpPlanMerge.Merge(Base(), removedByMe, Base(), NoQuestion).Goals);
    }
}
