using CaseManagement.Domain.Access;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseManagement.Application.Staff;

public sealed record StaffAccountRow(string Id, string DisplayName, string Email, Organisation Organisation, IReadOnlyList<string> Roles, DateTimeOffset? LockedUntil);

/// <summary>The administration's view of staff accounts: who has which role, and unlocking after too many failed sign-ins. No client data.</summary>
public sealed class StaffAccounts(
    IDbContextFactory<CaseManagementDbContext> contextFactory,
    IServiceScopeFactory scopeFactory,
    TimeProvider clock,
    ILogger<StaffAccounts> logger)
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
        return [.. users.Select(u => new StaffAccountRow(
            u.Id, u.DisplayName, u.Email ?? "", u.Organisation, [.. rolesByUser[u.Id]],
            u.LockoutEnd is { } end && end > now ? end : null))];
    }

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
        logger.LogInformation("Account {UserId} unlocked by administrator {AdministratorId}", user.Id, actor.Id);
        return CommandResult.Ok();
    }
}
