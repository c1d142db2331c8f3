using CaseManagement.Domain.Steering;

namespace CaseManagement.Domain.Tests.Steering;

public sealed class SteeringAgendaTests
{
    private static readonly SteeringMeeting March = Meeting(new DateOnly(2026, 3, 10));
    private static readonly SteeringMeeting June = Meeting(new DateOnly(2026, 6, 10));
    private static readonly SteeringMeeting September = Meeting(new DateOnly(2026, 9, 10));

    [Fact]
    public void Open_and_started_measures_of_earlier_meetings_of_the_round_carry_over_soonest_due_first()
    {
        var open = Measure(March, "Aufnahmetage klären", MeasureStatus.Open, new DateOnly(2026, 8, 1));
        var started = Measure(March, "Sprechstunde einrichten", MeasureStatus.InProgress, new DateOnly(2026, 7, 1));
        var undated = Measure(March, "Fortbildung planen", MeasureStatus.Open, null);

        var carried = SteeringAgenda.CarriedOver(September, [open, started, undated], Days(March, June, September));

        Assert.Equal([started, open, undated], carried);
    }

    [Theory]
    [InlineData(MeasureStatus.Done)]
    [InlineData(MeasureStatus.Dropped)]
    public void A_finished_measure_no_longer_stands_on_any_agenda(MeasureStatus status)
    {
        var finished = Measure(March, "Erledigt", status, null);

        Assert.Empty(SteeringAgenda.CarriedOver(June, [finished], Days(March, June)));
    }

    [Fact]
    public void A_meeting_does_not_list_its_own_measures_those_of_later_meetings_or_of_the_other_round()
    {
        var own = Measure(June, "Eigene", MeasureStatus.Open, null);
        var later = Measure(September, "Später", MeasureStatus.Open, null);
        var strategic = Meeting(new DateOnly(2026, 3, 1), SteeringRoundKind.Strategic);
        var otherRound = Measure(strategic, "Andere Runde", MeasureStatus.Open, null);

        Assert.Empty(SteeringAgenda.CarriedOver(June, [own, later, otherRound], Days(March, June, September, strategic)));
    }

    private static SteeringMeeting Meeting(DateOnly heldOn, SteeringRoundKind round = SteeringRoundKind.Operational) =>
        new() { Id = Guid.NewGuid(), Round = round, HeldOn = heldOn };

    private static SteeringMeasure Measure(SteeringMeeting meeting, string what, MeasureStatus status, DateOnly? dueBy) =>
        new() { Id = Guid.NewGuid(), Round = meeting.Round, MeetingId = meeting.Id, What = what, Who = "Teamleitung", Status = status, DueBy = dueBy };

    private static Dictionary<Guid, DateOnly> Days(params SteeringMeeting[] meetings) => meetings.ToDictionary(m => m.Id, m => m.HeldOn);
}
