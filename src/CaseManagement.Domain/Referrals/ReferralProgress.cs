
namespace CaseManagement.Domain.Referrals;

/// <summary>One step of a referral and the day it happened.</summary>
public sealed record ReferralStep(ReferralStatus Status, DateOnly On);

/// <summary>What a refused progress entry is about, so that forms can put the message next to the right field.</summary>
public enum ReferralProblemKind
{
    NoStep = 1,
    AlreadyFinal = 2,

    /// <summary>The step at <see cref="ReferralProblem.StepIndex"/> may not follow the one before.</summary>
    MoveNotAllowed = 3,

    /// <summary>The date of the step at <see cref="ReferralProblem.StepIndex"/> lies before the date of the step before.</summary>
    DateBeforePrevious = 4,

    /// <summary>The date of the step at <see cref="ReferralProblem.StepIndex"/> lies after today.</summary>
    DateInFuture = 5,

    /// <summary>Declined or dropped out without a reason.</summary>
    ReasonMissing = 6,

    /// <summary>A text on a step that takes none.</summary>
    NoteNotAllowed = 7,

    NoteTooLong = 8,
}

/// <summary>Why a progress entry is refused (German <see cref="Message"/>), and which of the given steps it concerns (-1: none in particular).</summary>
public sealed record ReferralProblem(ReferralProblemKind Kind, string Message, int StepIndex = -1)
{
    public bool ConcernsNote => Kind is ReferralProblemKind.ReasonMissing or ReferralProblemKind.NoteNotAllowed or ReferralProblemKind.NoteTooLong;

    public bool ConcernsDate => Kind is ReferralProblemKind.DateBeforePrevious or ReferralProblemKind.DateInFuture;
}

/// <summary>
/// How far a referral (Vermittlung) to a partner service has come, with the date of every step,
/// the reason when it failed, the outcome when it was completed, and a follow-up date.
/// </summary>
/// <remarks>
/// <para>Allowed moves (each to the next step only):</para>
/// <list type="bullet">
/// <item>Proposed → Requested, or Declined (the client says no to the suggestion);</item>
/// <item>Requested → AppointmentAgreed, Declined (the partner or the client says no) or DroppedOut (contact broken off);</item>
/// <item>AppointmentAgreed → Admitted, Declined or DroppedOut (e.g. the client did not come to the intake);</item>
/// <item>Admitted → Completed or DroppedOut;</item>
/// <item>Completed, Declined and DroppedOut are final: nothing follows them.</item>
/// </list>
/// <para>
/// Skipped steps: caseworkers often enter a referral after the fact ("admitted last week; asked
/// in March, intake in April"). So a move further along the regular path is accepted when the
/// dates of the steps in between are given in the same call (<see cref="Record(IReadOnlyList{ReferralStep}, DateOnly, string?)"/>);
/// without them it is refused with a message naming the missing steps. A step that happened on
/// the same day as the one before (admitted straight at the intake) gets the same date. This keeps
/// the waiting time at the hand-over computable for every referral.
/// </para>
/// <para>
/// Every step has a date; dates never go backwards (the same day is fine) and never lie after
/// today. Declined and DroppedOut need a reason; Completed may carry an outcome; other steps take
/// no text. A refused move changes nothing.
/// </para>
/// </remarks>
public sealed class ReferralProgress
{
    /// <summary>Longest reason or outcome text.</summary>
    public const int NoteMaxLength = 1000;

    private static readonly ReferralStatus[] RegularPath =
    [
        ReferralStatus.Proposed, ReferralStatus.Requested, ReferralStatus.AppointmentAgreed,
        ReferralStatus.Admitted, ReferralStatus.Completed,
    ];

    private ReferralProgress(DateOnly proposedOn)
    {
        Status = ReferralStatus.Proposed;
        ProposedOn = proposedOn;
    }

    public ReferralStatus Status { get; private set; }

    public DateOnly ProposedOn { get; private set; }

    public DateOnly? RequestedOn { get; private set; }

