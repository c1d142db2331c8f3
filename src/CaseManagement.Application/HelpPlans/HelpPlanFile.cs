using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Staff;

namespace CaseManagement.Application.HelpPlans;

public sealed record PlanVersionSummary(Guid Id, int Version, HelpPlanStatus Status, DateOnly? AgreedOn, DateOnly? ClosedOn, DateTimeOffset ChangedAt);

/// <summary>One version as the page shows it; <see cref="Token"/> is what a save must carry (optimistic concurrency).</summary>
public sealed record PlanVersionView(
    Guid Id,
    int Version,
    HelpPlanStatus Status,
    HelpPlanInput Content,
    DateOnly? AgreedOn,
    string? AgreedByCaseManager,
    string? AgreedByDrugHelpWorker,
    bool AgreedByClient,
    DateOnly? ClosedOn,
    DateTimeOffset ChangedAt,
    string ChangedByName,
    Organisation ChangedByOrganisation,
    uint Token);

/// <summary>
/// A client's help plan for one reader: the versions, the one shown, and what the reader may do.
/// When the reader may know of the client but the consent does not cover the plan,
/// <see cref="MayRead"/> is false and nothing of the plan is loaded.
/// </summary>
public sealed record HelpPlanFile(
    Guid ClientId,
    string CaseNumber,
    string? ClientName,
    Organisation Holder,
    bool MayRead,
    bool MayWrite,
    bool MayPrint,
    AgreementParties Parties,
    IReadOnlyList<PlanVersionSummary> Versions,
    PlanVersionView? Shown)
{
    private IReadOnlyCollection<HelpPlanStatus> Statuses => [.. Versions.Select(v => v.Status)];

    public bool MayStartNewPlan => MayWrite && HelpPlanVersions.MayStartNewPlan(Statuses);

    public bool MayStartReview => MayWrite && HelpPlanVersions.MayStartReview(Statuses);
}
