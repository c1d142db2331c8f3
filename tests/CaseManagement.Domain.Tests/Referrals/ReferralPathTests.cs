using CaseManagement.Domain.Referrals;
using static CaseManagement.Domain.Referrals.ReferralStatus;

namespace CaseManagement.Domain.Tests.Referrals;

/// <summary>Which statuses a progress entry must record to reach a target, and that the recording rules agree.</summary>
public class ReferralPathTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    public static TheoryData<ReferralStatus, ReferralStatus, ReferralStatus[]> Paths => new()
    {
        { Proposed, Requested, [Requested] },
        { Proposed, AppointmentAgreed, [Requested, AppointmentAgreed] },
        { Proposed, Admitted, [Requested, AppointmentAgreed, Admitted] },
        { Proposed, Completed, [Requested, AppointmentAgreed, Admitted, Completed] },
        { Proposed, Declined, [Declined] },
        { Proposed, DroppedOut, [Requested, DroppedOut] },
        { Requested, Admitted, [AppointmentAgreed, Admitted] },
        { Requested, Declined, [Declined] },
        { Requested, DroppedOut, [DroppedOut] },
        { AppointmentAgreed, Completed, [Admitted, Completed] },
        { Admitted, Completed, [Completed] },
        { Admitted, DroppedOut, [DroppedOut] },
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public void The_path_lists_the_skipped_steps_of_the_regular_path_and_ends_with_the_target(ReferralStatus from, ReferralStatus to, ReferralStatus[] expected)
    {
        Assert.Equal(expected, ReferralProgress.PathTo(from, to));
    }

    public static TheoryData<ReferralStatus, ReferralStatus> Unreachable => new()
    {
        { Proposed, Proposed },
        { Requested, Proposed },
        { Admitted, Requested },
        { Admitted, Declined },
        { Completed, DroppedOut },
        { Declined, Requested },
        { DroppedOut, Completed },
        { Proposed, (ReferralStatus)99 },
    };

    [Theory]
    [MemberData(nameof(Unreachable))]
    public void Backwards_the_same_status_after_the_end_or_declined_after_admission_cannot_be_reached(ReferralStatus from, ReferralStatus to)
    {
        Assert.Empty(ReferralProgress.PathTo(from, to));
    }

    [Fact]
    public void Reachable_targets_are_offered_in_the_order_of_the_regular_path_then_the_endings()
    {
        Assert.Equal([Requested, AppointmentAgreed, Admitted, Completed, Declined, DroppedOut], ReferralProgress.ReachableFrom(Proposed));
        Assert.Equal([Completed, DroppedOut], ReferralProgress.ReachableFrom(Admitted));
        Assert.Empty(ReferralProgress.ReachableFrom(Completed));
    }

    /// <summary>For every pair of statuses: the path is exactly what the recording rules accept.</summary>
    [Fact]
    public void Recording_the_path_with_dates_is_accepted_and_the_target_alone_only_when_it_follows_directly()
    {
        foreach (var from in Enum.GetValues<ReferralStatus>())
        {
            foreach (var to in Enum.GetValues<ReferralStatus>())
            {
                var path = ReferralProgress.PathTo(from, to);
                var note = to is Declined or DroppedOut ? "Grund" : null;

                var alone = ReferralAt(from);
                Assert.Equal(
                    ReferralProgress.NextAllowed(from).Contains(to),
                    alone.ProblemWith([new ReferralStep(to, Today)], Today, note) is null);

                if (path.Count == 0)
                {
                    continue;
                }

                var referral = ReferralAt(from);
                referral.Record([.. path.Select(s => new ReferralStep(s, Today))], Today, note);
                Assert.Equal(to, referral.Status);
                Assert.All(path, s => Assert.Equal(Today, referral.DateOf(s)));
            }
        }
    }

    [Fact]
    public void A_refused_entry_names_the_step_whose_date_is_wrong()
    {
        var referral = ReferralAt(Proposed);

        var problem = referral.FindProblem(
            [new ReferralStep(Requested, Today.AddDays(-5)), new ReferralStep(AppointmentAgreed, Today.AddDays(-9)), new ReferralStep(Admitted, Today)], Today, null);

        Assert.NotNull(problem);
        Assert.Equal(ReferralProblemKind.DateBeforePrevious, problem.Kind);
        Assert.Equal(1, problem.StepIndex);
        Assert.True(problem.ConcernsDate);
        Assert.StartsWith("Das Datum für „Termin vereinbart“", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_reason_concerns_the_text_not_a_step()
    {
        var problem = ReferralAt(Requested).FindProblem([new ReferralStep(DroppedOut, Today)], Today, "  ");

        Assert.NotNull(problem);
        Assert.Equal(ReferralProblemKind.ReasonMissing, problem.Kind);
        Assert.True(problem.ConcernsNote);
        Assert.Equal(-1, problem.StepIndex);
        Assert.Equal("Bitte den Grund angeben, warum die Vermittlung abgebrochen wurde.", problem.Message);
    }

    [Fact]
    public void A_move_that_skips_steps_without_their_dates_concerns_the_move()
    {
        var problem = ReferralAt(Proposed).FindProblem([new ReferralStep(Admitted, Today)], Today, null);

        Assert.NotNull(problem);
        Assert.Equal(ReferralProblemKind.MoveNotAllowed, problem.Kind);
        Assert.Equal(0, problem.StepIndex);
        Assert.Contains("fehlen die Daten für „angefragt“, „Termin vereinbart“", problem.Message, StringComparison.Ordinal);
    }

    /// <summary>A referral proposed a while ago that has reached <paramref name="status"/>, every step on a past day.</summary>
    private static ReferralProgress ReferralAt(ReferralStatus status)
    {
        var referral = ReferralProgress.Propose(Today.AddDays(-30), Today);
        var path = ReferralProgress.PathTo(Proposed, status);
        if (path.Count > 0)
        {
            referral.Record([.. path.Select(s => new ReferralStep(s, Today.AddDays(-20)))], Today, status is Declined or DroppedOut ? "Grund" : null);
        }

        return referral;
    }
}