    public DateOnly? AppointmentAgreedOn { get; private set; }

    public DateOnly? AdmittedOn { get; private set; }

    public DateOnly? CompletedOn { get; private set; }

    public DateOnly? DeclinedOn { get; private set; }

    public DateOnly? DroppedOutOn { get; private set; }

    /// <summary>Why it failed (Grund), for Declined and DroppedOut.</summary>
    public string? FailureReason { get; private set; }

    /// <summary>The outcome (Ergebnis) noted at completion, if any.</summary>
    public string? Outcome { get; private set; }

    /// <summary>Wiedervorlage: when the caseworker wants to look at this referral again.</summary>
    public DateOnly? FollowUpOn { get; private set; }

    public bool IsFinal => IsFinalStatus(Status);

    /// <summary>Whether the partner has been asked: the hand-over has begun.</summary>
    public bool ReachedPartner => RequestedOn is not null;

    /// <summary>Whether the client is waiting at the hand-over: the partner was asked, admission has not happened and nothing ended it.</summary>
    public bool IsWaiting => Status is ReferralStatus.Requested or ReferralStatus.AppointmentAgreed;

    /// <summary>The date of the last recorded step.</summary>
    public DateOnly CurrentStepOn => DateOf(Status) ?? ProposedOn;

    /// <summary>A new referral, proposed on <paramref name="proposedOn"/> (not after today).</summary>
    public static ReferralProgress Propose(DateOnly proposedOn, DateOnly today)
    {
        if (proposedOn > today)
        {
            throw new ArgumentOutOfRangeException(nameof(proposedOn), "Das Datum des Vorschlags liegt in der Zukunft.");
        }

        return new ReferralProgress(proposedOn);
    }

    public static bool IsFinalStatus(ReferralStatus status) =>
        status is ReferralStatus.Completed or ReferralStatus.Declined or ReferralStatus.DroppedOut;

    /// <summary>The statuses that may directly follow <paramref name="from"/>.</summary>
    public static IReadOnlyList<ReferralStatus> NextAllowed(ReferralStatus from) => from switch
    {
        ReferralStatus.Proposed => [ReferralStatus.Requested, ReferralStatus.Declined],
        ReferralStatus.Requested => [ReferralStatus.AppointmentAgreed, ReferralStatus.Declined, ReferralStatus.DroppedOut],
        ReferralStatus.AppointmentAgreed => [ReferralStatus.Admitted, ReferralStatus.Declined, ReferralStatus.DroppedOut],
        ReferralStatus.Admitted => [ReferralStatus.Completed, ReferralStatus.DroppedOut],
        _ => [],
    };

