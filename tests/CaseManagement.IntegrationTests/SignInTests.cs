using System.Net;
using CaseManagement.Infrastructure.DemoData;

namespace CaseManagement.IntegrationTests;

public sealed class SignInTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly string CaseManager = DemoAccounts.All[0].Email;

    [Theory]
    [InlineData("/")]
    [InlineData("/klienten")]
    [InlineData("/verwaltung/konten")]
    [InlineData("/gibt-es-nicht")]
    public async Task Anonymous_requests_are_redirected_to_the_sign_in_page(string path)
    {
        using var browser = StaffBrowser.Open(app);

        var response = await browser.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/anmelden", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_page_is_German_and_open_to_anonymous_users()
    {
        using var browser = StaffBrowser.Open(app);

        var html = await browser.Client.GetStringAsync("/konto/anmelden");

        Assert.Contains("<html lang=\"de\">", html);
        var response = await browser.Client.GetAsync("/konto/anmelden");
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("E-Mail-Adresse", html);
        Assert.Contains("Passwort", html);
    }

    [Fact]
    public async Task Signing_in_with_a_demo_account_leads_to_the_requested_page()
    {
        using var browser = StaffBrowser.Open(app);

        var response = await browser.SignInAsync(CaseManager, DemoAccounts.Password, returnUrl: "/klienten");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/klienten", response.Headers.Location!.PathAndQuery);
        var home = await browser.Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Fallmanagement Jobcenter", await StaffBrowser.TextOf(home));
    }

    [Fact]
    public async Task A_foreign_return_url_is_ignored_after_sign_in()
    {
        using var browser = StaffBrowser.Open(app);

        var response = await browser.SignInAsync(CaseManager, DemoAccounts.Password, returnUrl: "https://evil.example/");

        var target = response.Headers.Location!;
        Assert.Equal("localhost", target.Host);
        Assert.Equal("/", target.PathAndQuery);
    }

    [Fact]
    public async Task A_wrong_password_shows_a_German_message_and_signs_nobody_in()
    {
        using var browser = StaffBrowser.Open(app);

        var response = await browser.SignInAsync(DemoAccounts.All[1].Email, "falsches-passwort-123");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(CaseManagement.Web.Components.Pages.Account.Login.RefusedMessage, await StaffBrowser.TextOf(response));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task An_empty_form_shows_messages_next_to_the_fields()
    {
        using var browser = StaffBrowser.Open(app);

        var response = await browser.SignInAsync("", "");
        var html = await StaffBrowser.TextOf(response);

        Assert.Contains("Bitte geben Sie Ihre E-Mail-Adresse ein.", html);
        Assert.Contains("Bitte geben Sie Ihr Passwort ein.", html);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var browser = StaffBrowser.Open(app);
        await browser.SignInAsync(CaseManager, DemoAccounts.Password);

        var response = await browser.SignOutAsync();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.GetAsync("/")).StatusCode);
        var signInPage = await StaffBrowser.TextOf(await browser.Client.GetAsync(response.Headers.Location!.OriginalString));
        Assert.Contains("Sie haben sich abgemeldet.", signInPage);
    }

    [Theory]
    [InlineData("sitzung-beendet", "Sie wurden abgemeldet, weil diese Anmeldung in einem anderen Tab oder Fenster beendet wurde.")]
    [InlineData("konto-geaendert", "Sie wurden abgemeldet, weil die Administration Ihr Konto geändert hat")]
    [InlineData("inaktiv", "Sie wurden abgemeldet, weil Sie längere Zeit nichts eingegeben haben.")]
    [InlineData("zeitlimit", "Sie wurden abgemeldet, weil eine Anmeldung nur eine begrenzte Zeit am Stück gilt.")]
    [InlineData("beendet", "Sie wurden abgemeldet, weil diese Anmeldung in der Übersicht „Angemeldete Geräte“ beendet wurde")]
    [InlineData("deaktiviert", "Sie wurden abgemeldet, weil Ihr Konto deaktiviert wurde.")]
    [InlineData("passwort-geaendert", "Sie wurden abgemeldet, weil das Passwort Ihres Kontos geändert wurde.")]
    public async Task The_sign_in_page_says_why_a_session_ended(string reason, string text)
    {
        using var browser = StaffBrowser.Open(app);

        var page = await StaffBrowser.TextOf(await browser.Client.GetAsync("/konto/anmelden?grund=" + reason));

        Assert.Contains(text, page);
    }

    [Fact]
    public async Task The_sign_in_page_never_repeats_an_unknown_reason()
    {
        using var browser = StaffBrowser.Open(app);

        var page = await StaffBrowser.TextOf(await browser.Client.GetAsync("/konto/anmelden?grund=Ihr%20Konto%20wurde%20gehackt"));

        Assert.DoesNotContain("Ihr Konto wurde gehackt", page);
        Assert.DoesNotContain("login-notice", page);
    }

    [Fact]
    public async Task Signing_out_without_an_antiforgery_token_is_refused()
    {
        using var browser = StaffBrowser.Open(app);
        await browser.SignInAsync(CaseManager, DemoAccounts.Password);

        var response = await browser.Client.PostAsync("/konto/abmelden", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Health_reports_the_database_as_reachable_without_sign_in()
    {
        using var browser = StaffBrowser.Open(app);

        var response = await browser.Client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await StaffBrowser.TextOf(response));
    }
}
