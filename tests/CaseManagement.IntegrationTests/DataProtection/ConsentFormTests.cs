using System.Net;
using CaseManagement.Application.Consent;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests.DataProtection;

/// <summary>
/// The consent form to print and sign (Schweigepflichtentbindung): handed out to those who see the
/// consent, with only what they may see on it; refused (as "not found") and audited for anyone else;
/// every print audited.
/// </summary>
public sealed class ConsentFormTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_form_is_printed_for_the_responsible_caseworker_and_refused_to_another_both_audited()
    {
        var caseManager = await app.DemoMemberAsync(StaffRole.CaseManager);
        var strangerEmail = $"fremd-formular-{Guid.NewGuid():N}@test.example";
        var stranger = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Fallmanager ohne Fall", strangerEmail);
        var client = CaseData.NewClient(Organisation.Jobcenter, caseManager.Id, null, "Özlem", "Träger", new DateOnly(1991, 7, 3));
        var consent = client.AddConsent(caseManager.Id, ConsentScope.MasterData | ConsentScope.Referrals, ConsentDirections.JobcenterToDrugHelp, app.Today(), app.Today().AddYears(1));
        await app.SaveClientsAsync([client]);
        var path = $"/klienten/{client.Id}/einwilligungen/{consent.Id}/formular.pdf";

        using var responsible = StaffBrowser.Open(app);
        Assert.Equal(HttpStatusCode.Redirect, (await responsible.SignInAsync(DemoAccounts.All.First(a => a.Role == StaffRole.CaseManager).Email, DemoAccounts.Password)).StatusCode);
        using var download = await responsible.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.True(download.Headers.CacheControl?.NoStore, $"Cache-Control: {download.Headers.CacheControl}");
        Assert.Equal($"Einwilligung_{client.CaseNumber}_{app.Today():yyyy-MM-dd}.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        var text = PdfText.Of(await download.Content.ReadAsByteArrayAsync());
        Assert.Contains("Özlem Träger", text, StringComparison.Ordinal);
        Assert.Contains("03.07.1991", text, StringComparison.Ordinal);
        Assert.Contains(client.CaseNumber, text, StringComparison.Ordinal);
        Assert.Contains("Gemeinsame Fallarbeit", text, StringComparison.Ordinal);
        Assert.Contains("Vom Jobcenter an die Drogenhilfe", text, StringComparison.Ordinal);
        Assert.Contains("Vermittlungen:", text, StringComparison.Ordinal);

        using var other = StaffBrowser.Open(app);
        Assert.Equal(HttpStatusCode.Redirect, (await other.SignInAsync(strangerEmail, CaseData.Password)).StatusCode);
        using var refused = await other.Client.GetAsync(path);
        using var wrongConsent = await responsible.Client.GetAsync($"/klienten/{client.Id}/einwilligungen/{Guid.NewGuid()}/formular.pdf");

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.NotEqual("application/pdf", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, wrongConsent.StatusCode);
        Assert.Null(await app.Service<ConsentFormPrint>().RenderAsync(await app.DemoMemberAsync(StaffRole.DataProtectionOfficer), client.Id, consent.Id));
        await using var db = await app.DbAsync();
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.ClientId == client.Id).ToListAsync();
        var printed = Assert.Single(entries, e => e.Action == AuditAction.Exported);
        Assert.Equal((caseManager.Id, (DataCategory?)DataCategory.MasterData, (string?)$"{ConsentFormPrint.AuditField}, PDF"), (printed.UserId, printed.Category, printed.Fields));
        Assert.Equal(client.CaseNumber, printed.CaseNumber);
        Assert.Contains(entries, e => e.Action == AuditAction.AccessDenied && e.UserId == stranger.Id && e.CaseNumber == client.CaseNumber);
    }

    [Fact]
    public async Task The_other_side_without_a_consent_for_master_data_gets_a_form_with_name_and_purpose_left_to_fill_in()
    {
        var caseManager = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Fallmanagerin Formular");
        var drugHelpWorker = await app.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Fachkraft Formular");
        var client = CaseData.NewClient(Organisation.Jobcenter, caseManager.Id, drugHelpWorker.Id, "Jörg", "Müßig", new DateOnly(1985, 1, 9));
        // The Jobcenter recorded a release of the help plan only: the Drogenhilfe may not see the name, nor the Jobcenter's purpose.
        var consent = client.AddConsent(caseManager.Id, ConsentScope.HelpPlan, ConsentDirections.JobcenterToDrugHelp, app.Today().AddDays(-3), revokedAt: app.Now().AddMinutes(-5));
        await app.SaveClientsAsync([client]);

        var form = await app.Service<ConsentFormPrint>().RenderAsync(drugHelpWorker, client.Id, consent.Id);

        Assert.NotNull(form);
        var text = PdfText.Of(form.Pdf);
        Assert.DoesNotContain("Jörg", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Müßig", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1985", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Gemeinsame Fallarbeit", text, StringComparison.Ordinal);
        Assert.Contains(client.CaseNumber, text, StringComparison.Ordinal);
        Assert.Contains("bitte von Hand eintragen", text, StringComparison.Ordinal);
        Assert.Contains("Hilfeplan:", text, StringComparison.Ordinal);
        Assert.Contains("Fallmanager:in Jobcenter", text, StringComparison.Ordinal);
    }
}
