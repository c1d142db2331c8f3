using CaseManagement.Domain.Staff;

namespace CaseManagement.Domain.Appointments;

/// <summary>A staff member taking part in an appointment, with the organisation they work for.</summary>
public sealed record AppointmentParticipant(string StaffId, Organisation Organisation);

/// <summary>What is planned: the facts the rules of <see cref="AppointmentRules.Check"/> look at.</summary>
/// <param name="Place">Where (Ort); required for outreach.</param>
/// <param name="AccompanimentTarget">To whom the client is accompanied (authority, practice, clinic); required for accompaniments.</param>
public sealed record AppointmentPlan(
    AppointmentType Type,
    DateTimeOffset Start,
    TimeSpan Duration,
    IReadOnlyList<AppointmentParticipant> Participants,
    string? Place = null,
    string? AccompanimentTarget = null);

/// <summary>Which rule a problem breaks, so callers and tests need not compare German texts.</summary>
public enum AppointmentRule
{
    DurationOutOfRange = 1,
    NoParticipant = 2,
    ParticipantListedTwice = 3,
    JointCounsellingNeedsBothOrganisations = 4,
    OrganisationDoesNotMatchType = 5,
    PlaceRequired = 6,
    AccompanimentTargetRequired = 7,
    CancelledByRequired = 8,
    CancelledByOnlyWhenCancelled = 9,
    OutcomeBeforeStart = 10,
    NoteTooLong = 11,
}

/// <summary>One broken rule, with the German text the form shows.</summary>
public sealed record AppointmentProblem(AppointmentRule Rule, string Message);

/// <summary>
/// The rules every appointment (Termin) keeps, whoever enters it. Checks return all problems at
/// once, so a form can show them together; an empty list means the appointment may be saved.
/// </summary>
/// <remarks>
/// Decisions: a joint counselling needs at least one participant of each organisation; a
/// Jobcenter-only or Drogenhilfe-only appointment has participants of that organisation only;
/// outreach, accompaniment and crisis intervention may be done by staff of either side (or
/// both). Outreach needs a place, an accompaniment needs its target. A duration is more than zero
/// and at most a day (a whole-day accompaniment to a clinic is the longest one seen).
/// </remarks>
public static class AppointmentRules
{
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(24);

    /// <summary>A short note (Kurznotiz) on the outcome; longer texts belong in the case's notes.</summary>
    public const int NoteMaxLength = 500;

    /// <summary>Outreach contacts happen somewhere outside the offices: where is required.</summary>
    public static bool RequiresPlace(AppointmentType type) => type == AppointmentType.Outreach;

    /// <summary>An accompaniment goes to an authority or a practice: which one is required.</summary>
    public static bool RequiresAccompanimentTarget(AppointmentType type) => type == AppointmentType.Accompaniment;

    /// <summary>Longest place or accompaniment target.</summary>
    public const int PlaceMaxLength = 200;

    /// <summary>
    /// A contact without a client record (anonym): only street outreach and crisis intervention
    /// meet people who do not (yet) give their name. Such a contact counts in the statistics and
    /// carries no personal data: no client, no note.
    /// </summary>
    public static bool MayBeAnonymous(AppointmentType type) => type is AppointmentType.Outreach or AppointmentType.CrisisIntervention;

    /// <summary>The end of a half-open interval [start, start + duration).</summary>
    public static DateTimeOffset EndOf(DateTimeOffset start, TimeSpan duration) => start + duration;

