using CaseManagement.Domain.Access;
using CaseManagement.Domain.Staff;
using CaseManagement.Domain.Trainings;

namespace CaseManagement.Domain.Tests.Trainings;

/// <summary>When a person counts as trained in a topic, and who may do what with trainings.</summary>
public sealed class TrainingRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    private static TrainingStanding Standing(int? refreshMonths, params (DateOnly HeldOn, AttendanceStatus Status)[] attendances) =>
        TrainingRules.StandingOf(attendances, refreshMonths, Today);

    [Fact]
    public void Attended_within_the_refresh_interval_is_trained()
    {
        var standing = Standing(12, (Today.AddMonths(-11), AttendanceStatus.Attended));

        Assert.True(standing.IsTrained);
        Assert.Equal(Today.AddMonths(-11), standing.LastAttended);
        Assert.Null(standing.DueSince);
    }

    [Fact]
    public void On_the_day_the_interval_ends_the_person_is_due_since_that_day()
    {
        var standing = Standing(12, (Today.AddMonths(-12), AttendanceStatus.Attended));

        Assert.False(standing.IsTrained);
        Assert.Equal(Today, standing.DueSince);
        Assert.Equal(Today.AddMonths(-12), standing.LastAttended);
    }

    [Fact]
    public void The_day_before_the_interval_ends_the_person_is_still_trained()
    {
        Assert.True(Standing(12, (Today.AddMonths(-12).AddDays(1), AttendanceStatus.Attended)).IsTrained);
    }

    [Fact]
    public void Without_an_interval_any_past_attendance_counts_for_ever()
    {
        var standing = Standing(null, (new DateOnly(2001, 3, 1), AttendanceStatus.Attended));

        Assert.True(standing.IsTrained);
        Assert.Null(standing.DueSince);
    }

    [Fact]
    public void Never_attended_is_due_without_a_date()
    {
        var standing = Standing(24);

        Assert.False(standing.IsTrained);
        Assert.True(standing.NeverAttended);
        Assert.Null(standing.DueSince);
    }

    [Theory]
    [InlineData(AttendanceStatus.Absent)]
    [InlineData(AttendanceStatus.Registered)]
    public void Registered_or_absent_does_not_count(AttendanceStatus status)
    {
        var standing = Standing(null, (Today.AddDays(-3), status));

        Assert.False(standing.IsTrained);
        Assert.True(standing.NeverAttended);
    }

    [Fact]
    public void Absent_at_the_last_session_keeps_the_earlier_attendance_and_its_due_date()
    {
        var standing = Standing(12, (Today.AddMonths(-15), AttendanceStatus.Attended), (Today.AddMonths(-1), AttendanceStatus.Absent));

        Assert.False(standing.IsTrained);
        Assert.Equal(Today.AddMonths(-15), standing.LastAttended);
        Assert.Equal(Today.AddMonths(-3), standing.DueSince);
    }

    [Fact]
    public void The_latest_attendance_decides()
    {
        Assert.True(Standing(12, (Today.AddMonths(-30), AttendanceStatus.Attended), (Today.AddMonths(-2), AttendanceStatus.Attended)).IsTrained);
    }

    [Fact]
    public void A_session_still_to_come_does_not_count_even_if_marked_attended()
    {
        Assert.False(Standing(null, (Today.AddDays(1), AttendanceStatus.Attended)).IsTrained);
        Assert.True(Standing(null, (Today, AttendanceStatus.Attended)).IsTrained);
    }

    [Fact]
    public void An_interval_from_the_end_of_a_month_ends_on_the_last_day_of_the_shorter_month()
    {
        // 31 August + 6 months = 28 February: due from that day on.
        var standing = TrainingRules.StandingOf([(new DateOnly(2026, 8, 31), AttendanceStatus.Attended)], 6, new DateOnly(2027, 2, 28));

        Assert.False(standing.IsTrained);
        Assert.Equal(new DateOnly(2027, 2, 28), standing.DueSince);
    }

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(0, 4, 0)]
    [InlineData(1, 3, 33)]
    [InlineData(2, 3, 67)]
    [InlineData(1, 8, 13)]
    [InlineData(5, 5, 100)]
    public void The_share_is_a_whole_percentage_rounded_half_up(int trained, int total, int? expected)
    {
        Assert.Equal(expected, TrainingRules.SharePercent(trained, total));
    }

    [Theory]
    [InlineData(TrainingAudience.Jobcenter, Organisation.Jobcenter, true)]
    [InlineData(TrainingAudience.Jobcenter, Organisation.DrugHelpService, false)]
    [InlineData(TrainingAudience.DrugHelpService, Organisation.DrugHelpService, true)]
    [InlineData(TrainingAudience.Both, Organisation.Jobcenter, true)]
    [InlineData(TrainingAudience.Both, Organisation.DrugHelpService, true)]
    public void A_topic_is_meant_for_the_organisations_of_its_audience(TrainingAudience audience, Organisation organisation, bool meant)
    {
        Assert.Equal(meant, audience.Includes(organisation));
    }

    [Theory]
    [InlineData(StaffRole.Administrator, Organisation.Jobcenter, true, false, false)]
    [InlineData(StaffRole.TeamLeadJobcenter, Organisation.Jobcenter, false, true, true)]
    [InlineData(StaffRole.TeamLeadDrugHelp, Organisation.DrugHelpService, false, true, true)]
    [InlineData(StaffRole.CaseManager, Organisation.Jobcenter, false, false, true)]
    [InlineData(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, false, false, true)]
    [InlineData(StaffRole.SteeringCommittee, Organisation.Jobcenter, false, false, false)]
    [InlineData(StaffRole.DataProtectionOfficer, Organisation.DrugHelpService, false, false, false)]
    public void Only_Administration_manages_team_leads_see_their_team_and_caseworkers_and_team_leads_are_trained(
        string role, Organisation organisation, bool manages, bool seesTeam, bool isTrainee)
    {
        var staff = new StaffMember("id", "Name", organisation, new HashSet<string> { role });

        Assert.Equal(manages, TrainingAccess.MayManage(staff));
        Assert.Equal(seesTeam, TrainingAccess.MaySeeTeamCoverage(staff));
        Assert.Equal(isTrainee, TrainingAccess.IsTrainee(staff));
    }

    [Theory]
    [InlineData(null, "einmalig")]
    [InlineData(6, "alle 6 Monate")]
    [InlineData(12, "jährlich")]
    [InlineData(24, "alle 2 Jahre")]
    [InlineData(18, "alle 18 Monate")]
    public void The_refresh_interval_reads_as_German(int? months, string expected)
    {
        Assert.Equal(expected, TrainingLabels.RefreshText(months));
    }
}
