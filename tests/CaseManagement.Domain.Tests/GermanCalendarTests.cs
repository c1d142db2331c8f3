using CaseManagement.Domain;

namespace CaseManagement.Domain.Tests;

public class GermanCalendarTests
{
    [Theory]
    [InlineData("2026-01-15", "09:00", "2026-01-15T08:00:00Z")]
    [InlineData("2026-07-15", "09:00", "2026-07-15T07:00:00Z")]
    [InlineData("2026-03-29", "02:30", "2026-03-29T01:30:00Z")] // clocks go forward: 02:30 does not exist, read with the winter offset
    [InlineData("2026-10-25", "02:30", "2026-10-25T00:30:00Z")] // clocks go back: the first 02:30 (summer time)
    public void Wall_clock_times_in_Ludwigshafen_become_the_right_instant(string date, string time, string expectedUtc)
    {
        var instant = GermanCalendar.At(DateOnly.Parse(date), TimeOnly.Parse(time));

        Assert.Equal(DateTimeOffset.Parse(expectedUtc), instant);
        Assert.Equal(TimeSpan.Zero, instant.Offset);
    }

    [Fact]
    public void A_time_read_back_gives_the_same_wall_clock_time()
    {
        var instant = GermanCalendar.At(new DateOnly(2026, 11, 23), new TimeOnly(14, 45));

        Assert.Equal(new DateTime(2026, 11, 23, 14, 45, 0), GermanCalendar.ToLocal(instant).DateTime);
    }
}
