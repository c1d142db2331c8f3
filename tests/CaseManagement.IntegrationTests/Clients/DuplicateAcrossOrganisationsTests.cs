using CaseManagement.Application.Clients;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Appointments;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Staff;
using CaseManagement.IntegrationTests.Referrals;
using CaseManagement.IntegrationTests.Reports;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests.Clients;

/// <summary>
/// A person registered by the drug-help service whom the Jobcenter already has: the caseworker is told
/// nothing, the team leads of both organisations see a suspicion (each in full only for their own
/// record) and decide together; "different" closes it, "same" merges the later record into the
/// earlier one without losing a row – and only with a consent in force.
/// </summary>
public sealed class DuplicateAcrossOrganisationsTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_caseworker_is_told_nothing_and_only_the_team_leads_see_the_suspicion_each_in_full_for_their_own_record()
    {
        var (caseManager, drugHelpWorker) = await StaffAsync("Sicht");
        var earlier = await RegisterAsync(caseManager, "Aylin", "Demirtaş", new DateOnly(2001, 11, 30));

        var later = await app.Service<ClientRegistration>().RegisterAsync(drugHelpWorker, Input("Aylin", "Demirtas", new DateOnly(2001, 11, 30)));

        Assert.True(later.Succeeded, later.Message);
        Assert.Empty(later.Warnings);
        var review = app.Service<DuplicateReview>();
        Assert.Empty(await review.ListAsync(caseManager));
        Assert.Empty(await review.ListAsync(drugHelpWorker));

        var jobcenterView = Assert.Single(await review.ListAsync(await app.DemoMemberAsync(StaffRole.TeamLeadJobcenter)), c => c.Earlier.CaseNumber == earlier.CaseNumber);
        Assert.Equal((true, "Aylin Demirtaş", "Fallmanagerin Sicht"), (jobcenterView.Earlier.Known, jobcenterView.Earlier.FullName, jobcenterView.Earlier.ResponsibleName));
        Assert.Equal((false, null, null), (jobcenterView.Later.Known, jobcenterView.Later.FullName, jobcenterView.Later.BirthDate));
        Assert.Equal(later.Value!.CaseNumber, jobcenterView.Later.CaseNumber);

        var drugHelpView = Assert.Single(await review.ListAsync(await app.DemoMemberAsync(StaffRole.TeamLeadDrugHelp)), c => c.Earlier.CaseNumber == earlier.CaseNumber);
        Assert.Equal((false, null), (drugHelpView.Earlier.Known, drugHelpView.Earlier.FullName));
        Assert.Equal((true, "Aylin Demirtas"), (drugHelpView.Later.Known, drugHelpView.Later.FullName));
    }

    [Fact]
    public async Task A_team_lead_reads_the_name_of_the_other_organisations_record_only_under_a_consent_even_when_their_side_works_on_it()
    {
        var (caseManager, drugHelpWorker) = await StaffAsync("Ohne Einwilligung");
        var otherWorker = await app.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Fachkraft Zweite");
        var earlier = await app.Service<ClientRegistration>().RegisterAsync(caseManager, new ClientInput
        {
            FirstName = "Franziska", LastName = "Opitz", BirthDate = new DateOnly(1986, 6, 6), PostalCode = "67061", City = "Ludwigshafen am Rhein",
            CounterpartId = drugHelpWorker.Id,
        });
        Assert.True(earlier.Succeeded, earlier.Message);
        Assert.True((await app.Service<ClientRegistration>().RegisterAsync(otherWorker, Input("Franziska", "Opitz", new DateOnly(1986, 6, 6)))).Succeeded);

        var view = Assert.Single(await app.Service<DuplicateReview>().ListAsync(await app.DemoMemberAsync(StaffRole.TeamLeadDrugHelp)), c => c.Earlier.CaseNumber == earlier.Value!.CaseNumber);

        // The Jobcenter holds the earlier record's master data and no consent lets the drug-help side read it.
        Assert.Equal((false, null, null), (view.Earlier.Known, view.Earlier.FullName, view.Earlier.BirthDate));
        Assert.Equal("Fachkraft Ohne Einwilligung", view.Earlier.ResponsibleName);
        Assert.Equal((true, "Franziska Opitz"), (view.Later.Known, view.Later.FullName));
    }

    [Fact]
    public async Task Different_people_is_decided_by_both_team_leads_and_then_closes_the_suspicion()
    {
        var (caseManager, drugHelpWorker) = await StaffAsync("Verschieden");
        var earlier = await RegisterAsync(caseManager, "Bernd", "Kowalski", new DateOnly(1975, 1, 2));
        var later = await RegisterAsync(drugHelpWorker, "Bernd", "Kowalsky", new DateOnly(1975, 1, 2));
        var (jobcenterLead, drugHelpLead) = (await app.DemoMemberAsync(StaffRole.TeamLeadJobcenter), await app.DemoMemberAsync(StaffRole.TeamLeadDrugHelp));
        var review = app.Service<DuplicateReview>();
        var suspicion = Assert.Single(await review.ListAsync(jobcenterLead), c => c.Earlier.CaseNumber == earlier.CaseNumber);

        var first = await review.DecideAsync(jobcenterLead, suspicion.Id, DuplicateVerdict.DifferentPeople, suspicion.ConcurrencyStamp);
        Assert.Contains("wartet auf die Entscheidung der anderen Teamleitung", first.Message, StringComparison.Ordinal);
        Assert.True((await review.DecideAsync(drugHelpLead, suspicion.Id, DuplicateVerdict.DifferentPeople, suspicion.ConcurrencyStamp)).Conflict);
        Assert.True((await review.DecideAsync(caseManager, suspicion.Id, DuplicateVerdict.DifferentPeople, suspicion.ConcurrencyStamp)).NotFound);

        var current = Assert.Single(await review.ListAsync(drugHelpLead), c => c.Id == suspicion.Id);
        var second = await review.DecideAsync(drugHelpLead, suspicion.Id, DuplicateVerdict.DifferentPeople, current.ConcurrencyStamp);

        Assert.Equal("Verdacht geschlossen: verschiedene Personen.", second.Message);
        Assert.DoesNotContain(await review.ListAsync(jobcenterLead), c => c.Id == suspicion.Id);
        await using var db = await app.DbAsync();
        Assert.Equal(2, await db.Clients.CountAsync(c => c.Id == earlier.Id || c.Id == later.Id));
        Assert.Equal(4, await db.AuditEntries.CountAsync(a => a.Action == AuditAction.DuplicateDecided && (a.ClientId == earlier.Id || a.ClientId == later.Id)));
    }

    [Fact]
    public async Task Disagreement_is_shown_and_same_person_merges_every_row_of_the_later_record_into_the_earlier_once_a_consent_is_in_force()
    {
        var (caseManager, drugHelpWorker) = await StaffAsync("Gleich");
        var earlier = await RegisterAsync(caseManager, "Carla", "Neumann", new DateOnly(1983, 7, 9));
        var later = await RegisterAsync(drugHelpWorker, "Karla", "Neumann", new DateOnly(1983, 7, 9));
        var partner = await app.PartnerAsync(PartnerType.DebtCounselling);
        await using (var db = await app.DbAsync())
        {
            var laterClient = await db.Clients.Include(c => c.Episodes).Include(c => c.Notes).SingleAsync(c => c.Id == later.Id);
            laterClient.Phone = "0621 Drogenhilfe-Telefon";
            laterClient.OpenEpisode!.MainDiagnosis = "F11.2";
            laterClient.OpenEpisode!.ConditionsImposed = "Urinkontrollen";
            db.InternalNotes.Add(laterClient.AddNote(Organisation.DrugHelpService, "Notiz der Drogenhilfe"));
            db.HelpPlans.Add(SteeringReportData.Plan(laterClient, 1, app.Now().AddDays(-3)));
            db.Appointments.Add(SteeringReportData.Appointment(later.Id, AppointmentType.DrugHelpOnly, app.Now().AddDays(-2), AppointmentOutcome.Attended));
            db.Referrals.Add(Referral.Propose(later.Id, partner, "Schulden", null, app.Today(), app.Today(), SteeringReportData.Actor, app.Now()));
            var earlierClient = await db.Clients.SingleAsync(c => c.Id == earlier.Id);
            db.HelpPlans.Add(SteeringReportData.Plan(earlierClient, 1, app.Now().AddDays(-60), agreedOn: app.Today().AddDays(-50), closedOn: app.Today().AddDays(-10)));
            await db.SaveChangesAsync();
        }

        var (jobcenterLead, drugHelpLead) = (await app.DemoMemberAsync(StaffRole.TeamLeadJobcenter), await app.DemoMemberAsync(StaffRole.TeamLeadDrugHelp));
        var review = app.Service<DuplicateReview>();
        var suspicion = Assert.Single(await review.ListAsync(jobcenterLead), c => c.Earlier.CaseNumber == earlier.CaseNumber);
        await review.DecideAsync(jobcenterLead, suspicion.Id, DuplicateVerdict.SamePerson, suspicion.ConcurrencyStamp);
        var stamp = (await review.ListAsync(drugHelpLead)).Single(c => c.Id == suspicion.Id).ConcurrencyStamp;
        var disputed = await review.DecideAsync(drugHelpLead, suspicion.Id, DuplicateVerdict.DifferentPeople, stamp);
        Assert.Contains("nicht einig", disputed.Message, StringComparison.Ordinal);
        Assert.True((await review.ListAsync(jobcenterLead)).Single(c => c.Id == suspicion.Id).Disputed);

        // Agreed, but no consent in force: nothing is merged.
        stamp = (await review.ListAsync(drugHelpLead)).Single(c => c.Id == suspicion.Id).ConcurrencyStamp;
        var withoutConsent = await review.DecideAsync(drugHelpLead, suspicion.Id, DuplicateVerdict.SamePerson, stamp);
        Assert.Contains("Keine der beiden Akten hat eine gültige Einwilligung", withoutConsent.Message, StringComparison.Ordinal);
        await using (var db = await app.DbAsync())
        {
            Assert.True(await db.Clients.AnyAsync(c => c.Id == later.Id));
            var client = await db.Clients.SingleAsync(c => c.Id == earlier.Id);
            db.Consents.Add(client.AddConsent(caseManager.Id, ConsentScope.MasterData | ConsentScope.HelpPlan, ConsentDirections.JobcenterToDrugHelp | ConsentDirections.DrugHelpToJobcenter, app.Today()));
            await db.SaveChangesAsync();
        }

        stamp = (await review.ListAsync(drugHelpLead)).Single(c => c.Id == suspicion.Id).ConcurrencyStamp;
        var merged = await review.DecideAsync(drugHelpLead, suspicion.Id, DuplicateVerdict.SamePerson, stamp);

        Assert.Equal($"Zusammengeführt: Die Akte {later.CaseNumber} ist jetzt Teil von {earlier.CaseNumber}.", merged.Message);
        await using (var db = await app.DbAsync())
        {
            Assert.False(await db.Clients.AnyAsync(c => c.Id == later.Id));
            var client = await db.Clients.Include(c => c.Episodes).Include(c => c.Notes).Include(c => c.Consents).SingleAsync(c => c.Id == earlier.Id);
            Assert.Equal((caseManager.Id, drugHelpWorker.Id), (client.ResponsibleCaseManagerId, client.ResponsibleDrugHelpWorkerId));
            Assert.Equal("0621 Drogenhilfe-Telefon", client.Phone);
            var episode = Assert.Single(client.Episodes);
            Assert.Equal(("F11.2", "Urinkontrollen"), (episode.MainDiagnosis, episode.ConditionsImposed));
            Assert.Contains(client.Notes, n => n.Text == "Notiz der Drogenhilfe" && n.Organisation == Organisation.DrugHelpService);
            var kept = Assert.Single(client.Notes, n => n.Text.StartsWith($"Aus der zusammengeführten Akte {later.CaseNumber}", StringComparison.Ordinal));
            Assert.Equal(Organisation.DrugHelpService, kept.Organisation);
            Assert.Contains("Vorname: Karla", kept.Text, StringComparison.Ordinal);

            var plans = await db.HelpPlans.Where(p => p.ClientId == earlier.Id).OrderBy(p => p.Version).Select(p => new { p.Version, p.Status }).ToListAsync();
            Assert.Equal([(1, HelpPlanStatus.Closed), (2, HelpPlanStatus.Draft)], plans.Select(p => (p.Version, p.Status)));
            Assert.Equal(1, await db.Appointments.CountAsync(a => a.ClientId == earlier.Id));
            Assert.Equal(1, await db.Referrals.CountAsync(r => r.ClientId == earlier.Id));
            Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == AuditAction.RecordsMerged && (a.ClientId == earlier.Id || a.ClientId == later.Id)));
            Assert.False(await db.DuplicateSuspicions.AnyAsync(d => d.Id == suspicion.Id && d.ResolvedAt == null));
        }

        Assert.DoesNotContain(await review.ListAsync(jobcenterLead), c => c.Id == suspicion.Id);
    }

    [Fact]
    public async Task Two_records_of_colleagues_in_one_organisation_are_decided_by_its_team_lead_alone_and_merged_without_a_consent()
    {
        var colleague = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Fallmanager Kollege");
        var (caseManager, _) = await StaffAsync("Eine Stelle");
        var earlier = await RegisterAsync(colleague, "Emil", "Brandstätter", new DateOnly(1990, 10, 10));
        var later = await app.Service<ClientRegistration>().RegisterAsync(caseManager, Input("Emil", "Brandstaetter", new DateOnly(1990, 10, 10)));
        Assert.True(later.Succeeded, later.Message);
        Assert.Empty(later.Warnings);

        var review = app.Service<DuplicateReview>();
        Assert.DoesNotContain(await review.ListAsync(await app.DemoMemberAsync(StaffRole.TeamLeadDrugHelp)), c => c.Earlier.CaseNumber == earlier.CaseNumber);
        var lead = await app.DemoMemberAsync(StaffRole.TeamLeadJobcenter);
        var suspicion = Assert.Single(await review.ListAsync(lead), c => c.Earlier.CaseNumber == earlier.CaseNumber);
        Assert.Equal(["Jobcenter"], suspicion.Verdicts.Select(v => v.Organisation));
        // The drug-help team lead has no part in it, even with the id in hand.
        Assert.True((await review.DecideAsync(await app.DemoMemberAsync(StaffRole.TeamLeadDrugHelp), suspicion.Id, DuplicateVerdict.DifferentPeople, suspicion.ConcurrencyStamp)).NotFound);
        Assert.True((await review.DecideAsync(lead, suspicion.Id, (DuplicateVerdict)99, suspicion.ConcurrencyStamp)).NotFound);

        var refused = await review.DecideAsync(lead, suspicion.Id, DuplicateVerdict.SamePerson, suspicion.ConcurrencyStamp);
        Assert.Contains("unterschiedliche Zuständige", refused.Message, StringComparison.Ordinal);

        // The team lead hands the later record to the colleague first; then no consent is needed to merge.
        Guid stamp;
        await using (var db = await app.DbAsync())
        {
            stamp = await db.Clients.Where(c => c.Id == later.Value!.Id).Select(c => c.ConcurrencyStamp).SingleAsync();
        }

        var handedOver = await app.Service<Application.Team.CaseReassignment>().ReassignAsync(
            lead, later.Value!.Id, new Application.Team.HandOverInput { NewResponsibleId = colleague.Id, Reason = "Dublette" }, stamp);
        Assert.True(handedOver.Succeeded, handedOver.Message);
        var current = Assert.Single(await review.ListAsync(lead), c => c.Id == suspicion.Id);
        var result = await review.DecideAsync(lead, suspicion.Id, DuplicateVerdict.SamePerson, current.ConcurrencyStamp);

        Assert.StartsWith("Zusammengeführt", result.Message, StringComparison.Ordinal);
        await using var check = await app.DbAsync();
        Assert.False(await check.Clients.AnyAsync(c => c.Id == later.Value!.Id));
    }

    [Fact]
    public async Task Two_running_plans_are_not_merged_into_one_chain()
    {
        var (caseManager, drugHelpWorker) = await StaffAsync("Zwei Pläne");
        var earlier = await RegisterAsync(caseManager, "Dieter", "Ostrowski", new DateOnly(1969, 3, 3));
        var later = await RegisterAsync(drugHelpWorker, "Dieter", "Ostrowsky", new DateOnly(1969, 3, 3));
        await using (var db = await app.DbAsync())
        {
            foreach (var id in new[] { earlier.Id, later.Id })
            {
                var client = await db.Clients.SingleAsync(c => c.Id == id);
                db.HelpPlans.Add(SteeringReportData.Plan(client, 1, app.Now().AddDays(-5)));
                db.Consents.Add(client.AddConsent(caseManager.Id, ConsentScope.MasterData, ConsentDirections.JobcenterToDrugHelp | ConsentDirections.DrugHelpToJobcenter, app.Today()));
            }

            await db.SaveChangesAsync();
        }

        var review = app.Service<DuplicateReview>();
        foreach (var lead in new[] { await app.DemoMemberAsync(StaffRole.TeamLeadJobcenter), await app.DemoMemberAsync(StaffRole.TeamLeadDrugHelp) })
        {
            var current = (await review.ListAsync(lead)).Single(c => c.Earlier.CaseNumber == earlier.CaseNumber);
            var result = await review.DecideAsync(lead, current.Id, DuplicateVerdict.SamePerson, current.ConcurrencyStamp);
            Assert.False(result.Conflict, result.Message);
            if (lead.Organisation == Organisation.DrugHelpService)
            {
                Assert.Contains("Beide Akten haben einen laufenden Hilfeplan", result.Message, StringComparison.Ordinal);
            }
        }

        await using var check = await app.DbAsync();
        Assert.Equal(2, await check.Clients.CountAsync(c => c.Id == earlier.Id || c.Id == later.Id));
    }

    [Fact]
    public async Task Every_table_that_refers_to_a_client_is_moved_by_a_merge()
    {
        await using var db = await app.DbAsync();
        var referring = db.Model.GetEntityTypes()
            .Where(t => t.GetForeignKeys().Any(k => k.PrincipalEntityType.ClrType == typeof(Client)))
            .Select(t => t.ClrType.Name).Order();

        Assert.Equal(ClientMerge.MovedTables.Concat(ClientMerge.RecomputedTables).Select(t => t.Name).Order(), referring);
    }

    private async Task<(StaffMember CaseManager, StaffMember DrugHelpWorker)> StaffAsync(string name) =>
        (await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, $"Fallmanagerin {name}"),
         await app.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, $"Fachkraft {name}"));

    private async Task<RegisteredClient> RegisterAsync(StaffMember actor, string first, string last, DateOnly birthDate)
    {
        var result = await app.Service<ClientRegistration>().RegisterAsync(actor, Input(first, last, birthDate));
        Assert.True(result.Succeeded, result.Message);
        return result.Value!;
    }

    private static ClientInput Input(string first, string last, DateOnly birthDate) => new()
    {
        FirstName = first,
        LastName = last,
        BirthDate = birthDate,
        PostalCode = "67061",
        City = "Ludwigshafen am Rhein",
    };
}
