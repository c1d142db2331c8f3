using System.Security.Cryptography;
using CaseManagement.Application.Audit;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseManagement.Application.Staff;

/// <summary>Why a sign-in was refused: for logs and tests only. The person signing in always reads the same message.</summary>
public enum SignInRefusal
{
    UnknownAccount = 1,
    WrongPassword = 2,
    AccountLocked = 3,
    Throttled = 4,
}

/// <summary>The account that may now be signed in, or why not.</summary>
public sealed record SignInOutcome(StaffUser? User, SignInRefusal? Refusal)
{
    public bool Succeeded => User is not null && Refusal is null;
}

/// <summary>
/// Checks an e-mail address and password without telling an outsider which accounts exist:
/// unknown, wrong, locked and throttled are refused alike, and every attempt does the same work
/// (one account lookup, one password hash verified – against a fixed dummy hash when there is no
/// account to check – and one counter update keyed by the address typed). An outsider can slow
/// down guessing from their own address (<see cref="SignInThrottle"/>) but locks the account
/// itself only after <see cref="IdentityOptions.Lockout"/>'s many more failures, for a limited time.
/// </summary>
public sealed partial class StaffSignIn(
    IServiceScopeFactory scopeFactory,
    IDbContextFactory<CaseManagementDbContext> contextFactory,
    SignInThrottle throttle,
    AuditTrail audit,
    IOptions<IdentityOptions> identityOptions,
    TimeProvider clock,
    ILogger<StaffSignIn> logger)
{
    private static readonly StaffUser DummyUser = new() { DisplayName = "", UserName = "" };
    private string? _dummyHash;

    /// <param name="source">The client's address as <see cref="SignInThrottle.SourceOf"/> keys it.</param>
    public async Task<SignInOutcome> CheckAsync(string email, string password, string source, CancellationToken cancellationToken = default)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var now = clock.GetUtcNow();
        var typed = email.Trim();
        var account = users.NormalizeEmail(typed) ?? "";

        var user = await users.FindByEmailAsync(typed);
        var throttled = throttle.IsBlocked(source, account);
        var passwordMatches = user is not null && !throttled
            ? await users.CheckPasswordAsync(user, password)
            : VerifiesAgainstDummy(users.PasswordHasher, password);
        var locked = user is { LockoutEnabled: true, LockoutEnd: { } end } && end > now;

        if (user is not null && passwordMatches && !locked)
        {
            throttle.RecordSuccess(source, account);
            await ResetFailuresAsync(user, cancellationToken);
            LogSignedIn(user.Id);
            return new SignInOutcome(user, null);
        }

        var refusal = throttled ? SignInRefusal.Throttled
            : user is null ? SignInRefusal.UnknownAccount
            : locked ? SignInRefusal.AccountLocked
            : SignInRefusal.WrongPassword;
        if (!throttled)
        {
            throttle.RecordFailure(source, account);
            await CountFailureAsync(account, now, cancellationToken);
        }

        LogRefused(refusal, user?.Id);
        if (refusal == SignInRefusal.WrongPassword && user is { LockoutEnabled: true } && user.AccessFailedCount + 1 >= Lockout.MaxFailedAccessAttempts)
        {
            await RecordLockAsync(user, cancellationToken);
        }

        return new SignInOutcome(null, refusal);
    }

    private LockoutOptions Lockout => identityOptions.Value.Lockout;

    /// <summary>
    /// Counts a failure for the account with this address in one statement, whether or not it
    /// exists (an unknown address matches no row), and locks it once the count reaches the limit.
    /// A locked account's count stands still until the lock ends.
    /// </summary>
    private async Task CountFailureAsync(string account, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var limit = Lockout.MaxFailedAccessAttempts;
        DateTimeOffset? lockedUntil = now + Lockout.DefaultLockoutTimeSpan;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Users
            .Where(u => u.NormalizedEmail == account && (u.LockoutEnd == null || u.LockoutEnd <= now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(u => u.LockoutEnd, u => u.LockoutEnabled && u.AccessFailedCount + 1 >= limit ? lockedUntil : u.LockoutEnd)
                .SetProperty(u => u.AccessFailedCount, u => u.LockoutEnabled && u.AccessFailedCount + 1 >= limit ? 0 : u.AccessFailedCount + 1)
                .SetProperty(u => u.LastFailedSignInAt, now), cancellationToken);
    }

    private async Task ResetFailuresAsync(StaffUser user, CancellationToken cancellationToken)
    {
        if (user.AccessFailedCount == 0)
        {
            return;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, 0), cancellationToken);
    }

    private async Task RecordLockAsync(StaffUser user, CancellationToken cancellationToken)
    {
        var actor = new StaffMember(user.Id, user.DisplayName, user.Organisation, new HashSet<string>(StringComparer.Ordinal));
        await audit.RecordAsync(actor, AuditAction.AccountLocked, clientId: null, caseNumber: null,
            fields: [$"nach {Lockout.MaxFailedAccessAttempts} Fehlversuchen für {Lockout.DefaultLockoutTimeSpan.TotalMinutes:0} Minuten"],
            cancellationToken: cancellationToken);
        LogLocked(user.Id, Lockout.MaxFailedAccessAttempts);
    }

    /// <summary>
    /// The same work as checking a real password: a hash made by the same hasher with the same
    /// settings, verified against what was typed. It never matches.
    /// </summary>
    private bool VerifiesAgainstDummy(IPasswordHasher<StaffUser> hasher, string password)
    {
        _dummyHash ??= hasher.HashPassword(DummyUser, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        _ = hasher.VerifyHashedPassword(DummyUser, _dummyHash, password);
        return false;
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Sign-in succeeded for user {UserId}")]
    private partial void LogSignedIn(string userId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Sign-in refused: {Refusal} (user {UserId})")]
    private partial void LogRefused(SignInRefusal refusal, string? userId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Account {UserId} locked after {Failures} failed sign-ins")]
    private partial void LogLocked(string userId, int failures);
}
