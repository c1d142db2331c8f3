using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Staff;

namespace CaseManagement.Application.HelpPlans;

/// <summary>
/// Whose step notes a reader of a plan sees: their own organisation's always, the other's only
/// when its writer marked it as joint content and the reader may read the plan as held by that
/// organisation (a consent in that direction). Internal notes never cross.
/// </summary>
public sealed record NoteReader(Organisation Organisation, bool MayReadOthersJointNotes)
{
    public string? OthersJointNote(PlanStep step) =>
        MayReadOthersJointNotes && step.NoteOf(Organisation.Other()) is { IsJoint: true, Text: { } text } ? text : null;
}
