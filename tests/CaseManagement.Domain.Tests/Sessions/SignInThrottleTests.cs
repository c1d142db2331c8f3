using System.Net;
using CaseManagement.Application.Staff;
using CaseManagement.Domain.Sessions;

namespace CaseManagement.Domain.Tests.Sessions;

public sealed class SignInThrottleTests
{
    private const string Account = "FALLMANAGERIN@JOBCENTER.EXAMPLE";
    private const string Other = "FACHKRAFT@DROGENHILFE.EXAMPLE";
    private const string Outsider = "203.0.113.7";
    private const string Office = "198.51.100.20";

    private readonly MovableClock _clock = new(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Delays_start_at_the_fifth_failure_and_double_up_to_fifteen_minutes()
    {
        var rule = SignInThrottleRule.PerAddressAndAccount;
        SignInThrottleState? state = null;
        var delays = new List<TimeSpan?>();
        for (var failure = 1; failure <= 10; failure++)
        {
            state = rule.AfterFailure(state, _clock.Now);
            delays.Add(state.BlockedUntil - _clock.Now);
        }

        Assert.Equal(
            [null, null, null, null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4),
             TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(15)],
            delays);
    }

    [Fact]
    public void The_count_is_forgotten_fifteen_minutes_after_the_last_block_ended()
    {
        var rule = SignInThrottleRule.PerAddressAndAccount;
        SignInThrottleState? state = null;
        for (var failure = 1; failure <= 5; failure++)
        {
            state = rule.AfterFailure(state, _clock.Now);
        }

        Assert.False(rule.IsForgotten(state!, _clock.Now.AddMinutes(15)));
        Assert.True(rule.IsForgotten(state!, _clock.Now.AddMinutes(16)));
        Assert.Equal(1, rule.AfterFailure(state, _clock.Now.AddMinutes(16)).Failures);
    }

    [Fact]
    public void Failures_from_one_address_throttle_that_address_for_that_account_only()
    {
        var throttle = new SignInThrottle(_clock);

        FailTimes(throttle, 5, Outsider, Account);

        Assert.True(throttle.IsBlocked(Outsider, Account));
        Assert.False(throttle.IsBlocked(Office, Account));
        Assert.False(throttle.IsBlocked(Outsider, Other));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(throttle.IsBlocked(Outsider, Account));
    }

    [Fact]
    public void An_unknown_account_is_throttled_exactly_like_an_existing_one()
    {
        var throttle = new SignInThrottle(_clock);

        FailTimes(throttle, 5, Outsider, "NIEMAND@JOBCENTER.EXAMPLE");

        Assert.True(throttle.IsBlocked(Outsider, "NIEMAND@JOBCENTER.EXAMPLE"));
    }

    [Fact]
    public void One_address_trying_many_accounts_is_throttled_for_all_of_them()
    {
        var throttle = new SignInThrottle(_clock);

        for (var i = 0; i < SignInThrottleRule.PerAddress.Threshold; i++)
        {
            throttle.RecordFailure(Outsider, $"KONTO{i}@JOBCENTER.EXAMPLE");
        }

        Assert.True(throttle.IsBlocked(Outsider, Account));
        Assert.False(throttle.IsBlocked(Office, Account));
    }

    [Fact]
    public void A_success_clears_the_address_for_that_account_and_Administration_can_release_an_account()
    {
        var throttle = new SignInThrottle(_clock);
        FailTimes(throttle, 4, Office, Account);
        throttle.RecordSuccess(Office, Account);
        FailTimes(throttle, 4, Office, Account);
        Assert.False(throttle.IsBlocked(Office, Account));

        FailTimes(throttle, 5, Outsider, Account);
        FailTimes(throttle, 1, Office, Account);
        var shown = Assert.Single(throttle.ThrottledAccounts());
        Assert.Equal(Account, shown.Key);
        Assert.Equal(2, shown.Value.Addresses);

        throttle.Release(Account);

        Assert.False(throttle.IsBlocked(Outsider, Account));
        Assert.False(throttle.IsBlocked(Office, Account));
        Assert.Empty(throttle.ThrottledAccounts());
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1234:5678:aaaa:bbbb:cccc:dddd", "2001:db8:1234:5678::/64")]
    [InlineData("2001:db8:1234:5678::1", "2001:db8:1234:5678::/64")]
    public void Addresses_are_keyed_as_the_client_holds_them(string address, string key) =>
        Assert.Equal(key, SignInThrottle.SourceOf(IPAddress.Parse(address)));

    [Fact]
    public void An_unknown_address_has_a_key_of_its_own() =>
        Assert.Equal("unbekannt", SignInThrottle.SourceOf(null));

    private static void FailTimes(SignInThrottle throttle, int times, string source, string account)
    {
        for (var i = 0; i < times; i++)
        {
            throttle.RecordFailure(source, account);
        }
    }

    private sealed class MovableClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; private set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;

        public void Advance(TimeSpan by) => Now += by;
    }
}
