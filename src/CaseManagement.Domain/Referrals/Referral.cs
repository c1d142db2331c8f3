using CaseManagement.Domain.Access;
using CaseManagement.Domain.Concurrency;
using CaseManagement.Domain.Staff;

namespace CaseManagement.Domain.Referrals;

/// <summary>
/// A referral (Vermittlung) of a client to a partner service, from the case or from a step of the
/// help plan. The record is held by the organisation that made it (<see cref="HolderOrganisation"/>,
/// category <see cref="DataCategory.Referrals"/>): the other side sees the facts (partner, status,
/// dates) only while a consent covers referrals in that direction. The texts (reason, why it
/// failed, outcome) are counselling content and never leave the holder organisation.
/// </summary>
public class Referral : IRowVersioned
{
    public const int ReasonMaxLength = 1000;

    public Guid Id { get; set; }

    /// <summary>Record key of the steering report's cell-key method: random, drawn once, never shown (<see cref="Reports.ReportKeys"/>).</summary>
    public int ReportKey { get; set; } = Reports.ReportKeys.New();

    public Guid ClientId { get; set; }

    public Guid PartnerId { get; set; }

    /// <summary>The partner's type when the referral was made, so figures and revolving-door hints do not change when the directory does.</summary>
    public PartnerType PartnerType { get; set; }

    /// <summary>Anlass / Ziel der Vermittlung.</summary>
    public string Reason { get; set; } = "";

    /// <summary>
    /// The help-plan step this referral carries out, by the step's <c>Key</c>: step rows are replaced
    /// when a draft is saved and copied into each new version, the key stays.
    /// </summary>
    public Guid? PlanStepKey { get; set; }

    public Organisation HolderOrganisation { get; set; }

    public string CreatedById { get; set; } = "";

    public string CreatedByName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public string ChangedByName { get; set; } = "";

    public ReferralProgress Progress { get; set; } = null!;

    public uint RowVersion { get; set; }

    public static Referral Propose(
        Guid clientId, Partner partner, string reason, Guid? planStepKey, DateOnly proposedOn, DateOnly today, StaffMember actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(partner);
        ArgumentNullException.ThrowIfNull(actor);
        if (partner.IsArchived)
        {
            throw new InvalidOperationException("Dieser Netzwerkpartner ist archiviert und nimmt keine neuen Vermittlungen an.");
        }

        return new Referral
        {
            Id = Guid.NewGuid(),
            ClientId = clientId,
            PartnerId = partner.Id,
            PartnerType = partner.Type,
            Reason = reason.Trim(),
            PlanStepKey = planStepKey,
            HolderOrganisation = actor.Organisation,
            CreatedById = actor.Id,
            CreatedByName = actor.DisplayName,
            CreatedAt = now,
            ChangedAt = now,
            ChangedByName = actor.DisplayName,
            Progress = ReferralProgress.Propose(proposedOn, today),
        };
    }

    public EarlierReferral AsEarlier => EarlierReferral.From(Id, PartnerType, Progress);

    /// <summary>Marks the referral itself as changed, so that a change of its progress alone still checks and moves the row version.</summary>
    public void Touch(StaffMember actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ChangedAt = now;
        ChangedByName = actor.DisplayName;
    }
}
