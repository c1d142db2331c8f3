using CaseManagement.Application.Clients;
using CaseManagement.Application.Notifications;
using CaseManagement.Application.Team;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests.Team;

/// <summary>
/// Umverteilung through the real command on PostgreSQL: only a team lead, only within their own
/// organisation, audited, both people notified, and a case changed in between is refused with
/// nothing overwritten.
/// </summary>
public sealed class CaseReassignmentTests(AppFixture app) : IClassFixture<AppFixture>
{
    private sealed record Team(
        StaffMember JobcenterLead, StaffMember DrugHelpLead, StaffMember Anton, StaffMember Berta, StaffMember Dana, StaffMember Emil);

    [Fact]
    public async Task The_jobcenter_team_lead_hands_a_case_to_a_colleague_audited_and_both_people_are_notified()
    {
        var team = await TeamAsync();
        var client = await JointCaseAsync(team.Anton, team.Dana);
        var before = await LastAuditIdAsync();

        var result = await Reassign(team.JobcenterLead, client, team.Berta.Id, "Urlaubsvertretung bis Ende Januar");

        Assert.True(result.Succeeded, result.Message);
        var stored = await StoredAsync(client.Id);
        Assert.Equal(team.Berta.Id, stored.ResponsibleCaseManagerId);
        Assert.Equal(team.Dana.Id, stored.ResponsibleDrugHelpWorkerId);
        Assert.NotEqual(client.ConcurrencyStamp, stored.ConcurrencyStamp);

        await using var db = await app.DbAsync();
        var entry = Assert.Single(await db.AuditEntries.Where(a => a.Id > before && a.ClientId == client.Id).ToListAsync());
        Assert.Equal(AuditAction.ResponsibilityChanged, entry.Action);
        Assert.Equal(team.JobcenterLead.Id, entry.UserId);
        Assert.Equal(client.CaseNumber, entry.CaseNumber);
        Assert.Equal("Zuständigkeit Jobcenter, Grund: Urlaubsvertretung bis Ende Januar", entry.Fields);

        var forBerta = Assert.Single((await app.Service<StaffNotifications>().UnreadAsync(team.Berta)).Newest, n => n.Text.Contains(client.CaseNumber, StringComparison.Ordinal));
        Assert.Equal(
            $"Der Fall {client.CaseNumber} wurde Ihnen von {team.JobcenterLead.DisplayName} (Teamleitung) zugewiesen; bisher zuständig: {team.Anton.DisplayName}. Grund: Urlaubsvertretung bis Ende Januar",
            forBerta.Text);
        Assert.Equal(client.Id, forBerta.ClientId);
        var forAnton = Assert.Single((await app.Service<StaffNotifications>().UnreadAsync(team.Anton)).Newest, n => n.Text.Contains(client.CaseNumber, StringComparison.Ordinal));
        Assert.Equal($"Der Fall {client.CaseNumber} wurde von {team.JobcenterLead.DisplayName} (Teamleitung) an {team.Berta.DisplayName} übergeben. Grund: Urlaubsvertretung bis Ende Januar", forAnton.Text);
        Assert.Null(forAnton.ClientId);
        await using (var check = await app.DbAsync())
        {
            // Stored with the client all the same, so that it goes when the client is deleted (retention).
            Assert.Equal(client.Id, (await check.StaffNotifications.SingleAsync(n => n.StaffId == team.Anton.Id && n.Text == forAnton.Text)).ClientId);
        }

        // Neither notification names the client.
        Assert.DoesNotContain(client.LastName, forBerta.Text + forAnton.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Vertretung\0")]
    public async Task A_hand_over_without_a_usable_reason_is_refused_and_changes_nothing(string reason)
    {
        var team = await TeamAsync();
        var client = await JointCaseAsync(team.Anton, team.Dana);

        var result = await Reassign(team.JobcenterLead, client, team.Berta.Id, reason);

        Assert.False(result.Succeeded);
        Assert.True(result.Errors.ContainsKey(nameof(HandOverInput.Reason)));
        Assert.Equal(team.Anton.Id, (await StoredAsync(client.Id)).ResponsibleCaseManagerId);
        Assert.DoesNotContain((await app.Service<StaffNotifications>().UnreadAsync(team.Berta)).Newest, n => n.Text.Contains(client.CaseNumber, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_drug_help_team_lead_changes_only_the_drug_help_side_of_a_joint_case()
    {
        var team = await TeamAsync();
        var client = await JointCaseAsync(team.Anton, team.Dana);

        var result = await Reassign(team.DrugHelpLead, client, team.Emil.Id);

        Assert.True(result.Succeeded, result.Message);
        var stored = await StoredAsync(client.Id);
        Assert.Equal(team.Anton.Id, stored.ResponsibleCaseManagerId);
        Assert.Equal(team.Emil.Id, stored.ResponsibleDrugHelpWorkerId);
    }

    [Fact]
    public async Task A_stale_version_is_refused_and_nothing_is_overwritten_or_notified()
    {
        var team = await TeamAsync();
        var client = await JointCaseAsync(team.Anton, team.Dana);
        var colleague = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Carla Conrad");
        // Someone else changes the master data after the team lead's list was loaded.
        var edit = ClientInput.From(await StoredAsync(client.Id));
        edit.Phone = "0621 504-0";
        var changed = await app.Service<ClientRegistration>().UpdateAsync(team.Anton, client.Id, edit, client.ConcurrencyStamp);
        Assert.True(changed.Succeeded, changed.Message);
        var before = await LastAuditIdAsync();

        var result = await Reassign(team.JobcenterLead, client, colleague.Id);

        Assert.True(result.Conflict);
        Assert.False(result.Succeeded);
        Assert.StartsWith("Der Fall wurde inzwischen von jemand anderem geändert", result.Message, StringComparison.Ordinal);
        Assert.Equal(team.Anton.Id, (await StoredAsync(client.Id)).ResponsibleCaseManagerId);
        Assert.Empty((await app.Service<StaffNotifications>().UnreadAsync(colleague)).Newest);
        await using var db = await app.DbAsync();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Id > before && a.ClientId == client.Id && a.Action == AuditAction.ResponsibilityChanged));
    }

    [Fact]
    public async Task Two_team_lead_tabs_handing_over_the_same_case_the_second_is_refused()
    {
        var team = await TeamAsync();
        var client = await JointCaseAsync(team.Anton, team.Dana);
        var carla = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Carla Conrad");

        var first = await Reassign(team.JobcenterLead, client, team.Berta.Id);
        var second = await Reassign(team.JobcenterLead, client, carla.Id);

        Assert.True(first.Succeeded, first.Message);
        Assert.True(second.Conflict);
        Assert.Equal(team.Berta.Id, (await StoredAsync(client.Id)).ResponsibleCaseManagerId);
    }

    [Fact]
    public async Task A_team_lead_cannot_hand_a_case_to_someone_of_the_other_organisation_or_to_a_non_caseworker()
    {
        var team = await TeamAsync();
        var client = await JointCaseAsync(team.Anton, team.Dana);
        var steering = await app.CreateMemberAsync(StaffRole.SteeringCommittee, Organisation.Jobcenter, "Lenkung JC");

        foreach (var target in new[] { team.Emil.Id, team.Dana.Id, steering.Id, team.JobcenterLead.Id, team.Anton.Id, "no-such-person", "" })
        {
            var result = await Reassign(team.JobcenterLead, client, target);

            Assert.False(result.Succeeded, target);
            Assert.True(result.Errors.ContainsKey(CaseReassignment.NewResponsibleField), target);
        }

        var stored = await StoredAsync(client.Id);
        Assert.Equal(team.Anton.Id, stored.ResponsibleCaseManagerId);
        Assert.Equal(team.Dana.Id, stored.ResponsibleDrugHelpWorkerId);
        Assert.DoesNotContain((await app.Service<StaffNotifications>().UnreadAsync(team.Emil)).Newest, n => n.Text.Contains(client.CaseNumber, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_team_lead_cannot_reassign_a_case_their_organisation_is_not_responsible_for()
    {
        var team = await TeamAsync();
        var drugHelpOnly = CaseData.NewClient(Organisation.DrugHelpService, null, team.Dana.Id);
        await app.SaveClientsAsync([drugHelpOnly]);

        var result = await Reassign(team.JobcenterLead, drugHelpOnly, team.Berta.Id);

        Assert.True(result.NotFound);
        var stored = await StoredAsync(drugHelpOnly.Id);
        Assert.Null(stored.ResponsibleCaseManagerId);
        await using var db = await app.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.ClientId == drugHelpOnly.Id && a.Action == AuditAction.AccessDenied && a.UserId == team.JobcenterLead.Id));
    }

    [Theory]
    [InlineData(StaffRole.CaseManager, Organisation.Jobcenter)]
    [InlineData(StaffRole.DrugHelpWorker, Organisation.DrugHelpService)]
    [InlineData(StaffRole.SteeringCommittee, Organisation.Jobcenter)]
    [InlineData(StaffRole.DataProtectionOfficer, Organisation.Jobcenter)]
    [InlineData(StaffRole.Administrator, Organisation.DrugHelpService)]
    public async Task Caseworkers_steering_data_protection_and_administration_cannot_reassign(string role, Organisation organisation)
    {
        var team = await TeamAsync();
        var user = await app.CreateMemberAsync(role, organisation, $"Keine Teamleitung {role}");
        // A caseworker tries it on a case they are responsible for themselves.
        var client = role switch
        {
            StaffRole.CaseManager => await JointCaseAsync(user, team.Dana),
            StaffRole.DrugHelpWorker => await JointCaseAsync(team.Anton, user),
            _ => await JointCaseAsync(team.Anton, team.Dana),
        };
        var target = organisation == Organisation.Jobcenter ? team.Berta.Id : team.Emil.Id;

        var result = await Reassign(user, client, target);

        Assert.False(result.Succeeded);
        var stored = await StoredAsync(client.Id);
        Assert.Equal(client.ResponsibleCaseManagerId, stored.ResponsibleCaseManagerId);
        Assert.Equal(client.ResponsibleDrugHelpWorkerId, stored.ResponsibleDrugHelpWorkerId);
        await using var db = await app.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.ClientId == client.Id && a.Action == AuditAction.AccessDenied && a.UserId == user.Id));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.ClientId == client.Id && a.Action == AuditAction.ResponsibilityChanged));
    }

