using System.Net;
using CaseManagement.Infrastructure.DemoData;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests;

/// <summary>
/// The Data Protection key ring lives in the application's database: a restarted app (or a second
/// instance on the same database) still accepts the sign-in cookie it issued before.
/// </summary>
public sealed class SignInSurvivesRestartTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "casemanagement-restart-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task On_PostgreSQL_a_sign_in_cookie_still_works_after_the_app_restarted()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();

        await AssertSignInSurvivesRestartAsync(() => new CaseManagementAppFactory(database.ConnectionString, seedCaseload: false));
    }

    [Fact]
    public async Task On_SQLite_a_sign_in_cookie_still_works_after_the_app_restarted()
    {
        var databaseFile = Path.Combine(_folder, "casemanagement.db");

        await AssertSignInSurvivesRestartAsync(() => new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:CaseManagement", $"Data Source={databaseFile}");
            builder.UseSetting("DemoData:SeedCases", "false");
            builder.UseSetting("Logging:Folder", Path.Combine(_folder, "logs"));
        }));
    }

    private static async Task AssertSignInSurvivesRestartAsync(Func<WebApplicationFactory<Program>> startApp)
    {
        string cookies;
        await using (var before = startApp())
        {
            using var browser = new StaffBrowser(before.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
            var signIn = await browser.SignInAsync(DemoAccounts.All[0].Email, DemoAccounts.Password);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            cookies = string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(header => header.Split(';')[0]));

            await using var scope = before.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CaseManagementDbContext>();
            Assert.True(await db.DataProtectionKeys.AnyAsync(), "the key ring was not written to the database");
        }

        await using var after = startApp();
        using var client = after.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/klienten");
        request.Headers.Add("Cookie", cookies);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Meine Klient:innen", await StaffBrowser.TextOf(response));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
