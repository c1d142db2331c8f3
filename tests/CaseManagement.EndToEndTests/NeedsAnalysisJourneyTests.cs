using System.Globalization;
using System.Text.RegularExpressions;
using CaseManagement.Application.Clients;
using CaseManagement.Domain;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using CaseManagement.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CaseManagement.EndToEndTests;

/// <summary>
/// The operational steering round opens the needs analysis of the network for the last complete year
/// over the demo caseload: demand, waiting times, revolving doors and needs without an offer, each
/// chart followed by its table; no case number anywhere. Before, a case manager records on a
/// client's page that a needed service has no fitting partner (Bedarf ohne Angebot).
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class NeedsAnalysisJourneyTests(BrowserFixture browser)
{
    private static readonly DemoAccount Steering = DemoAccounts.All.Single(a => a.Role == StaffRole.SteeringCommittee);
    private static readonly DemoAccount CaseManager = DemoAccounts.All.Single(a => a.Role == StaffRole.CaseManager);

    [Fact]
    public async Task A_case_manager_records_a_need_without_a_fitting_partner_on_the_clients_page_and_removes_it_after_confirming()
    {
        var services = browser.Services;
        var caseManager = await StaffMembers.ByEmailAsync(services, CaseManager.Email);
        var registered = await services.GetRequiredService<ClientRegistration>().RegisterAsync(caseManager, new ClientInput
        {
            FirstName = "Gerlinde",
            LastName = "Ohneangebot-Weiß",
            BirthDate = new DateOnly(1961, 9, 2),
            PostalCode = "67063",
            City = "Ludwigshafen am Rhein",
        });
        Assert.True(registered.Succeeded, registered.Message);
        var page = await browser.NewPageAsync(1366, 900);
        await BrowserFixture.SignInAsync(page, CaseManager);

        await page.GotoAsync($"/klienten/{registered.Value!.Id}");
        var section = page.Locator("section[aria-labelledby=unmet-needs-title]");
        // The client page reads its sections once interactive; on a busy machine that takes a while.
        await Assertions.Expect(section).ToContainTextAsync("Kein Bedarf ohne Angebot erfasst.", new() { Timeout = 20_000 });
        // The form opens on demand, with the keyboard in its first field.
        await section.GetByRole(AriaRole.Button, new() { Name = "Bedarf ohne Angebot erfassen …" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Benötigte Art von Stelle *")).ToBeFocusedAsync();
        await section.GetByRole(AriaRole.Button, new() { Name = "Bedarf festhalten", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#unmet-need-type-error")).ToHaveTextAsync("Bitte wählen Sie, welche Art von Stelle gebraucht wurde.");
        await page.GetByLabel("Benötigte Art von Stelle *").SelectOptionAsync(new SelectOptionValue { Label = "Altenhilfe" });
        await page.GetByLabel("Was wurde gebraucht, warum passte keine Stelle?").FillAsync("Tagesstruktur für Ältere in Substitution");
        await section.GetByRole(AriaRole.Button, new() { Name = "Bedarf festhalten", Exact = true }).ClickAsync();

        await Assertions.Expect(section.Locator(".unmet-needs li")).ToContainTextAsync("Altenhilfe");
        // Saved: the form closes again and offers the next entry.
        await Assertions.Expect(section.GetByRole(AriaRole.Button, new() { Name = "Bedarf ohne Angebot erfassen …" })).ToBeFocusedAsync();
        await Assertions.Expect(section.Locator(".unmet-needs li")).ToContainTextAsync("Tagesstruktur für Ältere in Substitution");
        await BrowserFixture.ScreenshotAsync(page, "unmet-need-recorded");

        // Removing asks first: "Nein" keeps the entry, "Ja, entfernen" removes it.
        var entry = section.Locator(".unmet-needs li");
        await entry.GetByRole(AriaRole.Button, new() { Name = "entfernen …" }).ClickAsync();
        await Assertions.Expect(entry.GetByRole(AriaRole.Alert)).ToContainTextAsync("wirklich entfernen?");
        await Assertions.Expect(entry.GetByRole(AriaRole.Button, new() { Name = "Nein", Exact = true })).ToBeFocusedAsync();
        await BrowserFixture.ScreenshotAsync(page, "unmet-need-remove-confirm");
        await entry.GetByRole(AriaRole.Button, new() { Name = "Nein", Exact = true }).ClickAsync();
        await Assertions.Expect(entry).ToContainTextAsync("Altenhilfe");
        await Assertions.Expect(entry.GetByRole(AriaRole.Button, new() { Name = "entfernen …" })).ToBeFocusedAsync();
        await entry.GetByRole(AriaRole.Button, new() { Name = "entfernen …" }).ClickAsync();
        await entry.GetByRole(AriaRole.Button, new() { Name = "Ja, entfernen", Exact = true }).ClickAsync();
        await Assertions.Expect(section).ToContainTextAsync("Kein Bedarf ohne Angebot erfasst.");
        // The row and the pressed button are gone: the keyboard is on recording the next need, not lost to the page's top.
        await Assertions.Expect(section.GetByRole(AriaRole.Button, new() { Name = "Bedarf ohne Angebot erfassen …" })).ToBeFocusedAsync();
        Assert.Empty(browser.CspViolations);
    }

    [Fact]
    public async Task The_steering_round_opens_the_needs_analysis_of_a_year_with_its_tables()
    {
        var year = GermanCalendar.DateOf(DateTimeOffset.UtcNow).Year - 1;
        var page = await browser.NewPageAsync(1366, 900);
        await BrowserFixture.SignInAsync(page, Steering);

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Bedarfsanalyse" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bedarfsanalyse des Netzwerks");
        await page.GetByRole(AriaRole.Radio, new() { Name = "ganzes Jahr", Exact = true }).CheckAsync();
        await page.Locator("#report-year").SelectOptionAsync(year.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Anzeigen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#report-title")).ToHaveTextAsync($"Bedarfsanalyse des Netzwerks {year}");

        var demand = page.Locator("#nachfrage-table");
        await Assertions.Expect(demand.Locator("thead")).ToContainTextAsync("aufgenommen");
        await Assertions.Expect(demand.Locator("tr.total-row th")).ToHaveTextAsync("Gesamt");
        await Assertions.Expect(page.Locator("section#nachfrage svg[role=img]")).ToHaveAttributeAsync("aria-describedby", "nachfrage-table");
        await Assertions.Expect(page.Locator("#wartezeiten-table thead")).ToContainTextAsync("90. Perzentil");
        await Assertions.Expect(page.Locator("#bedarf-ohne-angebot-table tbody")).ToContainTextAsync("Altenhilfe");
        var main = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotMatch(CaseNumber(), main);
        await BrowserFixture.ScreenshotAsync(page, "needs-analysis");
        Assert.Empty(browser.CspViolations);
    }

    [GeneratedRegex(@"LU-\d{4}-\d{5}")]
    private static partial Regex CaseNumber();
}
