using CaseManagement.Application.Staff;
using CaseManagement.Domain.Staff;
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

    [Fact]
    public async Task The_administration_unlocks_a_locked_account_and_nobody_else_can()
    {
        using var browser = StaffBrowser.Open(app);
        var email = DemoAccounts.All[3].Email;
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await browser.SignInAsync(email, "falsches-passwort-" + attempt);
        }

        var administrator = await app.DemoMemberAsync(StaffRole.Administrator);
        var caseManager = await app.DemoMemberAsync(StaffRole.CaseManager);
        var accounts = app.Service<StaffAccounts>();
        var locked = Assert.Single(await accounts.ListAsync(administrator), a => a.Email == email);
        Assert.NotNull(locked.LockedUntil);
        Assert.Empty(await accounts.ListAsync(caseManager));
        Assert.True((await accounts.UnlockAsync(caseManager, locked.Id)).NotFound);
        Assert.Contains("gesperrt", await StaffBrowser.TextOf(await browser.SignInAsync(email, DemoAccounts.Password)));

        var unlocked = await accounts.UnlockAsync(administrator, locked.Id);

        Assert.True(unlocked.Succeeded);
        Assert.Null(Assert.Single(await accounts.ListAsync(administrator), a => a.Email == email).LockedUntil);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await browser.SignInAsync(email, DemoAccounts.Password)).StatusCode);
    }
}
