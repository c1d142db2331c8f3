using CaseManagement.Domain.Sessions;

namespace CaseManagement.Domain.Tests.Sessions;

public sealed class StaffSessionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_session_is_active_and_keeps_only_a_device_description()
    {
        var session = StaffSession.Start("user-1", "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", Now);

        Assert.True(session.IsActive);
        Assert.Equal("Firefox auf Linux", session.Device);
        Assert.Equal(Now, session.CreatedAt);
        Assert.Equal(Now, session.LastSeenAt);
    }

    [Fact]
    public void Ending_twice_keeps_the_first_end_and_reason()
    {
        var session = StaffSession.Start("user-1", null, Now);

        session.End(SessionEndReason.SignedOut, Now.AddMinutes(5));
        session.End(SessionEndReason.AccountChanged, Now.AddMinutes(9));

        Assert.False(session.IsActive);
        Assert.Equal(Now.AddMinutes(5), session.EndedAt);
        Assert.Equal(SessionEndReason.SignedOut, session.EndReason);
        Assert.Equal(Now.AddMinutes(5), session.LastSeenAt);
    }
}
