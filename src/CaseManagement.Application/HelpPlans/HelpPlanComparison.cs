using CaseManagement.Domain;

namespace CaseManagement.Application.HelpPlans;

/// <summary>One difference between two states of a plan, as a reader sees it.</summary>
/// <param name="Field">Coarse name of what changed, for the audit log (never contents), e.g. "Schritte".</param>
/// <param name="Where">What it concerns, e.g. "Ziel „Bewerbungsmappe erstellen“".</param>
/// <param name="What">The change itself, e.g. "Stand: geplant → erreicht"; for a changed text "neu gefasst".</param>
/// <param name="Before">For a changed text: the whole text before, shown word by word against <paramref name="After"/> (<see cref="WordDiff"/>).</param>
/// <param name="After">For a changed text: the whole text after.</param>
public sealed record PlanChange(string Field, string Where, string What, string? Before = null, string? After = null)
{
    /// <summary>A changed text, shown as a word-by-word difference, nothing cut short.</summary>
    public bool IsText => Before is not null || After is not null;
}

/// <summary>A text a person typed into a plan, named by its place only (never by the plan's content).</summary>
public sealed record TypedText(string Where, string Text);

/// <summary>
/// What changed between two states of a plan: between two versions (Fortschreibung), or between
/// the state a caseworker started editing from and the one another person saved meanwhile.
/// Goals and steps are matched by their keys, which survive saves and versions.
/// </summary>
public static class HelpPlanComparison
{
    private const int Excerpt = 80;

    public static IReadOnlyList<PlanChange> Compare(HelpPlanInput before, HelpPlanInput after)
    {
        var changes = new List<PlanChange>();
        Text(changes, "Integrationsziel", before.IntegrationGoal, after.IntegrationGoal);
        Text(changes, "Zielberufe", before.TargetJobs, after.TargetJobs);
        Text(changes, "Eigenbemühungen", before.OwnEfforts, after.OwnEfforts);
        Text(changes, "Nachweis der Eigenbemühungen", before.OwnEffortsEvidence, after.OwnEffortsEvidence);
        if (before.NextReviewOn != after.NextReviewOn)
        {
            changes.Add(new("Nächste Überprüfung", "Nächste Überprüfung", $"{Date(before.NextReviewOn)} → {Date(after.NextReviewOn)}"));
        }

        var oldGoals = before.Goals.ToDictionary(g => g.Key);
        foreach (var goal in after.Goals)
        {
            if (!oldGoals.TryGetValue(goal.Key, out var old))
            {
                changes.Add(new("Ziele", GoalName(goal), $"neues Ziel im Handlungsfeld {GermanLabels.Of(goal.Area)} mit {Steps(goal.Steps.Count)}"));
                continue;
            }

            if (old.Area != goal.Area)
            {
                changes.Add(new("Ziele", GoalName(goal), $"Handlungsfeld: {GermanLabels.Of(old.Area)} → {GermanLabels.Of(goal.Area)}"));
            }

            if (!SameText(old.Text, goal.Text))
            {
                changes.Add(new("Ziele", GoalName(goal), "Ziel neu gefasst", old.Text, goal.Text));
            }

            CompareSteps(changes, goal, old);
        }

        var kept = after.Goals.Select(g => g.Key).ToHashSet();
        changes.AddRange(before.Goals.Where(g => !kept.Contains(g.Key)).Select(g => new PlanChange("Ziele", GoalName(g), "Ziel entfernt")));
        return changes;
    }

    /// <summary>
    /// The texts a person typed since <paramref name="before"/>, in full and named by position:
    /// what stays on screen when the plan itself may no longer be shown (a consent revoked while
    /// they typed), so that their own words are not lost with it.
    /// </summary>
    public static IReadOnlyList<TypedText> TypedTexts(HelpPlanInput before, HelpPlanInput after)
    {
        var typed = new List<TypedText>();
        void Add(string where, string? was, string? now)
        {
            if (!SameText(was, now) && !string.IsNullOrWhiteSpace(now))
            {
                typed.Add(new(where, now.Trim()));
            }
        }

        Add("Integrationsziel", before.IntegrationGoal, after.IntegrationGoal);
        Add("Zielberufe", before.TargetJobs, after.TargetJobs);
        Add("Eigenbemühungen", before.OwnEfforts, after.OwnEfforts);
        Add("Nachweis der Eigenbemühungen", before.OwnEffortsEvidence, after.OwnEffortsEvidence);
        var oldGoals = before.Goals.ToDictionary(g => g.Key);
        for (var g = 0; g < after.Goals.Count; g++)
        {
            var goal = after.Goals[g];
            var oldGoal = oldGoals.GetValueOrDefault(goal.Key);
            Add($"Ziel {g + 1}", oldGoal?.Text, goal.Text);
            var oldSteps = oldGoal?.Steps.ToDictionary(s => s.Key) ?? [];
            for (var s = 0; s < goal.Steps.Count; s++)
            {
                var step = goal.Steps[s];
                var oldStep = oldSteps.GetValueOrDefault(step.Key);
                Add($"Ziel {g + 1}, Schritt {s + 1}", oldStep?.Description, step.Description);
                Add($"Ziel {g + 1}, Schritt {s + 1}, Partnerdienst", oldStep?.PartnerName, step.PartnerName);
                Add($"Ziel {g + 1}, Schritt {s + 1}, Notiz", oldStep?.Note, step.Note);
            }
        }

        return typed;
    }

