using CaseManagement.Application.Clients;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Staff;

/// <summary>Who works where: for choosing the responsible caseworker of the other organisation.</summary>
public sealed class StaffDirectory(IDbContextFactory<CaseManagementDbContext> contextFactory)
{
    public async Task<IReadOnlyList<StaffRef>> CaseworkersOfAsync(Organisation organisation, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await CaseworkersOf(db, organisation)
            .OrderBy(user => user.DisplayName)
            .Select(user => new StaffRef(user.Id, user.DisplayName, user.Organisation))
            .ToListAsync(cancellationToken);
    }

    public async Task<bool> IsCaseworkerOfAsync(string staffId, Organisation organisation, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await CaseworkersOf(db, organisation).AnyAsync(user => user.Id == staffId, cancellationToken);
    }

    /// <summary>Fallmanager:innen of the Jobcenter or Fachkräfte of the Drogenhilfe: the caseworker role of that organisation.</summary>
    private static IQueryable<Infrastructure.Identity.StaffUser> CaseworkersOf(CaseManagementDbContext db, Organisation organisation)
    {
        var role = organisation == Organisation.Jobcenter ? StaffRole.CaseManager : StaffRole.DrugHelpWorker;
        return from user in db.Users.AsNoTracking()
               join userRole in db.UserRoles on user.Id equals userRole.UserId
               join r in db.Roles on userRole.RoleId equals r.Id
               where r.Name == role && user.Organisation == organisation
               select user;
    }
}
