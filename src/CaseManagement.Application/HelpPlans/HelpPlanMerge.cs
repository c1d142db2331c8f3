namespace CaseManagement.Application.HelpPlans;

/// <summary>
/// Three-way merge after a refused save: the user's changes (from <c>base</c> to <c>mine</c>) are
/// applied to the state another person saved meanwhile (<c>theirs</c>), field by field, goals and
/// steps matched by key. Their changes to anything the user left alone are kept; where both changed
/// the same field, the user's input wins (they have seen the other change listed). Nothing either
/// side added is lost; a goal or step one side removed stays removed unless the other side edited it.
/// </summary>
public static class HelpPlanMerge
{
    public static HelpPlanInput Merge(HelpPlanInput @base, HelpPlanInput mine, HelpPlanInput theirs) => new()
    {
        IntegrationGoal = Pick(@base.IntegrationGoal, mine.IntegrationGoal, theirs.IntegrationGoal),
        TargetJobs = Pick(@base.TargetJobs, mine.TargetJobs, theirs.TargetJobs),
        OwnEfforts = Pick(@base.OwnEfforts, mine.OwnEfforts, theirs.OwnEfforts),
        OwnEffortsEvidence = Pick(@base.OwnEffortsEvidence, mine.OwnEffortsEvidence, theirs.OwnEffortsEvidence),
        NextReviewOn = Pick(@base.NextReviewOn, mine.NextReviewOn, theirs.NextReviewOn),
        Goals = MergeList(@base.Goals, mine.Goals, theirs.Goals, g => g.Key, MergeGoal, GoalChanged),
    };

    private static GoalInput MergeGoal(GoalInput @base, GoalInput mine, GoalInput theirs) => new()
    {
        Key = mine.Key,
        Area = Pick(@base.Area, mine.Area, theirs.Area),
        Text = Pick(@base.Text, mine.Text, theirs.Text),
        Steps = MergeList(@base.Steps, mine.Steps, theirs.Steps, s => s.Key, MergeStep, StepChanged),
    };

    private static StepInput MergeStep(StepInput @base, StepInput mine, StepInput theirs)
    {
        var mineChangedWho = mine.Responsible != @base.Responsible || mine.PartnerName != @base.PartnerName;
        return new StepInput
        {
            Key = mine.Key,
            Description = Pick(@base.Description, mine.Description, theirs.Description),
            Responsible = mineChangedWho ? mine.Responsible : theirs.Responsible,
            PartnerName = mineChangedWho ? mine.PartnerName : theirs.PartnerName,
            DueOn = Pick(@base.DueOn, mine.DueOn, theirs.DueOn),
            Status = Pick(@base.Status, mine.Status, theirs.Status),
            Note = Pick(@base.Note, mine.Note, theirs.Note),
        };
    }

    private static bool GoalChanged(GoalInput before, GoalInput after) =>
        before.Area != after.Area || before.Text != after.Text || before.Steps.Count != after.Steps.Count
        || before.Steps.Zip(after.Steps).Any(pair => pair.First.Key != pair.Second.Key || StepChanged(pair.First, pair.Second));

    private static bool StepChanged(StepInput before, StepInput after) =>
        before.Description != after.Description || before.Responsible != after.Responsible || before.PartnerName != after.PartnerName
        || before.DueOn != after.DueOn || before.Status != after.Status || before.Note != after.Note;

    /// <summary>Their order first, then what only the user added (or kept by editing what they removed).</summary>
    private static List<T> MergeList<T>(
        List<T> @base, List<T> mine, List<T> theirs, Func<T, Guid> key, Func<T, T, T, T> merge, Func<T, T, bool> changed)
    {
        var baseByKey = @base.ToDictionary(key);
        var mineByKey = mine.ToDictionary(key);
        var theirKeys = theirs.Select(key).ToHashSet();
        var result = new List<T>();
        foreach (var their in theirs)
        {
            var k = key(their);
            if (!baseByKey.TryGetValue(k, out var original))
            {
                result.Add(their);
            }
            else if (mineByKey.TryGetValue(k, out var my))
            {
                result.Add(merge(original, my, their));
            }
            else if (changed(original, their))
            {
                result.Add(their); // the user removed it, but the other person worked on it meanwhile
            }
        }

        foreach (var my in mine.Where(m => !theirKeys.Contains(key(m))))
        {
            if (!baseByKey.TryGetValue(key(my), out var original) || changed(original, my))
            {
                result.Add(my); // added by the user, or edited by the user while the other person removed it
            }
        }

        return result;
    }

    private static TValue Pick<TValue>(TValue @base, TValue mine, TValue theirs) =>
        EqualityComparer<TValue>.Default.Equals(mine, @base) ? theirs : mine;
}