    public DateOnly? DateOf(ReferralStatus status) => status switch
    {
        ReferralStatus.Proposed => ProposedOn,
        ReferralStatus.Requested => RequestedOn,
        ReferralStatus.AppointmentAgreed => AppointmentAgreedOn,
        ReferralStatus.Admitted => AdmittedOn,
        ReferralStatus.Completed => CompletedOn,
        ReferralStatus.Declined => DeclinedOn,
        ReferralStatus.DroppedOut => DroppedOutOn,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>All recorded steps in order, starting with the proposal.</summary>
    public IReadOnlyList<ReferralStep> Steps =>
        Enum.GetValues<ReferralStatus>()
            .Select(s => (Status: s, On: DateOf(s)))
            .Where(x => x.On is not null)
            .Select(x => new ReferralStep(x.Status, x.On!.Value))
            .ToList();

    /// <summary>Records one step; see <see cref="Record(IReadOnlyList{ReferralStep}, DateOnly, string?)"/>.</summary>
    public void Record(ReferralStatus status, DateOnly on, DateOnly today, string? note = null) =>
        Record([new ReferralStep(status, on)], today, note);

    /// <summary>
    /// Records one or more consecutive steps at once (e.g. requested, appointment agreed and admitted
    /// when entered afterwards). <paramref name="note"/> is the reason for Declined/DroppedOut
    /// (required) or the outcome for Completed (optional). Throws <see cref="InvalidOperationException"/>
    /// with a German message when the move is not allowed; nothing changes then.
    /// </summary>
    public void Record(IReadOnlyList<ReferralStep> steps, DateOnly today, string? note = null)
    {
        var problem = ProblemWith(steps, today, note);
        if (problem is not null)
        {
            throw new InvalidOperationException(problem);
        }

        foreach (var step in steps)
        {
            SetDate(step.Status, step.On);
            Status = step.Status;
        }

        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (Status is ReferralStatus.Declined or ReferralStatus.DroppedOut)
        {
            FailureReason = text;
        }
        else if (Status == ReferralStatus.Completed)
        {
            Outcome = text;
        }
    }

    /// <summary>Why <see cref="Record(IReadOnlyList{ReferralStep}, DateOnly, string?)"/> would refuse these steps (German), or null when it would accept them.</summary>
    public string? ProblemWith(IReadOnlyList<ReferralStep> steps, DateOnly today, string? note) => FindProblem(steps, today, note)?.Message;

    /// <summary>
    /// Like <see cref="ProblemWith"/>, but also says what the problem concerns (the move, the date of
    /// which step, the text), so that a form can show the message next to the right field.
    /// </summary>
    public ReferralProblem? FindProblem(IReadOnlyList<ReferralStep> steps, DateOnly today, string? note)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count == 0)
        {
            return new(ReferralProblemKind.NoStep, "Es wurde kein Schritt angegeben.");
        }

        if (IsFinal)
        {
            return new(ReferralProblemKind.AlreadyFinal, $"Die Vermittlung ist bereits „{Status.German()}“; danach folgt kein Schritt mehr.");
        }

        var previous = Status;
        var previousOn = CurrentStepOn;
        for (var index = 0; index < steps.Count; index++)
        {
            var step = steps[index];
            if (!NextAllowed(previous).Contains(step.Status))
            {
                return new(ReferralProblemKind.MoveNotAllowed, MoveNotAllowed(previous, step.Status), index);
            }

            if (step.On < previousOn)
            {
                return new(ReferralProblemKind.DateBeforePrevious,
                    $"Das Datum für „{step.Status.German()}“ ({Format(step.On)}) liegt vor dem Datum für „{previous.German()}“ ({Format(previousOn)}).", index);
            }

            if (step.On > today)
            {
                return new(ReferralProblemKind.DateInFuture, $"Das Datum für „{step.Status.German()}“ ({Format(step.On)}) liegt in der Zukunft.", index);
            }

            previous = step.Status;
            previousOn = step.On;
        }

        var hasNote = !string.IsNullOrWhiteSpace(note);
        if ((previous is ReferralStatus.Declined or ReferralStatus.DroppedOut) && !hasNote)
        {
            return new(ReferralProblemKind.ReasonMissing, $"Bitte den Grund angeben, warum die Vermittlung {previous.German()} wurde.");
        }

        if (previous is not (ReferralStatus.Declined or ReferralStatus.DroppedOut or ReferralStatus.Completed) && hasNote)
        {
            return new(ReferralProblemKind.NoteNotAllowed, "Ein Grund oder Ergebnis wird nur beim Abschluss, bei Ablehnung oder bei Abbruch erfasst.");
        }

        if (note is { Length: > NoteMaxLength })
        {
            return new(ReferralProblemKind.NoteTooLong, $"Der Text darf höchstens {NoteMaxLength} Zeichen lang sein.");
        }

