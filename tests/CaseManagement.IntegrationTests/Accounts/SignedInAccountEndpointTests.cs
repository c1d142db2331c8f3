using CaseManagement.Infrastructure.DemoData;
using CaseManagement.Web.Account;

namespace CaseManagement.IntegrationTests.Accounts;

/// <summary>
/// Whose sign-in a browser holds, as reconnect.js asks before handing typing back into a page that
/// came back after a loss: the account's id, and nothing before sign-in or once it has signed out.
/// </summary>
public sealed class SignedInAccountEndpointTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task It_names_the_signed_in_account_and_nobody_before_sign_in_or_after_sign_out()
    {
        var account = DemoAccounts.All.First(a => a.Role == CaseManagement.Domain.Staff.StaffRole.CaseManager);
        var id = (await app.MemberByEmailAsync(account.Email)).Id;
        using var browser = StaffBrowser.Open(app);
        Assert.Equal("", await AnswerAsync(browser));

        await browser.SignInAsync(account.Email, DemoAccounts.Password);
        Assert.Equal(id, await AnswerAsync(browser));

        await browser.SignOutAsync();

        Assert.Equal("", await AnswerAsync(browser));
    }

    private static async Task<string?> AnswerAsync(StaffBrowser browser)
    {
        var response = await browser.Client.GetAsync(AccountEndpoints.SignedInAccountPath);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : null;
    }
}
