using CaseManagement.Application.Access;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Clients;

/// <summary>A client from outside Ludwigshafen awaiting the team lead's decision; the name only where the decision allows.</summary>
public sealed record TargetAreaReview(Guid ClientId, string CaseNumber, string? DisplayName, string? PostalCode, string? City, DateTimeOffset RegisteredAt);

/// <summary>Open target-area decisions for a team lead: clients their organisation is responsible for.</summary>
public sealed class TargetAreaReviews(IDbContextFactory<CaseManagementDbContext> contextFactory, ClientAccess access, Audit.AuditTrail audit)
{
    public async Task<IReadOnlyList<TargetAreaReview>> OpenForAsync(StaffMember teamLead, CancellationToken cancellationToken = default)
    {
        if (!teamLead.IsTeamLead)
        {
            return [];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var clients = await Open(db, teamLead).OrderBy(c => c.CreatedAt).Take(200)
            .Include(c => c.Consents)
            .ToListAsync(cancellationToken);

        List<TargetAreaReview> reviews = [.. clients.Select(c =>
        {
            var visible = access.For(teamLead, ClientAccess.FactsOf(c)).MayRead(DataCategory.MasterData);
            return new TargetAreaReview(c.Id, c.CaseNumber, visible ? c.FullName : null, visible ? c.PostalCode : null, visible ? c.City : null, c.CreatedAt);
        })];
        await audit.ListViewedAsync(teamLead, "Wohnort-Entscheidungen", reviews.Where(r => r.DisplayName is not null).Select(r => r.CaseNumber), cancellationToken);
        return reviews;
    }

    /// <summary>How many decisions wait for the team lead (a number only: nothing about a client is shown).</summary>
    public async Task<int> CountOpenForAsync(StaffMember teamLead, CancellationToken cancellationToken = default)
    {
        if (!teamLead.IsTeamLead)
        {
            return 0;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Open(db, teamLead).CountAsync(cancellationToken);
    }

    // Decided by the team lead of the organisation that holds the address (see ClientRegistration).
    private static IQueryable<Client> Open(CaseManagementDbContext db, StaffMember teamLead)
    {
        var query = db.Clients.AsNoTracking()
            .Where(c => c.TargetAreaDecision == TargetAreaDecision.Pending && c.OwningOrganisation == teamLead.Organisation);
        return teamLead.Organisation == Organisation.Jobcenter
            ? query.Where(c => c.ResponsibleCaseManagerId != null)
            : query.Where(c => c.ResponsibleDrugHelpWorkerId != null);
    }
}
