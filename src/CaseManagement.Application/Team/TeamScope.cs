using CaseManagement.Application.Clients;
using CaseManagement.Application.Staff;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Team;

/// <summary>
/// Whom a team lead oversees: the people of their own team (the team written on the accounts,
/// compared without regard to case and surrounding spaces), or the whole organisation when the
/// team lead's account names no team (a head of department).
/// </summary>
/// <param name="Team">The team's name as written on the team lead's account; null for the whole organisation.</param>
/// <param name="Caseworkers">Active caseworkers of the team: always listed, even with nothing to count.</param>
/// <param name="Members">
/// Every account of the team, whatever its role or state, when the scope is a team: figures count
/// only for these. Null for the whole organisation, where every responsibility of the organisation counts.
/// </param>
public sealed record TeamScope(Organisation Organisation, string? Team, IReadOnlyList<StaffRef> Caseworkers, IReadOnlySet<string>? Members)
{
    public bool Includes(string staffId) => Members?.Contains(staffId) ?? true;

    /// <summary>"Team Nord (Jobcenter)" or "Jobcenter".</summary>
    public string Label => Team is null ? Organisation.German() : $"{Team} ({Organisation.German()})";

    /// <param name="onlyStaffId">
    /// Read only this account of the organisation (a drill-down into one person): the scope then
    /// holds that person alone, if they belong to it.
    /// </param>
    internal static async Task<TeamScope> OfAsync(
        CaseManagementDbContext db, StaffMember teamLead, CancellationToken cancellationToken, string? onlyStaffId = null)
    {
        var organisation = teamLead.Organisation;
        var caseworkerRole = StaffDirectory.CaseworkerRoleOf(organisation);
        // The team lead's team read afresh rather than from the sign-in, and its key computed from
        // the name: a lead whose key is missing must not be taken for a lead without a team.
        var lead = await db.Users.AsNoTracking().Where(u => u.Id == teamLead.Id && u.Organisation == organisation)
            .Select(u => new { u.Team }).SingleOrDefaultAsync(cancellationToken);
        if (lead is null)
        {
            // No account of the organisation behind the sign-in (removed or moved meanwhile): nobody, not everybody.
            return new TeamScope(organisation, null, [], new HashSet<string>(StringComparer.Ordinal));
        }

        var key = StaffUser.TeamKeyOf(lead.Team);
        var accounts = db.Users.AsNoTracking().Where(u => u.Organisation == organisation);
        if (onlyStaffId is not null)
        {
            accounts = accounts.Where(u => u.Id == onlyStaffId);
        }

        if (key is not null)
        {
            // Found by the stored key; accounts without one but with a team (names the migration could
            // not fold) are compared by name below. SQLite's lower() folds ASCII only, so names are
            // never compared in SQL.
            accounts = accounts.Where(u => u.TeamKey == key || (u.TeamKey == null && u.Team != null));
        }

        var read = await accounts
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.Organisation,
                u.Team,
                Active = u.DeactivatedAt == null,
                IsCaseworker = db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == caseworkerRole)),
            })
            .ToListAsync(cancellationToken);
        var people = read.Where(u => key is null || StaffUser.TeamKeyOf(u.Team) == key).ToList();
        var caseworkers = people.Where(p => p.Active && p.IsCaseworker).Select(p => new StaffRef(p.Id, p.DisplayName, p.Organisation)).ToList();
        // Narrowed to one person, the scope names them even for a whole organisation: someone who is
        // not of it (another organisation's account, a made-up id) is refused before anything is read.
        IReadOnlySet<string>? members = key is null && onlyStaffId is null ? null : people.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        return new TeamScope(organisation, key is null ? null : lead.Team!.Trim(), caseworkers, members);
    }

    /// <summary>
    /// Whether the team lead oversees the person responsible for a case on the lead's side: someone of
    /// their team, or anyone of the organisation for a lead without a team. A case of another team is
    /// not theirs to open or hand over, as its person is not theirs to drill into.
    /// </summary>
    internal static async Task<bool> OverseesAsync(
        CaseManagementDbContext db, StaffMember teamLead, string? responsibleId, CancellationToken cancellationToken) =>
        responsibleId is not null && (await OfAsync(db, teamLead, cancellationToken, onlyStaffId: responsibleId)).Includes(responsibleId);
}
