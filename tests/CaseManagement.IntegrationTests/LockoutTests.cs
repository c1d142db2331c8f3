using CaseManagement.Infrastructure.DemoData;

namespace CaseManagement.IntegrationTests;

public sealed class LockoutTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_password()
    {
        using var browser = StaffBrowser.Open(app);
        var email = DemoAccounts.All[2].Email;

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var html = await StaffBrowser.TextOf(await browser.SignInAsync(email, "falsches-passwort-" + attempt));
            Assert.Contains("E-Mail-Adresse oder Passwort ist falsch.", html);
        }

        var fifth = await StaffBrowser.TextOf(await browser.SignInAsync(email, "falsches-passwort-5"));
        Assert.Contains("für 15 Minuten gesperrt", fifth);

        var rightPassword = await browser.SignInAsync(email, DemoAccounts.Password);
        Assert.Equal(System.Net.HttpStatusCode.OK, rightPassword.StatusCode);
        Assert.Contains("für 15 Minuten gesperrt", await StaffBrowser.TextOf(rightPassword));
    }
}
