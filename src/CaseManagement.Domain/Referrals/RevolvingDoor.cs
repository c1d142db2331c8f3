namespace CaseManagement.Domain.Referrals;

/// <summary>An earlier referral of the same client, as far as revolving-door detection cares.</summary>
/// <param name="StartedOn">The day it was proposed (its start).</param>
/// <param name="ReachedPartner">Whether the partner was ever asked (status Requested or later, whatever came after).</param>
public sealed record EarlierReferral(Guid Id, PartnerType PartnerType, DateOnly StartedOn, bool ReachedPartner)
{
    public static EarlierReferral From(Guid id, PartnerType partnerType, ReferralProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return new(id, partnerType, progress.ProposedOn, progress.ReachedPartner);
    }
}

/// <summary>
/// Marks a possible revolving door (Drehtüreffekt): the client is referred again to the same kind
/// of service within 12 months. It is a hint for the caseworker and a figure for planning, not a
/// verdict.
/// </summary>
/// <remarks>
/// An earlier referral counts when it has the same <see cref="PartnerType"/>, started strictly
/// before the new one's start and no more than 12 calendar months before it (exactly 12 months
/// counts), and reached the partner (was requested). Its end does not matter: a completed one
/// (help again within a year), a dropped-out one (the classic revolving door) and one the partner
/// declined (friction at the hand-over) all count, as does one still running. One the client
/// declined at the proposal, before the partner was asked, does not: the client never went
/// through that door. <see cref="PartnerType.Other"/> is never compared: two "other" services are
/// not the same kind of service.
/// </remarks>
public static class RevolvingDoor
{
    public const int WindowMonths = 12;

    /// <summary>The earlier referrals that make the new one a possible revolving door, oldest first.</summary>
    /// <param name="clientsReferrals">The same client's referrals; the new one itself may be among them (same start, so it never counts).</param>
    public static IReadOnlyList<EarlierReferral> Find(PartnerType partnerType, DateOnly startedOn, IEnumerable<EarlierReferral> clientsReferrals)
    {
        ArgumentNullException.ThrowIfNull(clientsReferrals);
        if (partnerType == PartnerType.Other)
        {
            return [];
        }

        var windowStart = startedOn.AddMonths(-WindowMonths);
        return clientsReferrals
            .Where(r => r.PartnerType == partnerType && r.ReachedPartner)
            .Where(r => r.StartedOn < startedOn && r.StartedOn >= windowStart)
            .OrderBy(r => r.StartedOn)
            .ToList();
    }

    public static bool IsPossible(PartnerType partnerType, DateOnly startedOn, IEnumerable<EarlierReferral> clientsReferrals) =>
        Find(partnerType, startedOn, clientsReferrals).Count > 0;
}
