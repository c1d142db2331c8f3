using CaseManagement.Application.Clients;
using CaseManagement.Application.Consent;
using CaseManagement.Domain;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using CaseManagement.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CaseManagement.EndToEndTests;

/// <summary>
/// The data-protection officer's day in a real browser: who looked at a person's file (found by
/// name, the log filtered by case), the case's history with its readings collapsed.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class DataProtectionJourneyTests(BrowserFixture browser)
{
    private static readonly DemoAccount DataProtection = DemoAccounts.All.Single(a => a.Role == StaffRole.DataProtectionOfficer);

    [Fact]
    public async Task The_officer_finds_a_person_by_name_and_reads_the_story_of_the_case()
    {
        var (caseNumber, lastName) = await CaseWithHistoryAsync();
        var page = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(page, DataProtection);

        await page.GotoAsync("/datenschutz");
        await page.GetByLabel("Name der Person").FillAsync(lastName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtern" }).ClickAsync();

        var found = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Gefunden" });
        await Assertions.Expect(found).ToContainTextAsync("Gefunden: 1 Fall");
        await Assertions.Expect(found.GetByRole(AriaRole.Link, new() { Name = caseNumber })).ToBeVisibleAsync();
        var rows = page.GetByRole(AriaRole.Row);
        await Assertions.Expect(rows.Filter(new() { HasText = "Einwilligung erfasst" })).ToHaveCountAsync(1);
        await Assertions.Expect(rows.Filter(new() { HasText = "Fallbestand: 1 Fall" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Diese Auswahl als CSV herunterladen" })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("personen=[0-9a-f]{32}$"));
        await BrowserFixture.ScreenshotAsync(page, "audit-log-person");

        await found.GetByRole(AriaRole.Link, new() { Name = caseNumber }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync(caseNumber);
        var history = page.GetByRole(AriaRole.List, new() { Name = $"Verlauf von {caseNumber}, älteste Einträge zuerst" });
        var items = history.GetByRole(AriaRole.Listitem);
        await Assertions.Expect(items).ToHaveCountAsync(5);
        await Assertions.Expect(items.Nth(0)).ToContainTextAsync("angelegt");
        await Assertions.Expect(items.Nth(1)).ToContainTextAsync(new System.Text.RegularExpressions.Regex("geöffnet 4×, in Listen angezeigt 1× (am|zwischen) \\d"));
        await Assertions.Expect(items.Nth(1)).ToContainTextAsync($"von {JointCases.CaseManager.DisplayName} (Jobcenter) 5×");
        await Assertions.Expect(items.Nth(2)).ToContainTextAsync("Einwilligung erfasst");
        await Assertions.Expect(items.Nth(3)).ToContainTextAsync("geöffnet 2×");
        await Assertions.Expect(items.Nth(3)).ToContainTextAsync($"{JointCases.DrugHelpWorker.DisplayName} (Drogenhilfe) 2×");
        await Assertions.Expect(items.Nth(4)).ToContainTextAsync("Zugriff verweigert");
        await BrowserFixture.ScreenshotAsync(page, "case-history");

        var phone = await browser.NewPageAsync(390, 844);
        await BrowserFixture.SignInAsync(phone, DataProtection);
        await phone.GotoAsync($"/datenschutz/verlauf?fall={caseNumber}");
        // The officer's own reading of the history is part of it now.
        var phoneItems = phone.GetByRole(AriaRole.List, new() { Name = $"Verlauf von {caseNumber}, älteste Einträge zuerst" }).GetByRole(AriaRole.Listitem);
        await Assertions.Expect(phoneItems).ToHaveCountAsync(6);
        await Assertions.Expect(phoneItems.Nth(5)).ToContainTextAsync($"Verlauf im Protokoll gelesen");
        await Assertions.Expect(phoneItems.Nth(5)).ToContainTextAsync($"durch {DataProtection.DisplayName} (Drogenhilfe)");
        await BrowserFixture.ScreenshotAsync(phone, "case-history-phone");
        await phone.GotoAsync("/datenschutz");
        await Assertions.Expect(phone.GetByRole(AriaRole.Table)).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(phone, "audit-log-phone");

        await page.Context.CloseAsync();
        await phone.Context.CloseAsync();
    }

    [Fact]
    public async Task The_officer_finds_the_person_asking_for_their_copy_and_decides_about_the_internal_notes()
    {
        var (caseNumber, lastName) = await CaseWithHistoryAsync();
        var page = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(page, DataProtection);

        await page.GotoAsync("/datenschutz/auskunft");
        await page.GetByRole(AriaRole.Button, new() { Name = "Person suchen" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Bitte geben Sie den Namen der Person an")).ToBeVisibleAsync();
        await page.GetByLabel("Name der Person").FillAsync($"Elfriede {lastName}");
        await page.GetByLabel("Geburtsdatum").FillAsync("1979-11-23");
        await page.GetByRole(AriaRole.Button, new() { Name = "Person suchen" }).ClickAsync();

        var download = page.GetByRole(AriaRole.Link, new() { Name = $"Auskunft als JSON: {caseNumber}" });
        await Assertions.Expect(download).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/json$"));
        await page.GetByLabel("des Jobcenters").CheckAsync();
        await Assertions.Expect(download).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/json\\?notizen=jobcenter$"));
        await BrowserFixture.ScreenshotAsync(page, "access-copy");

        var file = await page.RunAndWaitForDownloadAsync(() => download.ClickAsync());
        Assert.Equal($"auskunft-{caseNumber}.json", file.SuggestedFilename);
        using var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync((await file.PathAsync())!));
        Assert.Equal(lastName, json.RootElement.GetProperty("person").GetProperty("lastName").GetString());
        Assert.Equal(["Drogenhilfe"], json.RootElement.GetProperty("notesWithheld").EnumerateArray().Select(e => e.GetString()));

        var pdfLink = page.GetByRole(AriaRole.Link, new() { Name = $"Auskunft als PDF: {caseNumber}" });
        await Assertions.Expect(pdfLink).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/pdf\\?notizen=jobcenter$"));
        var pdf = await page.RunAndWaitForDownloadAsync(() => pdfLink.ClickAsync());
        Assert.Equal($"auskunft-{caseNumber}.pdf", pdf.SuggestedFilename);
        var saved = Path.Combine(BrowserFixture.ArtifactsFolder, "access-copy.pdf");
        await pdf.SaveAsAsync(saved);
        Assert.Equal("%PDF-"u8.ToArray(), (await File.ReadAllBytesAsync(saved))[..5]);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_officer_reads_the_consent_register_and_its_views()
    {
        var (caseNumber, _) = await CaseWithHistoryAsync();
        var page = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(page, DataProtection);

        await page.GotoAsync("/datenschutz/einwilligungen");

        var counts = page.GetByRole(AriaRole.Table, new() { Name = "Gültige Einwilligungen nach Bereich und Richtung" });
        await Assertions.Expect(counts.GetByRole(AriaRole.Row)).ToHaveCountAsync(6);
        var register = page.GetByRole(AriaRole.Table, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Einwilligungen, zuletzt unterschriebene zuerst") });
        await Assertions.Expect(register.GetByRole(AriaRole.Row).Filter(new() { HasText = caseNumber })).ToContainTextAsync("Stammdaten, Hilfeplan (Jobcenter → Drogenhilfe)");
        await BrowserFixture.ScreenshotAsync(page, "consent-register");

        await page.GetByLabel("Ansicht").SelectOptionAsync(new SelectOptionValue { Label = "widerrufen im Zeitraum" });
        await Assertions.Expect(page.GetByLabel("widerrufen von")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Anzeigen" }).ClickAsync();
        await Assertions.Expect(register.GetByRole(AriaRole.Row).Filter(new() { HasText = caseNumber })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    /// <summary>A client of the demo caseworkers with a name of its own: registered, read, listed, consent, read by the other side, refused to a stranger.</summary>
    private async Task<(string CaseNumber, string LastName)> CaseWithHistoryAsync()
    {
        var services = browser.Services;
        var caseManager = await StaffMembers.ByEmailAsync(services, JointCases.CaseManager.Email);
        var drugHelpWorker = await StaffMembers.ByEmailAsync(services, JointCases.DrugHelpWorker.Email);
        var stranger = await StaffMembers.ByEmailAsync(services, "katharina.hoffmann@jobcenter.example");
        var lastName = "Protokollgeschichte-" + string.Concat(Guid.NewGuid().ToString("N")[..6].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));
        var registered = await services.GetRequiredService<ClientRegistration>().RegisterAsync(caseManager, new ClientInput
        {
            FirstName = "Elfriede", LastName = lastName, BirthDate = new DateOnly(1979, 11, 23), PostalCode = "67067",
            City = "Ludwigshafen am Rhein", CounterpartId = drugHelpWorker.Id,
        });
        Assert.True(registered.Succeeded, registered.Message);
        var (clientId, caseNumber) = (registered.Value!.Id, registered.Value.CaseNumber);
        var files = services.GetRequiredService<ClientFileQuery>();
        for (var i = 0; i < 4; i++)
        {
            Assert.NotNull(await files.OpenAsync(caseManager, clientId));
        }

        await services.GetRequiredService<Application.Audit.AuditTrail>().ListViewedAsync(caseManager, "Fallbestand", [caseNumber]);
        var consent = await services.GetRequiredService<ConsentCommands>().RecordAsync(caseManager, clientId, new ConsentInput
        {
            MasterData = true, HelpPlan = true, JobcenterToDrugHelp = true, Purpose = "Gemeinsamer Hilfeplan",
            SignedOn = GermanCalendar.DateOf(DateTimeOffset.UtcNow),
        });
        Assert.True(consent.Succeeded, consent.Message);
        Assert.NotNull(await files.OpenAsync(drugHelpWorker, clientId));
        Assert.NotNull(await files.OpenAsync(drugHelpWorker, clientId));
        Assert.Null(await files.OpenAsync(stranger, clientId));
        return (caseNumber, lastName);
    }
}
