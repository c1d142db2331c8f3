using System.Text.RegularExpressions;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using Microsoft.Playwright;

namespace CaseManagement.EndToEndTests;

/// <summary>
/// The heart of the cooperation in a real browser: the Jobcenter registers a client and records
/// consent; the Drogenhilfe sees the shared data; after revocation it does not, and the refused
/// read is in the audit log.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class ConsentJourneyTests(BrowserFixture browser)
{
    private static readonly DemoAccount CaseManager = DemoAccounts.All.Single(a => a.Role == StaffRole.CaseManager);
    private static readonly DemoAccount DrugHelpWorker = DemoAccounts.All.Single(a => a.Role == StaffRole.DrugHelpWorker);
    private static readonly DemoAccount DataProtection = DemoAccounts.All.Single(a => a.Role == StaffRole.DataProtectionOfficer);

    [Fact]
    public async Task Consent_opens_the_shared_data_to_the_drug_help_worker_and_revocation_closes_it_at_once()
    {
        var jobcenter = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(jobcenter, CaseManager);

        // 1. The case manager registers a client and names the drug-help worker as counterpart.
        await jobcenter.GotoAsync("/klienten/neu");
        await jobcenter.GetByLabel("Vorname *").FillAsync("Ömer");
        await jobcenter.GetByLabel("Nachname *").FillAsync("Çakır-Weißmüller");
        await jobcenter.GetByLabel("Geburtsdatum *").FillAsync("1994-03-14");
        await jobcenter.GetByLabel("Straße und Hausnummer").FillAsync("Bismarckstraße 12");
        await jobcenter.GetByLabel("PLZ *").FillAsync("67059");
        await jobcenter.GetByLabel("Zuständig bei Drogenhilfe").SelectOptionAsync(new SelectOptionValue { Label = DrugHelpWorker.DisplayName });
        await jobcenter.GetByRole(AriaRole.Button, new() { Name = "Person aufnehmen" }).ClickAsync();
        await Assertions.Expect(jobcenter.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ömer Çakır-Weißmüller");
        Assert.Matches(ClientPagePattern(), jobcenter.Url);
        await Assertions.Expect(jobcenter.Locator(".alert-success")).ToContainTextAsync("Die Person ist aufgenommen, Fallnummer");
        var clientUrl = jobcenter.Url.Split('?')[0];
        var caseNumber = CaseNumberPattern().Match(await jobcenter.Locator(".subtitle").InnerTextAsync()).Value;
        Assert.NotEmpty(caseNumber);

        // 2. ... and records the client's consent for master data and the help plan, Jobcenter → Drogenhilfe.
        await jobcenter.GetByRole(AriaRole.Link, new() { Name = "Einwilligung erfassen" }).ClickAsync();
        await jobcenter.GetByLabel("Stammdaten (Name, Kontakt, Lebenslage)").CheckAsync();
        await jobcenter.GetByLabel("Hilfeplan").CheckAsync();
        await Assertions.Expect(jobcenter.Locator("#consent-direction")).ToContainTextAsync("Weitergabe von Daten, die das Jobcenter hält, an die Drogenhilfe");
        await jobcenter.GetByRole(AriaRole.Button, new() { Name = "Einwilligung speichern" }).ClickAsync();
        await Assertions.Expect(jobcenter).ToHaveURLAsync(clientUrl);
        await Assertions.Expect(jobcenter.Locator(".consent .badge")).ToHaveTextAsync("gültig");
        await BrowserFixture.ScreenshotAsync(jobcenter, "client-page-jobcenter");

        // 3. The drug-help worker finds the client in her caseload and sees the shared master data.
        var drugHelp = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(drugHelp, DrugHelpWorker);
        await drugHelp.GotoAsync("/klienten");
        await drugHelp.GetByLabel("Name oder Fallnummer").FillAsync("Weißmüller");
        await drugHelp.GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();
        await Assertions.Expect(drugHelp.GetByRole(AriaRole.Row).Filter(new() { HasText = caseNumber })).ToContainTextAsync("Çakır-Weißmüller, Ömer");
        await BrowserFixture.ScreenshotAsync(drugHelp, "caseload-search-drug-help");
        await drugHelp.GetByRole(AriaRole.Link, new() { Name = caseNumber }).ClickAsync();
        await Assertions.Expect(drugHelp.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ömer Çakır-Weißmüller");
        await Assertions.Expect(drugHelp.GetByText("Bismarckstraße 12, 67059 Ludwigshafen am Rhein")).ToBeVisibleAsync();
        await Assertions.Expect(drugHelp.GetByRole(AriaRole.Heading, new() { Name = "Interne Notizen – nur Drogenhilfe" })).ToBeVisibleAsync();

        // Her confidential note is shown as text (never run as markup) and stays inside the Drogenhilfe.
        const string note = "Beratung: <script>alert('x')</script> Rückfall am Wochenende, nächster Termin Mo.";
        var dialogs = 0;
        drugHelp.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        await drugHelp.GetByLabel("Neue Notiz").FillAsync(note);
        await drugHelp.GetByRole(AriaRole.Button, new() { Name = "Notiz speichern" }).ClickAsync();
        await Assertions.Expect(drugHelp.Locator(".note .pre-line")).ToHaveTextAsync(note);
        Assert.Equal(0, dialogs);
        await jobcenter.ReloadAsync();
        await Assertions.Expect(jobcenter.GetByRole(AriaRole.Heading, new() { Name = "Interne Notizen – nur Jobcenter" })).ToBeVisibleAsync();
        await Assertions.Expect(jobcenter.GetByText("Rückfall am Wochenende")).ToHaveCountAsync(0);

        // 4. The client revokes; the case manager records it.
        await jobcenter.GetByRole(AriaRole.Button, new() { Name = "Widerruf erfassen" }).ClickAsync();
        await jobcenter.GetByLabel("Bemerkung zum Widerruf (optional)").FillAsync("Widerruf persönlich im Jobcenter erklärt");
        await jobcenter.GetByRole(AriaRole.Button, new() { Name = "Widerruf jetzt wirksam machen" }).ClickAsync();
        await Assertions.Expect(jobcenter.Locator(".consent .badge")).ToHaveTextAsync("widerrufen");

        // 5. At once, on the page she still has open, the drug-help worker sees case number, status and responsibility only.
        await Assertions.Expect(drugHelp.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Name nicht freigegeben");
        await Assertions.Expect(drugHelp.Locator(".subtitle")).ToContainTextAsync("laufend");
        await Assertions.Expect(drugHelp.GetByText("Bismarckstraße 12")).ToHaveCountAsync(0);
        await Assertions.Expect(drugHelp.GetByText("Ömer")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(drugHelp, "client-page-after-revocation");
        await drugHelp.GotoAsync("/klienten");
        await drugHelp.GetByLabel("Name oder Fallnummer").FillAsync("Weißmüller");
        await drugHelp.GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();
        await Assertions.Expect(drugHelp.GetByText("Keine Klient:innen gefunden")).ToBeVisibleAsync();

        // 6. The data protection officer finds the refused read in the audit log.
        var audit = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(audit, DataProtection);
        await audit.GotoAsync("/datenschutz");
        await audit.GetByLabel("Fallnummer").FillAsync(caseNumber);
        await audit.GetByRole(AriaRole.Button, new() { Name = "Filtern" }).ClickAsync();
        var refused = audit.GetByRole(AriaRole.Row).Filter(new() { HasText = "Zugriff verweigert" }).Filter(new() { HasText = DrugHelpWorker.DisplayName });
        await Assertions.Expect(refused.First).ToContainTextAsync("Stammdaten");
        await Assertions.Expect(audit.GetByRole(AriaRole.Row).Filter(new() { HasText = "Einwilligung widerrufen" })).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(audit, "audit-log");

        foreach (var page in new[] { jobcenter, drugHelp, audit })
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_caseload_is_usable_on_a_phone()
    {
        var page = await browser.NewPageAsync(390, 844);
        await BrowserFixture.SignInAsync(page, CaseManager);

        await page.GotoAsync("/klienten");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Meine Klient:innen");
        await Assertions.Expect(page.GetByLabel("Name oder Fallnummer")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Nth(1)).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "caseload-phone");
        await page.Context.CloseAsync();
    }

    [GeneratedRegex(@"/klienten/[0-9a-f-]{36}\?aufgenommen=1$")]
    private static partial Regex ClientPagePattern();

    [GeneratedRegex(@"LU-\d{4}-\d{5}")]
    private static partial Regex CaseNumberPattern();
}
