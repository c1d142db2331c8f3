using System.Net;
using System.Text.RegularExpressions;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Sessions;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace CaseManagement.IntegrationTests.Accounts;

/// <summary>Steps of the server-rendered sign-in forms and what the tests read back from the database.</summary>
internal static partial class AccountTestSupport
{
    /// <summary>Posts a server-rendered form of the sign-in steps (antiforgery token from the same page).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this StaffBrowser browser, string path, string formName, Dictionary<string, string> fields)
    {
        var token = await browser.AntiforgeryTokenFromAsync(path);
        fields["_handler"] = formName;
        fields["__RequestVerificationToken"] = token;
        return await browser.Client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    public static Task<HttpResponseMessage> SignInWithCodeAsync(this StaffBrowser browser, string email, string password, string code) =>
        browser.PostFormAsync("/konto/anmelden", "login", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.Code"] = code,
        });

    /// <summary>The code an authenticator app shows now, computed by Otp.NET rather than by the product.</summary>
    public static string CodeOf(string base32Key) =>
        new Totp(Base32Encoding.ToBytes(base32Key.Replace(" ", "", StringComparison.Ordinal))).ComputeTotp(DateTime.UtcNow);

    /// <summary>The key as the enrolment page shows it for typing in.</summary>
    public static string KeyOn(string html)
    {
        var match = KeyPattern().Match(html);
        Assert.True(match.Success, "No authenticator key on the page");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>A redirect whose target (absolute, as the cookie handler sends it, or relative) starts with this path.</summary>
    public static bool IsRedirectTo(this HttpResponseMessage response, string pathAndQueryStart) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } location
        && (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString).StartsWith(pathAndQueryStart, StringComparison.Ordinal);

    /// <summary>Audit entries about an account, identified by its (unique) name in the fields.</summary>
    public static async Task<List<AuditEntry>> AuditAboutAsync(this AppFixture app, string displayName)
    {
        await using var db = await app.DbAsync();
        return await db.AuditEntries.AsNoTracking()
            .Where(e => e.Fields != null && e.Fields.Contains(displayName))
            .OrderBy(e => e.Id).ToListAsync();
    }

    public static async Task<List<AuditEntry>> AuditByAsync(this AppFixture app, string userId)
    {
        await using var db = await app.DbAsync();
        return await db.AuditEntries.AsNoTracking().Where(e => e.UserId == userId).OrderBy(e => e.Id).ToListAsync();
    }

    public static async Task<List<StaffSession>> SessionsOfAsync(IServiceProvider services, string userId)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>().CreateDbContextAsync();
        return await db.StaffSessions.AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.CreatedAt).ToListAsync();
    }

    [GeneratedRegex("id=\"authenticator-key\">([^<]+)<")]
    private static partial Regex KeyPattern();
}