    [Theory]
    [InlineData("drug-help-worker")]
    [InlineData("unknown")]
    [InlineData("deactivated")]
    public async Task A_hand_over_to_someone_the_form_never_offered_is_refused_and_audited_by_case_number(string receiver)
    {
        var team = await TeamAsync();
        var client = await JointCaseAsync(team.Anton, team.Dana);
        // A swapped option: a drug-help worker for the Jobcenter side, an id nobody has, or a case manager who has left.
        var target = receiver switch
        {
            "unknown" => Guid.NewGuid().ToString(),
            "deactivated" => (await LeftAsync()).Id,
            _ => team.Emil.Id,
        };

        var result = await Reassign(team.JobcenterLead, client, target);

        Assert.False(result.Succeeded);
        Assert.Equal(team.Anton.Id, (await StoredAsync(client.Id)).ResponsibleCaseManagerId);
        await using var db = await app.DbAsync();
        var refusal = Assert.Single(await db.AuditEntries.Where(a => a.ClientId == client.Id && a.Action == AuditAction.AccessDenied).ToListAsync());
        Assert.Equal(team.JobcenterLead.Id, refusal.UserId);
        Assert.Equal(client.CaseNumber, refusal.CaseNumber);
    }

    private async Task<StaffMember> LeftAsync()
    {
        var left = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Fallmanager Ausgeschieden");
        await using var db = await app.DbAsync();
        (await db.Users.SingleAsync(u => u.Id == left.Id)).DeactivatedAt = app.Now();
        await db.SaveChangesAsync();
        return left;
    }

