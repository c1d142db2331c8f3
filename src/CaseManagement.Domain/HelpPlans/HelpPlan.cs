using CaseManagement.Domain.Access;
using CaseManagement.Domain.Concurrency;
using CaseManagement.Domain.Staff;

namespace CaseManagement.Domain.HelpPlans;

/// <summary>Who agreed to a version: the caseworkers of both organisations and the client, on one date.</summary>
/// <param name="ByCaseManager">The responsible Fallmanager:in agreed.</param>
/// <param name="ByDrugHelpWorker">The responsible Fachkraft Drogenhilfe agreed.</param>
/// <param name="ByClient">The client agreed (signed).</param>
public sealed record PlanAgreement(DateOnly AgreedOn, bool ByCaseManager, bool ByDrugHelpWorker, bool ByClient);

/// <summary>The responsible caseworkers at the time of agreement; an organisation with nobody responsible need not agree.</summary>
public sealed record AgreementParties(string? CaseManagerName, string? DrugHelpWorkerName);

/// <summary>
/// One version of a client's joint help plan (Hilfeplan). Lifecycle: a draft is agreed by the
/// caseworkers and the client; a review (Fortschreibung) copies the agreed version into a new draft,
/// and agreeing that draft supersedes the old version, which stays readable; an agreed plan can be
/// closed. Only drafts change their contents; on an agreed plan the caseworkers record progress
/// (step status and notes).
/// </summary>
public class HelpPlan : IRowVersioned
{
    public const int MaxGoals = 60;
    public const int MaxStepsPerGoal = 30;

    /// <summary>An agreement signed on paper may be entered late, but not months later.</summary>
    public const int MaxAgreementBacklogDays = 90;

    public Guid Id { get; set; }

    public Guid ClientId { get; set; }

    /// <summary>1, 2, 3 …: every review creates the next version.</summary>
    public int Version { get; set; }

    public HelpPlanStatus Status { get; set; } = HelpPlanStatus.Draft;

    public string IntegrationGoal { get; set; } = "";

    /// <summary>Zielberufe / angestrebte Tätigkeiten (Kooperationsplan).</summary>
    public string? TargetJobs { get; set; }

    /// <summary>Eigenbemühungen of the client.</summary>
    public string? OwnEfforts { get; set; }

    /// <summary>How the client shows the efforts (Nachweis).</summary>
    public string? OwnEffortsEvidence { get; set; }

    public DateOnly? NextReviewOn { get; set; }

    public DateOnly? AgreedOn { get; set; }

    /// <summary>Name of the Fallmanager:in who agreed; null when the Jobcenter had nobody responsible.</summary>
    public string? AgreedByCaseManager { get; set; }

    /// <summary>Name of the Fachkraft Drogenhilfe who agreed; null when the Drogenhilfe had nobody responsible.</summary>
    public string? AgreedByDrugHelpWorker { get; set; }

