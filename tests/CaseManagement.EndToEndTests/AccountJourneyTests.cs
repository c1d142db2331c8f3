using System.Text.RegularExpressions;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;

namespace CaseManagement.EndToEndTests;

/// <summary>
/// Accounts as a city's IT runs them: Administration creates an account, its first sign-in
/// replaces the initial password and sets up the authenticator app, and sign-ins then need its
/// code; a sign-in ends after a (here short) idle limit, from the person's list of sessions, and
/// when Administration deactivates the account, each time also in the open page.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class AccountJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    /// <summary>Long enough for a busy shared machine, short enough to mean "at once" rather than the periodic check.</summary>
    private static readonly LocatorAssertionsToContainTextOptions AtOnce = new() { Timeout = 5_000 };

    private PostgresTestDatabase _database = default!;
    private readonly List<CaseManagementAppFactory> _apps = [];

    public async Task InitializeAsync() => _database = await PostgresTestDatabase.CreatePreparedAsync();

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Administration_creates_an_account_whose_first_sign_in_replaces_the_password_and_sets_up_the_authenticator()
    {
        // As in production: Administration and Datenschutz must use a second factor.
        var app = StartApp(new Dictionary<string, string> { ["SecondFactor:Required"] = "true" });
        var admin = await browser.NewPageAsync(app: app);
        await SubmitSignInAsync(admin, DemoAccounts.All.Single(a => a.Role == StaffRole.Administrator).Email, DemoAccounts.Password);
        await Assertions.Expect(admin).ToHaveURLAsync(EnrolmentPage());
        await BrowserFixture.ScreenshotAsync(admin, "account-enrol-second-factor");
        await EnrolAsync(admin);
        await Assertions.Expect(admin.Locator("button.user-menu-toggle")).ToBeEnabledAsync();

        await admin.GotoAsync("/verwaltung/konten/neu");
        var email = $"neu-{Guid.NewGuid():N}"[..16] + "@drogenhilfe.example";
        await admin.GetByLabel("Name *").FillAsync("Greta Neumann");
        await admin.GetByLabel("Dienstliche E-Mail-Adresse *").FillAsync(email);
        await admin.GetByLabel("Organisation *").SelectOptionAsync("DrugHelpService");
        await admin.GetByLabel("Rolle *").SelectOptionAsync(StaffRole.DataProtectionOfficer);
        await admin.GetByLabel("Team", new() { Exact = true }).FillAsync("Nord");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Konto anlegen" }).ClickAsync();
        var initialPassword = (await admin.Locator("#initial-password").TextContentAsync())!.Trim();
        Assert.Matches("^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$", initialPassword);
        await BrowserFixture.ScreenshotAsync(admin, "account-created-initial-password");

        var person = await browser.NewPageAsync(app: app);
        await SubmitSignInAsync(person, email, initialPassword);
        await Assertions.Expect(person).ToHaveURLAsync(SetPasswordPage());
        await person.GetByLabel("Neues Passwort", new() { Exact = true }).FillAsync("Passwort2026!");
        await person.GetByLabel("Neues Passwort wiederholen").FillAsync("Passwort2026!");
        await person.GetByRole(AriaRole.Button, new() { Name = "Passwort speichern und weiter" }).ClickAsync();
        await Assertions.Expect(person.Locator("#set-password-new-error")).ToContainTextAsync("gehört zu den häufigsten");
        await BrowserFixture.ScreenshotAsync(person, "account-set-password-refused");
        const string ownPassword = "Möwen über dem Rheinufer";
        await person.GetByLabel("Neues Passwort", new() { Exact = true }).FillAsync(ownPassword);
        await person.GetByLabel("Neues Passwort wiederholen").FillAsync(ownPassword);
        await person.GetByRole(AriaRole.Button, new() { Name = "Passwort speichern und weiter" }).ClickAsync();
        // Datenschutz must use a second factor: set up before the first page.
        await Assertions.Expect(person).ToHaveURLAsync(EnrolmentPage());
        var key = await EnrolAsync(person);
        await Assertions.Expect(person.Locator("button.user-menu-toggle")).ToBeEnabledAsync();

        // Later: the password alone is refused; with the app's code the person is in.
        var later = await browser.NewPageAsync(app: app);
        await SubmitSignInAsync(later, email, ownPassword);
        await Assertions.Expect(later.Locator("#login-error")).ToContainTextAsync("Bestätigungscode ist falsch");
        await SubmitSignInAsync(later, email, ownPassword, CodeOf(key));
        await Assertions.Expect(later.Locator("button.user-menu-toggle")).ToBeEnabledAsync();
        await later.GotoAsync("/konto/sicherheit");
        await Assertions.Expect(later.GetByText("eingerichtet", new() { Exact = true })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(later, "account-security-page");

        foreach (var page in new[] { admin, person, later })
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task After_the_idle_limit_the_open_page_warns_and_then_ends_its_circuit()
    {
        var app = StartApp(new Dictionary<string, string>
        {
            ["Sessions:IdleTimeout"] = "00:00:20",
            ["Sessions:WarningBefore"] = "00:00:08",
        });
        var page = await browser.NewPageAsync(app: app);
        await BrowserFixture.SignInAsync(page, DemoAccounts.All[0]);
        await page.GotoAsync("/klienten");
        await Assertions.Expect(page.Locator("button.user-menu-toggle")).ToBeEnabledAsync();
        var notice = page.Locator(".session-notice");

        await Assertions.Expect(notice).ToContainTextAsync("weil Sie seit längerer Zeit nichts eingegeben haben", new() { Timeout = 25_000 });
        await BrowserFixture.ScreenshotAsync(page, "session-idle-notice");
        await page.GetByRole(AriaRole.Button, new() { Name = "Angemeldet bleiben" }).ClickAsync();
        await Assertions.Expect(notice).ToHaveCountAsync(0);

        await Assertions.Expect(notice).ToBeVisibleAsync(new() { Timeout = 25_000 });
        await Assertions.Expect(page.Locator("#login-notice")).ToContainTextAsync("weil Sie längere Zeit nichts eingegeben haben", new() { Timeout = 20_000 });
        Assert.Contains("returnUrl=%2Fklienten", page.Url, StringComparison.Ordinal);
        await page.GotoAsync("/klienten");
        await Assertions.Expect(page).ToHaveURLAsync(SignInPage());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Ending_another_session_from_the_list_takes_that_browser_to_the_sign_in_at_once()
    {
        var account = await NewCaseManagerAsync();
        var elsewhere = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(elsewhere, account);
        await elsewhere.GotoAsync("/klienten");
        await Assertions.Expect(elsewhere.Locator("button.user-menu-toggle")).ToBeEnabledAsync();
        var here = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(here, account);

        await here.GotoAsync("/konto/sicherheit");
        var sessions = here.Locator(".session-item");
        await Assertions.Expect(sessions).ToHaveCountAsync(2);
        await Assertions.Expect(sessions.First).ToContainTextAsync("angemeldet seit");
        await BrowserFixture.ScreenshotAsync(here, "account-sessions-two");
        await here.Locator(".session-item button").ClickAsync();

        await Assertions.Expect(elsewhere.Locator("#login-notice")).ToContainTextAsync("in der Übersicht „Angemeldete Geräte“ beendet", AtOnce);
        await Assertions.Expect(here.Locator(".session-item")).ToHaveCountAsync(1);
        await Assertions.Expect(here.GetByText("Sie sind nur hier angemeldet.")).ToBeVisibleAsync();
        await here.GotoAsync("/klienten");
        await Assertions.Expect(here.Locator("button.user-menu-toggle")).ToBeEnabledAsync();
        await here.Context.CloseAsync();
        await elsewhere.Context.CloseAsync();
    }

    [Fact]
    public async Task Deactivating_an_account_ends_its_open_page_at_once()
    {
        var account = await NewCaseManagerAsync();
        var person = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(person, account);
        await person.GotoAsync("/klienten");
        await Assertions.Expect(person.Locator("button.user-menu-toggle")).ToBeEnabledAsync();
        var admin = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(admin, DemoAccounts.All.Single(a => a.Role == StaffRole.Administrator));

        await admin.GotoAsync("/verwaltung/konten");
        await admin.GetByRole(AriaRole.Link, new() { Name = account.DisplayName }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Konto deaktivieren …" }).ClickAsync();
        await Assertions.Expect(admin.GetByText("Keine laufenden Fälle.")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(admin, "account-deactivate-confirm");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Ja, deaktivieren" }).ClickAsync();

        await Assertions.Expect(person.Locator("#login-notice")).ToContainTextAsync("weil Ihr Konto deaktiviert wurde", AtOnce);
        await Assertions.Expect(admin.GetByText("Das Konto ist deaktiviert; offene Sitzungen der Person sind beendet.")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(admin, "account-deactivated");
        await admin.GotoAsync("/verwaltung/konten");
        await Assertions.Expect(admin.Locator("tr", new() { Has = admin.GetByRole(AriaRole.Link, new() { Name = account.DisplayName }) }))
            .ToContainTextAsync("deaktiviert");
        await BrowserFixture.ScreenshotAsync(admin, "account-list");
        await admin.Context.CloseAsync();
        await person.Context.CloseAsync();
    }

    private Uri StartApp(IReadOnlyDictionary<string, string> settings)
    {
        var app = new CaseManagementAppFactory(_database.ConnectionString, seedCaseload: false, settings);
        _apps.Add(app);
        return app.StartOnRealPort();
    }

    /// <summary>A fresh case manager of the shared app, signing in with the demo password (so no other test's sessions show up).</summary>
    private async Task<DemoAccount> NewCaseManagerAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var account = new DemoAccount($"sitzung-{suffix}@jobcenter.example", $"Sitzung {suffix}", StaffRole.CaseManager, Organisation.Jobcenter);
        await using var scope = browser.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser
        {
            UserName = account.Email, Email = account.Email, EmailConfirmed = true,
            DisplayName = account.DisplayName, Organisation = account.Organisation,
        };
        Assert.True((await users.CreateAsync(user, DemoAccounts.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, account.Role)).Succeeded);
        return account;
    }

    private static async Task SubmitSignInAsync(IPage page, string email, string password, string? code = null)
    {
        await page.GotoAsync("/konto/anmelden");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(email);
        await page.GetByLabel("Passwort").FillAsync(password);
        if (code is not null)
        {
            await page.GetByLabel("Bestätigungscode").FillAsync(code);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
    }

    /// <summary>Reads the key off the enrolment page, confirms a code computed from it, notes the recovery codes; returns the key.</summary>
    private static async Task<string> EnrolAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("img.qr-code")).ToBeVisibleAsync();
        var key = (await page.Locator("#authenticator-key").TextContentAsync())!.Replace(" ", "", StringComparison.Ordinal);
        await page.GetByLabel("Code aus der App").FillAsync(CodeOf(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Bestätigen und anmelden" }).ClickAsync();
        await Assertions.Expect(page.Locator(".code-list li")).ToHaveCountAsync(10);
        await BrowserFixture.ScreenshotAsync(page, "account-recovery-codes");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ich habe die Codes notiert – weiter" }).ClickAsync();
        return key;
    }

    /// <summary>The code an authenticator app would show now (Otp.NET, not the product's own code).</summary>
    private static string CodeOf(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow);

    [GeneratedRegex("/konto/zwei-faktor-einrichten")]
    private static partial Regex EnrolmentPage();

    [GeneratedRegex("/konto/passwort-festlegen")]
    private static partial Regex SetPasswordPage();

    [GeneratedRegex("/konto/anmelden")]
    private static partial Regex SignInPage();
}
