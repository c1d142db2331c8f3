using System.Net;
using System.Text.RegularExpressions;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Web.Components.Pages.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests.Sessions;

/// <summary>
/// The sign-in must not tell an outsider which accounts exist: not by its message, and not by the
/// work it does (the time it takes). Work is compared instead of wall-clock time, which a shared
/// machine makes too noisy for a pass/fail test.
/// </summary>
public sealed partial class SignInSecrecyTests(SignInAppFixture app) : IClassFixture<SignInAppFixture>
{
    private const string WrongPassword = "Falsches-Passwort-2026";

    [Fact]
    public async Task Unknown_wrong_locked_and_throttled_attempts_get_the_same_page()
    {
        var attempts = await RefusedAttemptsAsync();

        var pages = new List<string>();
        foreach (var attempt in attempts)
        {
            using var browser = app.Browser(attempt.Address);
            var response = await browser.SignInAsync(attempt.Email, attempt.Password);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("fallverbund.auth", StringComparison.Ordinal)));
            pages.Add(Comparable(await StaffBrowser.TextOf(response), attempt.Email));
        }

        Assert.Contains(Login.RefusedMessage, pages[0]);
        Assert.All(pages, page => Assert.Equal(pages[0], page));
    }

    [Fact]
    public async Task Every_refusal_verifies_one_password_hash_and_an_unknown_account_runs_the_same_statements()
    {
        var attempts = await RefusedAttemptsAsync();

        var work = new Dictionary<string, (int Hashes, int Statements)>();
        foreach (var attempt in attempts)
        {
            using var browser = app.Browser(attempt.Address);
            var token = await browser.AntiforgeryTokenFromAsync("/konto/anmelden");
            app.Work.Reset();
            await browser.Client.PostAsync("/konto/anmelden", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = token,
                ["Input.Email"] = attempt.Email,
                ["Input.Password"] = attempt.Password,
            }));
            work[attempt.Case] = (app.Work.Hashes, app.Work.Statements);
        }

        Assert.All(work.Values, w => Assert.Equal(1, w.Hashes));
        // At least the account lookup and the failure count; proves the statements are counted at all.
        Assert.True(work["unknown account"].Statements >= 2, $"{work["unknown account"].Statements} statements");
        Assert.Equal(work["wrong password"].Statements, work["unknown account"].Statements);
        Assert.Equal(work["wrong password"].Statements, work["locked account"].Statements);
    }

    /// <summary>Four refusals: no such account, a wrong password, the right password of a locked account, and the right password from a throttled address.</summary>
    private async Task<List<Attempt>> RefusedAttemptsAsync()
    {
        var existing = await TestAccounts.CreateAsync(app.Services);
        var locked = await TestAccounts.CreateAsync(app.Services);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = await users.FindByIdAsync(locked.Id);
            await users.SetLockoutEndDateAsync(user!, DateTimeOffset.UtcNow.AddMinutes(30));
        }

        var throttled = await TestAccounts.CreateAsync(app.Services);
        var throttledFrom = SignInAppFixture.NewAddress();
        using (var outsider = app.Browser(throttledFrom))
        {
            for (var i = 0; i < 5; i++)
            {
                await outsider.SignInAsync(throttled.Email, WrongPassword);
            }
        }

        return
        [
            new("unknown account", $"niemand-{Guid.NewGuid():N}@jobcenter.example", WrongPassword, SignInAppFixture.NewAddress()),
            new("wrong password", existing.Email, WrongPassword, SignInAppFixture.NewAddress()),
            new("locked account", locked.Email, TestAccounts.Password, SignInAppFixture.NewAddress()),
            new("throttled address", throttled.Email, TestAccounts.Password, throttledFrom),
        ];
    }

    /// <summary>
    /// The page without what legitimately differs: the address typed (echoed in the field) and
    /// what Data Protection encrypted with a fresh random IV (antiforgery token, component state).
    /// </summary>
    private static string Comparable(string page, string email) =>
        Protected().Replace(page.Replace(email, "E-MAIL", StringComparison.Ordinal), "PROTECTED");

    [GeneratedRegex("CfDJ8[A-Za-z0-9+/=_-]*")]
    private static partial Regex Protected();

    private sealed record Attempt(string Case, string Email, string Password, string Address);
}
