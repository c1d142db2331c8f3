using CaseManagement.Application.Team;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests.Team;

/// <summary>
/// A team lead leads a team: the team written on the accounts decides whom the view lists and
/// whose cases the drill-down opens. A team lead without a team (head of department) sees the
/// whole organisation.
/// </summary>
public sealed class TeamScopeTests(AppFixture app) : IClassFixture<AppFixture>
{
    private sealed record Data(
        StaffMember NorthLead, StaffMember HeadOfDepartment, StaffMember North1, StaffMember North2, StaffMember South, StaffMember NoTeam,
        StaffMember NorthFormer, StaffMember NorthPartner, StaffMember SouthPartner);

    [Fact]
    public async Task A_team_lead_sees_the_caseworkers_of_their_own_team_only_whatever_the_case_or_spaces_of_the_team_name()
    {
        var data = await DataAsync();

        var team = await app.Service<TeamWorkloadQuery>().ForAsync(data.NorthLead);

        Assert.NotNull(team);
        Assert.Equal("Team Nord", team.Scope.Team);
        Assert.Equal(
            new[] { data.North1.Id, data.North2.Id, data.NorthFormer.Id }.Order(),
            team.Staff.Select(s => s.Staff.Id).Order());
        Assert.Equal(2, team.Staff.Single(s => s.Staff.Id == data.North1.Id)[WorkloadFigure.ActiveCases]);
        Assert.Equal(1, team.Staff.Single(s => s.Staff.Id == data.North2.Id)[WorkloadFigure.ActiveCases]);
        // Someone of the team who is no caseworker any more but still holds a case is listed, marked.
        var former = team.Staff.Single(s => s.Staff.Id == data.NorthFormer.Id);
        Assert.False(former.IsCaseworker);
        Assert.Equal(1, former[WorkloadFigure.ActiveCases]);
        Assert.Equal(4, team.Total(WorkloadFigure.ActiveCases));
    }

    [Fact]
    public async Task A_team_lead_without_a_team_sees_the_whole_organisation()
    {
        var data = await DataAsync();

        var team = await app.Service<TeamWorkloadQuery>().ForAsync(data.HeadOfDepartment);

        Assert.NotNull(team);
        Assert.Null(team.Scope.Team);
        foreach (var person in new[] { data.North1, data.North2, data.South, data.NoTeam, data.NorthFormer })
        {
            Assert.Contains(team.Staff, s => s.Staff.Id == person.Id);
        }

        Assert.Equal(3, team.Staff.Single(s => s.Staff.Id == data.South.Id)[WorkloadFigure.ActiveCases]);
    }

    [Fact]
    public async Task The_drill_down_does_not_open_a_person_of_another_team()
    {
        var data = await DataAsync();
        var query = app.Service<TeamWorkloadQuery>();

        foreach (var figure in WorkloadFigures.All)
        {
            Assert.Null(await query.CasesAsync(data.NorthLead, data.South.Id, figure));
            Assert.Null(await query.CasesAsync(data.NorthLead, data.NoTeam.Id, figure));
        }

        var own = await query.CasesAsync(data.NorthLead, data.North1.Id, WorkloadFigure.ActiveCases);
        Assert.Equal(2, own!.Rows.Count);
        var south = await query.CasesAsync(data.HeadOfDepartment, data.South.Id, WorkloadFigure.ActiveCases);
        Assert.Equal(3, south!.Rows.Count);
    }

    [Fact]
    public async Task A_team_lead_whose_account_has_meanwhile_moved_to_the_other_organisation_sees_nobody_of_the_old_one()
    {
        var data = await DataAsync();
        // Signed in as a Jobcenter team lead of Team Nord; meanwhile the account was moved (or removed).
        var moved = await app.CreateMemberAsync(StaffRole.TeamLeadJobcenter, Organisation.Jobcenter, "Teamleitung Umzug");
        await using (var db = await app.DbAsync())
        {
            var account = await db.Users.SingleAsync(u => u.Id == moved.Id);
            account.Team = "Team Nord";
            account.Organisation = Organisation.DrugHelpService;
            await db.SaveChangesAsync();
        }

        var query = app.Service<TeamWorkloadQuery>();
        var team = await query.ForAsync(moved);

        Assert.NotNull(team);
        Assert.Empty(team.Staff);
        Assert.All(WorkloadFigures.All, figure => Assert.Equal(0, team.Total(figure)));
        Assert.Null(await query.CasesAsync(moved, data.North1.Id, WorkloadFigure.ActiveCases));
        Assert.Null(await query.CasesAsync(moved, data.South.Id, WorkloadFigure.ActiveCases));
    }

