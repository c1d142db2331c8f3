using CaseManagement.Application.HelpPlans;
using CaseManagement.Domain;
using CaseManagement.Domain.Referrals;
using FluentValidation;

namespace CaseManagement.Application.Referrals;

/// <summary>
/// A new referral, from the case or from a step of the help plan (<see cref="PlanStepKey"/>).
/// Whether the partner still takes referrals and the step belongs to the client's current plan is
/// checked by <see cref="ReferralCommands.CreateAsync"/> against the database.
/// </summary>
public sealed class ReferralInput
{
    public Guid? PartnerId { get; set; }

    /// <summary>Anlass / Ziel der Vermittlung: counselling content, never shown to the other organisation.</summary>
    public string Reason { get; set; } = "";

    public DateOnly? ProposedOn { get; set; }

    public Guid? PlanStepKey { get; set; }

    /// <summary>Wiedervorlage (optional).</summary>
    public DateOnly? FollowUpOn { get; set; }
}

public sealed class ReferralInputValidator : AbstractValidator<ReferralInput>
{
    public ReferralInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.PartnerId)
            .Must(id => id is { } value && value != Guid.Empty).WithMessage("Bitte wählen Sie einen Netzwerkpartner.");
        RuleFor(x => x.Reason).Cascade(CascadeMode.Stop)
            .Must(reason => !string.IsNullOrWhiteSpace(reason)).WithMessage("Bitte beschreiben Sie den Anlass der Vermittlung.")
            .FreeText("Anlass", Referral.ReasonMaxLength);
        RuleFor(x => x.ProposedOn).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Bitte geben Sie an, wann die Vermittlung vorgeschlagen wurde.")
            .Must(date => date <= Today(clock)).WithMessage("Das Datum des Vorschlags darf nicht in der Zukunft liegen.")
            .Must(date => date >= HelpPlanInputValidator.EarliestDate).WithMessage("Das Datum des Vorschlags liegt zu weit zurück.");
        RuleFor(x => x.PlanStepKey)
            .Must(key => key != Guid.Empty).WithMessage("Bitte wählen Sie einen Schritt des Hilfeplans oder „kein Schritt“.");
        RuleFor(x => x.FollowUpOn).FollowUpRules(clock);
    }

    internal static DateOnly Today(TimeProvider clock) => GermanCalendar.DateOf(clock.GetUtcNow());
}

/// <summary>
/// The next step of a referral: the status reached (<see cref="Status"/>) and its date, the dates of
/// the steps of the regular path that lie in between (<see cref="Skipped"/>, see
/// <see cref="ReferralProgress.PathTo"/>), and the reason (declined, dropped out) or outcome (completed).
/// </summary>
public sealed class ReferralProgressInput
{
    public ReferralStatus? Status { get; set; }

    public DateOnly? On { get; set; }

    /// <summary>One entry per skipped step, in the order of the path.</summary>
    public List<SkippedStepInput> Skipped { get; set; } = [];

    /// <summary>Dates typed for skipped steps, kept while the user tries other targets.</summary>
    private readonly Dictionary<ReferralStatus, DateOnly?> _typed = [];

    /// <summary>Grund (declined, dropped out) or Ergebnis (completed); no text on other steps.</summary>
    public string? Note { get; set; }

    public bool TakesNote => TakesText(Status);

    public bool NeedsReason => Status is ReferralStatus.Declined or ReferralStatus.DroppedOut;

    public static bool TakesText(ReferralStatus? status) =>
        status is ReferralStatus.Declined or ReferralStatus.DroppedOut or ReferralStatus.Completed;

    /// <summary>
    /// Rebuilds <see cref="Skipped"/> for the chosen target, coming from <paramref name="current"/>;
    /// a date once typed for a step comes back whenever that step is skipped again. The text is
    /// dropped for a target that takes none.
    /// </summary>
    public void Retarget(ReferralStatus current)
    {
        foreach (var skipped in Skipped)
        {
            _typed[skipped.Status] = skipped.On;
        }

        var path = Status is { } target ? ReferralProgress.PathTo(current, target) : [];
        Skipped = [.. path.Take(Math.Max(0, path.Count - 1)).Select(s => new SkippedStepInput { Status = s, On = _typed.GetValueOrDefault(s) })];
        if (!TakesNote)
        {
            Note = null;
        }
    }
}

public sealed class SkippedStepInput
{
    public ReferralStatus Status { get; set; }

    public DateOnly? On { get; set; }
}

public sealed class ReferralProgressInputValidator : AbstractValidator<ReferralProgressInput>
{
    public ReferralProgressInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.Status).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Bitte wählen Sie den nächsten Schritt.")
            .IsInEnum().WithMessage("Bitte wählen Sie den nächsten Schritt.");
        RuleFor(x => x.On).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Bitte geben Sie das Datum an.")
            .Must(date => date <= ReferralInputValidator.Today(clock)).WithMessage("Das Datum darf nicht in der Zukunft liegen.");
        RuleForEach(x => x.Skipped).ChildRules(skipped =>
        {
            skipped.RuleFor(s => s.On).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage(s => $"Bitte geben Sie das Datum für „{s.Status.German()}“ an.")
                .Must(date => date <= ReferralInputValidator.Today(clock)).WithMessage("Das Datum darf nicht in der Zukunft liegen.");
        });
        RuleFor(x => x.Note).Cascade(CascadeMode.Stop)
            .Must(note => !string.IsNullOrWhiteSpace(note)).When(x => x.NeedsReason)
            .WithMessage(x => $"Bitte geben Sie den Grund an, warum die Vermittlung {x.Status!.Value.German()} wurde.")
            .FreeText("Grund", ReferralProgress.NoteMaxLength);
    }
}

/// <summary>Sets (or with null clears) the follow-up date of a referral (Wiedervorlage).</summary>
public sealed class FollowUpInput
{
    public DateOnly? FollowUpOn { get; set; }
}

public sealed class FollowUpInputValidator : AbstractValidator<FollowUpInput>
{
    public FollowUpInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.FollowUpOn).FollowUpRules(clock);
    }
}

internal static class FollowUpRuleExtensions
{
    public const int MaxYearsAhead = 2;

    public static IRuleBuilderOptions<T, DateOnly?> FollowUpRules<T>(this IRuleBuilderInitial<T, DateOnly?> rule, TimeProvider clock) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(date => date is null || date >= ReferralInputValidator.Today(clock)).WithMessage("Die Wiedervorlage darf nicht in der Vergangenheit liegen.")
            .Must(date => date is null || date <= ReferralInputValidator.Today(clock).AddYears(MaxYearsAhead))
            .WithMessage($"Die Wiedervorlage darf höchstens {MaxYearsAhead} Jahre im Voraus liegen.");
}
