using CaseManagement.Domain.Sessions;

namespace CaseManagement.Domain.Tests.Sessions;

public sealed class SessionLimitsTests
{
    private static readonly DateTimeOffset SignedIn = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_defaults_are_30_minutes_idle_and_12_hours_at_most()
    {
        var limits = new SessionLimits();

        Assert.Equal(TimeSpan.FromMinutes(30), limits.IdleTimeout);
        Assert.Equal(TimeSpan.FromHours(12), limits.AbsoluteTimeout);
        Assert.Equal(TimeSpan.FromMinutes(1), limits.WarningBefore);
        Assert.Null(limits.Problem());
    }

    [Fact]
    public void Without_input_the_session_ends_after_the_idle_limit()
    {
        var limits = new SessionLimits();
        var lastInput = SignedIn.AddHours(2);

        Assert.Null(limits.ReachedAt(SignedIn, lastInput, lastInput.AddMinutes(29)));
        Assert.Equal(SessionEndReason.IdleTimeout, limits.ReachedAt(SignedIn, lastInput, lastInput.AddMinutes(30)));
        Assert.Equal(new SessionDeadline(lastInput.AddMinutes(30), SessionEndReason.IdleTimeout), limits.DeadlineOf(SignedIn, lastInput));
    }

    [Fact]
    public void Input_does_not_keep_a_session_past_the_absolute_limit()
    {
        var limits = new SessionLimits();
        var lastInput = SignedIn.AddHours(11).AddMinutes(50);

        Assert.Equal(new SessionDeadline(SignedIn.AddHours(12), SessionEndReason.AbsoluteTimeout), limits.DeadlineOf(SignedIn, lastInput));
        Assert.Equal(SessionEndReason.AbsoluteTimeout, limits.ReachedAt(SignedIn, lastInput, SignedIn.AddHours(12)));
    }

    [Fact]
    public void A_short_idle_limit_for_tests_records_activity_four_times_as_often()
    {
        var limits = new SessionLimits { IdleTimeout = TimeSpan.FromSeconds(20), WarningBefore = TimeSpan.FromSeconds(5) };

        Assert.Equal(TimeSpan.FromSeconds(5), limits.ActivityResolution);
        Assert.Equal(TimeSpan.FromMinutes(1), new SessionLimits().ActivityResolution);
        Assert.Null(limits.Problem());
    }

    [Theory]
    [InlineData(0, 720, 1)]
    [InlineData(30, 20, 1)]
    [InlineData(30, 720, 0)]
    [InlineData(30, 720, 16)]
    public void Limits_that_do_not_fit_together_are_named(int idleMinutes, int absoluteMinutes, int warningMinutes)
    {
        var limits = new SessionLimits
        {
            IdleTimeout = TimeSpan.FromMinutes(idleMinutes),
            AbsoluteTimeout = TimeSpan.FromMinutes(absoluteMinutes),
            WarningBefore = TimeSpan.FromMinutes(warningMinutes),
        };

        Assert.StartsWith("Sessions:", limits.Problem(), StringComparison.Ordinal);
    }
}
