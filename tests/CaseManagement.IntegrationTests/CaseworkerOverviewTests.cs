using CaseManagement.Application.Clients;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.Staff;

namespace CaseManagement.IntegrationTests;

public sealed class CaseworkerOverviewTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const ConsentScope Shared = ConsentScope.MasterData | ConsentScope.HelpPlan;
    private const ConsentDirections Both = ConsentDirections.JobcenterToDrugHelp | ConsentDirections.DrugHelpToJobcenter;

    [Fact]
    public async Task The_home_overview_lists_lapsing_consents_and_unstaffed_cases_of_the_own_caseload_only()
    {
        var me = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Fallmanagerin Überblick");
        var colleague = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Kollege Überblick");
        var partner = await app.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Fachkraft Überblick");
        var today = app.Today();

        var lapsing = Active(app, Organisation.Jobcenter, me.Id, partner.Id, "Lapsing");
        lapsing.AddConsent(me.Id, Shared, Both, today.AddMonths(-11), validUntil: today.AddDays(10));
        var renewed = Active(app, Organisation.Jobcenter, me.Id, partner.Id, "Renewed");
        renewed.AddConsent(me.Id, Shared, Both, today.AddMonths(-11), validUntil: today.AddDays(10));
        renewed.AddConsent(me.Id, Shared, Both, today.AddDays(-1));
        var later = Active(app, Organisation.Jobcenter, me.Id, partner.Id, "Later");
        later.AddConsent(me.Id, Shared, Both, today.AddMonths(-1), validUntil: today.AddDays(60));
        var unstaffed = Active(app, Organisation.Jobcenter, me.Id, null, "Unstaffed");
        var hiddenName = Active(app, Organisation.DrugHelpService, me.Id, partner.Id, "Hidden");
        hiddenName.AddConsent(partner.Id, Shared, ConsentDirections.DrugHelpToJobcenter, today.AddMonths(-2), validUntil: today.AddDays(5), revokedAt: app.Now().AddDays(-1));
        var closed = CaseData.NewClient(Organisation.Jobcenter, me.Id, null, "Closed");
        closed.AddEpisode(today.AddYears(-1), open: false);
        var colleagues = Active(app, Organisation.Jobcenter, colleague.Id, null, "Colleague");
        colleagues.AddConsent(colleague.Id, Shared, Both, today.AddMonths(-11), validUntil: today.AddDays(3));
        await app.SaveClientsAsync([lapsing, renewed, later, unstaffed, hiddenName, closed, colleagues]);

        var overview = await app.Service<CaseworkerOverview>().ForAsync(me);

        Assert.Equal(5, overview.ActiveCases);
        Assert.Equal(2, overview.ActiveWithoutValidConsent);
        var expiring = Assert.Single(overview.ConsentsExpiringSoon);
        Assert.Equal(lapsing.CaseNumber, expiring.CaseNumber);
        Assert.Equal("Beispiel, Lapsing", expiring.DisplayName);
        Assert.Equal([unstaffed.CaseNumber], overview.WithoutCounterpart.Select(c => c.CaseNumber));
        Assert.Empty(overview.TargetAreaPending);
    }

    [Fact]
    public async Task Lists_that_show_names_are_audited_with_the_case_numbers_shown()
    {
        var me = await app.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Fachkraft Listenprotokoll");
        var own = Active(app, Organisation.DrugHelpService, null, me.Id, "Sichtbar");
        var hidden = Active(app, Organisation.Jobcenter, null, me.Id, "Unsichtbar");
        await app.SaveClientsAsync([own, hidden]);

        await app.Service<CaseloadQueryHandler>().GetPageAsync(me, new CaseloadQuery());

        await using var db = await app.DbAsync();
        var entry = Assert.Single(db.AuditEntries.Where(a => a.UserId == me.Id && a.Action == Domain.Audit.AuditAction.ListViewed));
        Assert.Contains(own.CaseNumber, entry.Fields);
        Assert.DoesNotContain(hidden.CaseNumber, entry.Fields);
        Assert.StartsWith("Fallbestand", entry.Fields);
    }

    [Fact]
    public async Task Names_held_by_the_other_organisation_stay_hidden_without_consent()
    {
        var me = await app.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Fachkraft Namen");
        var client = Active(app, Organisation.Jobcenter, null, me.Id, "Verborgen");
        await app.SaveClientsAsync([client]);

        var overview = await app.Service<CaseworkerOverview>().ForAsync(me);

        var row = Assert.Single(overview.WithoutCounterpart);
        Assert.Null(row.DisplayName);
    }

    [Fact]
    public async Task A_caseload_row_with_a_hidden_name_says_which_way_its_valid_consent_lets_data_flow()
    {
        var me = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Fallmanager Richtung");
        var partner = await app.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Fachkraft Richtung");
        var today = app.Today();
        var oneWay = Active(app, Organisation.DrugHelpService, me.Id, partner.Id, "Einbahn");
        oneWay.AddConsent(partner.Id, Shared, ConsentDirections.JobcenterToDrugHelp, today.AddDays(-3));
        // A revoked consent in the other direction does not count as a way data flows today.
        oneWay.AddConsent(partner.Id, Shared, ConsentDirections.DrugHelpToJobcenter, today.AddDays(-30), revokedAt: app.Now().AddDays(-1));
        var twoWay = Active(app, Organisation.DrugHelpService, me.Id, partner.Id, "Beidseitig");
        twoWay.AddConsent(partner.Id, Shared, Both, today.AddDays(-3));
        await app.SaveClientsAsync([oneWay, twoWay]);

        var rows = (await app.Service<CaseloadQueryHandler>().GetPageAsync(me, new CaseloadQuery { PageSize = 100 })).Rows;

        var hidden = rows.Single(r => r.CaseNumber == oneWay.CaseNumber);
        Assert.Null(hidden.DisplayName);
        Assert.Equal(ConsentState.Valid, hidden.ConsentState);
        Assert.Equal("nur Jobcenter → Drogenhilfe", Application.Consent.ConsentLabels.Flow(hidden.ValidDirections));
        var shown = rows.Single(r => r.CaseNumber == twoWay.CaseNumber);
        Assert.Equal("Beispiel, Beidseitig", shown.DisplayName);
        Assert.Equal("beide Richtungen", Application.Consent.ConsentLabels.Flow(shown.ValidDirections));
    }

    private static Client Active(AppFixture app, Organisation owner, string? caseManagerId, string? drugHelpWorkerId, string firstName)
    {
        var client = CaseData.NewClient(owner, caseManagerId, drugHelpWorkerId, firstName);
        client.AddEpisode(app.Today().AddMonths(-6));
        return client;
    }
}
