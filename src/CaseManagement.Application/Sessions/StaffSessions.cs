using CaseManagement.Application.Audit;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Sessions;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CaseManagement.Application.Sessions;

/// <summary>The answer of the session check: active, or ended and why (no reason: unknown or deleted session).</summary>
public sealed record SessionCheck(bool IsActive, SessionEndReason? EndReason)
{
    public static SessionCheck Active { get; } = new(true, null);

    public static SessionCheck Unknown { get; } = new(false, null);

    public static SessionCheck Ended(SessionEndReason? reason) => new(false, reason);
}

/// <summary>
/// Server-side sessions of staff members: started at sign-in, checked on every request and by
/// every open page, ended at sign-out (or when the account changed underneath). Sign-in,
/// sign-out and any other end are audited with the session row in one transaction.
/// </summary>
public sealed partial class StaffSessions(
    IDbContextFactory<CaseManagementDbContext> contextFactory,
    AuditTrail audit,
    IStaffSessionSignal signal,
    TimeProvider clock,
    ILogger<StaffSessions> logger)
{
    /// <summary>Starts a session for a staff member who has just proved their password; returns its id for the cookie.</summary>
    public async Task<Guid> StartAsync(StaffUser user, string? userAgent, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var session = StaffSession.Start(user.Id, userAgent, now);
        db.StaffSessions.Add(session);
        audit.Add(db, ActorOf(user), AuditAction.SignedIn, clientId: null, caseNumber: null);
        await db.SaveChangesAsync(cancellationToken);
        LogStarted(session.Id, user.Id);

        // Retention: a session row is personal data of the staff member and only needed while
        // it can still be presented; the audit log keeps the sign-in itself.
        var cutoff = now - StaffSession.Retention;
        await db.StaffSessions.Where(s => s.LastSeenAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        return session.Id;
    }

    /// <summary>
    /// Whether the session of this sign-in is still active for this account with this security
    /// stamp. A changed stamp (Identity changes it with the password; issue #17 also on role changes) ends the session. <paramref name="recordActivity"/>
    /// moves <see cref="StaffSession.LastSeenAt"/>, at most once a minute.
    /// </summary>
    public async Task<SessionCheck> CheckAsync(
        Guid sessionId, StaffMember member, string? securityStamp, bool recordActivity, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var found = await (
            from session in db.StaffSessions
            join user in db.Users on session.UserId equals user.Id
            where session.Id == sessionId && session.UserId == member.Id
            select new { session.EndedAt, session.EndReason, session.LastSeenAt, user.SecurityStamp })
            .AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return SessionCheck.Unknown;
        }

        if (found.EndedAt is not null)
        {
            return SessionCheck.Ended(found.EndReason);
        }

        if (!string.Equals(found.SecurityStamp, securityStamp, StringComparison.Ordinal))
        {
            await EndAsync(sessionId, SessionEndReason.AccountChanged, member, cancellationToken: cancellationToken);
            return SessionCheck.Ended(SessionEndReason.AccountChanged);
        }

        var now = clock.GetUtcNow();
        if (recordActivity && now - found.LastSeenAt >= StaffSession.ActivityResolution)
        {
            await db.StaffSessions.Where(s => s.Id == sessionId && s.EndedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), cancellationToken);
        }

        return SessionCheck.Active;
    }

    /// <summary>
    /// Ends an active session and tells its open pages. <paramref name="fromTab"/> names the
    /// browser tab that asked for it (it navigates on its own). False if it had ended already.
    /// </summary>
    public async Task<bool> EndAsync(
        Guid sessionId, SessionEndReason reason, StaffMember actor, string? fromTab = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Conditional update: of two simultaneous ends only one counts and is audited.
            var ended = await db.StaffSessions.Where(s => s.Id == sessionId && s.UserId == actor.Id && s.EndedAt == null)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.EndedAt, now)
                    .SetProperty(x => x.EndReason, reason)
                    .SetProperty(x => x.LastSeenAt, now), cancellationToken);
            if (ended == 0)
            {
                return false;
            }

            if (reason == SessionEndReason.SignedOut)
            {
                audit.Add(db, actor, AuditAction.SignedOut, clientId: null, caseNumber: null);
            }
            else
            {
                audit.Add(db, actor, AuditAction.SessionEnded, clientId: null, caseNumber: null, fields: [GermanLabels.Of(reason)]);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        LogEnded(sessionId, actor.Id, reason);
        signal.Publish(new StaffSessionEnded(sessionId, reason, fromTab));
        return true;
    }

    private static StaffMember ActorOf(StaffUser user) =>
        new(user.Id, user.DisplayName, user.Organisation, new HashSet<string>(StringComparer.Ordinal));

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Session {SessionId} started for user {UserId}")]
    private partial void LogStarted(Guid sessionId, string userId);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Session {SessionId} of user {UserId} ended: {Reason}")]
    private partial void LogEnded(Guid sessionId, string userId, SessionEndReason reason);
}
