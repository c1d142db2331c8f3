using CaseManagement.Application.Clients;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using CaseManagement.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CaseManagement.EndToEndTests;

/// <summary>
/// A person the Jobcenter has is registered again by the drug-help service: the caseworker sees no
/// hint, both team leads find the suspicion on their home page and settle it on /team/dubletten.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class DuplicateJourneyTests(BrowserFixture browser)
{
    private static readonly DemoAccount JobcenterLead = DemoAccounts.All.Single(a => a.Role == StaffRole.TeamLeadJobcenter);
    private static readonly DemoAccount DrugHelpLead = DemoAccounts.All.Single(a => a.Role == StaffRole.TeamLeadDrugHelp);

    [Fact]
    public async Task The_caseworker_registers_unaware_and_the_two_team_leads_settle_the_suspicion()
    {
        var lastName = "Doppelt-" + string.Concat(Guid.NewGuid().ToString("N")[..6].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));
        var caseManager = await StaffMembers.ByEmailAsync(browser.Services, JointCases.CaseManager.Email);
        var earlier = await browser.Services.GetRequiredService<ClientRegistration>().RegisterAsync(caseManager, new ClientInput
        {
            FirstName = "Gisela", LastName = lastName, BirthDate = new DateOnly(1971, 8, 19), PostalCode = "67063", City = "Ludwigshafen am Rhein",
        });
        Assert.True(earlier.Succeeded, earlier.Message);

        var worker = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(worker, JointCases.DrugHelpWorker);
        await worker.GotoAsync("/klienten/neu");
        await worker.GetByLabel("Vorname *").FillAsync("Gisela");
        await worker.GetByLabel("Nachname *").FillAsync(lastName + "x");
        await worker.GetByLabel("Geburtsdatum *").FillAsync("1971-08-19");
        await worker.GetByLabel("PLZ *").FillAsync("67063");
        await worker.GetByRole(AriaRole.Button, new() { Name = "Person aufnehmen" }).ClickAsync();
        // Straight through: no hint that anyone else knows the person.
        await Assertions.Expect(worker.Locator(".alert-success")).ToContainTextAsync("Die Person ist aufgenommen, Fallnummer");
        await Assertions.Expect(worker.GetByText("ähnlichem Namen")).ToHaveCountAsync(0);
        await worker.Context.CloseAsync();

        foreach (var (lead, verdict) in new[] { (JobcenterLead, "Verschiedene Personen"), (DrugHelpLead, "Verschiedene Personen") })
        {
            var page = await browser.NewPageAsync(1280, 900);
            await BrowserFixture.SignInAsync(page, lead);
            var panel = page.GetByRole(AriaRole.Region, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Mögliche Dubletten") });
            await panel.GetByRole(AriaRole.Link, new() { Name = "Zur Klärung" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mögliche Dubletten");

            var item = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = earlier.Value!.CaseNumber });
            await Assertions.Expect(item).ToHaveCountAsync(1);
            if (lead == JobcenterLead)
            {
                await Assertions.Expect(item).ToContainTextAsync($"Gisela {lastName}");
                await Assertions.Expect(item).Not.ToContainTextAsync(lastName + "x");
                await BrowserFixture.ScreenshotAsync(page, "duplicates-team-lead");
            }
            else
            {
                await Assertions.Expect(item).ToContainTextAsync($"Gisela {lastName}x");
                await Assertions.Expect(item).ToContainTextAsync("Jobcenter: verschiedene Personen");
            }

            await item.GetByRole(AriaRole.Button, new() { Name = verdict }).ClickAsync();
            var status = page.GetByRole(AriaRole.Status).Filter(new() { HasText = lead == JobcenterLead ? "wartet auf die Entscheidung" : "Verdacht geschlossen" });
            await Assertions.Expect(status).ToBeFocusedAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = earlier.Value.CaseNumber })).ToHaveCountAsync(lead == JobcenterLead ? 1 : 0);
            await page.Context.CloseAsync();
        }
    }
}
