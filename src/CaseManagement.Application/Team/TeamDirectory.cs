using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Application.Clients;
using CaseManagement.Application.Staff;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Team;

/// <summary>Who belongs to whose team: for the team week and anything else that lists "my team".</summary>
public sealed class TeamDirectory(IDbContextFactory<CaseManagementDbContext> contextFactory)
{
    /// <summary>The member's team (or organisation, when their account names no team), as the team lead's view scopes it.</summary>
    public async Task<TeamScope> TeamOfAsync(StaffMember member, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await TeamScope.OfAsync(db, member, cancellationToken);
    }

    /// <summary>
    /// The other organisation's active caseworkers who share cases with the team: responsible on
    /// their side for a client someone of the team is responsible for. For a whole organisation,
    /// every caseworker of the other one.
    /// </summary>
    public async Task<IReadOnlyList<StaffRef>> CounterpartsOfAsync(TeamScope team, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var other = team.Organisation.Other();
        var caseworkers = StaffDirectory.CaseworkersOf(db, other).Where(u => u.DeactivatedAt == null);
        if (team.Members is { } members)
        {
            // The counterparts' ids first, from the team's clients: as one query with IN, PostgreSQL
            // searched each of the other side's caseworkers' clients for the team instead (9,500 buffers).
            var shared = await (team.Organisation == Organisation.Jobcenter
                ? db.Clients.Where(c => c.ResponsibleCaseManagerId != null && members.Contains(c.ResponsibleCaseManagerId)).Select(c => c.ResponsibleDrugHelpWorkerId)
                : db.Clients.Where(c => c.ResponsibleDrugHelpWorkerId != null && members.Contains(c.ResponsibleDrugHelpWorkerId)).Select(c => c.ResponsibleCaseManagerId))
                .Where(id => id != null)
                .Distinct()
                .ToListAsync(cancellationToken);
            caseworkers = caseworkers.Where(u => shared.Contains(u.Id));
        }

        return await caseworkers.OrderBy(u => u.DisplayName)
            .Select(u => new StaffRef(u.Id, u.DisplayName, u.Organisation))
            .ToListAsync(cancellationToken);
    }
}
