using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using Microsoft.Playwright;

namespace CaseManagement.EndToEndTests;

[Collection(BrowserTestGroup.Name)]
public sealed class RoleHomeTests(BrowserFixture browser)
{
    public static TheoryData<string, string> HomeHeadings => new()
    {
        { StaffRole.CaseManager, "Fallmanagement Jobcenter" },
        { StaffRole.DrugHelpWorker, "Fachkraft Drogenhilfe" },
        { StaffRole.TeamLeadJobcenter, "Teamleitung" },
        { StaffRole.TeamLeadDrugHelp, "Teamleitung" },
        { StaffRole.SteeringCommittee, "Lenkungsrunde" },
        { StaffRole.DataProtectionOfficer, "Datenschutz" },
        { StaffRole.Administrator, "Administration" },
    };

    [Theory]
    [MemberData(nameof(HomeHeadings))]
    public async Task Each_role_lands_on_its_home_page_and_the_user_menu_answers_over_the_circuit(string role, string heading)
    {
        var account = DemoAccounts.All.Single(a => a.Role == role);
        var page = await browser.NewPageAsync();

        await BrowserFixture.SignInAsync(page, account);

        Assert.Equal(browser.BaseAddress.ToString(), page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        await Assertions.Expect(page.GetByText(account.DisplayName).First).ToBeVisibleAsync();

        // The menu opens only when the click travels over the circuit and the server re-renders.
        var toggle = page.Locator("button.user-menu-toggle");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await toggle.ClickAsync();
        var panel = page.GetByRole(AriaRole.Region, new() { Name = "Benutzermenü" });
        await Assertions.Expect(panel).ToBeVisibleAsync();
        await Assertions.Expect(panel).ToContainTextAsync(StaffRole.GermanLabel(role));
        await Assertions.Expect(panel).ToContainTextAsync(account.Organisation.German());
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");

        await BrowserFixture.ScreenshotAsync(page, $"home-{role}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Signing_out_from_the_user_menu_returns_to_the_sign_in_page()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoAccounts.All[1]);

        await page.Locator("button.user-menu-toggle").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Abmelden" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Sie haben sich abgemeldet.")).ToBeVisibleAsync();
        await page.GotoAsync("/");
        Assert.Contains("/konto/anmelden", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_wrong_password_is_answered_in_German_on_a_phone()
    {
        var page = await browser.NewPageAsync(390, 844);
        await page.GotoAsync("/konto/anmelden");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(DemoAccounts.All[0].Email);
        await page.GetByLabel("Passwort").FillAsync("kein-richtiges-passwort");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("E-Mail-Adresse, Passwort oder Bestätigungscode ist falsch, oder die Anmeldung ist");
        await BrowserFixture.ScreenshotAsync(page, "login-error-phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_page_outside_the_role_shows_the_German_refusal()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoAccounts.All.Single(a => a.Role == StaffRole.SteeringCommittee));

        await page.GotoAsync("/klienten");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Kein Zugriff");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" })).Not.ToContainTextAsync("Klient:innen");
        await Assertions.Expect(page.Locator("#main")).ToContainTextAsync("wenden Sie sich an Ihre Teamleitung oder die Administration");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_administration_is_told_why_case_data_stays_closed_not_to_ask_itself()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoAccounts.All.Single(a => a.Role == StaffRole.Administrator));

        await page.GotoAsync("/klienten");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Kein Zugriff");
        await Assertions.Expect(page.Locator("#main")).ToContainTextAsync("Falldaten sieht sie nach dem Datenschutzkonzept nicht");
        await Assertions.Expect(page.Locator("#main")).Not.ToContainTextAsync("wenden Sie sich an");
        await page.Context.CloseAsync();
    }
}
