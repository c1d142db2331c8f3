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
        var role = organisation == Organisation.Jobcenter ? StaffRole.CaseManager : StaffRole.DrugHelpWorker;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await (
            from user in db.Users.AsNoTracking()
            join userRole in db.UserRoles on user.Id equals userRole.UserId
            join r in db.Roles on userRole.RoleId equals r.Id
            where r.Name == role && user.Organisation == organisation
            orderby user.DisplayName
            select new StaffRef(user.Id, user.DisplayName, user.Organisation)).ToListAsync(cancellationToken);
    }
}
