using CaseManagement.Domain.Referrals;

namespace CaseManagement.Domain.Tests;

public class ReferralProgressTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    private static ReferralProgress ProposedDaysAgo(int days) => ReferralProgress.Propose(Today.AddDays(-days), Today);

    private static ReferralStep Step(ReferralStatus status, int daysAgo) => new(status, Today.AddDays(-daysAgo));

    [Fact]
    public void The_regular_path_records_the_date_of_every_step()
    {
        var referral = ProposedDaysAgo(60);

        referral.Record(ReferralStatus.Requested, Today.AddDays(-50), Today);
        referral.Record(ReferralStatus.AppointmentAgreed, Today.AddDays(-40), Today);
        referral.Record(ReferralStatus.Admitted, Today.AddDays(-20), Today);
        referral.Record(ReferralStatus.Completed, Today, Today, "Regulär beendet, Nachsorge vereinbart");

        Assert.Equal(ReferralStatus.Completed, referral.Status);
        Assert.True(referral.IsFinal);
        Assert.Equal(
            [Step(ReferralStatus.Proposed, 60), Step(ReferralStatus.Requested, 50), Step(ReferralStatus.AppointmentAgreed, 40),
             Step(ReferralStatus.Admitted, 20), Step(ReferralStatus.Completed, 0)],
            referral.Steps);
        Assert.Equal("Regulär beendet, Nachsorge vereinbart", referral.Outcome);
        Assert.Null(referral.FailureReason);
    }

    [Fact]
    public void A_jump_from_proposed_to_completed_without_the_dates_in_between_is_refused()
    {
        var referral = ProposedDaysAgo(60);

        var error = Assert.Throws<InvalidOperationException>(() => referral.Record(ReferralStatus.Completed, Today, Today));

        Assert.Contains("„angefragt“, „Termin vereinbart“, „aufgenommen“", error.Message, StringComparison.Ordinal);
        Assert.Equal(ReferralStatus.Proposed, referral.Status);
        Assert.Null(referral.CompletedOn);
    }

    [Fact]
    public void A_jump_with_some_but_not_all_dates_in_between_is_refused_and_changes_nothing()
    {
        var referral = ProposedDaysAgo(60);

        var error = Assert.Throws<InvalidOperationException>(() => referral.Record(
            [Step(ReferralStatus.Requested, 50), Step(ReferralStatus.Admitted, 20)], Today));

        Assert.Contains("„Termin vereinbart“", error.Message, StringComparison.Ordinal);
        Assert.Equal(ReferralStatus.Proposed, referral.Status);
        Assert.Null(referral.RequestedOn);
    }

    [Fact]
    public void A_referral_entered_afterwards_records_all_skipped_steps_at_once()
    {
        var referral = ProposedDaysAgo(60);

        referral.Record([Step(ReferralStatus.Requested, 50), Step(ReferralStatus.AppointmentAgreed, 40), Step(ReferralStatus.Admitted, 40)], Today);

        Assert.Equal(ReferralStatus.Admitted, referral.Status);
        Assert.Equal(Today.AddDays(-50), referral.RequestedOn);
        Assert.Equal(Today.AddDays(-40), referral.AppointmentAgreedOn);
        Assert.Equal(Today.AddDays(-40), referral.AdmittedOn);
    }

    [Fact]
    public void Steps_given_out_of_order_are_refused()
    {
        var referral = ProposedDaysAgo(60);
        Assert.Throws<InvalidOperationException>(() => referral.Record(
            [Step(ReferralStatus.AppointmentAgreed, 40), Step(ReferralStatus.Requested, 50)], Today));
        Assert.Equal(ReferralStatus.Proposed, referral.Status);
    }

    [Fact]
    public void Dates_must_not_go_backwards_but_may_repeat_the_same_day()
    {
        var referral = ProposedDaysAgo(30);

        var error = Assert.Throws<InvalidOperationException>(() => referral.Record(ReferralStatus.Requested, Today.AddDays(-31), Today));
        Assert.Contains("liegt vor", error.Message, StringComparison.Ordinal);
        Assert.Null(referral.RequestedOn);

        referral.Record(ReferralStatus.Requested, Today.AddDays(-30), Today);
        Assert.Throws<InvalidOperationException>(() => referral.Record(
            [Step(ReferralStatus.AppointmentAgreed, 10), Step(ReferralStatus.Admitted, 11)], Today));
        Assert.Equal(ReferralStatus.Requested, referral.Status);
        Assert.Null(referral.AppointmentAgreedOn);
    }

    [Fact]
    public void Dates_in_the_future_are_refused()
    {
        var referral = ProposedDaysAgo(3);
        var error = Assert.Throws<InvalidOperationException>(() => referral.Record(ReferralStatus.Requested, Today.AddDays(1), Today));
        Assert.Contains("Zukunft", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => ReferralProgress.Propose(Today.AddDays(1), Today));
    }

    [Theory]
    [InlineData(ReferralStatus.Admitted, ReferralStatus.Requested)]
    [InlineData(ReferralStatus.Admitted, ReferralStatus.Declined)]
    [InlineData(ReferralStatus.AppointmentAgreed, ReferralStatus.AppointmentAgreed)]
    [InlineData(ReferralStatus.Requested, ReferralStatus.Proposed)]
    public void Backward_moves_repeats_and_a_decline_after_admission_are_refused(ReferralStatus reached, ReferralStatus next)
    {
        var referral = Reached(reached);
        var error = Assert.Throws<InvalidOperationException>(() => referral.Record(next, Today, Today, "Grund"));
        Assert.Contains("kann nicht", error.Message, StringComparison.Ordinal);
        Assert.Equal(reached, referral.Status);
    }

    [Theory]
    [InlineData(ReferralStatus.Completed)]
    [InlineData(ReferralStatus.Declined)]
    [InlineData(ReferralStatus.DroppedOut)]
    public void Final_states_are_final(ReferralStatus final)
    {
        var referral = Reached(final);
        foreach (var next in Enum.GetValues<ReferralStatus>())
        {
            var error = Assert.Throws<InvalidOperationException>(() => referral.Record(next, Today, Today, "Grund"));
            Assert.Contains("bereits", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(final, referral.Status);
        Assert.Empty(ReferralProgress.NextAllowed(final));
    }

    [Fact]
    public void The_allowed_moves_are_exactly_these()
    {
        Assert.Equal([ReferralStatus.Requested, ReferralStatus.Declined], ReferralProgress.NextAllowed(ReferralStatus.Proposed));
        Assert.Equal([ReferralStatus.AppointmentAgreed, ReferralStatus.Declined, ReferralStatus.DroppedOut], ReferralProgress.NextAllowed(ReferralStatus.Requested));
        Assert.Equal([ReferralStatus.Admitted, ReferralStatus.Declined, ReferralStatus.DroppedOut], ReferralProgress.NextAllowed(ReferralStatus.AppointmentAgreed));
        Assert.Equal([ReferralStatus.Completed, ReferralStatus.DroppedOut], ReferralProgress.NextAllowed(ReferralStatus.Admitted));
    }

    [Theory]
    [InlineData(ReferralStatus.Proposed, ReferralStatus.Declined)]
    [InlineData(ReferralStatus.Requested, ReferralStatus.Declined)]
    [InlineData(ReferralStatus.AppointmentAgreed, ReferralStatus.Declined)]
    [InlineData(ReferralStatus.Requested, ReferralStatus.DroppedOut)]
    [InlineData(ReferralStatus.AppointmentAgreed, ReferralStatus.DroppedOut)]
    [InlineData(ReferralStatus.Admitted, ReferralStatus.DroppedOut)]
    public void Declining_and_dropping_out_need_a_reason(ReferralStatus reached, ReferralStatus failure)
    {
        var referral = Reached(reached);

        foreach (var blank in new[] { null, "", "  \n" })
        {
            var error = Assert.Throws<InvalidOperationException>(() => referral.Record(failure, Today, Today, blank));
            Assert.Contains("Grund", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(reached, referral.Status);

        referral.Record(failure, Today, Today, "  Kein Therapieplatz frei; Warteliste geschlossen  ");
        Assert.Equal(failure, referral.Status);
        Assert.Equal(Today, referral.DateOf(failure));
        Assert.Equal("Kein Therapieplatz frei; Warteliste geschlossen", referral.FailureReason);
        Assert.Null(referral.Outcome);
    }

    [Fact]
    public void Dropping_out_right_after_the_proposal_is_not_a_move_declining_is()
    {
        var referral = ProposedDaysAgo(5);
        Assert.Throws<InvalidOperationException>(() => referral.Record(ReferralStatus.DroppedOut, Today, Today, "weg"));
        referral.Record(ReferralStatus.Declined, Today, Today, "Klient möchte keine Schuldnerberatung");
        Assert.Equal(ReferralStatus.Declined, referral.Status);
    }

    [Fact]
    public void A_failure_may_come_with_the_skipped_steps_before_it()
    {
        var referral = ProposedDaysAgo(30);
        referral.Record([Step(ReferralStatus.Requested, 25), Step(ReferralStatus.Declined, 10)], Today, "Klinik: keine Kostenzusage");
        Assert.Equal(ReferralStatus.Declined, referral.Status);
        Assert.Equal(Today.AddDays(-25), referral.RequestedOn);
        Assert.Equal(Today.AddDays(-10), referral.DeclinedOn);
    }

    [Fact]
    public void Intermediate_steps_take_no_text_and_completion_needs_none()
    {
        var referral = ProposedDaysAgo(30);
        Assert.Throws<InvalidOperationException>(() => referral.Record(ReferralStatus.Requested, Today, Today, "Notiz"));
        Assert.Null(referral.RequestedOn);

        var completed = Reached(ReferralStatus.Completed);
        Assert.Null(completed.Outcome);
    }

    [Fact]
    public void Overlong_reasons_are_refused()
    {
        var referral = Reached(ReferralStatus.Requested);
        Assert.Throws<InvalidOperationException>(() => referral.Record(ReferralStatus.Declined, Today, Today, new string('x', ReferralProgress.NoteMaxLength + 1)));
        referral.Record(ReferralStatus.Declined, Today, Today, new string('x', ReferralProgress.NoteMaxLength));
        Assert.Equal(ReferralStatus.Declined, referral.Status);
    }

    [Fact]
    public void ProblemWith_says_why_without_changing_anything()
    {
        var referral = ProposedDaysAgo(10);
        Assert.Null(referral.ProblemWith([Step(ReferralStatus.Requested, 5)], Today, null));
        Assert.NotNull(referral.ProblemWith([Step(ReferralStatus.Admitted, 5)], Today, null));
        Assert.NotNull(referral.ProblemWith([], Today, null));
        Assert.Equal(ReferralStatus.Proposed, referral.Status);
    }

    [Fact]
    public void The_follow_up_date_is_not_in_the_past_and_becomes_due_on_its_day()
    {
        var referral = Reached(ReferralStatus.Completed);
        Assert.Throws<ArgumentOutOfRangeException>(() => referral.SetFollowUp(Today.AddDays(-1), Today));

        referral.SetFollowUp(Today.AddDays(90), Today);
        Assert.Equal(Today.AddDays(90), referral.FollowUpOn);
        Assert.False(referral.IsFollowUpDue(Today.AddDays(89)));
        Assert.True(referral.IsFollowUpDue(Today.AddDays(90)));
        Assert.True(referral.IsFollowUpDue(Today.AddDays(120)));

        referral.SetFollowUp(null, Today);
        Assert.False(referral.IsFollowUpDue(Today.AddDays(120)));
    }

    [Fact]
    public void Every_partner_type_and_status_has_a_distinct_German_label()
    {
        var partnerLabels = Enum.GetValues<PartnerType>().Select(t => t.German()).ToList();
        Assert.Equal(12, partnerLabels.Count);
        Assert.Equal(12, partnerLabels.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("Schuldnerberatung", PartnerType.DebtCounselling.German());
        Assert.Equal("Jugendberufsagentur", PartnerType.YouthEmploymentAgency.German());

        var statusLabels = Enum.GetValues<ReferralStatus>().Select(s => s.German()).ToList();
        Assert.Equal(7, statusLabels.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("Termin vereinbart", ReferralStatus.AppointmentAgreed.German());
    }

    /// <summary>A referral proposed 60 days ago that has reached <paramref name="status"/> along the shortest allowed path.</summary>
    internal static ReferralProgress Reached(ReferralStatus status)
    {
        var referral = ProposedDaysAgo(60);
        ReferralStep[] path = status switch
        {
            ReferralStatus.Proposed => [],
            ReferralStatus.Requested => [Step(ReferralStatus.Requested, 50)],
            ReferralStatus.AppointmentAgreed => [Step(ReferralStatus.Requested, 50), Step(ReferralStatus.AppointmentAgreed, 40)],
            ReferralStatus.Admitted => [Step(ReferralStatus.Requested, 50), Step(ReferralStatus.AppointmentAgreed, 40), Step(ReferralStatus.Admitted, 30)],
            ReferralStatus.Completed => [Step(ReferralStatus.Requested, 50), Step(ReferralStatus.AppointmentAgreed, 40), Step(ReferralStatus.Admitted, 30), Step(ReferralStatus.Completed, 5)],
            ReferralStatus.Declined => [Step(ReferralStatus.Requested, 50), Step(ReferralStatus.Declined, 45)],
            ReferralStatus.DroppedOut => [Step(ReferralStatus.Requested, 50), Step(ReferralStatus.AppointmentAgreed, 40), Step(ReferralStatus.Admitted, 30), Step(ReferralStatus.DroppedOut, 10)],
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
        if (path.Length > 0)
        {
            referral.Record(path, Today, ReferralProgress.IsFinalStatus(status) && status != ReferralStatus.Completed ? "Grund" : null);
        }

        Assert.Equal(status, referral.Status);
        return referral;
    }
}
