using CaseManagement.Domain.Referrals;

namespace CaseManagement.Domain.Tests;

public class ReferralWaitingAndRevolvingDoorTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    private static ReferralProgress Proposed(DateOnly on) => ReferralProgress.Propose(on, Today);

    [Fact]
    public void Waiting_runs_from_the_request_to_the_admission()
    {
        var referral = Proposed(new DateOnly(2026, 3, 1));
        referral.Record(ReferralStatus.Requested, new DateOnly(2026, 3, 10), Today);
        referral.Record(ReferralStatus.AppointmentAgreed, new DateOnly(2026, 3, 20), Today);
        referral.Record(ReferralStatus.Admitted, new DateOnly(2026, 4, 9), Today);

        Assert.Equal(30, referral.WaitingDays(Today));
        Assert.False(referral.IsWaiting);
    }

    [Fact]
    public void The_waiting_time_stays_fixed_after_admission_whatever_follows()
    {
        var completed = ReferralProgressTests.Reached(ReferralStatus.Completed);
        var droppedOut = ReferralProgressTests.Reached(ReferralStatus.DroppedOut);

        // Both were requested 50 and admitted 30 days before Today.
        Assert.Equal(20, completed.WaitingDays(Today));
        Assert.Equal(20, completed.WaitingDays(Today.AddYears(1)));
        Assert.Equal(20, droppedOut.WaitingDays(Today));
    }

    [Fact]
    public void While_still_waiting_it_runs_to_today()
    {
        var referral = Proposed(Today.AddDays(-20));
        referral.Record(ReferralStatus.Requested, Today.AddDays(-14), Today);
        Assert.True(referral.IsWaiting);
        Assert.Equal(14, referral.WaitingDays(Today));
        Assert.Equal(15, referral.WaitingDays(Today.AddDays(1)));

        referral.Record(ReferralStatus.AppointmentAgreed, Today.AddDays(-2), Today);
        Assert.True(referral.IsWaiting);
        Assert.Equal(14, referral.WaitingDays(Today));
    }

    [Fact]
    public void Admission_on_the_day_of_the_request_is_no_waiting()
    {
        var referral = Proposed(Today);
        referral.Record(
            [new(ReferralStatus.Requested, Today), new(ReferralStatus.AppointmentAgreed, Today), new(ReferralStatus.Admitted, Today)], Today);
        Assert.Equal(0, referral.WaitingDays(Today));
    }

    [Fact]
    public void Waiting_counts_calendar_days_across_a_leap_day()
    {
        var referral = ReferralProgress.Propose(new DateOnly(2028, 2, 1), new DateOnly(2028, 12, 31));
        referral.Record(
            [new(ReferralStatus.Requested, new DateOnly(2028, 2, 28)), new(ReferralStatus.AppointmentAgreed, new DateOnly(2028, 3, 1)),
             new(ReferralStatus.Admitted, new DateOnly(2028, 3, 27))],
            new DateOnly(2028, 12, 31));
        Assert.Equal(28, referral.WaitingDays(new DateOnly(2028, 12, 31)));
    }

    [Fact]
    public void No_waiting_time_before_the_partner_is_asked_or_when_the_hand_over_failed()
    {
        Assert.Null(Proposed(Today.AddDays(-5)).WaitingDays(Today));
        Assert.Null(ReferralProgressTests.Reached(ReferralStatus.Declined).WaitingDays(Today));

        var droppedBeforeAdmission = Proposed(Today.AddDays(-30));
        droppedBeforeAdmission.Record(
            [new(ReferralStatus.Requested, Today.AddDays(-20)), new(ReferralStatus.DroppedOut, Today.AddDays(-5))], Today, "Kontakt abgebrochen");
        Assert.Null(droppedBeforeAdmission.WaitingDays(Today));
        Assert.False(droppedBeforeAdmission.IsWaiting);
    }

    private static EarlierReferral Earlier(PartnerType type, DateOnly startedOn, bool reachedPartner = true) =>
        new(Guid.NewGuid(), type, startedOn, reachedPartner);

    [Fact]
    public void The_same_kind_of_service_within_twelve_months_is_a_possible_revolving_door()
    {
        var earlier = Earlier(PartnerType.InpatientRehabClinic, new DateOnly(2025, 9, 1));
        var found = RevolvingDoor.Find(PartnerType.InpatientRehabClinic, Today, [earlier]);
        Assert.Same(earlier, Assert.Single(found));
        Assert.True(RevolvingDoor.IsPossible(PartnerType.InpatientRehabClinic, Today, [earlier]));
    }

    [Fact]
    public void Exactly_twelve_months_earlier_counts_a_day_more_does_not()
    {
        Assert.True(RevolvingDoor.IsPossible(PartnerType.SubstitutionPractice, Today, [Earlier(PartnerType.SubstitutionPractice, new DateOnly(2025, 6, 15))]));
        Assert.False(RevolvingDoor.IsPossible(PartnerType.SubstitutionPractice, Today, [Earlier(PartnerType.SubstitutionPractice, new DateOnly(2025, 6, 14))]));
    }

    [Fact]
    public void From_a_leap_day_the_window_reaches_back_to_28_February()
    {
        var leapDay = new DateOnly(2028, 2, 29);
        Assert.True(RevolvingDoor.IsPossible(PartnerType.OutpatientRehab, leapDay, [Earlier(PartnerType.OutpatientRehab, new DateOnly(2027, 2, 28))]));
        Assert.False(RevolvingDoor.IsPossible(PartnerType.OutpatientRehab, leapDay, [Earlier(PartnerType.OutpatientRehab, new DateOnly(2027, 2, 27))]));
    }

    [Fact]
    public void Another_kind_of_service_does_not_count()
    {
        Assert.Empty(RevolvingDoor.Find(PartnerType.OutpatientRehab, Today, [Earlier(PartnerType.InpatientRehabClinic, Today.AddMonths(-2))]));
    }

    [Fact]
    public void Only_strictly_earlier_referrals_count_so_the_new_one_never_finds_itself()
    {
        var self = Earlier(PartnerType.DebtCounselling, Today);
        var later = Earlier(PartnerType.DebtCounselling, Today.AddDays(1));
        Assert.Empty(RevolvingDoor.Find(PartnerType.DebtCounselling, Today, [self, later]));
    }

    [Fact]
    public void Completed_declined_and_dropped_out_ones_count_when_the_partner_was_asked()
    {
        var history = new[] { ReferralStatus.Completed, ReferralStatus.Declined, ReferralStatus.DroppedOut, ReferralStatus.Admitted }
            .Select(s => EarlierReferral.From(Guid.NewGuid(), PartnerType.InpatientRehabClinic, ReferralProgressTests.Reached(s)))
            .ToList();

        // Reached(...) starts 60 days before 15 June 2026; the new referral starts 10 months later.
        var found = RevolvingDoor.Find(PartnerType.InpatientRehabClinic, Today.AddMonths(10), history);

        Assert.Equal(4, found.Count);
    }

    [Fact]
    public void A_suggestion_the_client_declined_before_the_partner_was_asked_does_not_count()
    {
        var declinedAtProposal = ReferralProgress.Propose(Today.AddMonths(-3), Today);
        declinedAtProposal.Record(ReferralStatus.Declined, Today.AddMonths(-3), Today, "Klient möchte (noch) nicht");
        var stillProposed = ReferralProgress.Propose(Today.AddMonths(-1), Today);

        var history = new[]
        {
            EarlierReferral.From(Guid.NewGuid(), PartnerType.HomelessHelp, declinedAtProposal),
            EarlierReferral.From(Guid.NewGuid(), PartnerType.HomelessHelp, stillProposed),
        };

        Assert.All(history, h => Assert.False(h.ReachedPartner));
        Assert.Empty(RevolvingDoor.Find(PartnerType.HomelessHelp, Today, history));
    }

    [Fact]
    public void Other_services_are_never_compared_with_each_other()
    {
        Assert.Empty(RevolvingDoor.Find(PartnerType.Other, Today, [Earlier(PartnerType.Other, Today.AddMonths(-1))]));
    }

    [Fact]
    public void Several_earlier_ones_are_listed_oldest_first()
    {
        var a = Earlier(PartnerType.SubstitutionPractice, Today.AddMonths(-2));
        var b = Earlier(PartnerType.SubstitutionPractice, Today.AddMonths(-11));
        var old = Earlier(PartnerType.SubstitutionPractice, Today.AddMonths(-13));
        Assert.Equal([b, a], RevolvingDoor.Find(PartnerType.SubstitutionPractice, Today, [a, old, b]));
    }
}
