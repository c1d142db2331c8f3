using System.Globalization;
using System.Text.RegularExpressions;
using CaseManagement.Domain;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using Microsoft.Playwright;

namespace CaseManagement.EndToEndTests;

/// <summary>
/// The operational steering round opens the needs analysis of the network for the last complete year
/// over the demo caseload: demand, waiting times, revolving doors and needs without an offer, each
/// chart followed by its table; no case number anywhere.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class NeedsAnalysisJourneyTests(BrowserFixture browser)
{
    private static readonly DemoAccount Steering = DemoAccounts.All.Single(a => a.Role == StaffRole.SteeringCommittee);

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
