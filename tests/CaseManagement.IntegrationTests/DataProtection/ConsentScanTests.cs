using System.Net;
using CaseManagement.Application.Consent;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests.DataProtection;

/// <summary>
/// The signed consent form's scan: stored when its bytes are what its name says (PDF, JPEG, PNG) and
/// not too large, refused otherwise; handed out only to the recording organisation's caseworkers who see the consent, audited.
/// </summary>
public sealed class ConsentScanTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF"u8];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F'];

    [Fact]
    public async Task A_scan_is_refused_when_its_bytes_are_not_what_its_name_says_and_shown_only_to_those_who_see_the_consent()
    {
        var caseManager = await app.MemberByEmailAsync(JointCasesEmail);
        var stranger = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Fallmanager Fremd Scan");
        var client = CaseData.NewClient(Organisation.Jobcenter, caseManager.Id, null);
        var consent = client.AddConsent(caseManager.Id, ConsentScope.MasterData, ConsentDirections.JobcenterToDrugHelp, app.Today());
        await app.SaveClientsAsync([client]);
        var scans = app.Service<ConsentScans>();

        async Task<string?> Refusal(string name, byte[] content) =>
            (await scans.UploadAsync(caseManager, client.Id, consent.Id, name, content)).Errors.GetValueOrDefault("Scan")?.Single();

        Assert.StartsWith("Der Inhalt der Datei ist kein PDF", await Refusal("einwilligung.pdf", Png));
        Assert.StartsWith("Der Inhalt der Datei ist kein PNG", await Refusal("einwilligung.png", Jpeg));
        Assert.StartsWith("Der Inhalt der Datei ist kein JPEG", await Refusal("einwilligung.jpg", [.. "<html><script>alert(1)</script>"u8]));
        Assert.StartsWith("Bitte laden Sie", await Refusal("einwilligung.exe", Pdf));
        Assert.StartsWith("Bitte laden Sie", await Refusal("einwilligung", Pdf));
        Assert.Equal("Die Datei ist leer.", await Refusal("einwilligung.pdf", []));
        Assert.StartsWith("Die Datei ist zu groß", await Refusal("einwilligung.pdf", [.. Pdf, .. new byte[ConsentScan.MaxBytes]]));
        await using (var db = await app.DbAsync())
        {
            Assert.False(await db.ConsentScans.AnyAsync(s => s.ConsentId == consent.Id));
        }

        Assert.True((await scans.UploadAsync(caseManager, client.Id, consent.Id, "scan.JPEG", Jpeg)).Succeeded);
        Assert.True((await scans.UploadAsync(caseManager, client.Id, consent.Id, @"C:\Scans\einwilligung.pdf", Pdf)).Succeeded);
        Assert.False((await scans.UploadAsync(stranger, client.Id, consent.Id, "fremd.pdf", Pdf)).Succeeded);

        var opened = await scans.OpenAsync(caseManager, client.Id, consent.Id);
        Assert.Equal(Pdf, opened!.Content);
        Assert.Equal(("application/pdf", "einwilligung.pdf"), (opened.ContentType, opened.FileName));
        Assert.Null(await scans.OpenAsync(stranger, client.Id, consent.Id));
        Assert.Null(await scans.OpenAsync(await app.DemoMemberAsync(StaffRole.DataProtectionOfficer), client.Id, consent.Id));

        using var browser = StaffBrowser.Open(app);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(JointCasesEmail, DemoAccounts.Password)).StatusCode);
        var response = await browser.Client.GetAsync($"/klienten/{client.Id}/einwilligungen/{consent.Id}/scan");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());

        await using (var db = await app.DbAsync())
        {
            Assert.Equal(1, await db.ConsentScans.CountAsync(s => s.ConsentId == consent.Id));
            var entries = await db.AuditEntries.AsNoTracking().Where(a => a.ClientId == client.Id && a.Fields == "Einwilligung: unterschriebenes Formular (Scan)").ToListAsync();
            Assert.Equal(2, entries.Count(e => e.Action == AuditAction.Changed));
            Assert.Equal(2, entries.Count(e => e.Action == AuditAction.Viewed));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.ClientId == client.Id && a.Action == AuditAction.AccessDenied && a.UserId == stranger.Id));
        }
    }

    [Fact]
    public async Task The_other_organisation_neither_opens_nor_replaces_the_signed_form_of_a_consent_it_did_not_record()
    {
        // The Drogenhilfe holds the master data and recorded the consent: the paper names the client
        // and carries the Drogenhilfe's purpose, which the Jobcenter's caseworker of the case never reads.
        var caseManager = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Fallmanager Scan Gegenseite");
        var worker = await app.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Fachkraft Scan");
        var client = CaseData.NewClient(Organisation.DrugHelpService, caseManager.Id, worker.Id, firstName: "Paula", lastName: "Papier");
        client.AddEpisode(app.Today().AddDays(-20));
        var consent = client.AddConsent(worker.Id, ConsentScope.Appointments, ConsentDirections.DrugHelpToJobcenter, app.Today().AddDays(-10));
        consent.RecordedByOrganisation = Organisation.DrugHelpService;
        consent.Purpose = "Vorbereitung der Entgiftung";
        await app.SaveClientsAsync([client]);
        var scans = app.Service<ConsentScans>();
        Assert.True((await scans.UploadAsync(worker, client.Id, consent.Id, "einwilligung.pdf", Pdf)).Succeeded);

        Assert.Null(await scans.OpenAsync(caseManager, client.Id, consent.Id));
        Assert.False((await scans.UploadAsync(caseManager, client.Id, consent.Id, "ersatz.png", Png)).Succeeded);
        await using (var db = await app.DbAsync())
        {
            // Both tries are refusals on the record, as every refused access to a client is.
            Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.ClientId == client.Id && a.UserId == caseManager.Id && a.Action == AuditAction.AccessDenied));
        }

        var file = await app.Service<CaseManagement.Application.Clients.ClientFileQuery>().OpenAsync(caseManager, client.Id);
        var shown = Assert.Single(file!.Consents);
        Assert.Null(shown.ScanUploadedAt);
        Assert.Null(shown.Purpose);

        Assert.Equal(Pdf, (await scans.OpenAsync(worker, client.Id, consent.Id))!.Content);
        await using var stored = await app.DbAsync();
        Assert.Equal("einwilligung.pdf", (await stored.ConsentScans.SingleAsync(s => s.ConsentId == consent.Id)).FileName);
        Assert.False(await stored.AuditEntries.AnyAsync(a => a.ClientId == client.Id && a.UserId == caseManager.Id
            && a.Fields == "Einwilligung: unterschriebenes Formular (Scan)"));
    }

    private static string JointCasesEmail => DemoAccounts.All.First(a => a.Role == StaffRole.CaseManager).Email;
}
