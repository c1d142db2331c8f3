using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using Microsoft.Playwright;

namespace CaseManagement.EndToEndTests;

/// <summary>
/// Signing out ends the session on the server: the other open tabs of that sign-in lose access at
/// once (over their circuits, without a click), and a copy of the cookie opens nothing afterwards.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SessionEndJourneyTests(BrowserFixture browser)
{
    private const string EndedElsewhere = "Sie wurden abgemeldet, weil diese Anmeldung in einem anderen Tab oder Fenster beendet wurde.";

    /// <summary>Long enough for a busy shared machine, short enough to mean "at once" rather than the periodic check (one minute).</summary>
    private static readonly LocatorAssertionsToContainTextOptions AtOnce = new() { Timeout = 5_000 };

    [Fact]
    public async Task Signing_out_in_one_tab_ends_the_other_tab_and_every_copy_of_the_cookie()
    {
        var first = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(first, DemoAccounts.All[0]);
        var second = await first.Context.NewPageAsync();
        await OpenCaseloadAsync(second);
        var cookies = (await first.Context.CookiesAsync()).Select(CopyOf).ToList();
        var copy = await browser.NewPageAsync();
        await copy.Context.AddCookiesAsync(cookies);
        await OpenCaseloadAsync(copy);
        Assert.Equal(200, (await CalendarFileAsync(copy.Context)).Status);

        await first.Locator("button.user-menu-toggle").ClickAsync();
        await first.GetByRole(AriaRole.Button, new() { Name = "Abmelden" }).ClickAsync();

        await Assertions.Expect(first.Locator("#login-notice")).ToHaveTextAsync("Sie haben sich abgemeldet.");
        await Assertions.Expect(second.Locator("#login-notice")).ToContainTextAsync(EndedElsewhere, AtOnce);
        await Assertions.Expect(copy.Locator("#login-notice")).ToContainTextAsync(EndedElsewhere, AtOnce);
        Assert.Contains("returnUrl=%2Fklienten", second.Url, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(second, "session-ended-elsewhere");

        // A copy kept from before the sign-out, replayed in a fresh browser. Each refusal also
        // deletes the cookie there, so it is put back before the second try.
        var replay = await browser.NewPageAsync();
        await replay.Context.AddCookiesAsync(cookies);
        await replay.GotoAsync("/klienten");
        Assert.Contains("/konto/anmelden", replay.Url, StringComparison.Ordinal);
        await Assertions.Expect(replay.Locator("#login-notice")).ToContainTextAsync(EndedElsewhere);
        await replay.Context.AddCookiesAsync(cookies);
        var calendar = await CalendarFileAsync(replay.Context);
        Assert.Equal(302, calendar.Status);
        Assert.Contains("/konto/anmelden", calendar.Headers["location"], StringComparison.Ordinal);
        // Nor does the copy pass for the account it was issued to when a page asks whose typing it may hand back.
        await replay.Context.AddCookiesAsync(cookies);
        var signedInAs = await replay.Context.APIRequest.GetAsync("/konto/angemeldet-als");
        Assert.Equal(200, signedInAs.Status);
        Assert.Equal("", await signedInAs.TextAsync());

        foreach (var page in new[] { first, copy, replay })
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_reason_and_the_refusal_read_well_on_a_phone()
    {
        var page = await browser.NewPageAsync(390, 844);
        await page.GotoAsync("/konto/anmelden?grund=sitzung-beendet");
        await Assertions.Expect(page.Locator("#login-notice")).ToContainTextAsync(EndedElsewhere);
        await BrowserFixture.ScreenshotAsync(page, "session-ended-phone");

        await page.GetByLabel("E-Mail-Adresse").FillAsync("niemand@jobcenter.example");
        await page.GetByLabel("Passwort").FillAsync("kein-richtiges-passwort");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("oder die Anmeldung ist nach mehreren Fehlversuchen vorübergehend gesperrt");
        await Assertions.Expect(page.Locator("#login-notice")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "sign-in-refused-phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Administration_sees_a_throttled_account_and_lifts_the_throttle()
    {
        var account = DemoAccounts.AdditionalCaseworkers[^1];
        var guesser = await browser.NewPageAsync();
        await guesser.GotoAsync("/konto/anmelden");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await guesser.GetByLabel("E-Mail-Adresse").FillAsync(account.Email);
            await guesser.GetByLabel("Passwort").FillAsync($"geraten-{attempt}-passwort");
            // Each guess waits for its answer: the refusal of the previous one is still on the page.
            await guesser.RunAndWaitForResponseAsync(
                () => guesser.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync(), r => r.Request.Method == "POST");
            await Assertions.Expect(guesser.Locator("#login-error")).ToBeVisibleAsync();
        }

        var administration = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(administration, DemoAccounts.All.Single(a => a.Role == StaffRole.Administrator));
        await administration.GotoAsync("/verwaltung/konten");
        var row = administration.GetByRole(AriaRole.Row).Filter(new() { HasText = account.DisplayName });
        await Assertions.Expect(row).ToContainTextAsync("gebremst bis");
        await Assertions.Expect(row).ToContainTextAsync("von 1 Adresse");
        await BrowserFixture.ScreenshotAsync(administration, "accounts-throttled");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Entsperren: Konto von {account.DisplayName}" }).ClickAsync();

        await Assertions.Expect(administration.GetByText($"Das Konto von {account.DisplayName} ist entsperrt")).ToBeVisibleAsync();
        await Assertions.Expect(row).ToContainTextAsync("aktiv");
        await BrowserFixture.SignInAsync(guesser, account);
        await guesser.Context.CloseAsync();
        await administration.Context.CloseAsync();
    }

    private static async Task OpenCaseloadAsync(IPage page)
    {
        await page.GotoAsync("/klienten");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Meine Klient:innen");
        // The circuit is live once the user menu answers.
        await Assertions.Expect(page.Locator("button.user-menu-toggle")).ToBeEnabledAsync();
    }

    private static Cookie CopyOf(BrowserContextCookiesResult cookie) => new()
    {
        Name = cookie.Name,
        Value = cookie.Value,
        Domain = cookie.Domain,
        Path = cookie.Path,
        HttpOnly = cookie.HttpOnly,
        Secure = cookie.Secure,
        SameSite = cookie.SameSite,
    };

    private static Task<IAPIResponse> CalendarFileAsync(IBrowserContext context) =>
        context.APIRequest.GetAsync("/termine/kalender.ics", new() { MaxRedirects = 0 });
}
