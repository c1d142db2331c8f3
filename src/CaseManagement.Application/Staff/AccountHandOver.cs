using CaseManagement.Application.Audit;
using CaseManagement.Application.Clients;
using CaseManagement.Application.Notifications;
using CaseManagement.Application.Team;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Notifications;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Staff;

/// <summary>The open cases of a person who is leaving, as Administration may see them: case numbers only.</summary>
public sealed record OpenCases(IReadOnlyList<string> CaseNumbers, IReadOnlyList<string> TeamLeads);

/// <summary>
/// A person leaving hands their cases over before the account is deactivated. Administration may
/// not read cases, so it sees only the pseudonymous case numbers (audited like any list of case
/// numbers) and asks the person's team leads to hand the cases over: they get a notification that
/// leads to their hand-over list of that person (<see cref="CaseReassignment"/>).
/// </summary>
public sealed class AccountHandOver(
    IDbContextFactory<CaseManagementDbContext> contextFactory,
    AuditTrail audit,
    StaffNotificationSignal notificationSignal,
    TimeProvider clock)
{
    public async Task<OpenCases?> OpenCasesAsync(StaffMember actor, string userId, CancellationToken cancellationToken = default)
    {
        if (!actor.IsInRole(StaffRole.Administrator) || !TextRules.IsPlausibleId(userId))
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.DisplayName, u.Organisation, u.Team }).SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        var caseNumbers = await StaffAccountAdministration.OpenCasesOf(db, userId)
            .OrderBy(c => c.CaseNumber).Select(c => c.CaseNumber).ToListAsync(cancellationToken);
        var leads = await TeamLeadsOfAsync(db, user.Organisation, user.Team, cancellationToken);
        await audit.ListViewedAsync(actor, $"Kontoverwaltung: laufende Fälle von {user.DisplayName}", caseNumbers, cancellationToken);
        return new OpenCases(caseNumbers, [.. leads.Select(l => l.DisplayName)]);
    }

    /// <summary>Notifies the person's team leads (of their team, or of their organisation if the team has none).</summary>
    public async Task<CommandResult> RequestAsync(StaffMember actor, string userId, CancellationToken cancellationToken = default)
    {
        if (!actor.IsInRole(StaffRole.Administrator) || !TextRules.IsPlausibleId(userId))
        {
            return CommandResult.Missing();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return CommandResult.Missing();
        }

        var openCases = await StaffAccountAdministration.OpenCasesOf(db, userId).CountAsync(cancellationToken);
        var leads = await TeamLeadsOfAsync(db, user.Organisation, user.Team, cancellationToken);
        if (openCases == 0)
        {
            return CommandResult.Invalid("", $"{user.DisplayName} hat keine laufenden Fälle mehr.");
        }

        if (leads.Count == 0)
        {
            return CommandResult.Invalid("", $"{user.Organisation.WithArticle()} hat keine aktive Teamleitung, die die Fälle übergeben könnte. Legen Sie zuerst ein Konto mit dieser Rolle an.");
        }

        var now = clock.GetUtcNow();
        var link = $"/team/mitarbeitende/{Uri.EscapeDataString(userId)}?kennzahl={WorkloadFigure.ActiveCases.Slug()}";
        var text = $"{actor.DisplayName} (Administration) bittet um Übergabe: {user.DisplayName} ist noch für "
            + $"{StaffAccountAdministration.Cases(openCases)} zuständig; das Konto soll deaktiviert werden.";
        foreach (var lead in leads)
        {
            db.StaffNotifications.Add(StaffNotification.WithLink(lead.Id, text, link, now));
        }

        audit.Add(db, actor, AuditAction.HandOverRequested, clientId: null, caseNumber: null,
            fields: [$"Konto: {user.DisplayName}", StaffAccountAdministration.Cases(openCases), $"an {string.Join(", ", leads.Select(l => l.DisplayName))}"]);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var lead in leads)
        {
            notificationSignal.Publish(lead.Id);
        }

        return new CommandResult { Message = $"Die Teamleitung ist benachrichtigt: {string.Join(", ", leads.Select(l => l.DisplayName))}." };
    }

    private static async Task<List<StaffRef>> TeamLeadsOfAsync(
        CaseManagementDbContext db, Organisation organisation, string? team, CancellationToken cancellationToken)
    {
        var role = organisation == Organisation.Jobcenter ? StaffRole.TeamLeadJobcenter : StaffRole.TeamLeadDrugHelp;
        var leads = await (
            from user in db.Users.AsNoTracking()
            join userRole in db.UserRoles on user.Id equals userRole.UserId
            join r in db.Roles on userRole.RoleId equals r.Id
            where r.Name == role && user.Organisation == organisation && user.DeactivatedAt == null
            orderby user.DisplayName
            select new { user.Id, user.DisplayName, user.Organisation, user.Team }).ToListAsync(cancellationToken);
        var ofTeam = leads.Where(l => team is not null && string.Equals(l.Team, team, StringComparison.OrdinalIgnoreCase)).ToList();
        return [.. (ofTeam.Count > 0 ? ofTeam : leads).Select(l => new StaffRef(l.Id, l.DisplayName, l.Organisation))];
    }
}
