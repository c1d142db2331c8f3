using System.Text.Json;
using CaseManagement.Application.Team;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Appointments;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests.Team;

/// <summary>
/// The team lead's case view behind a case number of the team view (/team/faelle/{id}), decided per
/// record: a case their organisation works on opens with what the access decision allows; any other
/// case is "not found" exactly like a missing id and the attempt is audited; health data, notes and
/// contents of plans, appointments and referrals never appear; every opening is audited.
/// </summary>
public sealed class TeamCaseViewTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string JobcenterNote = "Notiz Jobcenter: Schulden beim Vermieter";
    private const string DrugHelpNote = "Notiz Drogenhilfe: Rückfall im Mai";
    private const string ReferralReason = "Anbindung an Beratung";

    private sealed record Data(
        StaffMember JobcenterLead, StaffMember DrugHelpLead, StaffMember Anton, StaffMember Dana,
        Client Own, Client HeldByDrugHelp, Client SharedByDrugHelp, Client DrugHelpOnly, DateTimeOffset NextAppointment, string PartnerName);

    [Fact]
    public async Task A_case_of_the_own_organisation_opens_with_name_responsibilities_and_the_workload_facts_the_figures_count()
    {
        var data = await DataAsync();
        var today = app.Today();

        var view = await app.Service<TeamCaseQuery>().OpenAsync(data.JobcenterLead, data.Own.Id);

        Assert.NotNull(view);
        Assert.Equal(data.Own.CaseNumber, view.CaseNumber);
        Assert.Equal("Anna Fallsicht", view.FullName);
        Assert.Equal(new DateOnly(1990, 5, 17), view.BirthDate);
        Assert.Equal(today.AddDays(-100), view.ActiveSince);
        Assert.Equal(data.Anton.Id, view.CaseManager?.Id);
        Assert.Equal(data.Dana.Id, view.DrugHelpWorker?.Id);
        Assert.True(view.MayReassign);
        Assert.Equal(data.NextAppointment, view.NextAppointment);
        var facts = view.Facts.ToLookup(f => f.Figure, f => f.Text);
        Assert.Equal([$"laufend seit {Date(today.AddDays(-100))}"], facts[WorkloadFigure.ActiveCases]);
        Assert.Single(facts[WorkloadFigure.DraftPlans], t => t.StartsWith("Hilfeplan im Entwurf seit ", StringComparison.Ordinal));
        // An appointment with two Jobcenter participants is one fact, as it is one appointment.
        Assert.Single(facts[WorkloadFigure.AppointmentsNextSevenDays], t => t.StartsWith("Termin am ", StringComparison.Ordinal));
        Assert.Single(facts[WorkloadFigure.NoShowsLastThirtyDays], t => t.StartsWith("nicht erschienen am ", StringComparison.Ordinal));
        Assert.Equal([$"Vermittlung angefragt am {Date(today.AddDays(-40))}, wartet seit 40 Tagen"], facts[WorkloadFigure.ReferralsWaiting]);
        Assert.Empty(facts[WorkloadFigure.WithoutCounterpart]);
    }

    [Fact]
    public async Task The_view_never_carries_health_data_notes_or_contents_of_plans_appointments_and_referrals()
    {
        var data = await DataAsync();

        foreach (var (lead, client) in new[] { (data.JobcenterLead, data.Own), (data.DrugHelpLead, data.Own), (data.JobcenterLead, data.SharedByDrugHelp) })
        {
            var view = await app.Service<TeamCaseQuery>().OpenAsync(lead, client.Id);

            Assert.NotNull(view);
            var shown = JsonSerializer.Serialize(view);
            foreach (var secret in new[]
            {
                "F11.2", "F17.2", "Urinkontrollen", nameof(ReferringBody.Physician), JobcenterNote, DrugHelpNote,
                "Aufnahme einer Beschäftigung", "Arbeit finden", "Schritt 1", ReferralReason, data.PartnerName, "Hinterhof am Rathaus",
                "Bismarckstraße", "67059",
            })
            {
                Assert.DoesNotContain(secret, shown, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task The_other_organisations_master_data_shows_only_under_a_consent_in_force_and_its_hiding_is_audited_as_a_refusal()
    {
        var data = await DataAsync();
        var query = app.Service<TeamCaseQuery>();
        var before = await LastAuditIdAsync();

        var hidden = await query.OpenAsync(data.JobcenterLead, data.HeldByDrugHelp.Id);
        var shared = await query.OpenAsync(data.JobcenterLead, data.SharedByDrugHelp.Id);

        Assert.NotNull(hidden);
        Assert.Equal(data.HeldByDrugHelp.CaseNumber, hidden.CaseNumber);
        Assert.Null(hidden.FullName);
        Assert.Null(hidden.BirthDate);
        Assert.False(hidden.MasterDataVisible);
        // The Drogenhilfe's plan is not shared: the figures do not count it, so neither does the view.
        Assert.DoesNotContain(hidden.Facts, f => f.Figure == WorkloadFigure.ReviewsOverdue);
        Assert.NotNull(shared);
        Assert.Equal("Berta Geteilt", shared.FullName);

        var entries = await EntriesAsync(data.JobcenterLead, before);
        Assert.Contains(entries, e => e.ClientId == data.HeldByDrugHelp.Id && e.Action == AuditAction.Viewed);
        Assert.Contains(entries, e => e.ClientId == data.HeldByDrugHelp.Id && e.Action == AuditAction.AccessDenied && e.Category == DataCategory.MasterData
            && e.CaseNumber == data.HeldByDrugHelp.CaseNumber);
        Assert.DoesNotContain(entries, e => e.ClientId == data.SharedByDrugHelp.Id && e.Action == AuditAction.AccessDenied);
    }

    [Fact]
    public async Task A_case_only_the_other_organisation_works_on_is_not_found_like_a_missing_id_and_the_attempt_is_audited()
    {
        var data = await DataAsync();
        var query = app.Service<TeamCaseQuery>();
        var before = await LastAuditIdAsync();

        Assert.Null(await query.OpenAsync(data.JobcenterLead, data.DrugHelpOnly.Id));
        Assert.Null(await query.OpenAsync(data.JobcenterLead, Guid.NewGuid()));

        var entries = await EntriesAsync(data.JobcenterLead, before);
        var refusal = Assert.Single(entries);
        Assert.Equal(AuditAction.AccessDenied, refusal.Action);
        Assert.Equal(data.DrugHelpOnly.Id, refusal.ClientId);
        Assert.Equal(data.DrugHelpOnly.CaseNumber, refusal.CaseNumber);

        // The Drogenhilfe's team lead works on it: for them it opens.
        var theirs = await query.OpenAsync(data.DrugHelpLead, data.DrugHelpOnly.Id);
        Assert.NotNull(theirs);
        Assert.Null(theirs.CaseManager);
        Assert.Contains(theirs.Facts, f => f.Figure == WorkloadFigure.WithoutCounterpart);
    }

    [Fact]
    public async Task Every_opening_is_audited_as_a_read_of_the_case_with_the_sections_shown()
    {
        var data = await DataAsync();
        var before = await LastAuditIdAsync();

        await app.Service<TeamCaseQuery>().OpenAsync(data.JobcenterLead, data.Own.Id);

        var entry = Assert.Single(await EntriesAsync(data.JobcenterLead, before));
        Assert.Equal(AuditAction.Viewed, entry.Action);
        Assert.Equal(data.Own.Id, entry.ClientId);
        Assert.Equal(data.Own.CaseNumber, entry.CaseNumber);
        Assert.Contains("Stammdaten", entry.Fields, StringComparison.Ordinal);
        Assert.DoesNotContain("Gesundheitsdaten", entry.Fields, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StaffRole.CaseManager, Organisation.Jobcenter)]
    [InlineData(StaffRole.SteeringCommittee, Organisation.Jobcenter)]
    [InlineData(StaffRole.DataProtectionOfficer, Organisation.DrugHelpService)]
    [InlineData(StaffRole.Administrator, Organisation.Jobcenter)]
    public async Task Nobody_but_a_team_lead_opens_the_view(string role, Organisation organisation)
    {
        var data = await DataAsync();
        var user = await app.CreateMemberAsync(role, organisation, $"Keine Teamleitung {role}");

        Assert.Null(await app.Service<TeamCaseQuery>().OpenAsync(user, data.Own.Id));
        // Not even the responsible case manager: the team lead's view is not theirs.
        Assert.Null(await app.Service<TeamCaseQuery>().OpenAsync(data.Anton, data.Own.Id));
    }

    private async Task<long> LastAuditIdAsync()
    {
        await using var db = await app.DbAsync();
        return await db.AuditEntries.MaxAsync(a => (long?)a.Id) ?? 0;
    }

    private async Task<List<AuditEntry>> EntriesAsync(StaffMember user, long after)
    {
        await using var db = await app.DbAsync();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Id > after && a.UserId == user.Id).OrderBy(a => a.Id).ToListAsync();
    }

    private static string Date(DateOnly date) => GermanCalendar.Format(date);

    private Task<Data> DataAsync() => PerFixture<Data>.GetAsync(app, CreateAsync);

    private static async Task<Data> CreateAsync(AppFixture app)
    {
        var jobcenterLead = await app.CreateMemberAsync(StaffRole.TeamLeadJobcenter, Organisation.Jobcenter, "Teamleitung JC Fallsicht");
        var drugHelpLead = await app.CreateMemberAsync(StaffRole.TeamLeadDrugHelp, Organisation.DrugHelpService, "Teamleitung DH Fallsicht");
        var anton = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Anton Fallsicht");
        var berta = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Berta Fallsicht");
        var dana = await app.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Dana Fallsicht");
        var today = app.Today();

        // The Jobcenter's, with health data, notes of both sides and every kind of workload fact.
        var own = CaseData.NewClient(Organisation.Jobcenter, anton.Id, dana.Id, lastName: "Fallsicht");
        own.AddEpisode(today.AddDays(-100));
        own.AddNote(Organisation.Jobcenter, JobcenterNote);
        own.AddNote(Organisation.DrugHelpService, DrugHelpNote);
        own.AddConsent(anton.Id, ConsentScope.MasterData | ConsentScope.HelpPlan | ConsentScope.HealthData | ConsentScope.Referrals,
            ConsentDirections.JobcenterToDrugHelp | ConsentDirections.DrugHelpToJobcenter, today.AddDays(-60));
        // Held by the Drogenhilfe, no consent: the Jobcenter's team lead sees the case number, not the name.
        var heldByDrugHelp = CaseData.NewClient(Organisation.DrugHelpService, anton.Id, dana.Id, lastName: "Verborgen");
        heldByDrugHelp.AddEpisode(today.AddDays(-80));
        // Held by the Drogenhilfe, its master data shared with the Jobcenter.
        var sharedByDrugHelp = CaseData.NewClient(Organisation.DrugHelpService, anton.Id, dana.Id, firstName: "Berta", lastName: "Geteilt");
        sharedByDrugHelp.AddEpisode(today.AddDays(-70));
        sharedByDrugHelp.AddNote(Organisation.DrugHelpService, DrugHelpNote);
        sharedByDrugHelp.AddConsent(dana.Id, ConsentScope.MasterData, ConsentDirections.DrugHelpToJobcenter, today.AddDays(-30));
        // Only the Drogenhilfe works on it.
        var drugHelpOnly = CaseData.NewClient(Organisation.DrugHelpService, null, dana.Id, lastName: "Nurdrogenhilfe");
        drugHelpOnly.AddEpisode(today.AddDays(-5));
        await app.SaveClientsAsync([own, heldByDrugHelp, sharedByDrugHelp, drugHelpOnly]);

        var partner = TeamData.Partner();
        var next = TeamData.At(today, 2, 10);
        var outreach = TeamData.Appointment(own.Id, TeamData.At(today, 20, 9), AppointmentOutcome.Open, Organisation.Jobcenter, anton);
        outreach.Place = "Hinterhof am Rathaus";
        await using var db = await app.DbAsync();
        db.Partners.Add(partner);
        db.HelpPlans.AddRange(
            own.AddPlan(HelpPlanStatus.Draft, steps: [(today.AddDays(-9), StepStatus.Planned)]),
            heldByDrugHelp.AddPlan(HelpPlanStatus.Agreed, nextReviewOn: today.AddDays(-1)));
        db.Referrals.AddRange(
            TeamData.Referral(own, partner, anton, today, today.AddDays(-40)),
            TeamData.Referral(heldByDrugHelp, partner, dana, today, today.AddDays(-40)));
        db.Appointments.AddRange(
            TeamData.Appointment(own.Id, next, AppointmentOutcome.Open, Organisation.Jobcenter, anton, berta),
            TeamData.Appointment(own.Id, TeamData.At(today, -3, 10), AppointmentOutcome.NoShow, Organisation.Jobcenter, anton),
            TeamData.Appointment(own.Id, TeamData.At(today, 1, 10), AppointmentOutcome.Cancelled, Organisation.Jobcenter, anton),
            outreach);
        await db.SaveChangesAsync();

        return new Data(jobcenterLead, drugHelpLead, anton, dana, own, heldByDrugHelp, sharedByDrugHelp, drugHelpOnly, next.ToUniversalTime(), partner.Name);
    }
}
