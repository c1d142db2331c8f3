using System.Text.RegularExpressions;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using Microsoft.Playwright;

namespace CaseManagement.EndToEndTests;

/// <summary>Administration adds a partner service to the directory and lands on its page.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class PartnerDirectoryJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_new_partner_is_shown_on_its_own_page_right_after_it_is_created()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoAccounts.All.First(a => a.Role == StaffRole.Administrator));
        await page.GotoAsync("/verwaltung/netzwerkpartner/neu");
        var name = "Schuldnerberatung Hemshof " + Guid.NewGuid().ToString("N")[..6];
        await page.GetByLabel("Name *").FillAsync(name);
        await page.GetByLabel("Art der Stelle *").SelectOptionAsync(new SelectOptionValue { Label = "Schuldnerberatung" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Netzwerkpartner anlegen" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(PartnerPage());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Es ist ein unerwarteter Fehler aufgetreten.")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Änderungen speichern" })).ToBeEnabledAsync();
    }

    [GeneratedRegex("/verwaltung/netzwerkpartner/[0-9a-f-]{36}$")]
    private static partial Regex PartnerPage();
}