    public static IReadOnlyList<AppointmentProblem> Check(AppointmentPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var problems = new List<AppointmentProblem>();

        if (plan.Duration <= TimeSpan.Zero || plan.Duration > MaxDuration)
        {
            problems.Add(new(AppointmentRule.DurationOutOfRange, "Die Dauer muss mehr als 0 Minuten und höchstens 24 Stunden betragen."));
        }

        var participants = plan.Participants ?? [];
        if (participants.Count == 0)
        {
            problems.Add(new(AppointmentRule.NoParticipant, "Bitte mindestens eine Mitarbeiterin oder einen Mitarbeiter eintragen."));
        }

        if (participants.GroupBy(p => p.StaffId, StringComparer.Ordinal).Any(g => g.Count() > 1))
        {
            problems.Add(new(AppointmentRule.ParticipantListedTwice, "Eine Person ist doppelt als Teilnehmende eingetragen."));
        }

        var hasJobcenter = participants.Any(p => p.Organisation == Organisation.Jobcenter);
        var hasDrugHelp = participants.Any(p => p.Organisation == Organisation.DrugHelpService);
        switch (plan.Type)
        {
            case AppointmentType.JointCounselling when participants.Count > 0 && !(hasJobcenter && hasDrugHelp):
                problems.Add(new(AppointmentRule.JointCounsellingNeedsBothOrganisations,
                    "Eine gemeinsame Beratung braucht Teilnehmende aus Jobcenter und Drogenhilfe."));
                break;
            case AppointmentType.JobcenterOnly when hasDrugHelp:
                problems.Add(new(AppointmentRule.OrganisationDoesNotMatchType,
                    "Bei einer Beratung nur durch das Jobcenter nehmen keine Fachkräfte der Drogenhilfe teil – dann bitte „Gemeinsame Beratung“ wählen."));
                break;
            case AppointmentType.DrugHelpOnly when hasJobcenter:
                problems.Add(new(AppointmentRule.OrganisationDoesNotMatchType,
                    "Bei einer Beratung nur durch die Drogenhilfe nehmen keine Fallmanager:innen des Jobcenters teil – dann bitte „Gemeinsame Beratung“ wählen."));
                break;
            default:
                break;
        }

        if (RequiresPlace(plan.Type) && string.IsNullOrWhiteSpace(plan.Place))
        {
            problems.Add(new(AppointmentRule.PlaceRequired, "Bei einem aufsuchenden Kontakt bitte den Ort angeben."));
        }

        if (RequiresAccompanimentTarget(plan.Type) && string.IsNullOrWhiteSpace(plan.AccompanimentTarget))
        {
            problems.Add(new(AppointmentRule.AccompanimentTargetRequired,
                "Bei einer Begleitung bitte angeben, wohin (Behörde, Praxis, Klinik) begleitet wird."));
        }

        return problems;
    }

    /// <summary>
    /// Checks a recorded outcome: a cancellation says by whom (and only a cancellation does);
    /// "attended" and "no-show" can only be recorded once the appointment has begun; the note is short.
    /// </summary>
    public static IReadOnlyList<AppointmentProblem> CheckOutcome(
        DateTimeOffset start, AppointmentOutcome outcome, CancelledBy? cancelledBy, string? note, DateTimeOffset now)
    {
        var problems = new List<AppointmentProblem>();
        if (outcome == AppointmentOutcome.Cancelled && cancelledBy is null)
        {
            problems.Add(new(AppointmentRule.CancelledByRequired, "Bitte angeben, wer den Termin abgesagt hat."));
        }

        if (outcome != AppointmentOutcome.Cancelled && cancelledBy is not null)
        {
            problems.Add(new(AppointmentRule.CancelledByOnlyWhenCancelled, "„Abgesagt von“ gilt nur für abgesagte Termine."));
        }

        if ((outcome is AppointmentOutcome.Attended or AppointmentOutcome.NoShow) && start > now)
        {
            problems.Add(new(AppointmentRule.OutcomeBeforeStart,
                "Ein Termin, der noch nicht begonnen hat, kann nicht als wahrgenommen oder nicht erschienen erfasst werden."));
        }

        if (note is { Length: > NoteMaxLength })
        {
            problems.Add(new(AppointmentRule.NoteTooLong, $"Die Kurznotiz darf höchstens {NoteMaxLength} Zeichen lang sein."));
        }

        return problems;
    }
}
