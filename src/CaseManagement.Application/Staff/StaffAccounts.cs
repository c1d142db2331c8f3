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

namespace CaseManagement.Application.Staff;

/// <param name="FailedSignIns">Wrong passwords since the last successful sign-in (reset when the account locks).</param>
/// <param name="Throttled">Sign-in slowed down from at least one address after repeated failures there.</param>
public sealed record StaffAccountRow(
    string Id, string DisplayName, string Email, Organisation Organisation, IReadOnlyList<string> Roles,
    DateTimeOffset? LockedUntil, int FailedSignIns, DateTimeOffset? LastFailedSignInAt, ThrottledAccount? Throttled,
    string? Team = null, bool IsDeactivated = false, bool HasSecondFactor = false, bool MustChangePassword = false);

/// <summary>
/// The administration's view of staff accounts: who has which role, which accounts are locked or
/// throttled after failed sign-ins, and lifting both. No client data. Changes to accounts are
/// <see cref="StaffAccountAdministration"/>'s.
/// </summary>
public sealed class StaffAccounts(
    IDbContextFactory<CaseManagementDbContext> contextFactory,
    IServiceScopeFactory scopeFactory,
    SignInThrottle throttle,
    AuditTrail audit,
    TimeProvider clock,
    SecurityEvents events)
{
    public async Task<IReadOnlyList<StaffAccountRow>> ListAsync(StaffMember actor, CancellationToken cancellationToken = default)
    {
        if (!actor.IsInRole(StaffRole.Administrator))
        {
            return [];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Organisation).ThenBy(u => u.DisplayName).ToListAsync(cancellationToken);
        var roles = await (
            from userRole in db.UserRoles
            join role in db.Roles on userRole.RoleId equals role.Id
            select new { userRole.UserId, role.Name }).ToListAsync(cancellationToken);
        var rolesByUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        var throttled = throttle.ThrottledAccounts();
        return [.. users.Select(u => new StaffAccountRow(
            u.Id, u.DisplayName, u.Email ?? "", u.Organisation, [.. rolesByUser[u.Id]],
            u.LockoutEnd is { } end && end > now ? end : null,
            u.AccessFailedCount, u.LastFailedSignInAt,
            u.NormalizedEmail is { } email ? throttled.GetValueOrDefault(email) : null,
            u.Team, u.DeactivatedAt is not null, u.TwoFactorEnabled, u.MustChangePassword))];
    }

    /// <summary>Ends an account's lock and its throttling from every address, and resets its count of failures.</summary>
    public async Task<CommandResult> UnlockAsync(StaffMember actor, string userId, CancellationToken cancellationToken = default)
    {
        if (!actor.IsInRole(StaffRole.Administrator))
        {
            return CommandResult.Missing();
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return CommandResult.Missing();
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        if (user.NormalizedEmail is { } email)
        {
            throttle.Release(email);
        }

        await audit.RecordAsync(actor, AuditAction.AccountUnlocked, clientId: null, caseNumber: null,
            fields: [$"Konto: {user.DisplayName}"], cancellationToken: cancellationToken);
        events.AccountChanged(user.Id, AccountChange.Unlocked, actor.Id);
        return CommandResult.Ok();
    }
}
