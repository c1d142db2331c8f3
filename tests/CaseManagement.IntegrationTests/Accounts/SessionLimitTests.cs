using System.Net;
using CaseManagement.Application.Sessions;
using CaseManagement.Application.Staff;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Sessions;
using CaseManagement.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests.Accounts;

/// <summary>
/// A sign-in ends after 30 minutes without input and after 12 hours at the latest, from the
/// person's own list of sessions, and when they change their password elsewhere.
/// </summary>
public sealed class SessionLimitTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData(31, 60, "inaktiv", SessionEndReason.IdleTimeout)]
    [InlineData(5, 12 * 60 + 1, "zeitlimit", SessionEndReason.AbsoluteTimeout)]
    public async Task A_session_past_a_limit_ends_at_the_next_request(int minutesSinceInput, int minutesSinceSignIn, string notice, SessionEndReason reason)
    {
        var (member, email) = await NewCaseManagerAsync();
        using var browser = StaffBrowser.Open(app);
        await browser.SignInAsync(email, CaseData.Password);
        var now = app.Now();
        await using (var db = await app.DbAsync())
        {
            await db.StaffSessions.Where(s => s.UserId == member.Id).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.CreatedAt, now.AddMinutes(-minutesSinceSignIn))
                .SetProperty(x => x.LastSeenAt, now.AddMinutes(-minutesSinceInput)));
        }

        var page = await browser.Client.GetAsync("/klienten");

        Assert.True(page.IsRedirectTo("/konto/anmelden"));
        Assert.Contains("grund=" + notice, page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(reason, Assert.Single(await AccountTestSupport.SessionsOfAsync(app.Factory.Services, member.Id)).EndReason);
    }

    [Fact]
    public async Task Input_within_the_idle_limit_keeps_the_session()
    {
        var (member, email) = await NewCaseManagerAsync();
        using var browser = StaffBrowser.Open(app);
        await browser.SignInAsync(email, CaseData.Password);
        await using (var db = await app.DbAsync())
        {
            await db.StaffSessions.Where(s => s.UserId == member.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, app.Now().AddMinutes(-29)));
        }

        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/klienten")).StatusCode);
        var session = Assert.Single(await AccountTestSupport.SessionsOfAsync(app.Factory.Services, member.Id));
        Assert.True(session.IsActive);
        Assert.True(session.LastSeenAt > app.Now().AddMinutes(-1), "a request moves the last activity");
    }

    [Fact]
    public async Task The_list_shows_only_ones_own_active_sessions_and_ending_one_locks_that_browser_out_at_once()
    {
        var (member, email) = await NewCaseManagerAsync();
        using var office = StaffBrowser.Open(app);
        office.Client.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36");
        using var home = StaffBrowser.Open(app);
        home.Client.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0");
        await office.SignInAsync(email, CaseData.Password);
        await home.SignInAsync(email, CaseData.Password);
        var (other, otherEmail) = await NewCaseManagerAsync();
        using var colleague = StaffBrowser.Open(app);
        await colleague.SignInAsync(otherEmail, CaseData.Password);
        var sessions = app.Service<StaffSessions>();

        var listed = await sessions.ListActiveAsync(member);

        Assert.Equal(2, listed.Count);
        Assert.Contains(listed, s => s.Device.Contains("Windows", StringComparison.Ordinal));
        var homeSession = Assert.Single(listed, s => s.Device.Contains("Linux", StringComparison.Ordinal));
        Assert.False(await sessions.EndAsync(homeSession.Id, SessionEndReason.EndedFromSessionList, other), "nobody ends another person's session");

        Assert.True(await sessions.EndAsync(homeSession.Id, SessionEndReason.EndedFromSessionList, member));

        Assert.Contains("grund=beendet", (await home.Client.GetAsync("/klienten")).Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await office.Client.GetAsync("/klienten")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await colleague.Client.GetAsync("/klienten")).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_ends_every_other_session_and_keeps_this_one()
    {
        var (member, email) = await NewCaseManagerAsync();
        using var here = StaffBrowser.Open(app);
        using var elsewhere = StaffBrowser.Open(app);
        await here.SignInAsync(email, CaseData.Password);
        await elsewhere.SignInAsync(email, CaseData.Password);
        var sessions = await AccountTestSupport.SessionsOfAsync(app.Factory.Services, member.Id);
        var current = sessions[0].Id;

        var wrong = await app.Service<OwnAccount>().ChangePasswordAsync(member, current, new PasswordChangeInput
        {
            CurrentPassword = "nicht das Passwort", NewPassword = "Wolken über dem Rhein", Repeat = "Wolken über dem Rhein",
        });
        Assert.Equal(["Das bisherige Passwort stimmt nicht."], wrong.Errors[nameof(PasswordChangeInput.CurrentPassword)]);

        var changed = await app.Service<OwnAccount>().ChangePasswordAsync(member, current, new PasswordChangeInput
        {
            CurrentPassword = CaseData.Password, NewPassword = "Wolken über dem Rhein", Repeat = "Wolken über dem Rhein",
        });

        Assert.True(changed.Succeeded, changed.Message);
        Assert.Equal(1, changed.Value);
        // Which browser holds which session: the one still active is the one the change was made in.
        var after = await AccountTestSupport.SessionsOfAsync(app.Factory.Services, member.Id);
        Assert.True(after.Single(s => s.Id == current).IsActive);
        Assert.Equal(SessionEndReason.PasswordChanged, after.Single(s => s.Id != current).EndReason);
        var responses = new[] { await here.Client.GetAsync("/klienten"), await elsewhere.Client.GetAsync("/klienten") };
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(responses, r => r.IsRedirectTo("/konto/anmelden?") && r.Headers.Location!.OriginalString.Contains("grund=passwort-geaendert", StringComparison.Ordinal));
        Assert.Contains(await app.AuditByAsync(member.Id), e => e.Action == AuditAction.PasswordChanged);
    }

    private async Task<(Domain.Access.StaffMember Member, string Email)> NewCaseManagerAsync()
    {
        var email = $"{Guid.NewGuid():N}@jobcenter.example";
        return (await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, $"Sitzung {Guid.NewGuid().ToString("N")[..10]}", email), email);
    }
}
