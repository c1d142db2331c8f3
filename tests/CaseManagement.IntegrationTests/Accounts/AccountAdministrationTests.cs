using System.Net;
using CaseManagement.Application.Staff;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Sessions;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests.Accounts;

/// <summary>
/// Administration runs the accounts without a developer: each change is audited with the account
/// it concerns, and a change that alters what a sign-in may do ends that person's sessions at once.
/// </summary>
public sealed class AccountAdministrationTests(AppFixture app) : IClassFixture<AppFixture>
{
    private StaffAccountAdministration Administration => app.Service<StaffAccountAdministration>();

    [Fact]
    public async Task A_new_account_signs_in_with_its_initial_password_only_to_replace_it()
    {
        var admin = await NewAdministratorAsync();
        var name = UniqueName("Neu");
        var email = $"{Guid.NewGuid():N}@jobcenter.example";

        var created = await Administration.CreateAsync(admin, new AccountInput
        {
            DisplayName = name, Email = email, Organisation = Organisation.Jobcenter, Role = StaffRole.CaseManager, Team = "U25",
        });

        Assert.True(created.Succeeded, created.Message);
        var initial = created.Value!.InitialPassword;
        Assert.Matches("^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$", initial);
        var entry = Assert.Single(await app.AuditAboutAsync(name));
        Assert.Equal(AuditAction.AccountCreated, entry.Action);
        Assert.Equal(admin.Id, entry.UserId);
        Assert.Null(entry.ClientId);

        using var browser = StaffBrowser.Open(app);
        var signIn = await browser.SignInAsync(email, initial);
        Assert.True(signIn.IsRedirectTo("/konto/passwort-festlegen"), $"{signIn.StatusCode} {signIn.Headers.Location}");
        // Nothing of the product opens before the password is replaced.
        Assert.True((await browser.Client.GetAsync("/klienten")).IsRedirectTo("/konto/anmelden"));
        Assert.DoesNotContain(await AccountTestSupport.SessionsOfAsync(app.Factory.Services, created.Value.Id), s => s.IsActive);

        var common = await browser.PostFormAsync("/konto/passwort-festlegen", "set-password", new()
        {
            ["Input.NewPassword"] = "Passwort12345!", ["Input.Repeat"] = "Passwort12345!",
        });
        Assert.Equal(HttpStatusCode.OK, common.StatusCode);
        Assert.Contains("gehört zu den häufigsten", await StaffBrowser.TextOf(common), StringComparison.Ordinal);

        var own = await browser.PostFormAsync("/konto/passwort-festlegen", "set-password", new()
        {
            ["Input.NewPassword"] = "grüne Tassen im Regal", ["Input.Repeat"] = "grüne Tassen im Regal",
        });

        Assert.True(own.IsRedirectTo("/"), $"{own.StatusCode} {own.Headers.Location}");
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/klienten")).StatusCode);
        Assert.Equal(
            [AuditAction.PasswordChanged, AuditAction.SignedIn],
            (await app.AuditByAsync(created.Value.Id)).Select(e => e.Action));
        using var again = StaffBrowser.Open(app);
        Assert.Equal(HttpStatusCode.OK, (await again.SignInAsync(email, initial)).StatusCode);
        Assert.True((await again.SignInAsync(email, "grüne Tassen im Regal")).IsRedirectTo("/"));
    }

