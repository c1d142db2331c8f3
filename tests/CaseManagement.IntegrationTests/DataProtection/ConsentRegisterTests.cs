using CaseManagement.Application.Consent;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Staff;
using CaseManagement.IntegrationTests.Reports;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests.DataProtection;

/// <summary>
/// The consent register on a database of its own: every consent paged by keyset without gaps (55 on
/// one day), the ones ending within 30 days, the ones revoked in a period, the counts in force per
/// category and direction, and the cases whose joint plan no consent covers. Only the officer.
/// </summary>
public sealed class ConsentRegisterTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const ConsentDirections JobcenterToDrugHelp = ConsentDirections.JobcenterToDrugHelp;
    private const ConsentDirections DrugHelpToJobcenter = ConsentDirections.DrugHelpToJobcenter;

    [Fact]
    public async Task The_register_filters_pages_and_counts_the_consents_and_finds_plans_without_consent()
    {
        var officer = await app.DemoMemberAsync(StaffRole.DataProtectionOfficer);
        var caseManager = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Fallmanager Register");
        var today = app.Today();
        var now = app.Now();
        var expiring = CaseData.NewClient(Organisation.Jobcenter, caseManager.Id, null);
        expiring.AddConsent(caseManager.Id, ConsentScope.MasterData | ConsentScope.HelpPlan, JobcenterToDrugHelp, today.AddDays(-100), today.AddDays(10));
        var healthOnly = CaseData.NewClient(Organisation.Jobcenter, caseManager.Id, null);
        healthOnly.AddConsent(caseManager.Id, ConsentScope.MasterData | ConsentScope.HealthData, DrugHelpToJobcenter, today.AddDays(-90));
        var revoked = CaseData.NewClient(Organisation.Jobcenter, caseManager.Id, null);
        revoked.AddConsent(caseManager.Id, ConsentScope.HelpPlan, JobcenterToDrugHelp | DrugHelpToJobcenter, today.AddDays(-80), revokedAt: now.AddDays(-5));
        var later = CaseData.NewClient(Organisation.Jobcenter, caseManager.Id, null);
        later.AddConsent(caseManager.Id, ConsentScope.MasterData, JobcenterToDrugHelp | DrugHelpToJobcenter, today.AddDays(-70), today.AddDays(40));
        later.AddConsent(caseManager.Id, ConsentScope.Referrals, JobcenterToDrugHelp, today.AddDays(-900), revokedAt: now.AddDays(-400));
        var many = CaseData.NewClient(Organisation.Jobcenter, caseManager.Id, null);
        for (var i = 0; i < 55; i++)
        {
            many.AddConsent(caseManager.Id, ConsentScope.Appointments, JobcenterToDrugHelp, today.AddDays(-200));
        }

        var plans = new[] { (expiring, HelpPlanStatus.Draft), (healthOnly, HelpPlanStatus.Agreed), (revoked, HelpPlanStatus.Draft), (later, HelpPlanStatus.Closed) }
            .Select(p =>
            {
                var plan = SteeringReportData.Plan(p.Item1, 1, now.AddDays(-60));
                plan.Status = p.Item2;
                return plan;
            }).ToList();
        await app.SaveClientsAsync([expiring, healthOnly, revoked, later, many]);
        await using (var db = await app.DbAsync())
        {
            db.HelpPlans.AddRange(plans);
            await db.SaveChangesAsync();
        }

        var register = app.Service<ConsentRegister>();

        var all = new List<ConsentRegisterRow>();
        ConsentCursor? after = null;
        var pages = 0;
        do
        {
            var page = (await register.PageAsync(officer, new ConsentRegisterInput(), after))!;
            all.AddRange(page.Rows);
            after = page.Next;
            pages++;
        }
        while (after is not null);

        Assert.Equal(2, pages);
        Assert.Equal(60, all.Count);
        Assert.Equal(60, all.Select(r => r.Id).Distinct().Count());
        Assert.Equal(all.OrderByDescending(r => r.SignedOn).Select(r => r.SignedOn), all.Select(r => r.SignedOn));

        var soon = (await register.PageAsync(officer, new ConsentRegisterInput { View = ConsentRegisterView.Expiring }, null))!.Rows;
        var row = Assert.Single(soon);
        Assert.Equal((expiring.CaseNumber, "Stammdaten, Hilfeplan (Jobcenter → Drogenhilfe)", "gültig", today.AddDays(10)), (row.CaseNumber, row.Scope, row.State, row.ValidUntil!.Value));

        var revokedRecently = (await register.PageAsync(officer, new ConsentRegisterInput { View = ConsentRegisterView.Revoked, From = today.AddDays(-30), To = today }, null))!.Rows;
        Assert.Equal([revoked.CaseNumber], revokedRecently.Select(r => r.CaseNumber));
        Assert.Equal("widerrufen", revokedRecently[0].State);
        var everRevoked = (await register.PageAsync(officer, new ConsentRegisterInput { View = ConsentRegisterView.Revoked }, null))!.Rows;
        Assert.Equal([revoked.CaseNumber, later.CaseNumber], everRevoked.Select(r => r.CaseNumber));

        var counts = (await register.CountsAsync(officer)).ToDictionary(c => c.Category, c => (c.JobcenterToDrugHelp, c.DrugHelpToJobcenter));
        Assert.Equal((2, 2), counts["Stammdaten"]);
        Assert.Equal((1, 0), counts["Hilfeplan"]);
        Assert.Equal((55, 0), counts["Termine"]);
        Assert.Equal((0, 0), counts["Vermittlungen"]);
        Assert.Equal((0, 1), counts["Gesundheits-/Suchtdaten"]);

        var withoutConsent = await register.PlansWithoutConsentAsync(officer);
        Assert.Equal(new[] { healthOnly.CaseNumber, revoked.CaseNumber }.Order(StringComparer.Ordinal), withoutConsent.Select(p => p.CaseNumber));

        foreach (var role in StaffRole.All.Where(r => r != StaffRole.DataProtectionOfficer))
        {
            var member = await app.DemoMemberAsync(role);
            Assert.Null(await register.PageAsync(member, new ConsentRegisterInput(), null));
            Assert.Empty(await register.CountsAsync(member));
            Assert.Empty(await register.PlansWithoutConsentAsync(member));
        }

        await using (var db = await app.DbAsync())
        {
            var listed = await db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditAction.ListViewed && a.UserId == officer.Id).Select(a => a.Fields!).ToListAsync();
            Assert.Contains(listed, f => f.StartsWith("Einwilligungsregister", StringComparison.Ordinal) && f.Contains(expiring.CaseNumber, StringComparison.Ordinal));
            Assert.Contains(listed, f => f.StartsWith("Hilfepläne ohne Einwilligung", StringComparison.Ordinal) && f.Contains(healthOnly.CaseNumber, StringComparison.Ordinal));
        }
    }
}
