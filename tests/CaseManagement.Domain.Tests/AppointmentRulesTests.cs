using CaseManagement.Domain.Appointments;
using CaseManagement.Domain.Staff;

namespace CaseManagement.Domain.Tests;

public class AppointmentRulesTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 15, 10, 0, 0, TimeSpan.FromHours(2));
    private static readonly AppointmentParticipant CaseManager = new("jc-1", Organisation.Jobcenter);
    private static readonly AppointmentParticipant DrugHelpWorker = new("dh-1", Organisation.DrugHelpService);

    private static AppointmentPlan Plan(AppointmentType type, params AppointmentParticipant[] participants) =>
        new(type, Start, TimeSpan.FromMinutes(60), participants);

    private static IEnumerable<AppointmentRule> RulesBroken(AppointmentPlan plan) => AppointmentRules.Check(plan).Select(p => p.Rule);

    [Fact]
    public void A_joint_counselling_with_both_organisations_is_fine()
    {
        Assert.Empty(AppointmentRules.Check(Plan(AppointmentType.JointCounselling, CaseManager, DrugHelpWorker)));
    }

    [Theory]
    [InlineData(Organisation.Jobcenter)]
    [InlineData(Organisation.DrugHelpService)]
    public void A_joint_counselling_with_one_organisation_only_is_refused(Organisation only)
    {
        var plan = Plan(AppointmentType.JointCounselling, new("a", only), new("b", only));
        Assert.Equal([AppointmentRule.JointCounsellingNeedsBothOrganisations], RulesBroken(plan));
    }

    [Fact]
    public void A_Jobcenter_only_counselling_has_no_drug_help_staff_and_vice_versa()
    {
        Assert.Empty(AppointmentRules.Check(Plan(AppointmentType.JobcenterOnly, CaseManager)));
        Assert.Empty(AppointmentRules.Check(Plan(AppointmentType.DrugHelpOnly, DrugHelpWorker)));
        Assert.Equal([AppointmentRule.OrganisationDoesNotMatchType], RulesBroken(Plan(AppointmentType.JobcenterOnly, CaseManager, DrugHelpWorker)));
        Assert.Equal([AppointmentRule.OrganisationDoesNotMatchType], RulesBroken(Plan(AppointmentType.DrugHelpOnly, CaseManager)));
    }

    [Fact]
    public void Every_appointment_needs_a_participant()
    {
        foreach (var type in Enum.GetValues<AppointmentType>())
        {
            var plan = Plan(type) with { Place = "Berliner Platz", AccompanimentTarget = "Agentur für Arbeit" };
            Assert.Equal([AppointmentRule.NoParticipant], RulesBroken(plan));
        }
    }

    [Fact]
    public void A_participant_listed_twice_is_refused()
    {
        var plan = Plan(AppointmentType.DrugHelpOnly, DrugHelpWorker, DrugHelpWorker);
        Assert.Equal([AppointmentRule.ParticipantListedTwice], RulesBroken(plan));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Outreach_needs_a_place(string? place)
    {
        var plan = Plan(AppointmentType.Outreach, DrugHelpWorker) with { Place = place };
        Assert.Equal([AppointmentRule.PlaceRequired], RulesBroken(plan));
        Assert.Empty(AppointmentRules.Check(plan with { Place = "Berliner Platz" }));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void An_accompaniment_needs_its_target(string? target)
    {
        var plan = Plan(AppointmentType.Accompaniment, DrugHelpWorker) with { AccompanimentTarget = target };
        Assert.Equal([AppointmentRule.AccompanimentTargetRequired], RulesBroken(plan));
        Assert.Empty(AppointmentRules.Check(plan with { AccompanimentTarget = "Substitutionspraxis Mundenheim" }));
    }

    [Fact]
    public void Only_outreach_needs_a_place_and_only_accompaniment_a_target()
    {
        Assert.Equal([AppointmentType.Outreach], Enum.GetValues<AppointmentType>().Where(AppointmentRules.RequiresPlace));
        Assert.Equal([AppointmentType.Accompaniment], Enum.GetValues<AppointmentType>().Where(AppointmentRules.RequiresAccompanimentTarget));
    }

    [Theory]
    [InlineData(AppointmentType.Outreach)]
    [InlineData(AppointmentType.Accompaniment)]
    [InlineData(AppointmentType.CrisisIntervention)]
    public void Outreach_accompaniment_and_crisis_work_may_be_done_by_either_side_or_both(AppointmentType type)
    {
        AppointmentParticipant[][] teams = [[CaseManager], [DrugHelpWorker], [CaseManager, DrugHelpWorker]];
        foreach (var participants in teams)
        {
            var plan = Plan(type, participants) with { Place = "Hauptbahnhof", AccompanimentTarget = "Sozialamt" };
            Assert.Empty(AppointmentRules.Check(plan));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-30)]
    [InlineData(24 * 60 + 1)]
    public void A_duration_of_zero_or_more_than_a_day_is_refused(int minutes)
    {
        var plan = Plan(AppointmentType.JobcenterOnly, CaseManager) with { Duration = TimeSpan.FromMinutes(minutes) };
        Assert.Equal([AppointmentRule.DurationOutOfRange], RulesBroken(plan));
    }

    [Fact]
    public void A_whole_day_accompaniment_is_fine()
    {
        var plan = Plan(AppointmentType.Accompaniment, DrugHelpWorker) with { Duration = TimeSpan.FromHours(24), AccompanimentTarget = "Fachklinik" };
        Assert.Empty(AppointmentRules.Check(plan));
    }

    [Fact]
    public void All_problems_are_reported_together_with_German_texts()
    {
        var plan = new AppointmentPlan(AppointmentType.Outreach, Start, TimeSpan.Zero, []);
        var problems = AppointmentRules.Check(plan);
        Assert.Equal(
            [AppointmentRule.DurationOutOfRange, AppointmentRule.NoParticipant, AppointmentRule.PlaceRequired],
            problems.Select(p => p.Rule));
        Assert.Contains("Ort", problems[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancellation_says_by_whom_and_only_a_cancellation_does()
    {
        var now = Start.AddDays(-1);
        Assert.Empty(AppointmentRules.CheckOutcome(Start, AppointmentOutcome.Cancelled, CancelledBy.Client, null, now));
        Assert.Equal([AppointmentRule.CancelledByRequired],
            AppointmentRules.CheckOutcome(Start, AppointmentOutcome.Cancelled, null, null, now).Select(p => p.Rule));
        Assert.Equal([AppointmentRule.CancelledByOnlyWhenCancelled],
            AppointmentRules.CheckOutcome(Start, AppointmentOutcome.Open, CancelledBy.Jobcenter, null, now).Select(p => p.Rule));
    }

    [Theory]
    [InlineData(AppointmentOutcome.Attended)]
    [InlineData(AppointmentOutcome.NoShow)]
    public void Attendance_is_recorded_only_once_the_appointment_has_begun(AppointmentOutcome outcome)
    {
        Assert.Equal([AppointmentRule.OutcomeBeforeStart],
            AppointmentRules.CheckOutcome(Start, outcome, null, null, Start.AddMinutes(-1)).Select(p => p.Rule));
        Assert.Empty(AppointmentRules.CheckOutcome(Start, outcome, null, null, Start));
        Assert.Empty(AppointmentRules.CheckOutcome(Start, outcome, null, null, Start.AddDays(3)));
    }

    [Fact]
    public void The_outcome_note_is_short()
    {
        var now = Start.AddHours(2);
        Assert.Empty(AppointmentRules.CheckOutcome(Start, AppointmentOutcome.Attended, null, new string('ä', AppointmentRules.NoteMaxLength), now));
        Assert.Equal([AppointmentRule.NoteTooLong], AppointmentRules.CheckOutcome(
            Start, AppointmentOutcome.Attended, null, new string('ä', AppointmentRules.NoteMaxLength + 1), now).Select(p => p.Rule));
    }

    [Fact]
    public void Every_enum_value_has_a_distinct_German_label()
    {
        AssertLabels(Enum.GetValues<AppointmentType>().Select(v => v.German()), 6);
        AssertLabels(Enum.GetValues<AppointmentOutcome>().Select(v => v.German()), 4);
        AssertLabels(Enum.GetValues<CancelledBy>().Select(v => v.German()), 4);
        Assert.Equal("Gemeinsame Beratung", AppointmentType.JointCounselling.German());
        Assert.Equal("nicht erschienen", AppointmentOutcome.NoShow.German());
        Assert.Throws<ArgumentOutOfRangeException>(() => ((AppointmentType)99).German());
    }

    private static void AssertLabels(IEnumerable<string> labels, int expectedCount)
    {
        var list = labels.ToList();
        Assert.Equal(expectedCount, list.Count);
        Assert.Equal(expectedCount, list.Distinct(StringComparer.Ordinal).Count());
        Assert.All(list, l => Assert.False(string.IsNullOrWhiteSpace(l)));
    }

    [Fact]
    public void Stored_numbers_stay_as_they_are()
    {
        Assert.Equal(0, (int)AppointmentOutcome.Open);
        Assert.Equal(3, (int)AppointmentOutcome.Cancelled);
        Assert.Equal(1, (int)AppointmentType.JointCounselling);
        Assert.Equal(6, (int)AppointmentType.CrisisIntervention);
    }
}
