using CaseManagement.Domain;

namespace CaseManagement.Application.HelpPlans;

/// <summary>Which side's value a person took for a field both people changed, or their own combination of the two texts.</summary>
public enum MergeSide
{
    Mine,
    Theirs,
    Edited,
}

/// <param name="Text">The person's own combination, for <see cref="MergeSide.Edited"/>.</param>
public sealed record MergeChoice(MergeSide Side, string? Text = null)
{
    public static readonly MergeChoice Mine = new(MergeSide.Mine);
    public static readonly MergeChoice Theirs = new(MergeSide.Theirs);
}

/// <summary>
/// A field both people changed, each differently: the merge takes no side by itself. The values
/// are given in full, as the form shows them (dates and choices as their German labels).
/// </summary>
/// <param name="Id">Stable across merges of the same three states (the field and the key of its goal or step).</param>
/// <param name="IsText">Free text, which the person may also combine by hand; otherwise one side is taken.</param>
public sealed record MergeConflict(string Id, string Where, bool IsText, string? Base, string? Mine, string? Theirs);

/// <summary>
/// Three-way merge after a refused save: the user's changes (from <c>base</c> to <c>mine</c>) and
/// those another person saved meanwhile (<c>theirs</c>), field by field, goals and steps matched by
/// key. A field only one side changed takes that change. A field both changed differently is a
/// <see cref="MergeConflict"/>, decided by the person who merges (<c>resolve</c>): nothing either
/// side wrote disappears without someone choosing it. Goals and steps added on either side are
/// kept; one side's removal stands unless the other side edited what was removed.
/// </summary>
public static class HelpPlanMerge
{
    /// <summary>The fields both people changed differently, in the order of the form.</summary>
    public static IReadOnlyList<MergeConflict> Conflicts(HelpPlanInput @base, HelpPlanInput mine, HelpPlanInput theirs)
    {
        var conflicts = new List<MergeConflict>();
        Merge(@base, mine, theirs, conflict =>
        {
            conflicts.Add(conflict);
            return MergeChoice.Mine;
        });
        return conflicts;
    }

    public static HelpPlanInput Merge(HelpPlanInput @base, HelpPlanInput mine, HelpPlanInput theirs, Func<MergeConflict, MergeChoice> resolve)
    {
        var merger = new Merger(resolve);
        return new HelpPlanInput
        {
            IntegrationGoal = merger.Text("IntegrationGoal", "Integrationsziel", @base.IntegrationGoal, mine.IntegrationGoal, theirs.IntegrationGoal) ?? "",
            TargetJobs = merger.Text("TargetJobs", "Zielberufe", @base.TargetJobs, mine.TargetJobs, theirs.TargetJobs),
            OwnEfforts = merger.Text("OwnEfforts", "Eigenbemühungen", @base.OwnEfforts, mine.OwnEfforts, theirs.OwnEfforts),
            OwnEffortsEvidence = merger.Text("OwnEffortsEvidence", "Nachweis der Eigenbemühungen", @base.OwnEffortsEvidence, mine.OwnEffortsEvidence, theirs.OwnEffortsEvidence),
            NextReviewOn = merger.Value("NextReviewOn", "Nächste Überprüfung", @base.NextReviewOn, mine.NextReviewOn, theirs.NextReviewOn, Date),
            Goals = MergeList(@base.Goals, mine.Goals, theirs.Goals, g => g.Key, (b, m, t) => merger.Goal(b, m, t, mine.Goals), GoalChanged),
        };
    }

    private sealed class Merger(Func<MergeConflict, MergeChoice> resolve)
    {
        public GoalInput Goal(GoalInput @base, GoalInput mine, GoalInput theirs, List<GoalInput> mineGoals)
        {
            var where = $"Ziel {mineGoals.IndexOf(mine) + 1}";
            return new GoalInput
            {
                Key = mine.Key,
                Area = Value($"goal:{mine.Key}:area", $"{where}: Handlungsfeld", @base.Area, mine.Area, theirs.Area, GermanLabels.Of),
                Text = Text($"goal:{mine.Key}:text", $"{where}: Ziel", @base.Text, mine.Text, theirs.Text) ?? "",
                Steps = MergeList(@base.Steps, mine.Steps, theirs.Steps, s => s.Key, (b, m, t) => Step(b, m, t, $"{where}, Schritt {mine.Steps.IndexOf(m) + 1}"), StepChanged),
            };
        }

