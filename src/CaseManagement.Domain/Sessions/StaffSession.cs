namespace CaseManagement.Domain.Sessions;

/// <summary>Why a staff member's session ended. Stored as its number; never renumber.</summary>
public enum SessionEndReason
{
    /// <summary>The staff member signed out (in this or another tab of the same sign-in).</summary>
    SignedOut = 1,

    /// <summary>The account changed underneath the session: its security stamp moved (a new role, a reset second factor).</summary>
    AccountChanged = 2,

    /// <summary>No input for longer than the idle limit (<see cref="SessionLimits.IdleTimeout"/>).</summary>
    IdleTimeout = 3,

    /// <summary>The session reached its longest allowed duration (<see cref="SessionLimits.AbsoluteTimeout"/>).</summary>
    AbsoluteTimeout = 4,

    /// <summary>The staff member ended it from their list of sessions, in another session.</summary>
    EndedFromSessionList = 5,

    /// <summary>Administration deactivated the account.</summary>
    AccountDeactivated = 6,

    /// <summary>The password changed: by the staff member in another session, or reset by Administration.</summary>
    PasswordChanged = 7,
}

/// <summary>
/// One sign-in of a staff member in one browser, from sign-in until sign-out. The auth cookie
/// names it; every request and every open page checks that it has not ended, so ending it here
/// ends it everywhere at once, including a copy of the cookie. It holds only what the staff
/// member needs to recognise their own sessions: a short device description, never the address.
/// </summary>
public class StaffSession
{
    public const int DeviceMaxLength = 60;

    /// <summary>How long a session row is kept after its last activity; the audit log keeps sign-ins longer.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    public Guid Id { get; set; }

    public string UserId { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public SessionEndReason? EndReason { get; set; }

    /// <summary>E.g. "Firefox auf Windows"; see <see cref="DeviceDescription"/>.</summary>
    public string Device { get; set; } = "";

    /// <summary>
    /// The account's security stamp this session belongs to. A session whose stamp no longer
    /// matches the account's ends; a change the staff member makes themselves (a new password,
    /// the second factor) moves the stamp of the session they made it in, so that one stays open.
    /// Null for sessions from before it was kept: those compare the stamp in their cookie.
    /// </summary>
    public string? SecurityStamp { get; set; }

    public bool IsActive => EndedAt is null;

    public static StaffSession Start(string userId, string? userAgent, DateTimeOffset now, string? securityStamp = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return new StaffSession
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            CreatedAt = now,
            LastSeenAt = now,
            Device = DeviceDescription.Of(userAgent),
            SecurityStamp = securityStamp,
        };
    }

    /// <summary>Ends the session; ending it again keeps the first end and its reason.</summary>
    public void End(SessionEndReason reason, DateTimeOffset now)
    {
        if (EndedAt is not null)
        {
            return;
        }

        EndedAt = now;
        EndReason = reason;
        LastSeenAt = now > LastSeenAt ? now : LastSeenAt;
    }
}
