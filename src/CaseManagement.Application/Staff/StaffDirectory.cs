using CaseManagement.Application.Clients;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Staff;

/// <summary>Who works where: for choosing a responsible caseworker, and for naming people.</summary>
public sealed class StaffDirectory(IDbContextFactory<CaseManagementDbContext> contextFactory)
{
    /// <param name="includeDeactivated">
    /// Also people whose account is deactivated: the team lead's view still lists them while they
    /// hold cases; nobody offers them as a new responsible person.
    /// </param>
    public async Task<IReadOnlyList<StaffRef>> CaseworkersOfAsync(
        Organisation organisation, bool includeDeactivated = false, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await CaseworkersOf(db, organisation)
            .Where(user => includeDeactivated || user.DeactivatedAt == null)
            .OrderBy(user => user.DisplayName)
            .Select(user => new StaffRef(user.Id, user.DisplayName, user.Organisation))
            .ToListAsync(cancellationToken);
    }

    public async Task<bool> IsCaseworkerOfAsync(string staffId, Organisation organisation, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await CaseworkersOf(db, organisation).AnyAsync(user => user.Id == staffId && user.DeactivatedAt == null, cancellationToken);
    }

    /// <summary>
    /// An active account with its roles, as the access decision sees it; null when there is none or
    /// it is deactivated (someone who has left takes on nothing new).
    /// </summary>
    public async Task<StaffMember?> ActiveMemberAsync(string staffId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == staffId && u.DeactivatedAt == null)
            .Select(u => new { u.Id, u.DisplayName, u.Organisation })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        var roles = await (
            from userRole in db.UserRoles
            join role in db.Roles on userRole.RoleId equals role.Id
            where userRole.UserId == staffId
            select role.Name!).ToListAsync(cancellationToken);
        return new StaffMember(user.Id, user.DisplayName, user.Organisation, roles.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Names and organisations of the given accounts; unknown ids are left out.</summary>
    public async Task<IReadOnlyDictionary<string, StaffRef>> ByIdAsync(IReadOnlyCollection<string> staffIds, CancellationToken cancellationToken = default)
    {
        if (staffIds.Count == 0)
        {
            return new Dictionary<string, StaffRef>();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking()
            .Where(u => staffIds.Contains(u.Id))
            .Select(u => new StaffRef(u.Id, u.DisplayName, u.Organisation))
            .ToDictionaryAsync(u => u.Id, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>Fallmanager:innen of the Jobcenter or Fachkräfte of the Drogenhilfe: the caseworker role of that organisation.</summary>
    internal static IQueryable<Infrastructure.Identity.StaffUser> CaseworkersOf(CaseManagementDbContext db, Organisation organisation)
    {
        var role = CaseworkerRoleOf(organisation);
        return from user in db.Users.AsNoTracking()
               join userRole in db.UserRoles on user.Id equals userRole.UserId
               join r in db.Roles on userRole.RoleId equals r.Id
               where r.Name == role && user.Organisation == organisation
               select user;
    }

    /// <summary>The caseworker role of an organisation.</summary>
    internal static string CaseworkerRoleOf(Organisation organisation) =>
        organisation == Organisation.Jobcenter ? StaffRole.CaseManager : StaffRole.DrugHelpWorker;
}
