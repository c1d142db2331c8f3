namespace CaseManagement.Domain.Sessions;

/// <summary>When a session's time is up and why: the earlier of its idle and its absolute limit.</summary>
public sealed record SessionDeadline(DateTimeOffset At, SessionEndReason Reason);

/// <summary>
/// How long a sign-in lasts: it ends after <see cref="IdleTimeout"/> without input and at the
/// latest <see cref="AbsoluteTimeout"/> after sign-in, whatever happens in between. Open pages
/// warn <see cref="WarningBefore"/> ahead. Configured in the section <c>Sessions</c>.
/// </summary>
public sealed class SessionLimits
{
    public const string SectionName = "Sessions";

    private static readonly TimeSpan LongestActivityResolution = TimeSpan.FromMinutes(1);

    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(12);

    public TimeSpan WarningBefore { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Activity is written at most this often (a busy page must not write on every keystroke): a
    /// minute, or a quarter of a short idle limit. The idle limit can thus strike up to this much
    /// early, counted from the last input.
    /// </summary>
    public TimeSpan ActivityResolution => IdleTimeout / 4 < LongestActivityResolution ? IdleTimeout / 4 : LongestActivityResolution;

    /// <summary>Null when the limits make sense together; otherwise what is wrong, for the start-up error.</summary>
    public string? Problem() =>
        IdleTimeout <= TimeSpan.Zero ? "Sessions:IdleTimeout must be positive."
        : AbsoluteTimeout < IdleTimeout ? "Sessions:AbsoluteTimeout must not be shorter than Sessions:IdleTimeout."
        : WarningBefore <= TimeSpan.Zero || WarningBefore > IdleTimeout / 2 ? "Sessions:WarningBefore must be positive and at most half of Sessions:IdleTimeout."
        : null;

    public SessionDeadline DeadlineOf(DateTimeOffset createdAt, DateTimeOffset lastSeenAt)
    {
        var idle = lastSeenAt + IdleTimeout;
        var absolute = createdAt + AbsoluteTimeout;
        return absolute <= idle
            ? new SessionDeadline(absolute, SessionEndReason.AbsoluteTimeout)
            : new SessionDeadline(idle, SessionEndReason.IdleTimeout);
    }

    /// <summary>The limit that has been reached at <paramref name="now"/>, if any.</summary>
    public SessionEndReason? ReachedAt(DateTimeOffset createdAt, DateTimeOffset lastSeenAt, DateTimeOffset now) =>
        DeadlineOf(createdAt, lastSeenAt) is { } deadline && now >= deadline.At ? deadline.Reason : null;
}