    [Fact]
    public async Task Deactivating_ends_open_sessions_at_once_and_refuses_the_next_sign_in()
    {
        var admin = await NewAdministratorAsync();
        var (member, email) = await NewCaseManagerAsync("Geht");
        using var browser = StaffBrowser.Open(app);
        await browser.SignInAsync(email, CaseData.Password);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/klienten")).StatusCode);

        var deactivated = await Administration.DeactivateAsync(admin, member.Id, despiteOpenCases: false);

        Assert.True(deactivated.Succeeded, deactivated.Message);
        var ended = Assert.Single(await AccountTestSupport.SessionsOfAsync(app.Factory.Services, member.Id));
        Assert.Equal(SessionEndReason.AccountDeactivated, ended.EndReason);
        var page = await browser.Client.GetAsync("/klienten");
        Assert.True(page.IsRedirectTo("/konto/anmelden"));
        Assert.Contains("grund=deaktiviert", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var again = StaffBrowser.Open(app);
        Assert.Equal(HttpStatusCode.OK, (await again.SignInAsync(email, CaseData.Password)).StatusCode);
        Assert.DoesNotContain(await app.Service<StaffDirectory>().CaseworkersOfAsync(Organisation.Jobcenter), s => s.Id == member.Id);

        Assert.True((await Administration.ReactivateAsync(admin, member.Id)).Succeeded);
        Assert.True((await again.SignInAsync(email, CaseData.Password)).IsRedirectTo("/"));
        Assert.Equal(
            [AuditAction.AccountDeactivated, AuditAction.SessionEnded, AuditAction.AccountReactivated],
            (await app.AuditAboutAsync(member.DisplayName)).Select(e => e.Action));
    }

    [Fact]
    public async Task Someone_with_open_cases_hands_them_over_before_deactivation()
    {
        var admin = await NewAdministratorAsync();
        var (member, _) = await NewCaseManagerAsync("Übergabe");
        var lead = await app.CreateMemberAsync(StaffRole.TeamLeadJobcenter, Organisation.Jobcenter, UniqueName("Teamleitung"));
        var client = CaseData.NewClient(Organisation.Jobcenter, member.Id, null);
        client.AddEpisode(app.Today().AddDays(-30));
        await app.SaveClientsAsync([client]);

        var refused = await Administration.DeactivateAsync(admin, member.Id, despiteOpenCases: false);
        Assert.False(refused.Succeeded);
        Assert.Contains("einen laufenden Fall", refused.Errors.Values.SelectMany(e => e).Single(), StringComparison.Ordinal);

        var open = await app.Service<AccountHandOver>().OpenCasesAsync(admin, member.Id);
        Assert.Equal([client.CaseNumber], open!.CaseNumbers);
        var requested = await app.Service<AccountHandOver>().RequestAsync(admin, member.Id);
        Assert.True(requested.Succeeded, requested.Message);
        await using (var db = await app.DbAsync())
        {
            var notification = await db.StaffNotifications.AsNoTracking().SingleAsync(n => n.StaffId == lead.Id);
            Assert.Equal($"/team/mitarbeitende/{member.Id}?kennzahl=laufend", notification.LinkPath);
            Assert.Null(notification.ClientId);
        }

        Assert.Equal([AuditAction.HandOverRequested], (await app.AuditAboutAsync(member.DisplayName)).Where(e => e.UserId == admin.Id && e.Action != AuditAction.ListViewed).Select(e => e.Action));
        Assert.True((await Administration.DeactivateAsync(admin, member.Id, despiteOpenCases: true)).Succeeded);
        Assert.Contains(await app.AuditAboutAsync(member.DisplayName), e => e.Action == AuditAction.AccountDeactivated && e.Fields!.Contains("noch zuständig für einen laufenden Fall", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_new_role_ends_the_sessions_and_the_next_sign_in_carries_it()
    {
        var admin = await NewAdministratorAsync();
        var (member, email) = await NewCaseManagerAsync("Rolle");
        using var browser = StaffBrowser.Open(app);
        await browser.SignInAsync(email, CaseData.Password);
        var detail = await Administration.DetailAsync(admin, member.Id);

        var changed = await Administration.UpdateAsync(admin, member.Id, new AccountInput
        {
            DisplayName = member.DisplayName, Email = email, Organisation = Organisation.Jobcenter, Role = StaffRole.TeamLeadJobcenter,
        }, detail!.ConcurrencyStamp);

        Assert.True(changed.Succeeded, changed.Message);
        var page = await browser.Client.GetAsync("/klienten");
        Assert.Contains("grund=konto-geaendert", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await browser.SignInAsync(email, CaseData.Password);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/team")).StatusCode);
        Assert.True((await browser.Client.GetAsync("/klienten")).IsRedirectTo("/konto/kein-zugriff"));
        var entry = Assert.Single(await app.AuditAboutAsync(member.DisplayName), e => e.Action == AuditAction.AccountChanged);
        Assert.Contains("Rolle: Teamleitung Jobcenter", entry.Fields, StringComparison.Ordinal);

        var stale = await Administration.UpdateAsync(admin, member.Id, new AccountInput
        {
            DisplayName = "Überschrieben", Email = email, Organisation = Organisation.Jobcenter, Role = StaffRole.TeamLeadJobcenter,
        }, detail.ConcurrencyStamp);
        Assert.True(stale.Conflict);
    }

    [Fact]
    public async Task A_password_reset_shows_a_new_initial_password_once_and_ends_every_session()
    {
        var admin = await NewAdministratorAsync();
        var (member, email) = await NewCaseManagerAsync("Vergessen");
        using var browser = StaffBrowser.Open(app);
        await browser.SignInAsync(email, CaseData.Password);

        var reset = await Administration.ResetPasswordAsync(admin, member.Id);

        Assert.True(reset.Succeeded, reset.Message);
        Assert.Contains("grund=passwort-geaendert", (await browser.Client.GetAsync("/klienten")).Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.SignInAsync(email, CaseData.Password)).StatusCode);
        Assert.True((await browser.SignInAsync(email, reset.Value!)).IsRedirectTo("/konto/passwort-festlegen"));
        Assert.Equal(
            [AuditAction.PasswordReset, AuditAction.SessionEnded],
            (await app.AuditAboutAsync(member.DisplayName)).Select(e => e.Action));
        Assert.False((await Administration.ResetPasswordAsync(admin, admin.Id)).Succeeded);
    }

    [Fact]
    public async Task Only_Administration_changes_accounts_and_never_the_last_one_of_it()
    {
        var (member, _) = await NewCaseManagerAsync("Unbefugt");
        var lead = await app.DemoMemberAsync(StaffRole.TeamLeadJobcenter);

        Assert.Null(await Administration.DetailAsync(lead, member.Id));
        Assert.True((await Administration.DeactivateAsync(lead, member.Id, despiteOpenCases: true)).NotFound);
        Assert.True((await Administration.ResetPasswordAsync(lead, member.Id)).NotFound);
        Assert.True((await Administration.ResetSecondFactorAsync(lead, member.Id)).NotFound);
        Assert.True((await Administration.CreateAsync(lead, new AccountInput())).NotFound);
        Assert.Null(await app.Service<AccountHandOver>().OpenCasesAsync(lead, member.Id));

        var admin = await NewAdministratorAsync();
        Assert.False((await Administration.DeactivateAsync(admin, admin.Id, despiteOpenCases: false)).Succeeded);
    }

    [Fact]
    public async Task Administration_reaches_no_page_or_file_of_a_real_client()
    {
        var email = $"{Guid.NewGuid():N}@jobcenter.example";
        var admin = await app.CreateMemberAsync(StaffRole.Administrator, Organisation.Jobcenter, UniqueName("Administration"), email);
        var (caseManager, _) = await NewCaseManagerAsync("Zuständig");
        var client = CaseData.NewClient(Organisation.Jobcenter, caseManager.Id, null, firstName: "Verena", lastName: "Geheimnis");
        client.AddEpisode(app.Today().AddDays(-10));
        await app.SaveClientsAsync([client]);
        using var browser = StaffBrowser.Open(app);
        Assert.True((await browser.SignInAsync(email, CaseData.Password)).IsRedirectTo("/"));

        string[] paths =
        [
            "/klienten", $"/klienten/{client.Id}", $"/klienten/{client.Id}/bearbeiten", $"/klienten/{client.Id}/einwilligung",
            $"/klienten/{client.Id}/hilfeplan", $"/klienten/{client.Id}/hilfeplan/fassung/1", $"/klienten/{client.Id}/hilfeplan/1/pdf",
            $"/klienten/{client.Id}/vermittlungen/neu", "/termine", "/termine/kalender.ics", "/kontakt", "/team",
            $"/team/mitarbeitende/{caseManager.Id}", "/datenschutz",
        ];
        foreach (var path in paths)
        {
            var response = await browser.Client.GetAsync(path);
            Assert.True(response.IsRedirectTo("/konto/kein-zugriff") || response.StatusCode == HttpStatusCode.Forbidden, $"{path}: {response.StatusCode} {response.Headers.Location}");
            Assert.DoesNotContain("Geheimnis", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Its own pages about the caseworker name counts and case numbers, never the client.
        var detail = await Administration.DetailAsync(admin, caseManager.Id);
        Assert.Equal(1, detail!.OpenCases);
        Assert.Equal([client.CaseNumber], (await app.Service<AccountHandOver>().OpenCasesAsync(admin, caseManager.Id))!.CaseNumbers);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync($"/verwaltung/konten/{caseManager.Id}")).StatusCode);
    }

    private async Task<Domain.Access.StaffMember> NewAdministratorAsync() =>
        await app.CreateMemberAsync(StaffRole.Administrator, Organisation.Jobcenter, UniqueName("Administration"));

    private async Task<(Domain.Access.StaffMember Member, string Email)> NewCaseManagerAsync(string prefix)
    {
        var email = $"{Guid.NewGuid():N}@jobcenter.example";
        return (await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, UniqueName(prefix), email), email);
    }

    private static string UniqueName(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..10]}";
}
