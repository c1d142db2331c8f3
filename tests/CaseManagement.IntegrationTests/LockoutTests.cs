using System.Net;
using CaseManagement.Application.Staff;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.IntegrationTests.Sessions;
using CaseManagement.Testing;
using CaseManagement.Web.Components.Pages.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests;

/// <summary>
/// Guessing is slowed down per source address and account; the account itself locks only after
/// many failures from anywhere, keeps its open sessions, and Administration sees and lifts both.
/// </summary>
public sealed class LockoutTests(SignInAppFixture app) : IClassFixture<SignInAppFixture>
{
    private const string WrongPassword = "Falsches-Passwort-2026";

    [Fact]
    public async Task Five_failures_from_one_address_hold_up_that_address_for_that_account_only()
    {
        var account = await TestAccounts.CreateAsync(app.Services);
        var colleague = await TestAccounts.CreateAsync(app.Services);
        var outsiderAddress = SignInAppFixture.NewAddress();
        using var outsider = app.Browser(outsiderAddress);
        await FailAsync(outsider, account.Email, times: 5);

        var rightPasswordFromThere = await outsider.SignInAsync(account.Email, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, rightPasswordFromThere.StatusCode);
        Assert.Contains(Login.RefusedMessage, await StaffBrowser.TextOf(rightPasswordFromThere));
        Assert.Null((await UserAsync(account.Id)).LockoutEnd);

        using var office = app.Browser(SignInAppFixture.NewAddress());
        Assert.Equal(HttpStatusCode.Redirect, (await office.SignInAsync(account.Email, TestAccounts.Password)).StatusCode);
        using var sameAddressOtherAccount = app.Browser(outsiderAddress);
        Assert.Equal(HttpStatusCode.Redirect, (await sameAddressOtherAccount.SignInAsync(colleague.Email, TestAccounts.Password)).StatusCode);
    }

    [Fact]
    public async Task The_account_locks_only_after_twenty_failures_and_its_open_session_stays()
    {
        var account = await TestAccounts.CreateAsync(app.Services);
        using var atWork = app.Browser(SignInAppFixture.NewAddress());
        Assert.Equal(HttpStatusCode.Redirect, (await atWork.SignInAsync(account.Email, TestAccounts.Password)).StatusCode);

        foreach (var _ in Enumerable.Range(0, 3))
        {
            using var outsider = app.Browser(SignInAppFixture.NewAddress());
            await FailAsync(outsider, account.Email, times: 5);
        }

        var afterFifteen = await UserAsync(account.Id);
        Assert.Null(afterFifteen.LockoutEnd);
        Assert.Equal(15, afterFifteen.AccessFailedCount);

        using (var fourth = app.Browser(SignInAppFixture.NewAddress()))
        {
            await FailAsync(fourth, account.Email, times: 5);
        }

        var locked = await UserAsync(account.Id);
        Assert.NotNull(locked.LockoutEnd);
        Assert.InRange(locked.LockoutEnd.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(30));
        using var elsewhere = app.Browser(SignInAppFixture.NewAddress());
        Assert.Contains(Login.RefusedMessage, await StaffBrowser.TextOf(await elsewhere.SignInAsync(account.Email, TestAccounts.Password)));

        // Failed guesses must not throw the real person out of the work they have open.
        var openPage = await atWork.Client.GetAsync("/klienten");
        Assert.Equal(HttpStatusCode.OK, openPage.StatusCode);

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>().CreateDbContextAsync();
        var lockEntry = await db.AuditEntries.SingleAsync(a => a.UserId == account.Id && a.Action == AuditAction.AccountLocked);
        Assert.Null(lockEntry.ClientId);
        Assert.Equal("nach 20 Fehlversuchen für 30 Minuten", lockEntry.Fields);
    }

    [Fact]
    public async Task Administration_sees_locked_and_throttled_accounts_and_lifts_both_and_nobody_else_can()
    {
        var lockedAccount = await TestAccounts.CreateAsync(app.Services);
        var lockedFrom = new List<string>();
        foreach (var _ in Enumerable.Range(0, 4))
        {
            lockedFrom.Add(SignInAppFixture.NewAddress());
            using var outsider = app.Browser(lockedFrom[^1]);
            await FailAsync(outsider, lockedAccount.Email, times: 5);
        }

        var throttledAccount = await TestAccounts.CreateAsync(app.Services);
        var throttledFrom = SignInAppFixture.NewAddress();
        using (var outsider = app.Browser(throttledFrom))
        {
            await FailAsync(outsider, throttledAccount.Email, times: 5);
        }

        var administrator = await StaffMembers.ByEmailAsync(app.Services, DemoAccounts.All.Single(a => a.Role == StaffRole.Administrator).Email);
        var caseManager = await StaffMembers.ByEmailAsync(app.Services, DemoAccounts.All[0].Email);
        var accounts = app.Services.GetRequiredService<StaffAccounts>();
        var rows = await accounts.ListAsync(administrator);
        var locked = Assert.Single(rows, r => r.Id == lockedAccount.Id);
        Assert.NotNull(locked.LockedUntil);
        Assert.NotNull(locked.LastFailedSignInAt);
        var throttled = Assert.Single(rows, r => r.Id == throttledAccount.Id);
        Assert.Null(throttled.LockedUntil);
        Assert.Equal(1, throttled.Throttled?.Addresses);
        Assert.Equal(5, throttled.FailedSignIns);

        Assert.Empty(await accounts.ListAsync(caseManager));
        Assert.True((await accounts.UnlockAsync(caseManager, lockedAccount.Id)).NotFound);
        Assert.NotNull((await UserAsync(lockedAccount.Id)).LockoutEnd);

        Assert.True((await accounts.UnlockAsync(administrator, lockedAccount.Id)).Succeeded);
        Assert.True((await accounts.UnlockAsync(administrator, throttledAccount.Id)).Succeeded);

        var rowsAfter = await accounts.ListAsync(administrator);
        Assert.All(rowsAfter.Where(r => r.Id == lockedAccount.Id || r.Id == throttledAccount.Id), r =>
        {
            Assert.Null(r.LockedUntil);
            Assert.Null(r.Throttled);
            Assert.Equal(0, r.FailedSignIns);
        });
        using (var fromLockingAddress = app.Browser(lockedFrom[^1]))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await fromLockingAddress.SignInAsync(lockedAccount.Email, TestAccounts.Password)).StatusCode);
        }

        using (var fromThrottledAddress = app.Browser(throttledFrom))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await fromThrottledAddress.SignInAsync(throttledAccount.Email, TestAccounts.Password)).StatusCode);
        }

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>().CreateDbContextAsync();
        var unlocks = await db.AuditEntries.Where(a => a.UserId == administrator.Id && a.Action == AuditAction.AccountUnlocked).Select(a => a.Fields).ToListAsync();
        Assert.Contains($"Konto: {lockedAccount.DisplayName}", unlocks);
        Assert.Contains($"Konto: {throttledAccount.DisplayName}", unlocks);
    }

    private static async Task FailAsync(StaffBrowser browser, string email, int times)
    {
        for (var attempt = 0; attempt < times; attempt++)
        {
            var response = await browser.SignInAsync(email, WrongPassword);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private async Task<Infrastructure.Identity.StaffUser> UserAsync(string id)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>().CreateDbContextAsync();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Id == id);
    }
}
