using CaseManagement.Application.Audit;
using CaseManagement.Application.Security;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Sessions;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Persistence.Faults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManagement.Application.Sessions;

/// <summary>The answer of the session check: active, or ended and why (no reason: unknown or deleted session).</summary>
public sealed record SessionCheck(bool IsActive, SessionEndReason? EndReason)
{
    public static SessionCheck Active { get; } = new(true, null);

    public static SessionCheck Unknown { get; } = new(false, null);

    public static SessionCheck Ended(SessionEndReason? reason) => new(false, reason);
}

/// <summary>When an active session started and when it last saw input; its deadline follows from <see cref="SessionLimits"/>.</summary>
public sealed record SessionTimes(DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt);

/// <summary>An active session as its owner sees it in their list.</summary>
public sealed record ActiveSession(Guid Id, string Device, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt);

/// <summary>
/// Server-side sessions of staff members: started at sign-in, checked on every request and by
/// every open page, ended at sign-out, after the idle or absolute limit (<see cref="SessionLimits"/>),
/// from the owner's list of sessions, or when the account changed underneath. Sign-in, sign-out
/// and any other end are audited with the session row in one transaction.
/// </summary>
public sealed class StaffSessions(
    IDbContextFactory<CaseManagementDbContext> contextFactory,
    AuditTrail audit,
    IStaffSessionSignal signal,
    IOptions<SessionLimits> limitOptions,
    TimeProvider clock,
    SecurityEvents events)
{
    private SessionLimits Limits => limitOptions.Value;

    /// <summary>Starts a session for a staff member who has just proved who they are; returns its id for the cookie.</summary>
    public async Task<Guid> StartAsync(StaffUser user, string? userAgent, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var session = StaffSession.Start(user.Id, userAgent, now, user.SecurityStamp);
        db.StaffSessions.Add(session);
        audit.Add(db, ActorOf(user), AuditAction.SignedIn, clientId: null, caseNumber: null);
        await db.SaveChangesAsync(cancellationToken);
        events.SessionStarted(session.Id, user.Id);

        // Retention: a session row is personal data of the staff member and only needed while
        // it can still be presented; the audit log keeps the sign-in itself.
        var cutoff = now - StaffSession.Retention;
        await db.StaffSessions.Where(s => s.LastSeenAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        return session.Id;
    }

    /// <summary>
    /// Whether the session of this sign-in is still active. It ends here when the account's
    /// security stamp moved away from the session's (a new role, a reset second factor), when the
    /// account was deactivated, or when a limit of <see cref="SessionLimits"/> is reached.
    /// <paramref name="recordActivity"/> moves <see cref="StaffSession.LastSeenAt"/>, at most once per
    /// <see cref="SessionLimits.ActivityResolution"/>.
    /// </summary>
    /// <param name="cookieStamp">The stamp in the cookie; compared only for sessions from before the session kept its own.</param>
    public async Task<SessionCheck> CheckAsync(
        Guid sessionId, StaffMember member, string? cookieStamp, bool recordActivity, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var found = await (
            from session in db.StaffSessions
            join user in db.Users on session.UserId equals user.Id
            where session.Id == sessionId && session.UserId == member.Id
            select new
            {
                session.EndedAt, session.EndReason, session.CreatedAt, session.LastSeenAt,
                SessionStamp = session.SecurityStamp, AccountStamp = user.SecurityStamp, user.DeactivatedAt,
            })
            .AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return SessionCheck.Unknown;
        }

        if (found.EndedAt is not null)
        {
            return SessionCheck.Ended(found.EndReason);
        }

        var now = clock.GetUtcNow();
        var endReason = found.DeactivatedAt is not null ? SessionEndReason.AccountDeactivated
            : !string.Equals(found.SessionStamp ?? cookieStamp, found.AccountStamp, StringComparison.Ordinal) ? SessionEndReason.AccountChanged
            : Limits.ReachedAt(found.CreatedAt, found.LastSeenAt, now);
        if (endReason is { } reason)
        {
            await EndAsync(sessionId, reason, member, cancellationToken: cancellationToken);
            return SessionCheck.Ended(reason);
        }

        if (recordActivity && now - found.LastSeenAt >= Limits.ActivityResolution)
        {
            await db.StaffSessions.Where(s => s.Id == sessionId && s.EndedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), cancellationToken);
        }

        return SessionCheck.Active;
    }

    /// <summary>
    /// Input in an open page (typing, clicks): moves the session's last activity, at most once per
    /// <see cref="SessionLimits.ActivityResolution"/>. Returns the session's times afterwards, or null
    /// if it is no longer active.
    /// </summary>
    public async Task<SessionTimes?> RecordActivityAsync(Guid sessionId, StaffMember member, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var due = now - Limits.ActivityResolution;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.StaffSessions
            .Where(s => s.Id == sessionId && s.UserId == member.Id && s.EndedAt == null && s.LastSeenAt <= due)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), cancellationToken);
        return await TimesAsync(db, sessionId, member, now, cancellationToken);
    }

    /// <summary>The times of an active session, for an open page that shows its deadline; null once it has ended or run out.</summary>
    public async Task<SessionTimes?> TimesAsync(Guid sessionId, StaffMember member, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await TimesAsync(db, sessionId, member, clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>The staff member's sessions that are still active, newest activity first.</summary>
    public async Task<IReadOnlyList<ActiveSession>> ListActiveAsync(StaffMember member, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var open = await db.StaffSessions.AsNoTracking()
            .Where(s => s.UserId == member.Id && s.EndedAt == null)
            .Select(s => new ActiveSession(s.Id, s.Device, s.CreatedAt, s.LastSeenAt))
            .ToListAsync(cancellationToken);
        return [.. open.Where(s => Limits.ReachedAt(s.CreatedAt, s.LastSeenAt, now) is null).OrderByDescending(s => s.LastSeenAt)];
    }

    /// <summary>How many sessions of an account are active (for Administration; no devices, no times).</summary>
    public async Task<int> CountActiveAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var open = await db.StaffSessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.EndedAt == null)
            .Select(s => new { s.CreatedAt, s.LastSeenAt })
            .ToListAsync(cancellationToken);
        return open.Count(s => Limits.ReachedAt(s.CreatedAt, s.LastSeenAt, now) is null);
    }

    /// <summary>
    /// Ends one of the staff member's own active sessions and tells its open pages.
    /// <paramref name="fromTab"/> names the browser tab that asked for it (it navigates on its own).
    /// False if it had ended already or is not theirs.
    /// </summary>
    public Task<bool> EndAsync(
        Guid sessionId, SessionEndReason reason, StaffMember actor, string? fromTab = null, CancellationToken cancellationToken = default) =>
        EndOneAsync(sessionId, actor.Id, ownerName: actor.DisplayName, reason, actor, fromTab, cancellationToken);

    /// <summary>Ends every active session of the staff member except <paramref name="keep"/>; returns how many ended.</summary>
    public Task<int> EndOthersAsync(StaffMember member, Guid keep, SessionEndReason reason, CancellationToken cancellationToken = default) =>
        EndAllOfAsync(member.Id, member.DisplayName, reason, member, keep, cancellationToken);

    /// <summary>Ends every active session of an account, e.g. when Administration deactivates it; returns how many ended.</summary>
    public async Task<int> EndAllOfAsync(
        string ownerId, string ownerName, SessionEndReason reason, StaffMember actor, Guid? keep = null, CancellationToken cancellationToken = default)
    {
        List<Guid> open;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            open = await db.StaffSessions.AsNoTracking()
                .Where(s => s.UserId == ownerId && s.EndedAt == null && s.Id != keep)
                .Select(s => s.Id)
                .ToListAsync(cancellationToken);
        }

        var ended = 0;
        foreach (var sessionId in open)
        {
            if (await EndOneAsync(sessionId, ownerId, ownerName, reason, actor, fromTab: null, cancellationToken))
            {
                ended++;
            }
        }

        return ended;
    }

    /// <summary>
    /// Within the transaction of an account change the staff member made themselves: the sessions
    /// of the account (or only <paramref name="onlySession"/>) take the account's new security stamp,
    /// so that the change does not end them. Sessions not moved end at their next check.
    /// </summary>
    public static Task<int> AdoptStampAsync(
        CaseManagementDbContext db, string userId, string? newStamp, Guid? onlySession, CancellationToken cancellationToken = default) =>
        db.StaffSessions
            .Where(s => s.UserId == userId && s.EndedAt == null && (onlySession == null || s.Id == onlySession))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.SecurityStamp, newStamp), cancellationToken);

    private async Task<bool> EndOneAsync(
        Guid sessionId, string ownerId, string ownerName, SessionEndReason reason, StaffMember actor, string? fromTab, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();

        // A unit of work that a transient fault starts again on a fresh context. A repeat after a
        // commit whose answer was lost finds the session ended at this very instant for this reason:
        // that end is its own and counts, and its audit entry is already there.
        var ended = await contextFactory.RetryingAsync(async (db, ct) =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);

            // Conditional update: of two simultaneous ends only one counts and is audited.
            var updated = await db.StaffSessions.Where(s => s.Id == sessionId && s.UserId == ownerId && s.EndedAt == null)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.EndedAt, now)
                    .SetProperty(x => x.EndReason, reason)
                    .SetProperty(x => x.LastSeenAt, now), ct);
            if (updated == 0)
            {
                var end = await db.StaffSessions.AsNoTracking().Where(s => s.Id == sessionId)
                    .Select(s => new { s.EndedAt, s.EndReason }).SingleOrDefaultAsync(ct);
                return end is { EndedAt: { } endedAt } && end.EndReason == reason && (endedAt - now).Duration() < TimeSpan.FromMicroseconds(1);
            }

            if (reason == SessionEndReason.SignedOut)
            {
                audit.Add(db, actor, AuditAction.SignedOut, clientId: null, caseNumber: null);
            }
            else
            {
                string[] fields = actor.Id == ownerId ? [GermanLabels.Of(reason)] : [GermanLabels.Of(reason), $"Sitzung von {ownerName}"];
                audit.Add(db, actor, AuditAction.SessionEnded, clientId: null, caseNumber: null, fields: fields);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);
        if (!ended)
        {
            return false;
        }

        events.SessionEnded(sessionId, ownerId, reason, actor.Id);
        signal.Publish(new StaffSessionEnded(sessionId, reason, fromTab));
        return true;
    }

    private async Task<SessionTimes?> TimesAsync(
        CaseManagementDbContext db, Guid sessionId, StaffMember member, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var times = await db.StaffSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.UserId == member.Id && s.EndedAt == null)
            .Select(s => new SessionTimes(s.CreatedAt, s.LastSeenAt))
            .SingleOrDefaultAsync(cancellationToken);
        return times is not null && Limits.ReachedAt(times.CreatedAt, times.LastSeenAt, now) is null ? times : null;
    }

    private static StaffMember ActorOf(StaffUser user) =>
        new(user.Id, user.DisplayName, user.Organisation, new HashSet<string>(StringComparer.Ordinal));
}
