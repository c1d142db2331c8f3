using CaseManagement.Domain;
using CaseManagement.Domain.HelpPlans;
using FluentValidation;

namespace CaseManagement.Application.HelpPlans;

/// <summary>
/// The contents of one plan version as the editor holds them. Also the snapshot that versions and
/// conflicting saves are compared on (<see cref="HelpPlanComparison"/>). Strings stay as typed;
/// they are trimmed when saved.
/// </summary>
public sealed class HelpPlanInput
{
    public string IntegrationGoal { get; set; } = "";

    public string? TargetJobs { get; set; }

    public string? OwnEfforts { get; set; }

    public string? OwnEffortsEvidence { get; set; }

    public DateOnly? NextReviewOn { get; set; }

    public List<GoalInput> Goals { get; set; } = [];

    /// <summary>The plan as <paramref name="reader"/> may see and edit it: of the step notes, their own organisation's, and the other's only where shared.</summary>
    public static HelpPlanInput From(HelpPlan plan, NoteReader reader) => new()
    {
        IntegrationGoal = plan.IntegrationGoal,
        TargetJobs = plan.TargetJobs,
        OwnEfforts = plan.OwnEfforts,
        OwnEffortsEvidence = plan.OwnEffortsEvidence,
        NextReviewOn = plan.NextReviewOn,
        // Grouped by area as the page and the print-out show them; within an area in the order written.
        Goals = [.. plan.Goals.OrderBy(g => g.Area).ThenBy(g => g.Position).Select(g => new GoalInput
        {
            Key = g.Key,
            Area = g.Area,
            Text = g.Text,
            Steps = [.. g.Steps.OrderBy(s => s.Position).Select(s => new StepInput
            {
                Key = s.Key, Description = s.Description, Responsible = s.Responsible, PartnerName = s.PartnerName,
                DueOn = s.DueOn, Status = s.Status,
                Note = s.NoteOf(reader.Organisation).Text, NoteIsJoint = s.NoteOf(reader.Organisation).IsJoint,
                OtherNote = reader.OthersJointNote(s),
            })],
        })],
    };

    /// <summary>
    /// Drops steps nobody has written anything into, and goals without text or steps: a new goal
    /// comes with an empty step, and "+ Schritt" adds more, so a plan often holds blanks that are
    /// no mistake. Returns how many of each went, so the person can be told.
    /// </summary>
    public (int Steps, int Goals) RemoveBlanks()
    {
        var steps = 0;
        foreach (var goal in Goals)
        {
            steps += goal.Steps.RemoveAll(step => step.IsBlank);
        }

        var goals = Goals.RemoveAll(goal => string.IsNullOrWhiteSpace(goal.Text) && goal.Steps.Count == 0);
        return (steps, goals);
    }

    /// <summary>
    /// Puts the other organisation's shared step notes as <paramref name="current"/> (read now, under
    /// today's permissions) has them onto this older input, step by step: typing kept across a
    /// revoked consent or a resumed page must not keep showing notes the reader may no longer read.
    /// </summary>
    public void TakeOtherNotesFrom(HelpPlanInput current)
    {
        var notes = current.Goals.SelectMany(g => g.Steps).ToDictionary(s => s.Key, s => s.OtherNote);
        foreach (var step in Goals.SelectMany(g => g.Steps))
        {
            step.OtherNote = notes.GetValueOrDefault(step.Key);
        }
    }

    public HelpPlanInput Clone() => new()
    {
        IntegrationGoal = IntegrationGoal,
        TargetJobs = TargetJobs,
        OwnEfforts = OwnEfforts,
        OwnEffortsEvidence = OwnEffortsEvidence,
        NextReviewOn = NextReviewOn,
        Goals = [.. Goals.Select(g => g.Clone())],
    };
}

public sealed class GoalInput
{
    /// <summary>Identifies the goal across saves and versions; new goals get a fresh key.</summary>
    public Guid Key { get; set; } = Guid.NewGuid();

    public PlanArea Area { get; set; } = PlanArea.JobApplicationSupport;

    public string Text { get; set; } = "";

    public List<StepInput> Steps { get; set; } = [];

    public GoalInput Clone() => new() { Key = Key, Area = Area, Text = Text, Steps = [.. Steps.Select(s => s.Clone())] };
}

public sealed class StepInput
{
    public Guid Key { get; set; } = Guid.NewGuid();

    public string Description { get; set; } = "";

    public StepParty Responsible { get; set; } = StepParty.Client;

    public string? PartnerName { get; set; }

    public DateOnly? DueOn { get; set; }

    public StepStatus Status { get; set; } = StepStatus.Planned;

    /// <summary>The reader's own organisation's note on the step (internal to it unless <see cref="NoteIsJoint"/>).</summary>
    public string? Note { get; set; }

    /// <summary>Its writer shares the note as joint content: the other organisation reads it where a consent covers the plan.</summary>
    public bool NoteIsJoint { get; set; }

    /// <summary>The other organisation's note, only where its writer shared it and the reader may read it; never saved from here.</summary>
    public string? OtherNote { get; set; }

