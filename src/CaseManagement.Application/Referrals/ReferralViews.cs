using CaseManagement.Application.Clients;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Staff;

namespace CaseManagement.Application.Referrals;

/// <summary>The counselling texts of a referral; only ever loaded for readers of the holder organisation.</summary>
public sealed record ReferralTexts(string Reason, string? FailureReason, string? Outcome);

/// <summary>An earlier referral that makes this one a possible revolving door.</summary>
public sealed record EarlierReferralView(Guid Id, string PartnerName, PartnerType PartnerType, DateOnly StartedOn, ReferralStatus Status);

/// <summary>
/// One referral as a particular reader may see it: the facts of participation, and
/// <see cref="Texts"/> only when the reader belongs to the holder organisation (null otherwise,
/// with nothing that hints at it). The revolving-door hint is computed over the referrals this
/// reader may read, never over the other side's hidden ones.
/// </summary>
public sealed record ReferralRow(
    Guid Id,
    Guid PartnerId,
    string PartnerName,
    PartnerType PartnerType,
    Organisation Holder,
    ReferralStatus Status,
    DateOnly StatusOn,
    DateOnly ProposedOn,
    int? WaitingDays,
    bool IsWaiting,
    bool ReachedPartner,
    DateOnly? FollowUpOn,
    bool FollowUpDue,
    IReadOnlyList<EarlierReferralView> RevolvingDoor,
    ReferralTexts? Texts,
    string? PlanStepText,
    bool MayWrite)
{
    public bool IsFinal => ReferralProgress.IsFinalStatus(Status);

    public bool IsPossibleRevolvingDoor => RevolvingDoor.Count > 0;

    public EarlierReferral AsEarlier => new(Id, PartnerType, ProposedOn, ReachedPartner);
}

/// <summary>
/// A client's referrals for one reader. <see cref="MayRead"/> is false (and the list empty) when the
/// reader may know of the client but read no referral of either organisation.
/// <see cref="OtherSideVisible"/> says whether a consent lets the other organisation's referrals
/// through to this reader; it says nothing about whether there are any.
/// </summary>
public sealed record ClientReferrals(
    Guid ClientId,
    string CaseNumber,
    string? ClientName,
    Organisation ReaderOrganisation,
    bool MayRead,
    bool MayCreate,
    bool OtherSideVisible,
    IReadOnlyList<ReferralRow> Referrals);

/// <summary>One referral with its timeline, partner contact and what the reader may record next.</summary>
public sealed record ReferralDetail(
    Guid ClientId,
    string CaseNumber,
    string? ClientName,
    ReferralRow Referral,
    PartnerView Partner,
    IReadOnlyList<ReferralStep> Steps,
    IReadOnlyList<ReferralStatus> NextTargets,
    string CreatedByName,
    DateTimeOffset CreatedAt,
    string ChangedByName,
    DateTimeOffset ChangedAt,
    uint Token);

/// <summary>A step of the client's current help plan that a referral can carry out.</summary>
public sealed record PlanStepOption(
    Guid Key, string Description, string GoalText, PlanArea Area, StepParty Responsible, string? PartnerName, StepStatus Status)
{
    public bool IsPartnerStep => Responsible == StepParty.Partner;
}

/// <summary>The caseworker's home panel: referrals whose follow-up date has come.</summary>
public sealed record ReferralFollowUps(IReadOnlyList<OverviewCase> Due);
