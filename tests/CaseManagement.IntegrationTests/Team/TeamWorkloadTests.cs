using CaseManagement.Application.Access;
using CaseManagement.Application.Team;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Appointments;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests.Team;

/// <summary>
/// The team-lead view on a hand-built data set whose figures are known: what is counted for whom,
/// what is left out (other organisation, no consent, closed, cancelled, boundaries), and that the
/// drill-down lists exactly the counted items, paged without gaps or repeats.
/// </summary>
public sealed class TeamWorkloadTests(AppFixture app) : IClassFixture<AppFixture>
{
    private sealed record Data(
        StaffMember JobcenterLead, StaffMember DrugHelpLead,
        StaffMember Anton, StaffMember Berta, StaffMember Cem, StaffMember Dana, StaffMember Emil,
        Client JointDraft, Client JointOverdue, Client HeldByDrugHelpNoConsent, Client HeldByDrugHelpShared, Client BertaFirst, Client BertaSecond,
        Client DrugHelpOnly, Client Closed);

    [Fact]
    public async Task Each_caseworker_of_the_jobcenter_gets_the_known_figures_and_nobody_of_the_drug_help_service_is_listed()
    {
        var data = await DataAsync();

        var team = await app.Service<TeamWorkloadQuery>().ForAsync(data.JobcenterLead);

        Assert.NotNull(team);
        Assert.Equal(Organisation.Jobcenter, team.Organisation);
        Assert.All(team.Staff, s => Assert.Equal(Organisation.Jobcenter, s.Staff.Organisation));
        Assert.DoesNotContain(team.Staff, s => s.Staff.Id == data.Dana.Id || s.Staff.Id == data.Emil.Id);
        AssertFigures(Person(team, data.Anton), active: 4, drafts: 2, reviews: 1, steps: 2, appointments: 4, noShows: 1, referrals: 3);
        AssertFigures(Person(team, data.Berta), active: 2, drafts: 0, reviews: 0, steps: 0, appointments: 0, noShows: 1, referrals: 0);
        // A caseworker without any case is listed too: room for the next case.
        AssertFigures(Person(team, data.Cem), active: 0, drafts: 0, reviews: 0, steps: 0, appointments: 0, noShows: 0, referrals: 0);
    }

    [Fact]
    public async Task The_drug_help_team_lead_sees_the_same_joint_cases_from_the_drug_help_side_under_the_consent_rule_in_the_other_direction()
    {
        var data = await DataAsync();

        var team = await app.Service<TeamWorkloadQuery>().ForAsync(data.DrugHelpLead);

        Assert.NotNull(team);
        Assert.All(team.Staff, s => Assert.Equal(Organisation.DrugHelpService, s.Staff.Organisation));
        Assert.DoesNotContain(team.Staff, s => s.Staff.Id == data.Anton.Id || s.Staff.Id == data.Berta.Id || s.Staff.Id == data.Cem.Id);
        // Dana: the four joint cases of Anton plus the drug-help-only case. The Jobcenter's plans and referrals
        // of the first two are not shared with the Drogenhilfe; those held by the Drogenhilfe count.
        AssertFigures(Person(team, data.Dana), active: 5, drafts: 1, reviews: 1, steps: 0, appointments: 1, noShows: 0, referrals: 2, withoutCounterpart: 1);
        AssertFigures(Person(team, data.Emil), active: 2, drafts: 0, reviews: 0, steps: 0, appointments: 0, noShows: 0, referrals: 0);
    }

    [Fact]
    public async Task The_drill_down_search_finds_cases_by_number_and_by_readable_names_only()
    {
        var data = await DataAsync();
        var query = app.Service<TeamWorkloadQuery>();

        async Task<IReadOnlyList<string?>> Found(string search) =>
            [.. (await query.CasesAsync(data.JobcenterLead, data.Anton.Id, WorkloadFigure.ActiveCases, search: search))!.Rows.Select(r => r.CaseNumber)];

        Assert.Equal([data.JointDraft.CaseNumber], await Found(data.JointDraft.CaseNumber));
        Assert.Equal([data.JointDraft.CaseNumber], await Found(data.JointDraft.LastName.ToLowerInvariant()));
        // Held by the Drogenhilfe without consent: the case number is found, the name is never matched.
        Assert.Equal([data.HeldByDrugHelpNoConsent.CaseNumber], await Found(data.HeldByDrugHelpNoConsent.CaseNumber));
        Assert.Empty(await Found(data.HeldByDrugHelpNoConsent.LastName));
        Assert.Empty(await Found("niemand-heisst-so"));
    }

