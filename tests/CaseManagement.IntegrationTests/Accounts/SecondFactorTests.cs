using System.Net;
using CaseManagement.Application.Staff;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests.Accounts;

/// <summary>
/// Sign-in with an authenticator app (TOTP): required for Administration and Datenschutz when
/// SecondFactor:Required is on (as in production), offered to everyone else; the codes here are
/// computed by Otp.NET, not by the product.
/// </summary>
public sealed class SecondFactorTests(SecondFactorAppFixture app) : IClassFixture<SecondFactorAppFixture>
{
    private IServiceProvider Services => app.Factory.Services;

    [Fact]
    public async Task Administration_sets_up_the_authenticator_before_its_first_page_and_then_needs_its_code()
    {
        var email = await NewAccountAsync(StaffRole.Administrator);
        using var browser = StaffBrowser.Open(app.Factory);

        var signIn = await browser.SignInAsync(email, CaseData.Password);

        Assert.True(signIn.IsRedirectTo("/konto/zwei-faktor-einrichten"), $"{signIn.StatusCode} {signIn.Headers.Location}");
        Assert.True((await browser.Client.GetAsync("/verwaltung/konten")).IsRedirectTo("/konto/anmelden"));
        var enrolment = await StaffBrowser.TextOf(await browser.Client.GetAsync("/konto/zwei-faktor-einrichten"));
        Assert.Contains("data:image/png;base64,", enrolment, StringComparison.Ordinal);
        var key = AccountTestSupport.KeyOn(enrolment);

        var wrong = await browser.PostFormAsync("/konto/zwei-faktor-einrichten", "enrol-second-factor", new() { ["Input.Code"] = OtherCode(key) });
        Assert.Contains("Der Code stimmt nicht.", await StaffBrowser.TextOf(wrong), StringComparison.Ordinal);
        Assert.True((await browser.Client.GetAsync("/verwaltung/konten")).IsRedirectTo("/konto/anmelden"));

        var confirmed = await browser.PostFormAsync("/konto/zwei-faktor-einrichten", "enrol-second-factor", new() { ["Input.Code"] = AccountTestSupport.CodeOf(key) });

        var page = await StaffBrowser.TextOf(confirmed);
        Assert.Contains("Ihre Wiederherstellungscodes", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/verwaltung/konten")).StatusCode);
        var user = await UserAsync(email);
        Assert.True(user.TwoFactorEnabled);
        Assert.Equal([AuditAction.SecondFactorEnabled, AuditAction.SignedIn], (await AuditByAsync(user.Id)).Select(e => e.Action));

        using var later = StaffBrowser.Open(app.Factory);
        Assert.Equal(HttpStatusCode.OK, (await later.SignInAsync(email, CaseData.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await later.SignInWithCodeAsync(email, CaseData.Password, OtherCode(key))).StatusCode);
        Assert.True((await later.SignInWithCodeAsync(email, CaseData.Password, AccountTestSupport.CodeOf(key))).IsRedirectTo("/"));
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var email = await NewAccountAsync(StaffRole.CaseManager);
        var user = await UserAsync(email);
        var own = Services.GetRequiredService<OwnAccount>();
        var setup = await own.AuthenticatorSetupAsync(user.Id);
        var enabled = await own.EnableAuthenticatorAsync(user.Id, new AuthenticatorCodeInput { Code = AccountTestSupport.CodeOf(setup.Key) }, keepSessions: true);
        Assert.True(enabled.Succeeded, enabled.Message);
        var recovery = enabled.Value![0];

        using var browser = StaffBrowser.Open(app.Factory);
        Assert.True((await browser.SignInWithCodeAsync(email, CaseData.Password, recovery.ToLowerInvariant())).IsRedirectTo("/"));
        using var again = StaffBrowser.Open(app.Factory);
        Assert.Equal(HttpStatusCode.OK, (await again.SignInWithCodeAsync(email, CaseData.Password, recovery)).StatusCode);
        Assert.Equal(enabled.Value.Count - 1, (await own.SecondFactorAsync(await StaffMembers.ByEmailAsync(Services, email))).RecoveryCodesLeft);
    }

    [Fact]
    public async Task A_code_of_the_app_signs_in_once_and_an_earlier_one_not_after_it()
    {
        var email = await NewAccountAsync(StaffRole.CaseManager);
        var user = await UserAsync(email);
        var own = Services.GetRequiredService<OwnAccount>();
        var setup = await own.AuthenticatorSetupAsync(user.Id);
        Assert.True((await own.EnableAuthenticatorAsync(user.Id, new AuthenticatorCodeInput { Code = AccountTestSupport.CodeOf(setup.Key) }, keepSessions: true)).Succeeded);
        var totp = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(setup.Key));
        var now = DateTime.UtcNow;
        var current = totp.ComputeTotp(now);
        var previous = totp.ComputeTotp(now.AddSeconds(-30));

        using var first = StaffBrowser.Open(app.Factory);
        Assert.True((await first.SignInWithCodeAsync(email, CaseData.Password, current)).IsRedirectTo("/"));
        using var replay = StaffBrowser.Open(app.Factory);
        Assert.Equal(HttpStatusCode.OK, (await replay.SignInWithCodeAsync(email, CaseData.Password, current)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await replay.SignInWithCodeAsync(email, CaseData.Password, previous)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await replay.Client.GetAsync("/konto/anmelden")).StatusCode);
        Assert.True((await replay.Client.GetAsync("/klienten")).IsRedirectTo("/konto/anmelden"));
        // The app's next code (accepted one step early, for clocks a little off) signs in once more.
        Assert.True((await replay.SignInWithCodeAsync(email, CaseData.Password, totp.ComputeTotp(now.AddSeconds(30)))).IsRedirectTo("/"));
    }

    [Fact]
    public async Task Others_may_use_it_but_sign_in_without_it_and_Administration_can_reset_it()
    {
        var email = await NewAccountAsync(StaffRole.CaseManager);
        using var browser = StaffBrowser.Open(app.Factory);
        Assert.True((await browser.SignInAsync(email, CaseData.Password)).IsRedirectTo("/"));
        var user = await UserAsync(email);
        var own = Services.GetRequiredService<OwnAccount>();
        var setup = await own.AuthenticatorSetupAsync(user.Id);
        Assert.True((await own.EnableAuthenticatorAsync(user.Id, new AuthenticatorCodeInput { Code = AccountTestSupport.CodeOf(setup.Key) }, keepSessions: true)).Succeeded);
        // Setting it up in one's own session keeps that session open.
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/klienten")).StatusCode);

        var adminEmail = await NewAccountAsync(StaffRole.Administrator);
        var admin = await StaffMembers.ByEmailAsync(Services, adminEmail);
        var reset = await Services.GetRequiredService<StaffAccountAdministration>().ResetSecondFactorAsync(admin, user.Id);

        Assert.True(reset.Succeeded, reset.Message);
        Assert.Contains("grund=konto-geaendert", (await browser.Client.GetAsync("/klienten")).Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.False((await UserAsync(email)).TwoFactorEnabled);
        Assert.True((await browser.SignInAsync(email, CaseData.Password)).IsRedirectTo("/"));
        Assert.Contains(await AuditByAsync(admin.Id), e => e.Action == AuditAction.SecondFactorReset && e.Fields!.Contains(user.DisplayName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Security_events_are_logged_without_names_or_addresses()
    {
        var email = await NewAccountAsync(StaffRole.CaseManager);
        var user = await UserAsync(email);
        var own = Services.GetRequiredService<OwnAccount>();
        var setup = await own.AuthenticatorSetupAsync(user.Id);
        Assert.True((await own.EnableAuthenticatorAsync(user.Id, new AuthenticatorCodeInput { Code = AccountTestSupport.CodeOf(setup.Key) }, keepSessions: true)).Succeeded);
        using var browser = StaffBrowser.Open(app.Factory);

        await browser.SignInWithCodeAsync(email, CaseData.Password, OtherCode(setup.Key));
        await browser.SignInAsync("niemand-" + email, CaseData.Password);
        await browser.SignInWithCodeAsync(email, CaseData.Password, AccountTestSupport.CodeOf(setup.Key));
        await browser.Client.GetAsync("/verwaltung/konten");

        var log = await LogText.WaitForAsync(app.Factory.LogFolder, $"access to /verwaltung/konten refused for user {user.Id}");
        Assert.Contains($"second factor refused for user {user.Id}", log, StringComparison.Ordinal);
        Assert.Contains("sign-in refused (UnknownAccount) for user null", log, StringComparison.Ordinal);
        Assert.Contains($"sign-in succeeded for user {user.Id} with \"PasswordAndAuthenticator\"", log, StringComparison.Ordinal);
        Assert.Contains($"account {user.Id} changed (\"SecondFactorEnabled\")", log, StringComparison.Ordinal);
        Assert.DoesNotContain(email, log, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(user.DisplayName, log, StringComparison.Ordinal);
    }

    /// <summary>A code of the key that is not the current one (nor the one before or after).</summary>
    private static string OtherCode(string key)
    {
        var totp = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key.Replace(" ", "", StringComparison.Ordinal)));
        return totp.ComputeTotp(DateTime.UtcNow.AddMinutes(10));
    }

    private async Task<string> NewAccountAsync(string role)
    {
        var email = $"{Guid.NewGuid():N}@jobcenter.example";
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser
        {
            UserName = email, Email = email, EmailConfirmed = true,
            DisplayName = $"Zweiter Faktor {Guid.NewGuid().ToString("N")[..10]}", Organisation = Organisation.Jobcenter,
        };
        Assert.True((await users.CreateAsync(user, CaseData.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return email;
    }

    private async Task<StaffUser> UserAsync(string email)
    {
        var normalized = email.ToUpperInvariant();
        await using var db = await Services.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>().CreateDbContextAsync();
        return await db.Users.AsNoTracking().SingleAsync(u => u.NormalizedEmail == normalized);
    }

    private async Task<List<AuditEntry>> AuditByAsync(string userId)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>().CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().Where(e => e.UserId == userId).OrderBy(e => e.Id).ToListAsync();
    }
}
