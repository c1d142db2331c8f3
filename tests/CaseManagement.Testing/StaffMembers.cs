using CaseManagement.Domain.Access;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.Testing;

/// <summary>A stored account as the use cases see it, for tests that call them directly.</summary>
public static class StaffMembers
{
    public static async Task<StaffMember> ByEmailAsync(IServiceProvider services, string email)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var normalized = email.ToUpperInvariant();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.NormalizedEmail == normalized);
        var roles = await (
            from userRole in db.UserRoles
            join role in db.Roles on userRole.RoleId equals role.Id
            where userRole.UserId == user.Id
            select role.Name!).ToListAsync();
        return new StaffMember(user.Id, user.DisplayName, user.Organisation, roles.ToHashSet(StringComparer.Ordinal));
    }
}