    /// <summary>The coarse names of what changed, for the audit log.</summary>
    public static IReadOnlyList<string> ChangedFields(IEnumerable<PlanChange> changes) => [.. changes.Select(c => c.Field).Distinct()];

    private static void CompareSteps(List<PlanChange> changes, GoalInput goal, GoalInput old)
    {
        var oldSteps = old.Steps.ToDictionary(s => s.Key);
        foreach (var step in goal.Steps)
        {
            var where = $"{GoalName(goal)} › Schritt „{Short(step.Description)}“";
            if (!oldSteps.TryGetValue(step.Key, out var was))
            {
                changes.Add(new("Schritte", where, $"neuer Schritt: {GermanLabels.ResponsibleOf(step.Responsible, step.PartnerName)}, fällig {Date(step.DueOn)}"));
                continue;
            }

            if (!SameText(was.Description, step.Description))
            {
                changes.Add(new("Schritte", where, "neu beschrieben", was.Description, step.Description));
            }

            var what = new List<string>();
            var wasResponsible = GermanLabels.ResponsibleOf(was.Responsible, was.PartnerName);
            var nowResponsible = GermanLabels.ResponsibleOf(step.Responsible, step.PartnerName);
            if (wasResponsible != nowResponsible)
            {
                what.Add($"zuständig: {wasResponsible} → {nowResponsible}");
            }

            if (was.DueOn != step.DueOn)
            {
                what.Add($"fällig: {Date(was.DueOn)} → {Date(step.DueOn)}");
            }

            if (was.Status != step.Status)
            {
                what.Add($"Stand: {GermanLabels.Of(was.Status)} → {GermanLabels.Of(step.Status)}");
            }

            if (what.Count > 0)
            {
                changes.Add(new("Schritte", where, string.Join("; ", what)));
            }

            if (was.NoteIsJoint != step.NoteIsJoint && !string.IsNullOrWhiteSpace(step.Note))
            {
                changes.Add(new("Schritte", $"{where} › Notiz", step.NoteIsJoint ? "Notiz für beide Organisationen freigegeben" : "Notiz nur noch intern"));
            }

            if (!SameText(was.Note, step.Note))
            {
                changes.Add(new("Schritte", $"{where} › Notiz", string.IsNullOrWhiteSpace(step.Note) ? "Notiz entfernt" : "Notiz", was.Note, step.Note));
            }
        }

        var kept = goal.Steps.Select(s => s.Key).ToHashSet();
        changes.AddRange(old.Steps.Where(s => !kept.Contains(s.Key))
            .Select(s => new PlanChange("Schritte", $"{GoalName(goal)} › Schritt „{Short(s.Description)}“", "Schritt entfernt")));
    }

    private static void Text(List<PlanChange> changes, string field, string? before, string? after)
    {
        if (!SameText(before, after))
        {
            changes.Add(new(field, field, string.IsNullOrWhiteSpace(after) ? "geleert" : "neu gefasst", before, after));
        }
    }

    private static bool SameText(string? a, string? b) => string.Equals((a ?? "").Trim(), (b ?? "").Trim(), StringComparison.Ordinal);

    private static string GoalName(GoalInput goal) => $"Ziel „{Short(goal.Text)}“";

    private static string Steps(int count) => count == 1 ? "1 Schritt" : $"{count} Schritten";

    private static string Short(string? text) => GermanLabels.Excerpt(text, Excerpt);

    private static string Date(DateOnly? date) => date is { } value ? GermanCalendar.Format(value) : "offen";
}
