namespace CaseManagement.Domain.Sessions;

/// <summary>
/// When repeated failed sign-ins make the next attempt wait: once <see cref="Threshold"/>
/// failures are counted, each failure blocks further attempts for <see cref="FirstDelay"/>,
/// doubling with every further failure up to <see cref="MaxDelay"/>. The count is forgotten once <see cref="ForgetAfter"/> has passed
/// without a failure after the last block ended.
/// </summary>
public sealed record SignInThrottleRule(int Threshold, TimeSpan FirstDelay, TimeSpan MaxDelay, TimeSpan ForgetAfter)
{
    /// <summary>One source address guessing one account's password.</summary>
    public static SignInThrottleRule PerAddressAndAccount { get; } =
        new(Threshold: 5, FirstDelay: TimeSpan.FromMinutes(1), MaxDelay: TimeSpan.FromMinutes(15), ForgetAfter: TimeSpan.FromMinutes(15));

    /// <summary>
    /// One source address trying many accounts (password spraying). Generous, because the staff
    /// of an office may share one address.
    /// </summary>
    public static SignInThrottleRule PerAddress { get; } =
        new(Threshold: 50, FirstDelay: TimeSpan.FromMinutes(1), MaxDelay: TimeSpan.FromMinutes(15), ForgetAfter: TimeSpan.FromMinutes(15));

    public SignInThrottleState AfterFailure(SignInThrottleState? current, DateTimeOffset now)
    {
        var failures = current is { } state && !IsForgotten(state, now) ? state.Failures + 1 : 1;
        var blockedUntil = failures >= Threshold ? now + DelayAfter(failures) : (DateTimeOffset?)null;
        return new SignInThrottleState(failures, now, blockedUntil);
    }

    public bool IsForgotten(SignInThrottleState state, DateTimeOffset now) =>
        now - (state.BlockedUntil ?? state.LastFailureAt) >= ForgetAfter;

    private TimeSpan DelayAfter(int failures)
    {
        var doublings = Math.Min(failures - Threshold, 16);
        var delay = FirstDelay * Math.Pow(2, doublings);
        return delay < MaxDelay ? delay : MaxDelay;
    }
}

/// <param name="Failures">Failed sign-ins counted so far.</param>
/// <param name="BlockedUntil">Until when further attempts are refused unchecked; null while the count is below the threshold.</param>
public sealed record SignInThrottleState(int Failures, DateTimeOffset LastFailureAt, DateTimeOffset? BlockedUntil)
{
    public bool IsBlockedAt(DateTimeOffset now) => BlockedUntil is { } until && until > now;
}
