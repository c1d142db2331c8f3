using CaseManagement.Domain.Referrals;
using CaseManagement.Infrastructure.Persistence;

namespace CaseManagement.Application.Reports;

/// <summary>A waiting referral as the reports read it (init properties, so that EF can see through the projection).</summary>
internal sealed class WaitingReferral
{
    public Guid ClientId { get; init; }

    public Guid PartnerId { get; init; }

    public int PartnerType { get; init; }

    public int Days { get; init; }
}

/// <summary>
/// The one definition of each referral figure of the reports, for a period from
/// <c>first</c> to <c>last</c>: which referrals belong to it, where each stood at its end, which are
/// revolving doors and how long the hand-over took. The steering report and the needs analysis both
/// count these queries, so a figure they share is the same figure (same records, same cell key).
/// </summary>
internal static class ReferralFigures
{
    /// <summary>Referrals proposed in the period.</summary>
    public static IQueryable<Referral> OfPeriod(CaseManagementDbContext db, DateOnly first, DateOnly last) =>
        db.Referrals.Where(r => r.Progress.ProposedOn >= first && r.Progress.ProposedOn <= last);

    /// <summary>Referrals of the period: row the partner type, column the status reached by the period's end (by the dates of the steps).</summary>
    public static IQueryable<ReportEvent> ByTypeAndStatus(CaseManagementDbContext db, DateOnly first, DateOnly last) =>
        OfPeriod(db, first, last)
            .Select(r => new ReportEvent
            {
                Person = r.ClientId,
                Key = r.ReportKey,
                Row = (int)r.PartnerType,
                Column = r.Progress.CompletedOn != null && r.Progress.CompletedOn <= last ? (int)ReferralStatus.Completed
                    : r.Progress.DroppedOutOn != null && r.Progress.DroppedOutOn <= last ? (int)ReferralStatus.DroppedOut
                    : r.Progress.DeclinedOn != null && r.Progress.DeclinedOn <= last ? (int)ReferralStatus.Declined
                    : r.Progress.AdmittedOn != null && r.Progress.AdmittedOn <= last ? (int)ReferralStatus.Admitted
                    : r.Progress.AppointmentAgreedOn != null && r.Progress.AppointmentAgreedOn <= last ? (int)ReferralStatus.AppointmentAgreed
                    : r.Progress.RequestedOn != null && r.Progress.RequestedOn <= last ? (int)ReferralStatus.Requested
                    : (int)ReferralStatus.Proposed,
            });

    /// <summary>
    /// Revolving door (<see cref="RevolvingDoor"/>): referrals of the period with an earlier referral of
    /// the same client to the same kind of service (never "other"), started before this one and at most
    /// 12 months before, that had reached the partner by the end of the period. Row the partner type.
    /// </summary>
    public static IQueryable<ReportEvent> RevolvingDoors(CaseManagementDbContext db, DateOnly first, DateOnly last)
    {
        // The earlier referral's window, as bounds of the period: implied by the conditions on the pair,
        // but stated so that the database reads only these months of referrals.
        var earliestEarlier = first.AddMonths(-RevolvingDoor.WindowMonths);
        return OfPeriod(db, first, last)
            .Where(r => r.PartnerType != PartnerType.Other
                && db.Referrals.Any(earlier => earlier.ClientId == r.ClientId
                    && earlier.PartnerType == r.PartnerType
                    && earlier.Progress.ProposedOn >= earliestEarlier && earlier.Progress.ProposedOn <= last
                    && earlier.Progress.RequestedOn != null && earlier.Progress.RequestedOn <= last
                    && earlier.Progress.ProposedOn < r.Progress.ProposedOn
                    && earlier.Progress.ProposedOn >= r.Progress.ProposedOn.AddMonths(-RevolvingDoor.WindowMonths)))
            .Select(r => new ReportEvent { Row = (int)r.PartnerType, Column = 0, Person = r.ClientId, Key = r.ReportKey });
    }

    /// <summary>
    /// Waiting days at the hand-over as <see cref="ReferralProgress.WaitingDays"/> defines them: from the
    /// request to the admission, or to the period's end while still waiting; failed hand-overs have none.
    /// </summary>
    public static IQueryable<WaitingReferral> Waiting(CaseManagementDbContext db, DateOnly first, DateOnly last)
    {
        var endDay = last.DayNumber;
        return OfPeriod(db, first, last)
            .Where(r => r.Progress.RequestedOn != null && r.Progress.RequestedOn <= last)
            .Where(r => (r.Progress.AdmittedOn != null && r.Progress.AdmittedOn <= last)
                || !((r.Progress.DeclinedOn != null && r.Progress.DeclinedOn <= last) || (r.Progress.DroppedOutOn != null && r.Progress.DroppedOutOn <= last)))
            .Select(r => new WaitingReferral
            {
                ClientId = r.ClientId,
                PartnerId = r.PartnerId,
                PartnerType = (int)r.PartnerType,
                Days = (r.Progress.AdmittedOn != null && r.Progress.AdmittedOn <= last ? r.Progress.AdmittedOn.Value.DayNumber : endDay) - r.Progress.RequestedOn!.Value.DayNumber,
            });
    }
}