    /// <summary>Nothing written into it: no description, partner, date or note, and not begun.</summary>
    public bool IsBlank =>
        string.IsNullOrWhiteSpace(Description) && string.IsNullOrWhiteSpace(PartnerName) && DueOn is null
        && string.IsNullOrWhiteSpace(Note) && Status == StepStatus.Planned;

    public StepInput Clone() => (StepInput)MemberwiseClone();
}

public sealed class HelpPlanInputValidator : AbstractValidator<HelpPlanInput>
{
    public static readonly DateOnly EarliestDate = new(2020, 1, 1);

    public HelpPlanInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.IntegrationGoal).Cascade(CascadeMode.Stop)
            .FreeText("Integrationsziel", TextLimits.IntegrationGoal);
        RuleFor(x => x.TargetJobs).Cascade(CascadeMode.Stop)
            .FreeText("Zielberufe", TextLimits.TargetJobs);
        RuleFor(x => x.OwnEfforts).Cascade(CascadeMode.Stop)
            .FreeText("Eigenbemühungen", TextLimits.OwnEfforts);
        RuleFor(x => x.OwnEffortsEvidence).Cascade(CascadeMode.Stop)
            .FreeText("Nachweis der Eigenbemühungen", TextLimits.OwnEffortsEvidence);
        RuleFor(x => x.NextReviewOn)
            .Must(date => date is null || (date >= EarliestDate && date <= GermanCalendar.DateOf(clock.GetUtcNow()).AddYears(3)))
            .WithMessage("Die nächste Überprüfung muss innerhalb der nächsten drei Jahre liegen.");
        RuleFor(x => x.Goals)
            .Must(goals => goals.Count <= HelpPlan.MaxGoals).WithMessage($"Ein Plan kann höchstens {HelpPlan.MaxGoals} Ziele haben.")
            .Must(goals => goals.Select(g => g.Key).Distinct().Count() == goals.Count
                && goals.SelectMany(g => g.Steps).Select(s => s.Key).Distinct().Count() == goals.Sum(g => g.Steps.Count))
            .WithMessage("Der Plan enthält doppelte Einträge. Bitte laden Sie die Seite neu.");
        RuleForEach(x => x.Goals).SetValidator(new GoalInputValidator(clock));
    }
}

public sealed class GoalInputValidator : AbstractValidator<GoalInput>
{
    public GoalInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.Area).IsInEnum().WithMessage("Bitte wählen Sie ein Handlungsfeld.");
        RuleFor(x => x.Text).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Bitte beschreiben Sie das Ziel.")
            .FreeText("Ziel", TextLimits.Goal);
        RuleFor(x => x.Steps)
            .Must(steps => steps.Count <= HelpPlan.MaxStepsPerGoal).WithMessage($"Ein Ziel kann höchstens {HelpPlan.MaxStepsPerGoal} Schritte haben.");
        RuleForEach(x => x.Steps).SetValidator(new StepInputValidator(clock));
    }
}

public sealed class StepInputValidator : AbstractValidator<StepInput>
{
    public StepInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.Description).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Bitte beschreiben Sie den Schritt.")
            .FreeText("Schritt", TextLimits.Step);
        RuleFor(x => x.Responsible).IsInEnum().WithMessage("Bitte wählen Sie, wer zuständig ist.");
        RuleFor(x => x.PartnerName).Cascade(CascadeMode.Stop)
            .NotEmpty().When(x => x.Responsible == StepParty.Partner).WithMessage("Bitte nennen Sie den Partnerdienst.")
            .FreeText("Name des Partnerdienstes", TextLimits.StepPartner);
        RuleFor(x => x.DueOn)
            .Must(date => date is null || (date >= HelpPlanInputValidator.EarliestDate && date <= GermanCalendar.DateOf(clock.GetUtcNow()).AddYears(5)))
            .WithMessage("Das Fälligkeitsdatum muss zwischen 2020 und fünf Jahren ab heute liegen.");
        RuleFor(x => x.Status).IsInEnum().WithMessage("Bitte wählen Sie einen Stand.");
        RuleFor(x => x.Note).Cascade(CascadeMode.Stop)
            .FreeText("Notiz", TextLimits.StepNote);
        // Display only (the other organisation's shared note is never saved from here); checked all the same.
        RuleFor(x => x.OtherNote).FreeText("Notiz der anderen Organisation", TextLimits.StepNote);
    }
}

/// <summary>The agreement form: date and who agreed.</summary>
public sealed class AgreementInput
{
    public DateOnly? AgreedOn { get; set; }

    public bool ByCaseManager { get; set; }

    public bool ByDrugHelpWorker { get; set; }

    public bool ByClient { get; set; }
}

public sealed class AgreementInputValidator : AbstractValidator<AgreementInput>
{
    public AgreementInputValidator()
    {
        RuleFor(x => x.AgreedOn).NotNull().WithMessage("Bitte geben Sie das Datum der Vereinbarung ein.");
    }
}

/// <summary>The closing form.</summary>
public sealed class ClosePlanInput
{
    public DateOnly? ClosedOn { get; set; }
}

public sealed class ClosePlanInputValidator : AbstractValidator<ClosePlanInput>
{
    public ClosePlanInputValidator()
    {
        RuleFor(x => x.ClosedOn).NotNull().WithMessage("Bitte geben Sie das Abschlussdatum ein.");
    }
}
