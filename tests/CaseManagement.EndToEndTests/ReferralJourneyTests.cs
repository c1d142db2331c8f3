using CaseManagement.Application.Clients;
using CaseManagement.Application.Consent;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using CaseManagement.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CaseManagement.EndToEndTests;

/// <summary>
/// A referral on a phone: the drug-help worker refers a client to debt counselling, enters
/// afterwards that the client was admitted (with the dates of the steps in between), and the
/// Jobcenter's case manager sees the facts, never the reason.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ReferralJourneyTests(BrowserFixture browser)
{
    private static readonly DemoAccount CaseManager = DemoAccounts.All.Single(a => a.Role == StaffRole.CaseManager);
    private static readonly DemoAccount DrugHelpWorker = DemoAccounts.All.Single(a => a.Role == StaffRole.DrugHelpWorker);
    private const string Reason = "Mietschulden und Inkassobriefe; Ordnung in die Finanzen bringen";

    [Fact]
    public async Task On_a_phone_a_referral_to_debt_counselling_is_made_and_recorded_up_to_admission()
    {
        var clientId = await JointClientAsync();
        var today = GermanCalendar.DateOf(DateTimeOffset.UtcNow);
        var phone = await browser.NewPageAsync(390, 844);
        await BrowserFixture.SignInAsync(phone, DrugHelpWorker);

        await phone.GotoAsync($"/klienten/{clientId}");
        var section = phone.Locator("section[aria-labelledby=referrals-title]");
        await Assertions.Expect(section).ToContainTextAsync("Noch keine Vermittlung erfasst.");
        await section.GetByRole(AriaRole.Link, new() { Name = "Neue Vermittlung" }).ClickAsync();

        await phone.GetByLabel("Art der Stelle").SelectOptionAsync(new SelectOptionValue { Label = "Schuldnerberatung" });
        await phone.GetByLabel("Netzwerkpartner *").SelectOptionAsync(new SelectOptionValue { Label = "Schuldnerberatung der Stadt Ludwigshafen" });
        await Assertions.Expect(phone.Locator(".partner-chosen")).ToContainTextAsync("0621 555-301");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Vermittlung anlegen" }).ClickAsync();
        await Assertions.Expect(phone.Locator("#referral-reason-error")).ToHaveTextAsync("Bitte beschreiben Sie den Anlass der Vermittlung.");
        await phone.GetByLabel("Anlass / Ziel der Vermittlung *").FillAsync(Reason);
        await phone.GetByLabel("Vorgeschlagen am *").FillAsync(Iso(today.AddDays(-21)));
        await phone.GetByRole(AriaRole.Button, new() { Name = "Vermittlung anlegen" }).ClickAsync();

        await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync("Schuldnerberatung der Stadt Ludwigshafen");
        await Assertions.Expect(phone.Locator(".referral-timeline .timeline-current")).ToContainTextAsync("Vorgeschlagen");

        // Entered afterwards: admitted today; the skipped steps ask for their dates.
        await phone.GetByLabel("Neuer Stand *").SelectOptionAsync("Admitted");
        await Assertions.Expect(phone.GetByLabel("Angefragt am *")).ToBeVisibleAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Schritt speichern" }).ClickAsync();
        await Assertions.Expect(phone.Locator("#progress-skipped-Requested-error")).ToHaveTextAsync("Bitte geben Sie das Datum für „angefragt“ an.");
        await phone.GetByLabel("Angefragt am *").FillAsync(Iso(today.AddDays(-14)));
        await phone.GetByLabel("Termin vereinbart am *").FillAsync(Iso(today.AddDays(-7)));
        await phone.GetByRole(AriaRole.Button, new() { Name = "Schritt speichern" }).ClickAsync();

        await Assertions.Expect(phone.Locator("[role=status].alert-info")).ToHaveTextAsync("Der Schritt ist gespeichert.");
        await Assertions.Expect(phone.Locator(".referral-timeline .timeline-current")).ToContainTextAsync("Aufgenommen");
        await Assertions.Expect(phone.Locator(".referral-waiting")).ToContainTextAsync("14 Tage");
        var width = await phone.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the referral page scrolls sideways on a phone ({width} px)");
        await BrowserFixture.ScreenshotAsync(phone, "referral-phone");

        // The Jobcenter sees the facts of participation, not the counselling text.
        var desktop = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(desktop, CaseManager);
        await desktop.GotoAsync($"/klienten/{clientId}");
        var seen = desktop.Locator("section[aria-labelledby=referrals-title]");
        await Assertions.Expect(seen).ToContainTextAsync("Schuldnerberatung der Stadt Ludwigshafen");
        await Assertions.Expect(seen).ToContainTextAsync("aufgenommen");
        await Assertions.Expect(seen).ToContainTextAsync("geführt von der Drogenhilfe");
        await Assertions.Expect(seen).Not.ToContainTextAsync("Mietschulden");
        await BrowserFixture.ScreenshotAsync(desktop, "referral-jobcenter-view");
        Assert.Empty(browser.CspViolations);
    }

    /// <summary>A joint client of the two demo caseworkers; the Drogenhilfe's consent lets referral facts through to the Jobcenter.</summary>
    private async Task<Guid> JointClientAsync()
    {
        var services = browser.Services;
        var caseManager = await StaffMembers.ByEmailAsync(services, CaseManager.Email);
        var drugHelpWorker = await StaffMembers.ByEmailAsync(services, DrugHelpWorker.Email);
        var registered = await services.GetRequiredService<ClientRegistration>().RegisterAsync(caseManager, new ClientInput
        {
            FirstName = "Tamara",
            LastName = "Schuldenfrei-Öztürk",
            BirthDate = new DateOnly(1988, 3, 14),
            PostalCode = "67059",
            City = "Ludwigshafen am Rhein",
            CounterpartId = drugHelpWorker.Id,
        });
        Assert.True(registered.Succeeded, registered.Message);
        var clientId = registered.Value!.Id;
        var consents = services.GetRequiredService<ConsentCommands>();
        var signedOn = GermanCalendar.DateOf(DateTimeOffset.UtcNow).AddDays(-30);
        var fromJobcenter = await consents.RecordAsync(caseManager, clientId, new ConsentInput
        {
            MasterData = true, JobcenterToDrugHelp = true, Purpose = "Gemeinsame Fallarbeit", SignedOn = signedOn,
        });
        Assert.True(fromJobcenter.Succeeded, fromJobcenter.Message);
        var fromDrugHelp = await consents.RecordAsync(drugHelpWorker, clientId, new ConsentInput
        {
            MasterData = true, Referrals = true, DrugHelpToJobcenter = true, Purpose = "Teilnahme an Vermittlungen", SignedOn = signedOn,
        });
        Assert.True(fromDrugHelp.Succeeded, fromDrugHelp.Message);
        return clientId;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
