using CaseManagement.Domain.Staff;

namespace CaseManagement.Infrastructure.Persistence.Workload;

// Glossary: Fortschreibung → review (of the help plan); Vermittlung → referral.

/// <summary>
/// What the team lead's figures count of one client without a date: open episodes and draft plans,
/// with the client's owning organisation and the people responsible on each side. A row exists
/// only while one of the counts is above zero.
/// <para>
/// Kept by database triggers, not by the application: every insert, update or delete of
/// <c>Clients</c> (responsibility, owner), <c>Episodes</c>, <c>HelpPlans</c>, <c>PlanGoals</c>,
/// <c>PlanSteps</c> and <c>Referrals</c> recomputes the rows of the client it touches from those
/// tables, in the same transaction, whichever way it is written (EF, ExecuteUpdate, plain SQL).
/// Nothing is added or subtracted, so the rows cannot drift (migration <c>WorkloadSummary</c>).
/// What depends on the day (due dates) and on consents is decided when the figures are read.
/// </para>
/// </summary>
public sealed class ClientWorkload
{
    public Guid ClientId { get; set; }

    public Organisation OwningOrganisation { get; set; }

    public string? CaseManagerId { get; set; }

    public string? DrugHelpWorkerId { get; set; }

    /// <summary>Episodes without an end.</summary>
    public int OpenEpisodes { get; set; }

    /// <summary>Help-plan versions in draft.</summary>
    public int DraftPlans { get; set; }
}

/// <summary>The dated items a figure counts once their day has passed.</summary>
public enum WorkloadDeadlineKind
{
    /// <summary>The review date of a plan in force; the item is the plan.</summary>
    Review = 1,

    /// <summary>The due date of an open step (planned, in progress) of a plan in force; the item is the step.</summary>
    Step = 2,

    /// <summary>The request date of a referral waiting at the hand-over (requested, appointment agreed); the item is the referral.</summary>
    Referral = 3,
}

/// <summary>
/// One dated item of a client (see <see cref="WorkloadDeadlineKind"/>) with the client's owner and
/// responsible people, kept by the same triggers as <see cref="ClientWorkload"/>; whether its day
/// has passed is compared when the figures are read, so nothing needs a daily job.
/// </summary>
public sealed class WorkloadDeadline
{
    public Guid ItemId { get; set; }

    public WorkloadDeadlineKind Kind { get; set; }

    public Guid ClientId { get; set; }

    public DateOnly On { get; set; }

    /// <summary>A referral's holder; null for plans and steps (held jointly, read under the plan rule).</summary>
    public Organisation? HolderOrganisation { get; set; }

    public Organisation OwningOrganisation { get; set; }

    public string? CaseManagerId { get; set; }

    public string? DrugHelpWorkerId { get; set; }
}
