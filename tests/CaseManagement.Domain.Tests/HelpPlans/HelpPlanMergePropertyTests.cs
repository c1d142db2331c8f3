using CaseManagement.Application.HelpPlans;
using CaseManagement.Domain.HelpPlans;

namespace CaseManagement.Domain.Tests.HelpPlans;

/// <summary>
/// Two people edit the same plan at once, in every way the form allows (words typed anywhere,
/// words deleted, texts replaced, goals and steps added and removed), and the later one merges.
/// Whatever they decide on the fields both changed, every word either of them added is in the
/// merged plan, unless the person who merged explicitly took the other side for that field.
/// </summary>
public sealed class HelpPlanMergePropertyTests
{
    private static readonly string[] Vocabulary =
        ["Bewerbung", "Praktikum", "Lager", "Termin", "Beratung", "Ziel", "bis", "März", "wöchentlich", "Schuldnerberatung", "Führerschein", "und"];

    [Fact]
    public void Every_word_either_person_added_is_in_the_merge_or_was_explicitly_set_aside()
    {
        var (conflicts, checkedWords) = (0, 0);
        for (var seed = 1; seed <= 2000; seed++)
        {
            var random = new Random(seed);
            var @base = RandomPlan(random);
            var mine = Edit(@base, random, "m");
            var theirs = Edit(@base, random, "t");
            var setAside = new List<string>();

            var merged = HelpPlanMerge.Merge(@base, mine, theirs, conflict =>
            {
                conflicts++;
                var choice = random.Next(3) switch
                {
                    0 => MergeChoice.Mine,
                    1 => MergeChoice.Theirs,
                    _ => new MergeChoice(MergeSide.Edited, $"{conflict.Mine} {conflict.Theirs}"),
                };
                if (choice.Side == MergeSide.Mine)
                {
                    setAside.Add(conflict.Theirs ?? "");
                }
                else if (choice.Side == MergeSide.Theirs)
                {
                    setAside.Add(conflict.Mine ?? "");
                }

                return choice;
            });

            var result = Tokens(Texts(merged));
            var discarded = Tokens(setAside);
            foreach (var added in Added(@base, mine).Concat(Added(@base, theirs)))
            {
                checkedWords++;
                Assert.True(
                    result.Contains(added) || discarded.Contains(added),
                    $"seed {seed}: '{added}' was added and is neither in the merge nor explicitly set aside");
            }
        }

        // The generated edits must really collide often, or the property would hold trivially.
        Assert.True(conflicts > 500 && checkedWords > 2000, $"{conflicts} conflicts, {checkedWords} words checked");
    }

    [Fact]
    public void A_sentence_both_appended_to_the_same_goal_is_a_conflict_with_both_full_texts()
    {
        var @base = new HelpPlanInput { IntegrationGoal = new string('x', 90) + " Arbeitsaufnahme im Lager." };
        var mine = new HelpPlanInput { IntegrationGoal = @base.IntegrationGoal + " Mit Staplerschein." };
        var theirs = new HelpPlanInput { IntegrationGoal = @base.IntegrationGoal + " Zuerst ein Praktikum." };

        var conflict = Assert.Single(HelpPlanMerge.Conflicts(@base, mine, theirs));

        Assert.Equal("Integrationsziel", conflict.Where);
        Assert.Equal(mine.IntegrationGoal, conflict.Mine);
        Assert.Equal(theirs.IntegrationGoal, conflict.Theirs);
        Assert.True(conflict.IsText);
        var combined = HelpPlanMerge.Merge(@base, mine, theirs, _ => new MergeChoice(MergeSide.Edited, @base.IntegrationGoal + " Zuerst ein Praktikum. Mit Staplerschein."));
        Assert.EndsWith("Zuerst ein Praktikum. Mit Staplerschein.", combined.IntegrationGoal, StringComparison.Ordinal);
    }

    [Fact]
    public void Fields_only_one_person_changed_merge_on_their_own_without_a_question()
    {
        var @base = RandomPlan(new Random(7));
        var mine = @base.Clone();
        mine.IntegrationGoal += " m1";
        var theirs = @base.Clone();
        theirs.Goals[0].Text += " t1";

        Assert.Empty(HelpPlanMerge.Conflicts(@base, mine, theirs));
        var merged = HelpPlanMerge.Merge(@base, mine, theirs, _ => throw new InvalidOperationException("no question expected"));
        Assert.EndsWith(" m1", merged.IntegrationGoal, StringComparison.Ordinal);
        Assert.EndsWith(" t1", merged.Goals[0].Text, StringComparison.Ordinal);
    }