    [Fact]
    public async Task A_team_lead_neither_opens_nor_hands_over_a_case_of_another_team_by_its_id()
    {
        var data = await DataAsync();
        Client southCase;
        await using (var db = await app.DbAsync())
        {
            southCase = await db.Clients.AsNoTracking().FirstAsync(c => c.ResponsibleCaseManagerId == data.South.Id);
        }

        var cases = app.Service<TeamCaseQuery>();
        Assert.Null(await cases.OpenAsync(data.NorthLead, southCase.Id));
        var handOver = new HandOverInput { NewResponsibleId = data.North1.Id, Reason = "Urlaubsvertretung im Team Nord" };
        var refused = await app.Service<CaseReassignment>().ReassignAsync(data.NorthLead, southCase.Id, handOver, southCase.ConcurrencyStamp);
        Assert.False(refused.Succeeded);
        await using (var db = await app.DbAsync())
        {
            Assert.Equal(data.South.Id, (await db.Clients.AsNoTracking().SingleAsync(c => c.Id == southCase.Id)).ResponsibleCaseManagerId);
            Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.ClientId == southCase.Id && a.UserId == data.NorthLead.Id && a.Action == AuditAction.AccessDenied));
        }

        // The head of department oversees every team; the lead of Team Nord their own.
        Assert.NotNull(await cases.OpenAsync(data.HeadOfDepartment, southCase.Id));
        Client northCase;
        await using (var db = await app.DbAsync())
        {
            northCase = await db.Clients.AsNoTracking().FirstAsync(c => c.ResponsibleCaseManagerId == data.North1.Id);
        }

        Assert.NotNull(await cases.OpenAsync(data.NorthLead, northCase.Id));
    }

    [Fact]
    public async Task The_team_week_lists_the_own_team_and_on_the_other_side_those_who_share_its_cases()
    {
        var data = await DataAsync();
        var teams = app.Service<TeamDirectory>();

        var north = await teams.TeamOfAsync(data.North1);
        var noTeam = await teams.TeamOfAsync(data.NoTeam);

        Assert.Equal("team nord", north.Team); // as written on their own account
        Assert.Equal(new[] { data.North1.Id, data.North2.Id }.Order(), north.Caseworkers.Select(c => c.Id).Order());
        Assert.Equal([data.NorthPartner.Id], (await teams.CounterpartsOfAsync(north)).Select(c => c.Id));
        Assert.Null(noTeam.Team);
        Assert.Contains(noTeam.Caseworkers, c => c.Id == data.South.Id);
        var everyone = (await teams.CounterpartsOfAsync(noTeam)).Select(c => c.Id).ToList();
        Assert.Contains(data.NorthPartner.Id, everyone);
        Assert.Contains(data.SouthPartner.Id, everyone);
    }

    [Fact]
    public async Task A_former_colleague_whose_cases_have_nothing_to_count_is_not_listed_and_overdue_steps_count_per_person()
    {
        var lead = await app.CreateMemberAsync(StaffRole.TeamLeadJobcenter, Organisation.Jobcenter, "Teamleitung Ost");
        var quiet = await app.JointCaseAsync(lastName: "Ruhig");
        var busy = await app.JointCaseAsync(lastName: "Beschäftigt");
        await app.AgreedAsync(quiet);
        var overdueInput = app.AgreeableInput();
        foreach (var step in overdueInput.Goals.SelectMany(g => g.Steps))
        {
            step.DueOn = app.Today().AddDays(-3);
        }

        await app.DraftAsync(busy, overdueInput);
        await using (var db = await app.DbAsync())
        {
            foreach (var user in await db.Users.Where(u => u.Id == lead.Id || u.Id == quiet.CaseManager.Id || u.Id == busy.CaseManager.Id).ToListAsync())
            {
                user.Team = "Team Ost";
            }

            // The quiet colleague has left: their case is closed and its plan in force has nothing overdue.
            var leaver = await db.Users.SingleAsync(u => u.Id == quiet.CaseManager.Id);
            leaver.DeactivatedAt = app.Now();
            var episode = await db.Set<CaseManagement.Domain.Clients.CaseEpisode>().SingleAsync(e => e.ClientId == quiet.ClientId);
            episode.EndedOn = app.Today();
            episode.ClosureReason = CaseManagement.Domain.Clients.ClosureReason.MovedAway;
            await db.SaveChangesAsync();
        }

        var agreedBusy = await app.ShownAsync(busy.CaseManager, busy.ClientId);
        var agreed = await app.Service<CaseManagement.Application.HelpPlans.HelpPlanCommands>()
            .AgreeAsync(busy.CaseManager, busy.ClientId, agreedBusy.Id, app.Everyone(), agreedBusy.Token);
        Assert.True(agreed.Succeeded, agreed.Message);

        var team = await app.Service<TeamWorkloadQuery>().ForAsync(lead);

        Assert.NotNull(team);
        Assert.Equal([busy.CaseManager.Id], team.Staff.Select(s => s.Staff.Id));
        Assert.Equal(3, team.Staff.Single()[WorkloadFigure.StepsOverdue]);
        var drillDown = await app.Service<TeamWorkloadQuery>().CasesAsync(lead, busy.CaseManager.Id, WorkloadFigure.StepsOverdue);
        Assert.NotNull(drillDown);
        Assert.Equal(3, drillDown.Rows.Count);
    }

    [Fact]
    public async Task Team_names_beyond_ASCII_are_one_team_whatever_their_case_also_for_accounts_whose_stored_key_is_missing()
    {
        var lead = await app.CreateMemberAsync(StaffRole.TeamLeadDrugHelp, Organisation.DrugHelpService, "Teamleitung Süd-Ost");
        var keyed = await app.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Özlem Östlich");
        var unkeyed = await app.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Ümit Übrig");
        var elsewhere = await app.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Erik Anderswo");
        await using (var db = await app.DbAsync())
        {
            var teams = new Dictionary<string, string> { [lead.Id] = "Team Süd-Ost", [keyed.Id] = "TEAM SÜD-OST", [unkeyed.Id] = " team süd-ost", [elsewhere.Id] = "Team Nord-West" };
            foreach (var user in await db.Users.Where(u => teams.Keys.Contains(u.Id)).ToListAsync())
            {
                user.Team = teams[user.Id];
            }

            await db.SaveChangesAsync();
            Assert.Equal("team süd-ost", (await db.Users.SingleAsync(u => u.Id == keyed.Id)).TeamKey);
            // Accounts from before the key whose names the migration could not fold (not plain ASCII): the lead's own among them.
            foreach (var id in new[] { lead.Id, unkeyed.Id })
            {
                await db.Database.ExecuteSqlAsync($"""UPDATE "AspNetUsers" SET "TeamKey" = NULL WHERE "Id" = {id}""");
            }
        }

        var team = await app.Service<TeamDirectory>().TeamOfAsync(lead);

        Assert.Equal("Team Süd-Ost", team.Team);
        Assert.Equal(new[] { keyed.Id, unkeyed.Id }.Order(), team.Caseworkers.Select(c => c.Id).Order());
        Assert.False(team.Includes(elsewhere.Id));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task The_migration_gives_existing_accounts_the_key_of_their_team_where_the_database_folds_it_as_dotnet_does(DatabaseProvider provider)
    {
        await using var database = await DatabaseBeforeMigration.CreateAsync(provider, "TeamKeys");
        var teams = new Dictionary<string, string?>
        {
            ["nord"] = "  Team Nord ",
            ["u25"] = "U25",
            ["sued"] = "Team Süd",
            ["blank"] = "   ",
            ["none"] = null,
        };
        foreach (var (id, team) in teams)
        {
            await database.Db.Database.ExecuteSqlAsync($"""
                INSERT INTO "AspNetUsers" ("Id", "DisplayName", "Organisation", "Team", "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "MustChangePassword")
                VALUES ({id}, {id}, 1, {team}, FALSE, FALSE, FALSE, TRUE, 0, FALSE)
                """);
        }

        await database.MigrateAsync();

        var keys = await database.Db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.TeamKey);
        Assert.Equal("team nord", keys["nord"]);
        Assert.Equal("u25", keys["u25"]);
        Assert.Null(keys["sued"]); // compared by name until the account is saved again
        Assert.Null(keys["blank"]);
        Assert.Null(keys["none"]);
    }

    private Task<Data> DataAsync() => PerFixture<Data>.GetAsync(app, CreateAsync);

    private static async Task<Data> CreateAsync(AppFixture app)
    {
        var northLead = await app.CreateMemberAsync(StaffRole.TeamLeadJobcenter, Organisation.Jobcenter, "Teamleitung Nord");
        var head = await app.CreateMemberAsync(StaffRole.TeamLeadJobcenter, Organisation.Jobcenter, "Bereichsleitung");
        var north1 = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Nora Nord");
        var north2 = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Norbert Nordmann");
        var south = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Susanne Süd");
        var noTeam = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Olaf Ohneteam");
        // Once a case manager of the team, now Administration; still responsible for one case.
        var former = await app.CreateMemberAsync(StaffRole.Administrator, Organisation.Jobcenter, "Frida Früher");
        var northPartner = await app.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Paula Partner");
        var southPartner = await app.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Sven Seite");
        await using (var db = await app.DbAsync())
        {
            var teams = new Dictionary<string, string?>
            {
                [northLead.Id] = "Team Nord",
                [north1.Id] = "team nord",
                [north2.Id] = "  Team Nord ",
                [former.Id] = "Team Nord",
                [south.Id] = "Team Süd",
            };
            foreach (var user in await db.Users.Where(u => teams.Keys.Contains(u.Id)).ToListAsync())
            {
                user.Team = teams[user.Id];
            }

            await db.SaveChangesAsync();
        }

        var today = app.Today();
        var clients = new[] { north1, north1, north2, former, south, south, south, noTeam }.Select((person, i) =>
        {
            var client = CaseData.NewClient(Organisation.Jobcenter, person.Id, i == 0 ? northPartner.Id : i == 4 ? southPartner.Id : null);
            client.AddEpisode(today.AddDays(-30));
            return client;
        }).ToList();
        await app.SaveClientsAsync(clients);
        return new Data(northLead, head, north1, north2, south, noTeam, former, northPartner, southPartner);
    }
}
