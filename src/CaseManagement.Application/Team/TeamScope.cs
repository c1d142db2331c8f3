using CaseManagement.Application.Clients;
using CaseManagement.Application.Staff;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Staff;
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
        // Compared here rather than in SQL: SQLite's lower() folds ASCII only. An organisation has a
        // few hundred accounts at most. The team lead's own account comes with them (its team, read
        // afresh rather than from the sign-in), so a drill-down reads two accounts in one query.
        var accounts = db.Users.AsNoTracking().Where(u => u.Organisation == organisation);
        if (onlyStaffId is not null)
        {
            accounts = accounts.Where(u => u.Id == onlyStaffId || u.Id == teamLead.Id);
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
        if (read.SingleOrDefault(u => u.Id == teamLead.Id) is not { } lead)
        {
            // No account of the organisation behind the sign-in (removed or moved meanwhile): nobody, not everybody.
            return new TeamScope(organisation, null, [], new HashSet<string>(StringComparer.Ordinal));
        }

        var team = lead.Team;
        var key = TeamKey(team);
        var people = read
            .Where(u => (onlyStaffId is null || u.Id == onlyStaffId) && (key is null || TeamKey(u.Team) == key))
            .ToList();
        var caseworkers = people.Where(p => p.Active && p.IsCaseworker).Select(p => new StaffRef(p.Id, p.DisplayName, p.Organisation)).ToList();
        // Narrowed to one person, the scope names them even for a whole organisation: someone who is
        // not of it (another organisation's account, a made-up id) is refused before anything is read.
        IReadOnlySet<string>? members = key is null && onlyStaffId is null ? null : people.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        return new TeamScope(organisation, key is null ? null : team!.Trim(), caseworkers, members);
    }

    /// <summary>
    /// Whether the team lead oversees the person responsible for a case on the lead's side: someone of
    /// their team, or anyone of the organisation for a lead without a team. A case of another team is
    /// not theirs to open or hand over, as its person is not theirs to drill into.
    /// </summary>
    internal static async Task<bool> OverseesAsync(
        CaseManagementDbContext db, StaffMember teamLead, string? responsibleId, CancellationToken cancellationToken) =>
        responsibleId is not null && (await OfAsync(db, teamLead, cancellationToken, onlyStaffId: responsibleId)).Includes(responsibleId);

    /// <summary>How team names are compared: "Team Nord", " team nord " are one team.</summary>
    private static string? TeamKey(string? team) => string.IsNullOrWhiteSpace(team) ? null : team.Trim().ToLowerInvariant();
}