    [Fact]
    public async Task The_drill_down_lists_the_counted_items_with_their_reason_oldest_first()
    {
        var data = await DataAsync();
        var query = app.Service<TeamWorkloadQuery>();
        var today = app.Today();

        var steps = await query.CasesAsync(data.JobcenterLead, data.Anton.Id, WorkloadFigure.StepsOverdue);
        var reviews = await query.CasesAsync(data.JobcenterLead, data.Anton.Id, WorkloadFigure.ReviewsOverdue);
        var referrals = await query.CasesAsync(data.JobcenterLead, data.Anton.Id, WorkloadFigure.ReferralsWaiting);
        var appointments = await query.CasesAsync(data.JobcenterLead, data.Anton.Id, WorkloadFigure.AppointmentsNextSevenDays);
        var noShows = await query.CasesAsync(data.JobcenterLead, data.Berta.Id, WorkloadFigure.NoShowsLastThirtyDays);

        Assert.Equal(
            [$"Schritt im Hilfeplan fällig seit {Date(today.AddDays(-5))}", $"Schritt im Hilfeplan fällig seit {Date(today.AddDays(-2))}"],
            steps!.Rows.Select(r => r.Reason));
        Assert.All(steps.Rows, r => Assert.Equal(data.JointOverdue.CaseNumber, r.CaseNumber));
        Assert.Equal($"Fortschreibung überfällig seit {Date(today.AddDays(-3))}", Assert.Single(reviews!.Rows).Reason);
        Assert.Equal(
            [
                $"Vermittlung angefragt am {Date(today.AddDays(-45))}, wartet seit 45 Tagen",
                $"Vermittlung angefragt am {Date(today.AddDays(-40))}, wartet seit 40 Tagen",
                $"Vermittlung angefragt am {Date(today.AddDays(-31))}, wartet seit 31 Tagen",
            ],
            referrals!.Rows.Select(r => r.Reason));
        Assert.Equal(4, appointments!.Rows.Count);
        Assert.Contains(appointments.Rows, r => r.CaseNumber is null && r.Reason.StartsWith("anonymer Kontakt am ", StringComparison.Ordinal));
        // Anton takes part in an appointment of Berta's case: listed for him, but it is not his case to hand over.
        var bertasCase = Assert.Single(appointments.Rows, r => r.CaseNumber == data.BertaFirst.CaseNumber);
        Assert.False(bertasCase.MayReassign);
        Assert.StartsWith("nicht erschienen am ", Assert.Single(noShows!.Rows).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_drill_down_shows_a_name_only_where_the_team_lead_may_read_the_master_data_and_records_every_case_it_shows()
    {
        var data = await DataAsync();
        var before = await LastAuditIdAsync();

        var page = await app.Service<TeamWorkloadQuery>().CasesAsync(data.JobcenterLead, data.Anton.Id, WorkloadFigure.ActiveCases);

        Assert.NotNull(page);
        var rows = page.Rows.ToDictionary(r => r.CaseNumber!);
        Assert.Equal("Entwurfsberg, Anna", rows[data.JointDraft.CaseNumber].DisplayName);
        Assert.Equal("Beispiel, Anna", rows[data.JointOverdue.CaseNumber].DisplayName);
        Assert.Null(rows[data.HeldByDrugHelpNoConsent.CaseNumber].DisplayName);
        Assert.Null(rows[data.HeldByDrugHelpShared.CaseNumber].DisplayName);
        Assert.All(page.Rows, r => Assert.True(r.MayReassign));
        Assert.All(page.Rows, r => Assert.NotNull(r.ConcurrencyStamp));

        // A case number with the dates of someone's work is case data too: recorded, named or not.
        var views = await ListViewsAsync(data.JobcenterLead, after: before);
        var entry = Assert.Single(views);
        Assert.Contains("Team: Laufende Fälle", entry, StringComparison.Ordinal);
        Assert.All(rows.Keys, caseNumber => Assert.Contains(caseNumber, entry, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_row_of_every_drill_down_agrees_with_the_access_decision()
    {
        var data = await DataAsync();
        var query = app.Service<TeamWorkloadQuery>();
        var now = app.Now();
        var checkedRows = 0;

        foreach (var (lead, people) in new[]
        {
            (data.JobcenterLead, new[] { data.Anton, data.Berta, data.Cem }),
            (data.DrugHelpLead, new[] { data.Dana, data.Emil }),
        })
        {
            foreach (var person in people)
            {
                foreach (var figure in WorkloadFigures.All)
                {
                    var page = await query.CasesAsync(lead, person.Id, figure, pageSize: 200);
                    await using var db = await app.DbAsync();
                    foreach (var row in page!.Rows)
                    {
                        checkedRows++;
                        if (row.ClientId is not { } clientId)
                        {
                            Assert.Null(row.CaseNumber);
                            continue;
                        }

                        var facts = (await ClientAccess.LoadFactsAsync(db, clientId, CancellationToken.None))!;
                        Assert.True(AccessDecision.MayOverseeWorkload(lead, facts), $"{figure}: {row.CaseNumber} shown to {lead.DisplayName}");
                        Assert.Equal(AccessDecision.Allows(lead, facts, DataCategory.MasterData, AccessOperation.Read, now), row.DisplayName is not null);
                    }
                }
            }
        }

        Assert.True(checkedRows > 10, $"only {checkedRows} rows checked");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Keyset_pages_list_every_item_once_in_order_even_when_days_are_equal(int pageSize)
    {
        var data = await DataAsync();
        var query = app.Service<TeamWorkloadQuery>();
        var all = await query.CasesAsync(data.JobcenterLead, data.Anton.Id, WorkloadFigure.ActiveCases, pageSize: 100);

        var paged = new List<TeamCaseRow>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await query.CasesAsync(data.JobcenterLead, data.Anton.Id, WorkloadFigure.ActiveCases, cursor, pageSize);
            Assert.NotNull(page);
            Assert.True(page.Rows.Count <= pageSize);
            paged.AddRange(page.Rows);
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(4, all!.Rows.Count);
        Assert.Equal(all.Rows.Select(r => r.ItemId), paged.Select(r => r.ItemId));
        Assert.Equal((4 + pageSize - 1) / pageSize, pages);
    }

    [Fact]
    public async Task A_team_lead_cannot_open_the_cases_of_a_person_of_the_other_organisation()
    {
        var data = await DataAsync();
        var query = app.Service<TeamWorkloadQuery>();

        foreach (var figure in WorkloadFigures.All)
        {
            Assert.Null(await query.CasesAsync(data.JobcenterLead, data.Dana.Id, figure));
            Assert.Null(await query.CasesAsync(data.DrugHelpLead, data.Anton.Id, figure));
        }

        var drugHelpOnly = await query.CasesAsync(data.DrugHelpLead, data.Dana.Id, WorkloadFigure.ActiveCases);
        Assert.Contains(drugHelpOnly!.Rows, r => r.CaseNumber == data.DrugHelpOnly.CaseNumber);
        foreach (var person in new[] { data.Anton, data.Berta, data.Cem })
        {
            var page = await query.CasesAsync(data.JobcenterLead, person.Id, WorkloadFigure.ActiveCases);
            Assert.DoesNotContain(page!.Rows, r => r.CaseNumber == data.DrugHelpOnly.CaseNumber);
        }
    }

    [Theory]
    [InlineData(StaffRole.CaseManager, Organisation.Jobcenter)]
    [InlineData(StaffRole.DrugHelpWorker, Organisation.DrugHelpService)]
    [InlineData(StaffRole.SteeringCommittee, Organisation.Jobcenter)]
    [InlineData(StaffRole.DataProtectionOfficer, Organisation.DrugHelpService)]
    [InlineData(StaffRole.Administrator, Organisation.Jobcenter)]
    public async Task Only_team_leads_get_the_team_view(string role, Organisation organisation)
    {
        var data = await DataAsync();
        var user = await app.CreateMemberAsync(role, organisation, $"Ohne Teamleitung {role}");
        var query = app.Service<TeamWorkloadQuery>();

        Assert.Null(await query.ForAsync(user));
        Assert.Null(await query.CasesAsync(user, data.Anton.Id, WorkloadFigure.ActiveCases));
        Assert.Null(await query.CasesAsync(user, data.Dana.Id, WorkloadFigure.ActiveCases));
    }

    private static StaffWorkload Person(TeamWorkload team, StaffMember member) => Assert.Single(team.Staff, s => s.Staff.Id == member.Id);

    private static void AssertFigures(StaffWorkload person, int active, int drafts, int reviews, int steps, int appointments, int noShows, int referrals, int withoutCounterpart = 0)
    {
        var expected = new Dictionary<WorkloadFigure, int>
        {
            [WorkloadFigure.ActiveCases] = active,
            [WorkloadFigure.DraftPlans] = drafts,
            [WorkloadFigure.ReviewsOverdue] = reviews,
            [WorkloadFigure.StepsOverdue] = steps,
            [WorkloadFigure.AppointmentsNextSevenDays] = appointments,
            [WorkloadFigure.NoShowsLastThirtyDays] = noShows,
            [WorkloadFigure.ReferralsWaiting] = referrals,
            [WorkloadFigure.WithoutCounterpart] = withoutCounterpart,
        };
        Assert.Equal(expected, WorkloadFigures.All.ToDictionary(f => f, f => person[f]));
    }

    private async Task<long> LastAuditIdAsync()
    {
        await using var db = await app.DbAsync();
        return await db.AuditEntries.MaxAsync(a => (long?)a.Id) ?? 0;
    }

    private async Task<List<string>> ListViewsAsync(StaffMember user, long after)
    {
        await using var db = await app.DbAsync();
        return await db.AuditEntries
            .Where(a => a.Id > after && a.UserId == user.Id && a.Action == AuditAction.ListViewed)
            .Select(a => a.Fields!)
            .ToListAsync();
    }

    private static string Date(DateOnly date) => GermanCalendar.Format(date);

    private Task<Data> DataAsync() => PerFixture<Data>.GetAsync(app, CreateAsync);

    /// <summary>
    /// Anton (Jobcenter) and Dana (Drogenhilfe) share four cases; Berta and Emil two; Cem has none.
    /// Every record below says what it is there for.
    /// </summary>
    private static async Task<Data> CreateAsync(AppFixture app)
    {
        var jobcenterLead = await app.CreateMemberAsync(StaffRole.TeamLeadJobcenter, Organisation.Jobcenter, "Teamleitung JC Test");
        var drugHelpLead = await app.CreateMemberAsync(StaffRole.TeamLeadDrugHelp, Organisation.DrugHelpService, "Teamleitung DH Test");
        var anton = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Anton Acker");
        var berta = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Berta Brandt");
        var cem = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Cem Çelik");
        var dana = await app.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Dana Dörr");
        var emil = await app.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Emil Eck");
        var today = app.Today();

        // Two cases started on the same day, so paging has to break the tie.
        var jointDraft = CaseData.NewClient(Organisation.Jobcenter, anton.Id, dana.Id, lastName: "Entwurfsberg");
        jointDraft.AddEpisode(today.AddDays(-100));
        var jointOverdue = CaseData.NewClient(Organisation.Jobcenter, anton.Id, dana.Id);
        jointOverdue.AddEpisode(today.AddDays(-100));
        // A consent only towards the Jobcenter: the Jobcenter's own plan and referrals still do not reach the Drogenhilfe.
        jointOverdue.AddConsent(anton.Id, ConsentScope.HelpPlan | ConsentScope.Referrals, ConsentDirections.DrugHelpToJobcenter, today.AddDays(-40));
        // Held by the Drogenhilfe without any consent: the Jobcenter sees neither name nor plan nor referrals.
        var noConsent = CaseData.NewClient(Organisation.DrugHelpService, anton.Id, dana.Id, lastName: "Verborgenfeld");
        noConsent.AddEpisode(today.AddDays(-80));
        // Held by the Drogenhilfe; plan and referrals shared with the Jobcenter, the master data not.
        var shared = CaseData.NewClient(Organisation.DrugHelpService, anton.Id, dana.Id);
        shared.AddEpisode(today.AddDays(-50));
        shared.AddConsent(dana.Id, ConsentScope.HelpPlan | ConsentScope.Referrals, ConsentDirections.DrugHelpToJobcenter, today.AddDays(-40));
        var bertaFirst = CaseData.NewClient(Organisation.Jobcenter, berta.Id, emil.Id);
        bertaFirst.AddEpisode(today.AddDays(-20));
        var bertaSecond = CaseData.NewClient(Organisation.Jobcenter, berta.Id, emil.Id);
        bertaSecond.AddEpisode(today.AddDays(-10));
        // The Drogenhilfe's alone: no figure of the Jobcenter may count it.
        var drugHelpOnly = CaseData.NewClient(Organisation.DrugHelpService, null, dana.Id);
        drugHelpOnly.AddEpisode(today.AddDays(-5));
        // Closed: not active; its (odd) overdue plan data must not count as draft.
        var closed = CaseData.NewClient(Organisation.Jobcenter, anton.Id, dana.Id);
        closed.AddEpisode(today.AddDays(-400), open: false);
        await app.SaveClientsAsync([jointDraft, jointOverdue, noConsent, shared, bertaFirst, bertaSecond, drugHelpOnly, closed]);

        var partner = TeamData.Partner();
        await using var db = await app.DbAsync();
        db.Partners.Add(partner);
        db.HelpPlans.AddRange(
            jointDraft.AddPlan(HelpPlanStatus.Draft, steps: [(today.AddDays(-9), StepStatus.Planned)]), // a draft's steps are not overdue
            jointOverdue.AddPlan(HelpPlanStatus.Superseded, version: 1, nextReviewOn: today.AddDays(-60), steps: [(today.AddDays(-70), StepStatus.Planned)]),
            jointOverdue.AddPlan(
                HelpPlanStatus.Agreed, version: 2, nextReviewOn: today.AddDays(-3),
                steps:
                [
                    (today.AddDays(-5), StepStatus.Planned),
                    (today.AddDays(-2), StepStatus.InProgress),
                    (today.AddDays(-10), StepStatus.Achieved),
                    (today.AddDays(-10), StepStatus.Dropped),
                    (today, StepStatus.Planned), // due today: not yet overdue
                    (today.AddDays(3), StepStatus.Planned),
                    (null, StepStatus.Planned),
                ]),
            noConsent.AddPlan(HelpPlanStatus.Agreed, nextReviewOn: today.AddDays(-1)), // Drogenhilfe's plan, not shared
            shared.AddPlan(HelpPlanStatus.Draft),
            bertaFirst.AddPlan(HelpPlanStatus.Agreed, nextReviewOn: today), // due today: not yet overdue
            closed.AddPlan(HelpPlanStatus.Closed, nextReviewOn: today.AddDays(-30)));

        db.Referrals.AddRange(
            TeamData.Referral(jointDraft, partner, anton, today, today.AddDays(-31)), // waiting 31 days: counts
            TeamData.Referral(jointDraft, partner, anton, today, today.AddDays(-30)), // 30 days: not more than 30
            TeamData.Referral(jointOverdue, partner, anton, today, today.AddDays(-45), ReferralStatus.AppointmentAgreed),
            TeamData.Referral(jointOverdue, partner, anton, today, today.AddDays(-60), ReferralStatus.AppointmentAgreed, ReferralStatus.Admitted),
            TeamData.Referral(noConsent, partner, dana, today, today.AddDays(-40)), // the Drogenhilfe's, not shared
            TeamData.Referral(shared, partner, dana, today, today.AddDays(-40)), // the Drogenhilfe's, shared
            TeamData.Referral(bertaFirst, partner, berta, today, today.AddDays(-50), ReferralStatus.AppointmentAgreed, ReferralStatus.Admitted));
        var declined = TeamData.Referral(bertaSecond, partner, berta, today, today.AddDays(-50));
        declined.Progress.Record(ReferralStatus.Declined, today.AddDays(-45), today, "Kein Platz frei");
        db.Referrals.Add(declined);

        db.Appointments.AddRange(
            TeamData.Appointment(jointDraft.Id, TeamData.At(today, 1, 10), AppointmentOutcome.Open, Organisation.Jobcenter, anton),
            TeamData.Appointment(jointOverdue.Id, TeamData.At(today, 6, 9), AppointmentOutcome.Open, Organisation.Jobcenter, anton),
            TeamData.Appointment(jointOverdue.Id, TeamData.At(today, 7, 9), AppointmentOutcome.Open, Organisation.Jobcenter, anton), // day 8: outside
            TeamData.Appointment(jointOverdue.Id, TeamData.At(today, 2, 9), AppointmentOutcome.Cancelled, Organisation.Jobcenter, anton),
            TeamData.Appointment(bertaFirst.Id, TeamData.At(today, 3, 14), AppointmentOutcome.Open, Organisation.Jobcenter, anton, dana),
            TeamData.Appointment(null, TeamData.At(today, 4, 16), AppointmentOutcome.Open, Organisation.Jobcenter, anton),
            TeamData.Appointment(jointDraft.Id, TeamData.At(today, -3, 10), AppointmentOutcome.NoShow, Organisation.Jobcenter, anton),
            TeamData.Appointment(jointDraft.Id, TeamData.At(today, -31, 10), AppointmentOutcome.NoShow, Organisation.Jobcenter, anton), // too long ago
            TeamData.Appointment(jointDraft.Id, TeamData.At(today, -2, 10), AppointmentOutcome.Attended, Organisation.Jobcenter, anton),
            TeamData.Appointment(bertaSecond.Id, TeamData.At(today, -29, 10), AppointmentOutcome.NoShow, Organisation.Jobcenter, berta));
        await db.SaveChangesAsync();

        return new Data(jobcenterLead, drugHelpLead, anton, berta, cem, dana, emil, jointDraft, jointOverdue, noConsent, shared, bertaFirst, bertaSecond, drugHelpOnly, closed);
    }
}