    public bool AgreedByClient { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public string ChangedById { get; set; } = "";

    public string ChangedByName { get; set; } = "";

    public Organisation ChangedByOrganisation { get; set; }

    /// <summary>Optimistic concurrency: PostgreSQL's xmin; on SQLite a counter raised on every save.</summary>
    public uint RowVersion { get; set; }

    public List<PlanGoal> Goals { get; set; } = [];

    public bool IsDraft => Status == HelpPlanStatus.Draft;

    /// <summary>Progress (step status, notes) is recorded on the draft and on the plan in force.</summary>
    public bool AcceptsProgress => Status is HelpPlanStatus.Draft or HelpPlanStatus.Agreed;

    public IEnumerable<PlanStep> Steps => Goals.SelectMany(g => g.Steps);

    public static HelpPlan Start(Guid clientId, int version, StaffMember author, DateTimeOffset now)
    {
        var plan = new HelpPlan { Id = Guid.NewGuid(), ClientId = clientId, Version = version, CreatedAt = now };
        plan.Touch(author, now);
        return plan;
    }

    /// <summary>Every save marks the version as changed, so its concurrency token moves even when only goals or steps changed.</summary>
    public void Touch(StaffMember author, DateTimeOffset now)
    {
        ChangedAt = now;
        ChangedById = author.Id;
        ChangedByName = author.DisplayName;
        ChangedByOrganisation = author.Organisation;
    }

    /// <summary>Why this version cannot be agreed as it stands (German, for the user), or null when it can.</summary>
    public string? WhyNotAgreeable(PlanAgreement agreement, AgreementParties parties, DateOnly today)
    {
        if (!IsDraft)
        {
            return "Nur ein Entwurf kann vereinbart werden.";
        }

        if (agreement.AgreedOn > today)
        {
            return "Das Datum der Vereinbarung darf nicht in der Zukunft liegen.";
        }

        if (agreement.AgreedOn < today.AddDays(-MaxAgreementBacklogDays))
        {
            return $"Das Datum der Vereinbarung darf höchstens {MaxAgreementBacklogDays} Tage zurückliegen.";
        }

        if (parties.CaseManagerName is not null && !agreement.ByCaseManager)
        {
            return "Bitte bestätigen Sie die Zustimmung der Fallmanagerin bzw. des Fallmanagers.";
        }

        if (parties.DrugHelpWorkerName is not null && !agreement.ByDrugHelpWorker)
        {
            return "Bitte bestätigen Sie die Zustimmung der Fachkraft der Drogenhilfe.";
        }

        if (!agreement.ByClient)
        {
            return "Ohne Zustimmung der Klientin bzw. des Klienten kann der Plan nicht vereinbart werden.";
        }

        if (string.IsNullOrWhiteSpace(IntegrationGoal))
        {
            return "Vor der Vereinbarung braucht der Plan ein Integrationsziel.";
        }

        if (Goals.Count == 0 || Goals.Any(g => g.Steps.Count == 0))
        {
            return "Vor der Vereinbarung braucht der Plan mindestens ein Ziel, und jedes Ziel mindestens einen Schritt.";
        }

        if (NextReviewOn is not { } review || review <= agreement.AgreedOn)
        {
            return "Vor der Vereinbarung braucht der Plan einen Termin für die nächste Überprüfung nach dem Vereinbarungsdatum.";
        }

        return null;
    }

    public void Agree(PlanAgreement agreement, AgreementParties parties, DateOnly today, StaffMember author, DateTimeOffset now)
    {
        if (WhyNotAgreeable(agreement, parties, today) is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        Status = HelpPlanStatus.Agreed;
        AgreedOn = agreement.AgreedOn;
        AgreedByCaseManager = parties.CaseManagerName;
        AgreedByDrugHelpWorker = parties.DrugHelpWorkerName;
        AgreedByClient = true;
        Touch(author, now);
    }

    /// <summary>Fortschreibung: the next version as a draft with this version's contents; this one stays in force until that is agreed.</summary>
    public HelpPlan StartReview(StaffMember author, DateTimeOffset now)
    {
        if (Status != HelpPlanStatus.Agreed)
        {
            throw new InvalidOperationException("Nur der geltende, vereinbarte Plan kann fortgeschrieben werden.");
        }

        var next = Start(ClientId, Version + 1, author, now);
        next.IntegrationGoal = IntegrationGoal;
        next.TargetJobs = TargetJobs;
        next.OwnEfforts = OwnEfforts;
        next.OwnEffortsEvidence = OwnEffortsEvidence;
        next.NextReviewOn = NextReviewOn;
        next.Goals = [.. Goals.OrderBy(g => g.Position).Select(g => CopyOf(g, next.Id))];
        return next;
    }

    /// <summary>Called when a later version is agreed.</summary>
    public void Supersede()
    {
        if (Status != HelpPlanStatus.Agreed)
        {
            throw new InvalidOperationException("Nur ein vereinbarter Plan kann durch eine Fortschreibung abgelöst werden.");
        }

        Status = HelpPlanStatus.Superseded;
    }

    public string? WhyNotClosable(DateOnly closedOn, DateOnly today) =>
        Status != HelpPlanStatus.Agreed ? "Nur der geltende, vereinbarte Plan kann abgeschlossen werden."
        : closedOn > today ? "Das Abschlussdatum darf nicht in der Zukunft liegen."
        : closedOn < AgreedOn ? "Das Abschlussdatum darf nicht vor der Vereinbarung liegen."
        : null;

    public void Close(DateOnly closedOn, DateOnly today, StaffMember author, DateTimeOffset now)
    {
        if (WhyNotClosable(closedOn, today) is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        Status = HelpPlanStatus.Closed;
        ClosedOn = closedOn;
        Touch(author, now);
    }

    /// <summary>The review is due within <paramref name="days"/> days of <paramref name="today"/> (or overdue).</summary>
    public bool ReviewDueWithin(DateOnly today, int days) =>
        Status == HelpPlanStatus.Agreed && NextReviewOn is { } review && review <= today.AddDays(days);

    private static PlanGoal CopyOf(PlanGoal goal, Guid planId)
    {
        var copy = new PlanGoal { Id = Guid.NewGuid(), PlanId = planId, Key = goal.Key, Area = goal.Area, Position = goal.Position, Text = goal.Text, ReportKey = goal.ReportKey };
        copy.Steps = [.. goal.Steps.OrderBy(s => s.Position).Select(s => new PlanStep
        {
            Id = Guid.NewGuid(), GoalId = copy.Id, Key = s.Key, Position = s.Position, Description = s.Description,
            Responsible = s.Responsible, PartnerName = s.PartnerName, DueOn = s.DueOn, Status = s.Status,
            JobcenterNote = s.JobcenterNote, JobcenterNoteIsJoint = s.JobcenterNoteIsJoint, DrugHelpNote = s.DrugHelpNote, DrugHelpNoteIsJoint = s.DrugHelpNoteIsJoint,
        })];
        return copy;
    }
}

/// <summary>Rules across the versions of one client's plan.</summary>
public static class HelpPlanVersions
{
    /// <summary>A new plan can begin when there is none yet or the last one was closed.</summary>
    public static bool MayStartNewPlan(IReadOnlyCollection<HelpPlanStatus> statuses) =>
        statuses.Count == 0 || statuses.All(s => s is HelpPlanStatus.Closed or HelpPlanStatus.Superseded) && statuses.Contains(HelpPlanStatus.Closed);

    /// <summary>A review may start from the plan in force while no other draft is open.</summary>
    public static bool MayStartReview(IReadOnlyCollection<HelpPlanStatus> statuses) =>
        statuses.Contains(HelpPlanStatus.Agreed) && !statuses.Contains(HelpPlanStatus.Draft);

    public static int NextVersionNumber(IEnumerable<int> versions) => versions.DefaultIfEmpty(0).Max() + 1;
}