        return null;
    }

    /// <summary>
    /// The statuses to record, in order, to get from <paramref name="from"/> to <paramref name="to"/>:
    /// the target itself when it may directly follow, otherwise the steps of the regular path in
    /// between and then the target (e.g. Proposed → Admitted: Requested, AppointmentAgreed, Admitted;
    /// Proposed → DroppedOut: Requested, DroppedOut, because only a requested referral can be broken
    /// off). Empty when <paramref name="to"/> cannot be reached from <paramref name="from"/> (backwards,
    /// the same status, after a final status, or Declined after admission).
    /// </summary>
    public static IReadOnlyList<ReferralStatus> PathTo(ReferralStatus from, ReferralStatus to)
    {
        var fromIndex = Array.IndexOf(RegularPath, from);
        if (fromIndex < 0 || IsFinalStatus(from) || !Enum.IsDefined(to))
        {
            return [];
        }

        // Walk the regular path forward until the target may follow directly.
        for (var index = fromIndex; index < RegularPath.Length; index++)
        {
            if (NextAllowed(RegularPath[index]).Contains(to))
            {
                return [.. RegularPath[(fromIndex + 1)..(index + 1)], to];
            }
        }

        return [];
    }

    /// <summary>Every status that can be recorded next from <paramref name="from"/>, directly or with the steps in between: the regular path first, then the endings.</summary>
    public static IReadOnlyList<ReferralStatus> ReachableFrom(ReferralStatus from) =>
        [.. Enum.GetValues<ReferralStatus>().Where(to => PathTo(from, to).Count > 0)];

    /// <summary>Sets or clears (null) the follow-up date (Wiedervorlage); it may not lie in the past. Allowed in every status, also after the end.</summary>
    public void SetFollowUp(DateOnly? on, DateOnly today)
    {
        if (on is { } date && date < today)
        {
            throw new ArgumentOutOfRangeException(nameof(on), "Die Wiedervorlage darf nicht in der Vergangenheit liegen.");
        }

        FollowUpOn = on;
    }

    public bool IsFollowUpDue(DateOnly today) => FollowUpOn is { } on && on <= today;

    /// <summary>
    /// Waiting time at the hand-over, in calendar days: from the day the partner was asked
    /// (Requested) to the day of admission (Admitted); while the client is still waiting
    /// (Requested or AppointmentAgreed) to <paramref name="today"/>. Null when the partner was
    /// never asked, or when the hand-over ended without admission (declined, or dropped out before
    /// admission): such referrals count as failed hand-overs, not as short waits. Admission on the
    /// day of the request is 0 days.
    /// </summary>
    public int? WaitingDays(DateOnly today)
    {
        if (RequestedOn is not { } requested)
        {
            return null;
        }

        if (AdmittedOn is { } admitted)
        {
            return admitted.DayNumber - requested.DayNumber;
        }

        return IsWaiting ? Math.Max(0, today.DayNumber - requested.DayNumber) : null;
    }

    private static string MoveNotAllowed(ReferralStatus from, ReferralStatus to)
    {
        var fromIndex = Array.IndexOf(RegularPath, from);
        var toIndex = Array.IndexOf(RegularPath, to);
        if (fromIndex >= 0 && toIndex > fromIndex + 1)
        {
            var missing = string.Join(", ", RegularPath[(fromIndex + 1)..toIndex].Select(s => $"„{s.German()}“"));
            return $"Vor „{to.German()}“ fehlen die Daten für {missing}. Schritte werden nicht übersprungen; "
                + "fanden sie am selben Tag statt, bitte dasselbe Datum angeben.";
        }

        return $"Von „{from.German()}“ kann nicht zu „{to.German()}“ gewechselt werden.";
    }

    private static string Format(DateOnly date) => GermanCalendar.Format(date);

    private void SetDate(ReferralStatus status, DateOnly on)
    {
        switch (status)
        {
            case ReferralStatus.Requested: RequestedOn = on; break;
            case ReferralStatus.AppointmentAgreed: AppointmentAgreedOn = on; break;
            case ReferralStatus.Admitted: AdmittedOn = on; break;
            case ReferralStatus.Completed: CompletedOn = on; break;
            case ReferralStatus.Declined: DeclinedOn = on; break;
            case ReferralStatus.DroppedOut: DroppedOutOn = on; break;
            default: throw new ArgumentOutOfRangeException(nameof(status), status, null);
        }
    }
}
