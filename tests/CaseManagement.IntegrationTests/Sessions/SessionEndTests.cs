using System.Net;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Sessions;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests.Sessions;

/// <summary>
/// Signing out ends the session on the server: a copy of the cookie taken before opens nothing
/// afterwards. Run on PostgreSQL and on SQLite, the two providers the sessions table lives in.
/// </summary>
public abstract class SessionEndTests(WebApplicationFactory<Program> factory)
{
    private const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

    [Fact]
    public async Task A_copy_of_the_cookie_opens_pages_and_the_calendar_until_sign_out_and_nothing_after()
    {
        var account = await TestAccounts.CreateAsync(factory.Services);
        using var browser = StaffBrowser.Open(factory);
        var copy = StaffBrowser.CookiesOf(await browser.SignInAsync(account.Email, TestAccounts.Password));
        using var other = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(other, "/klienten", copy)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(other, "/termine/kalender.ics", copy)).StatusCode);

        var signOut = await browser.SignOutAsync();

        Assert.Equal("/konto/anmelden?grund=abgemeldet", signOut.Headers.Location?.OriginalString);
        var page = await GetAsync(other, "/klienten", copy);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/konto/anmelden?", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("grund=sitzung-beendet", page.Headers.Location.Query, StringComparison.Ordinal);
        var calendar = await GetAsync(other, "/termine/kalender.ics", copy);
        Assert.Equal(HttpStatusCode.Redirect, calendar.StatusCode);
        Assert.StartsWith("/konto/anmelden?", calendar.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN:VCALENDAR", await calendar.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.GetAsync("/klienten")).StatusCode);
    }

    [Fact]
    public async Task Signing_in_and_out_is_kept_in_the_session_record_and_the_audit_log()
    {
        var account = await TestAccounts.CreateAsync(factory.Services);
        using var browser = StaffBrowser.Open(factory);
        browser.Client.DefaultRequestHeaders.UserAgent.ParseAdd(Firefox);

        await browser.SignInAsync(account.Email, TestAccounts.Password);

        var open = Assert.Single(await SessionsOfAsync(account.Id));
        Assert.Null(open.EndedAt);
        Assert.Equal("Firefox auf Linux", open.Device);
        Assert.Equal([AuditAction.SignedIn], await AuditOfAsync(account.Id));

        await browser.SignOutAsync();

        var ended = Assert.Single(await SessionsOfAsync(account.Id));
        Assert.NotNull(ended.EndedAt);
        Assert.Equal(SessionEndReason.SignedOut, ended.EndReason);
        Assert.Equal([AuditAction.SignedIn, AuditAction.SignedOut], await AuditOfAsync(account.Id));
    }

    [Fact]
    public async Task A_changed_security_stamp_ends_the_session_at_the_next_request()
    {
        var account = await TestAccounts.CreateAsync(factory.Services);
        using var browser = StaffBrowser.Open(factory);
        await browser.SignInAsync(account.Email, TestAccounts.Password);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByIdAsync(account.Id))!);
        }

        var page = await browser.Client.GetAsync("/klienten");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("grund=konto-geaendert", page.Headers.Location!.Query, StringComparison.Ordinal);
        Assert.Equal(SessionEndReason.AccountChanged, Assert.Single(await SessionsOfAsync(account.Id)).EndReason);
        Assert.Equal([AuditAction.SignedIn, AuditAction.SessionEnded], await AuditOfAsync(account.Id));
    }

    [Fact]
    public async Task Session_records_are_deleted_a_week_after_their_last_activity()
    {
        var account = await TestAccounts.CreateAsync(factory.Services);
        var now = DateTimeOffset.UtcNow;
        var stale = StaffSession.Start(account.Id, Firefox, now.AddDays(-9));
        stale.End(SessionEndReason.SignedOut, now.AddDays(-8));
        var recent = StaffSession.Start(account.Id, Firefox, now.AddDays(-6));
        await using (var db = await ContextAsync())
        {
            db.StaffSessions.AddRange(stale, recent);
            await db.SaveChangesAsync();
        }

        using var browser = StaffBrowser.Open(factory);
        await browser.SignInAsync(account.Email, TestAccounts.Password);

        var kept = await SessionsOfAsync(account.Id);
        Assert.DoesNotContain(kept, s => s.Id == stale.Id);
        Assert.Contains(kept, s => s.Id == recent.Id);
        Assert.Equal(2, kept.Count);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string cookies)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookies);
        return await client.SendAsync(request);
    }

    private async Task<List<StaffSession>> SessionsOfAsync(string userId)
    {
        await using var db = await ContextAsync();
        return await db.StaffSessions.AsNoTracking().Where(s => s.UserId == userId).ToListAsync();
    }

    private async Task<List<AuditAction>> AuditOfAsync(string userId)
    {
        await using var db = await ContextAsync();
        return await db.AuditEntries.Where(a => a.UserId == userId && a.ClientId == null).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
    }

    private Task<CaseManagementDbContext> ContextAsync() =>
        factory.Services.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>().CreateDbContextAsync();
}

public sealed class SessionEndOnPostgreSqlTests(AppFixture app) : SessionEndTests(app.Factory), IClassFixture<AppFixture>;

public sealed class SessionEndOnSqliteTests(SqliteAppFixture app) : SessionEndTests(app.Factory), IClassFixture<SqliteAppFixture>;
