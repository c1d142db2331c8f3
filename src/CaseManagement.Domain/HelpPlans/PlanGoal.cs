using CaseManagement.Domain.Staff;

namespace CaseManagement.Domain.HelpPlans;

/// <summary>One goal of a plan version, in one of the five areas, with its steps.</summary>
public class PlanGoal
{
    public Guid Id { get; set; }

    /// <summary>Record key of the steering report's cell-key method: random, drawn once, never shown (<see cref="Reports.ReportKeys"/>).</summary>
    public int ReportKey { get; set; } = Reports.ReportKeys.New();

    public Guid PlanId { get; set; }

    /// <summary>Stays the same across versions, so a review can show what became of a goal.</summary>
    public Guid Key { get; set; }

    public PlanArea Area { get; set; }

    /// <summary>Order within the plan.</summary>
    public int Position { get; set; }

    public required string Text { get; set; }

    public List<PlanStep> Steps { get; set; } = [];

    /// <summary>
    /// How far the goal has come (<see cref="ProgressOf"/> of its steps). Stored, not computed on
    /// reading, so that reports can count goals without reading every step; the database context
    /// keeps it up to date whenever steps are saved.
    /// </summary>
    public GoalProgress Progress { get; set; } = GoalProgress.Open;

    /// <summary>
    /// A goal has no status of its own; its progress follows from its steps: all dropped → entfallen;
    /// all achieved or dropped, at least one achieved → erreicht; a step begun (in progress or
    /// achieved) but not all done → in Arbeit; otherwise (no step, or none begun) → offen.
    /// </summary>
    public static GoalProgress ProgressOf(IEnumerable<StepStatus> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        int total = 0, achieved = 0, dropped = 0, begun = 0;
        foreach (var status in steps)
        {
            total++;
            achieved += status == StepStatus.Achieved ? 1 : 0;
            dropped += status == StepStatus.Dropped ? 1 : 0;
            begun += status is StepStatus.InProgress or StepStatus.Achieved ? 1 : 0;
        }

        return total == 0 ? GoalProgress.Open
            : dropped == total ? GoalProgress.Dropped
            : achieved + dropped == total ? GoalProgress.Achieved
            : begun > 0 ? GoalProgress.InProgress
            : GoalProgress.Open;
    }
}

/// <summary>One step towards a goal: what, who, by when, how far.</summary>
public class PlanStep
{
    public Guid Id { get; set; }

    public Guid GoalId { get; set; }

    /// <summary>Stays the same across versions (see <see cref="PlanGoal.Key"/>).</summary>
    public Guid Key { get; set; }

    public int Position { get; set; }

    public required string Description { get; set; }

    public StepParty Responsible { get; set; }

    /// <summary>Name of the partner service when <see cref="Responsible"/> is <see cref="StepParty.Partner"/>.</summary>
    public string? PartnerName { get; set; }

    public DateOnly? DueOn { get; set; }

    public StepStatus Status { get; set; } = StepStatus.Planned;

    /// <summary>
    /// The Jobcenter's working note on the step. A step note belongs to the organisation that wrote
    /// it and follows the rules of internal notes, unless its writer marks it as joint content
    /// (<see cref="JobcenterNoteIsJoint"/>); then the other organisation reads it where a consent
    /// shares the plan in that direction. Never printed for the client.
    /// </summary>
    public string? JobcenterNote { get; set; }

    public bool JobcenterNoteIsJoint { get; set; }

    /// <summary>The Drogenhilfe's working note on the step (see <see cref="JobcenterNote"/>).</summary>
    public string? DrugHelpNote { get; set; }

    public bool DrugHelpNoteIsJoint { get; set; }

    public StepNote NoteOf(Organisation organisation) => organisation switch
    {
        Organisation.Jobcenter => new(JobcenterNote, JobcenterNoteIsJoint),
        Organisation.DrugHelpService => new(DrugHelpNote, DrugHelpNoteIsJoint),
        _ => new(null, false),
    };

    public void SetNote(Organisation organisation, StepNote note)
    {
        var text = string.IsNullOrWhiteSpace(note.Text) ? null : note.Text;
        switch (organisation)
        {
            case Organisation.Jobcenter:
                (JobcenterNote, JobcenterNoteIsJoint) = (text, text is not null && note.IsJoint);
                break;
            case Organisation.DrugHelpService:
                (DrugHelpNote, DrugHelpNoteIsJoint) = (text, text is not null && note.IsJoint);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(organisation), organisation, "Nur Jobcenter und Drogenhilfe schreiben Notizen.");
        }
    }

    public bool IsOpen => Status is StepStatus.Planned or StepStatus.InProgress;

    public bool IsOverdueOn(DateOnly today) => IsOpen && DueOn is { } due && due < today;
}

/// <summary>One organisation's note on a plan step, and whether its writer shares it as joint content.</summary>
public sealed record StepNote(string? Text, bool IsJoint);