    [Fact]
    public async Task The_team_figures_follow_the_reassigned_case()
    {
        var team = await TeamAsync();
        var query = app.Service<TeamWorkloadQuery>();
        var client = await JointCaseAsync(team.Anton, team.Dana);
        var before = await query.ForAsync(team.JobcenterLead);

        var result = await Reassign(team.JobcenterLead, client, team.Berta.Id);
        var after = await query.ForAsync(team.JobcenterLead);

        Assert.True(result.Succeeded, result.Message);
        int Active(TeamWorkload? workload, StaffMember member) => workload!.Staff.Single(s => s.Staff.Id == member.Id)[WorkloadFigure.ActiveCases];
        Assert.Equal(Active(before, team.Anton) - 1, Active(after, team.Anton));
        Assert.Equal(Active(before, team.Berta) + 1, Active(after, team.Berta));
        var bertasCases = await query.CasesAsync(team.JobcenterLead, team.Berta.Id, WorkloadFigure.ActiveCases, pageSize: 100);
        Assert.Contains(bertasCases!.Rows, r => r.ClientId == client.Id);
    }

    private Task<Application.CommandResult> Reassign(StaffMember actor, Client client, string target, string reason = "Ausgleich der Fallbelastung") =>
        app.Service<CaseReassignment>().ReassignAsync(actor, client.Id, new HandOverInput { NewResponsibleId = target, Reason = reason }, client.ConcurrencyStamp);

    private async Task<Client> JointCaseAsync(StaffMember caseManager, StaffMember drugHelpWorker)
    {
        var client = CaseData.NewClient(Organisation.Jobcenter, caseManager.Id, drugHelpWorker.Id, lastName: "Übergabe");
        client.AddEpisode(app.Today().AddDays(-30));
        await app.SaveClientsAsync([client]);
        return client;
    }

    private async Task<Client> StoredAsync(Guid clientId)
    {
        await using var db = await app.DbAsync();
        return await db.Clients.AsNoTracking().SingleAsync(c => c.Id == clientId);
    }

    private async Task<long> LastAuditIdAsync()
    {
        await using var db = await app.DbAsync();
        return await db.AuditEntries.MaxAsync(a => (long?)a.Id) ?? 0;
    }

    private Task<Team> TeamAsync() => PerFixture<Team>.GetAsync(app, async a => new Team(
        await a.CreateMemberAsync(StaffRole.TeamLeadJobcenter, Organisation.Jobcenter, "Tanja Teamleitung"),
        await a.CreateMemberAsync(StaffRole.TeamLeadDrugHelp, Organisation.DrugHelpService, "Theo Teamleitung"),
        await a.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Anton Acker"),
        await a.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Berta Brandt"),
        await a.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Dana Dörr"),
        await a.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Emil Eck")));
}
