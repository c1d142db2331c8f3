using System.Security.Cryptography;
using CaseManagement.Application.Audit;
using CaseManagement.Application.Security;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CaseManagement.Application.Staff;

/// <summary>Why a sign-in was refused: for logs and tests only. The person signing in always reads the same message.</summary>
public enum SignInRefusal
{
    UnknownAccount = 1,
    WrongPassword = 2,
    AccountLocked = 3,
    Throttled = 4,
    AccountDeactivated = 5,

    /// <summary>The password was right, but the account has a second factor and the code was missing or wrong.</summary>
    SecondFactorFailed = 6,
}

/// <summary>The account that may now be signed in, or why not.</summary>
public sealed record SignInOutcome(StaffUser? User, SignInRefusal? Refusal, SignInMethod Method = SignInMethod.Password)
{
    public bool Succeeded => User is not null && Refusal is null;
}

/// <summary>
/// Checks an e-mail address, password and (for accounts with a second factor) the code of the
/// authenticator app or a recovery code, without telling an outsider which accounts exist or
/// whether a password was right: unknown, wrong, locked, deactivated, throttled and a wrong
/// second factor are refused alike, and every attempt does the same work (one account lookup,
/// one password hash verified – against a fixed dummy hash when there is no account to check –,
/// one lookup of the account's authenticator key and recovery codes, one code computed, and one
/// counter update keyed by the address typed). Because the code is asked on the same form as
/// the password, a right password with a wrong code reads exactly like a wrong password.
/// An outsider can slow down guessing from their own address (<see cref="SignInThrottle"/>) but
/// locks the account itself only after <see cref="IdentityOptions.Lockout"/>'s many more
/// failures, for a limited time; guessing codes counts like guessing passwords.
/// </summary>
public sealed class StaffSignIn(
    IServiceScopeFactory scopeFactory,
    IDbContextFactory<CaseManagementDbContext> contextFactory,
    SignInThrottle throttle,
    AuditTrail audit,
    IOptions<IdentityOptions> identityOptions,
    TimeProvider clock,
    SecurityEvents events)
{
    private static readonly StaffUser DummyUser = new() { DisplayName = "", UserName = "" };
    private string? _dummyHash;

    /// <param name="code">Six digits of the authenticator app or a recovery code; ignored for accounts without a second factor.</param>
    /// <param name="source">The client's address as <see cref="SignInThrottle.SourceOf"/> keys it.</param>
    public async Task<SignInOutcome> CheckAsync(string email, string password, string? code, string source, CancellationToken cancellationToken = default)
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
        var deactivated = user?.DeactivatedAt is not null;
        var factors = await SecondFactorsOfAsync(user?.Id, cancellationToken);
        var codeStep = AuthenticatorCode.MatchingStep(factors.Key, code, now);
        var codeMatches = codeStep is not null && string.CompareOrdinal(AuthenticatorTokens.FormatStep(codeStep.Value), factors.LastUsedStep) > 0;
        var recoveryCode = factors.RecoveryCodeMatching(code);
        var secondFactorPassed = user is { TwoFactorEnabled: false } || codeMatches || recoveryCode is not null;

        if (user is not null && passwordMatches && !locked && !deactivated && secondFactorPassed
            && (codeMatches ? await ClaimStepAsync(user.Id, codeStep!.Value, factors.LastUsedStep, cancellationToken)
                : recoveryCode is null || await RedeemAsync(users, user, recoveryCode, factors)))
        {
            throttle.RecordSuccess(source, account);
            await ResetFailuresAsync(user, cancellationToken);
            var method = !user.TwoFactorEnabled ? SignInMethod.Password
                : codeMatches ? SignInMethod.PasswordAndAuthenticator
                : SignInMethod.PasswordAndRecoveryCode;
            events.SignInSucceeded(user.Id, method);
            return new SignInOutcome(user, null, method);
        }

        var refusal = throttled ? SignInRefusal.Throttled
            : user is null ? SignInRefusal.UnknownAccount
            : locked ? SignInRefusal.AccountLocked
            : deactivated ? SignInRefusal.AccountDeactivated
            : !passwordMatches ? SignInRefusal.WrongPassword
            : SignInRefusal.SecondFactorFailed;
        if (!throttled)
        {
            throttle.RecordFailure(source, account);
            await CountFailureAsync(account, now, cancellationToken);
        }

        events.SignInRefused(refusal.ToString(), user?.Id);
        if (refusal == SignInRefusal.SecondFactorFailed)
        {
            events.SecondFactorFailed(user!.Id);
        }

        if ((refusal is SignInRefusal.WrongPassword or SignInRefusal.SecondFactorFailed)
            && user is { LockoutEnabled: true } && user.AccessFailedCount + 1 >= Lockout.MaxFailedAccessAttempts)
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

    /// <summary>
    /// The account's authenticator key and recovery codes in one query, run for every attempt: for
    /// an unknown account it matches no row (keyed by an id no account has).
    /// </summary>
    private async Task<SecondFactors> SecondFactorsOfAsync(string? userId, CancellationToken cancellationToken)
    {
        var id = userId ?? "";
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var tokens = await db.UserTokens.AsNoTracking()
            .Where(t => t.UserId == id && t.LoginProvider == AuthenticatorTokens.LoginProvider
                && (t.Name == AuthenticatorTokens.KeyName || t.Name == AuthenticatorTokens.RecoveryCodesName || t.Name == AuthenticatorTokens.LastUsedStepName))
            .Select(t => new { t.Name, t.Value })
            .ToListAsync(cancellationToken);
        var recovery = tokens.FirstOrDefault(t => t.Name == AuthenticatorTokens.RecoveryCodesName)?.Value;
        return new SecondFactors(
            tokens.FirstOrDefault(t => t.Name == AuthenticatorTokens.KeyName)?.Value,
            string.IsNullOrEmpty(recovery) ? [] : recovery.Split(';', StringSplitOptions.RemoveEmptyEntries),
            tokens.FirstOrDefault(t => t.Name == AuthenticatorTokens.LastUsedStepName)?.Value);
    }

    /// <summary>
    /// Records that the code of <paramref name="step"/> has signed in, unless a code of this or a
    /// later step did meanwhile (two sign-ins racing with one code: only one wins). A conditional
    /// update, or the first row of the account; false when the step was taken.
    /// </summary>
    private async Task<bool> ClaimStepAsync(string userId, long step, string? lastUsed, CancellationToken cancellationToken)
    {
        var value = AuthenticatorTokens.FormatStep(step);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (lastUsed is not null)
        {
            // Runs in SQL as "Value < @value": fixed-width digits compare alike under every collation.
#pragma warning disable CA1309 // EF translates string.Compare(a, b) only without a StringComparison.
            return await db.UserTokens
                .Where(t => t.UserId == userId && t.LoginProvider == AuthenticatorTokens.LoginProvider
                    && t.Name == AuthenticatorTokens.LastUsedStepName && string.Compare(t.Value, value) < 0)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Value, value), cancellationToken) == 1;
#pragma warning restore CA1309
        }

        db.UserTokens.Add(new IdentityUserToken<string>
        {
            UserId = userId, LoginProvider = AuthenticatorTokens.LoginProvider, Name = AuthenticatorTokens.LastUsedStepName, Value = value,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another sign-in recorded its step first.
            return false;
        }
    }

    /// <summary>A recovery code works once: Identity removes it from the account.</summary>
    private async Task<bool> RedeemAsync(UserManager<StaffUser> users, StaffUser user, string recoveryCode, SecondFactors factors)
    {
        var redeemed = (await users.RedeemTwoFactorRecoveryCodeAsync(user, recoveryCode)).Succeeded;
        if (redeemed)
        {
            events.RecoveryCodeUsed(user.Id, factors.RecoveryCodes.Count - 1);
        }

        return redeemed;
    }

    private async Task RecordLockAsync(StaffUser user, CancellationToken cancellationToken)
    {
        var actor = new StaffMember(user.Id, user.DisplayName, user.Organisation, new HashSet<string>(StringComparer.Ordinal));
        await audit.RecordAsync(actor, AuditAction.AccountLocked, clientId: null, caseNumber: null,
            fields: [$"nach {Lockout.MaxFailedAccessAttempts} Fehlversuchen für {Lockout.DefaultLockoutTimeSpan.TotalMinutes:0} Minuten"],
            cancellationToken: cancellationToken);
        events.AccountLockedOut(user.Id, Lockout.MaxFailedAccessAttempts);
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

    /// <param name="LastUsedStep">As <see cref="AuthenticatorTokens.FormatStep"/> wrote it; null before the first code signed in.</param>
    private sealed record SecondFactors(string? Key, IReadOnlyList<string> RecoveryCodes, string? LastUsedStep)
    {
        /// <summary>The stored recovery code the typed one stands for (case, spaces and the dash ignored), if any.</summary>
        public string? RecoveryCodeMatching(string? typed)
        {
            var wanted = Plain(typed);
            return wanted.Length < 8 ? null : RecoveryCodes.FirstOrDefault(stored => Plain(stored) == wanted);
        }

        private static string Plain(string? code) =>
            (code ?? "").Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
    }
}