    /// <summary>Words (with a marker) that <paramref name="edited"/> has and <paramref name="before"/> has not.</summary>
    private static IEnumerable<string> Added(HelpPlanInput before, HelpPlanInput edited) =>
        Tokens(Texts(edited)).Except(Tokens(Texts(before)));

    private static HashSet<string> Tokens(IEnumerable<string> texts) =>
        [.. texts.SelectMany(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(w => w.StartsWith('m') || w.StartsWith('t')).Where(w => w.Length > 1 && char.IsDigit(w[1]))];

    private static IEnumerable<string> Texts(HelpPlanInput plan) =>
        new[] { plan.IntegrationGoal, plan.TargetJobs, plan.OwnEfforts, plan.OwnEffortsEvidence }
            .Concat(plan.Goals.SelectMany(g => new[] { g.Text }.Concat(g.Steps.SelectMany(s => new[] { s.Description, s.Note, s.PartnerName }))))
            .OfType<string>();

    private static HelpPlanInput RandomPlan(Random random) => new()
    {
        IntegrationGoal = Sentence(random),
        TargetJobs = random.Next(2) == 0 ? null : Sentence(random),
        OwnEfforts = Sentence(random),
        OwnEffortsEvidence = Sentence(random),
        Goals = [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => new GoalInput
        {
            Area = (PlanArea)random.Next(1, 6),
            Text = Sentence(random),
            Steps = [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => new StepInput { Description = Sentence(random), Note = random.Next(2) == 0 ? null : Sentence(random) })],
        })],
    };

    /// <summary>A copy edited as one person would: each text maybe changed, goals and steps maybe added or removed.</summary>
    private static HelpPlanInput Edit(HelpPlanInput original, Random random, string marker)
    {
        var plan = original.Clone();
        var counter = 0;
        string Token() => $"{marker}{++counter}{random.Next(1000)}";
        string? Change(string? text) => random.Next(6) switch
        {
            0 => $"{text} {Token()}".Trim(),
            1 => Insert(text ?? "", Token(), random),
            2 => Delete(text ?? "", random),
            3 => $"{Token()} {Sentence(random)}",
            _ => text,
        };

        plan.IntegrationGoal = Change(plan.IntegrationGoal) ?? "";
        plan.TargetJobs = Change(plan.TargetJobs);
        plan.OwnEfforts = Change(plan.OwnEfforts);
        plan.OwnEffortsEvidence = Change(plan.OwnEffortsEvidence);
        foreach (var goal in plan.Goals)
        {
            goal.Text = Change(goal.Text) ?? "";
            foreach (var step in goal.Steps)
            {
                step.Description = Change(step.Description) ?? "";
                step.Note = Change(step.Note);
                if (random.Next(5) == 0)
                {
                    step.Status = (StepStatus)random.Next(1, 5);
                }
            }

            if (random.Next(4) == 0)
            {
                goal.Steps.Add(new StepInput { Description = $"{Token()} {Sentence(random)}" });
            }

            if (goal.Steps.Count > 1 && random.Next(5) == 0)
            {
                goal.Steps.RemoveAt(random.Next(goal.Steps.Count));
            }
        }

        if (random.Next(4) == 0)
        {
            plan.Goals.Add(new GoalInput { Text = $"{Token()} neu", Steps = [new StepInput { Description = $"{Token()} Schritt" }] });
        }

        if (plan.Goals.Count > 1 && random.Next(5) == 0)
        {
            plan.Goals.RemoveAt(random.Next(plan.Goals.Count));
        }

        return plan;
    }

    private static string Sentence(Random random) =>
        string.Join(' ', Enumerable.Range(0, random.Next(2, 7)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));

    private static string Insert(string text, string token, Random random)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        words.Insert(random.Next(words.Count + 1), token);
        return string.Join(' ', words);
    }

    private static string Delete(string text, Random random)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 0)
        {
            words.RemoveAt(random.Next(words.Count));
        }

        return string.Join(' ', words);
    }
}