        private StepInput Step(StepInput @base, StepInput mine, StepInput theirs, string where)
        {
            // Who is responsible and the partner's name are one decision.
            var who = Value(
                $"step:{mine.Key}:who", $"{where}: Zuständig", (@base.Responsible, @base.PartnerName), (mine.Responsible, mine.PartnerName),
                (theirs.Responsible, theirs.PartnerName), w => GermanLabels.ResponsibleOf(w.Responsible, w.PartnerName));
            return new StepInput
            {
                Key = mine.Key,
                Description = Text($"step:{mine.Key}:description", $"{where}: Beschreibung", @base.Description, mine.Description, theirs.Description) ?? "",
                Responsible = who.Responsible,
                PartnerName = who.PartnerName,
                DueOn = Value($"step:{mine.Key}:due", $"{where}: Fällig am", @base.DueOn, mine.DueOn, theirs.DueOn, Date),
                Status = Value($"step:{mine.Key}:status", $"{where}: Stand", @base.Status, mine.Status, theirs.Status, GermanLabels.Of),
                Note = Text($"step:{mine.Key}:note", $"{where}: Notiz", @base.Note, mine.Note, theirs.Note),
                NoteIsJoint = Value($"step:{mine.Key}:note-joint", $"{where}: Notiz gemeinsam", @base.NoteIsJoint, mine.NoteIsJoint, theirs.NoteIsJoint, joint => joint ? "für beide sichtbar" : "intern"),
                OtherNote = theirs.OtherNote,
            };
        }

        public string? Text(string id, string where, string? @base, string? mine, string? theirs)
        {
            if (SameText(mine, @base) || SameText(mine, theirs))
            {
                return theirs;
            }

            if (SameText(theirs, @base))
            {
                return mine;
            }

            var choice = resolve(new MergeConflict(id, where, IsText: true, @base, mine, theirs));
            return choice.Side switch
            {
                MergeSide.Mine => mine,
                MergeSide.Theirs => theirs,
                _ => choice.Text,
            };
        }

        public TValue Value<TValue>(string id, string where, TValue @base, TValue mine, TValue theirs, Func<TValue, string> label)
        {
            var comparer = EqualityComparer<TValue>.Default;
            if (comparer.Equals(mine, @base) || comparer.Equals(mine, theirs))
            {
                return theirs;
            }

            if (comparer.Equals(theirs, @base))
            {
                return mine;
            }

            var choice = resolve(new MergeConflict(id, where, IsText: false, label(@base), label(mine), label(theirs)));
            return choice.Side == MergeSide.Theirs ? theirs : mine;
        }
    }

    private static bool GoalChanged(GoalInput before, GoalInput after) =>
        before.Area != after.Area || !SameText(before.Text, after.Text) || before.Steps.Count != after.Steps.Count
        || before.Steps.Zip(after.Steps).Any(pair => pair.First.Key != pair.Second.Key || StepChanged(pair.First, pair.Second));

    private static bool StepChanged(StepInput before, StepInput after) =>
        !SameText(before.Description, after.Description) || before.Responsible != after.Responsible || !SameText(before.PartnerName, after.PartnerName)
        || before.DueOn != after.DueOn || before.Status != after.Status || !SameText(before.Note, after.Note) || before.NoteIsJoint != after.NoteIsJoint;

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

    /// <summary>Texts that differ only in leading or trailing spaces count as the same.</summary>
    private static bool SameText(string? a, string? b) => string.Equals((a ?? "").Trim(), (b ?? "").Trim(), StringComparison.Ordinal);

    private static string Date(DateOnly? date) => date is { } value ? GermanCalendar.Format(value) : "offen";
}
