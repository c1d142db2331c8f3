using CaseManagement.Application.Appointments;
using CaseManagement.Application.Clients;
using CaseManagement.Application.HelpPlans;
using CaseManagement.Application.Referrals;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests;

/// <summary>
/// A refusal is found by the case it concerns: whichever feature refused, the audit entry carries
/// the client's case number, so filtering the log by case number shows every attempt.
/// </summary>
public sealed class RefusalAuditTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Every_refusal_carries_the_case_number_of_the_client_it_concerns()
    {
        var caseManager = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Fallmanagerin Verweigert");
        var drugHelpWorker = await app.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Fachkraft Ohne Einwilligung");
        var stranger = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Fallmanager Nicht Zuständig");
        // Held by the Jobcenter, worked on by both sides, no consent: the Drogenhilfe may know of it but read nothing.
        var client = CaseData.NewClient(Organisation.Jobcenter, caseManager.Id, drugHelpWorker.Id, lastName: "Verweigerung");
        client.AddEpisode(app.Today().AddDays(-20));
        await app.SaveClientsAsync([client]);

        await app.Service<ClientFileQuery>().OpenAsync(drugHelpWorker, client.Id);
        await app.Service<ClientFileQuery>().OpenAsync(stranger, client.Id);
        await app.Service<HelpPlanQuery>().OpenAsync(stranger, client.Id);
        await app.Service<AppointmentQuery>().ForClientAsync(stranger, client.Id);
        await app.Service<ReferralQuery>().ForClientAsync(stranger, client.Id);
        await app.Service<HelpPlanPrint>().RenderAsync(drugHelpWorker, client.Id, 1);

        await using var db = await app.DbAsync();
        var refusals = await db.AuditEntries.AsNoTracking()
            .Where(a => a.ClientId == client.Id && a.Action == AuditAction.AccessDenied).ToListAsync();
        Assert.True(refusals.Count >= 6, $"expected a refusal per attempt, found {refusals.Count}");
        Assert.All(refusals, refusal => Assert.Equal(client.CaseNumber, refusal.CaseNumber));
        Assert.Contains(refusals, r => r.UserId == stranger.Id);
        Assert.Contains(refusals, r => r.UserId == drugHelpWorker.Id);
        // The file the Drogenhilfe opened without a consent: its read and the refused master data, saved together.
        Assert.Single(refusals, r => r.UserId == drugHelpWorker.Id && r.Category == DataCategory.MasterData);
        Assert.Contains(
            await db.AuditEntries.AsNoTracking().Where(a => a.ClientId == client.Id && a.Action == AuditAction.Viewed).ToListAsync(),
            r => r.UserId == drugHelpWorker.Id && r.CaseNumber == client.CaseNumber);
    }
}
