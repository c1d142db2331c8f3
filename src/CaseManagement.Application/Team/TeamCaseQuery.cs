using CaseManagement.Application.Access;
using CaseManagement.Application.Audit;
using CaseManagement.Application.Clients;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Team;

/// <summary>One workload fact of a case (Fallbelastung): the figure that counts it and its kind and date in words.</summary>
public sealed record TeamCaseFact(WorkloadFigure Figure, string Text);

/// <summary>
/// One case as a team lead sees it behind a case number of the team view: the case number, who is
/// responsible on each side, the workload facts their organisation's figures count, and name and
/// birth date only where the access decision lets them read the master data. Never health data,
/// notes, consents' texts or plan, appointment and referral contents.
/// </summary>
/// <param name="FullName">Null unless the team lead may read the master data.</param>
/// <param name="BirthDate">Null unless the team lead may read the master data.</param>
/// <param name="ActiveSince">Start of the open episode, or null when the case is closed.</param>
/// <param name="MayReassign">The team lead may hand their own organisation's side of the case to someone else.</param>
/// <param name="ConcurrencyStamp">The case's version when it was read; a hand-over carries it.</param>
public sealed record TeamCaseView(
    Guid ClientId,
    string CaseNumber,
    Organisation OwningOrganisation,
    DateOnly? ActiveSince,
    string? FullName,
    DateOnly? BirthDate,
    StaffRef? CaseManager,
    StaffRef? DrugHelpWorker,
    IReadOnlyList<TeamCaseFact> Facts,
    DateTimeOffset? NextAppointment,
    bool MayReassign,
    Guid ConcurrencyStamp,
    Organisation ReaderOrganisation)
{
    public bool MasterDataVisible => FullName is not null;

    public StaffRef? ResponsibleIn(Organisation organisation) => organisation switch
    {
        Organisation.Jobcenter => CaseManager,
        Organisation.DrugHelpService => DrugHelpWorker,
        _ => null,
    };
}

/// <summary>
/// Opens one case for a team lead (/team/faelle/{id}), decided per record: only a case their own
/// organisation works on (<see cref="AccessDecision.MayOverseeWorkload"/>) whose person on that side
/// belongs to the lead's team (<see cref="TeamScope"/>; any for a lead without a team); anything else is "not
/// found", exactly like a missing id, and audited as a refusal. Every opening is audited as a read;
/// a hidden name is audited as a refused read of the master data, as on the client page.
/// </summary>
public sealed class TeamCaseQuery(
    IDbContextFactory<CaseManagementDbContext> contextFactory, ClientAccess access, AuditTrail audit, TeamWorkloadQuery workload)
{
    public async Task<TeamCaseView?> OpenAsync(StaffMember teamLead, Guid clientId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var permissions = await access.ForAsync(db, teamLead, clientId, DataCategory.MasterData, cancellationToken);
        if (permissions is null)
        {
            return null;
        }

        if (!permissions.MayOverseeWorkload || !await TeamScope.OverseesAsync(db, teamLead, permissions.Facts.ResponsibleIn(teamLead.Organisation), cancellationToken))
        {
            // A caseworker who knows the case, or a case of another team: this view is the team lead's
            // of their own team, refused like any other.
            await access.DeniedAsync(teamLead, clientId, DataCategory.MasterData, cancellationToken);
            return null;
        }

        var client = await db.Clients.AsNoTracking()
            .Where(c => c.Id == clientId)
            .Select(c => new
            {
                c.CaseNumber, c.OwningOrganisation, c.FirstName, c.LastName, c.BirthDate, c.ConcurrencyStamp,
                c.ResponsibleCaseManagerId, c.ResponsibleDrugHelpWorkerId,
                ActiveSince = c.Episodes.Where(e => e.EndedOn == null).OrderByDescending(e => e.StartedOn).Select(e => (DateOnly?)e.StartedOn).FirstOrDefault(),
            })
            .SingleAsync(cancellationToken);
        string?[] responsible = [client.ResponsibleCaseManagerId, client.ResponsibleDrugHelpWorkerId];
        var staffIds = responsible.OfType<string>().ToList();
        var staff = await db.Users.AsNoTracking()
            .Where(u => staffIds.Contains(u.Id))
            .Select(u => new StaffRef(u.Id, u.DisplayName, u.Organisation))
            .ToDictionaryAsync(r => r.Id, cancellationToken);

        var mayReadMaster = permissions.MayRead(DataCategory.MasterData);
        var facts = await workload.FactsOfCaseAsync(db, teamLead.Organisation, clientId, cancellationToken);
        var next = await workload.NextAppointmentAsync(db, teamLead.Organisation, clientId, cancellationToken);
        var view = new TeamCaseView(
            clientId,
            client.CaseNumber,
            client.OwningOrganisation,
            client.ActiveSince,
            mayReadMaster ? $"{client.FirstName} {client.LastName}" : null,
            mayReadMaster ? client.BirthDate : null,
            staff.GetValueOrDefault(client.ResponsibleCaseManagerId ?? ""),
            staff.GetValueOrDefault(client.ResponsibleDrugHelpWorkerId ?? ""),
            facts,
            next,
            AccessDecision.MayReassign(teamLead, permissions.Facts, teamLead.Organisation),
            client.ConcurrencyStamp,
            teamLead.Organisation);

        await audit.RecordAsync(
            teamLead, AuditAction.Viewed, clientId, client.CaseNumber,
            fields: mayReadMaster ? ["Teamleitung: Fallübersicht", "Stammdaten", "Fallbelastung"] : ["Teamleitung: Fallübersicht", "Fallbelastung"],
            cancellationToken: cancellationToken);
        if (!mayReadMaster)
        {
            // Their organisation works on the case, but no consent covers the other organisation's master data.
            await access.DeniedAsync(teamLead, clientId, DataCategory.MasterData, cancellationToken);
        }

        return view;
    }
}
