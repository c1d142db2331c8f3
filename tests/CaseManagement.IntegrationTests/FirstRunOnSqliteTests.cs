using System.Net;
using CaseManagement.Infrastructure.DemoData;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CaseManagement.IntegrationTests;

/// <summary>A newcomer's first run: no server, SQLite file created in a data folder, demo accounts usable.</summary>
public sealed class FirstRunOnSqliteTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "casemanagement-firstrun-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_app_creates_its_SQLite_database_and_the_demo_accounts_can_sign_in()
    {
        var databaseFile = Path.Combine(_folder, "data", "casemanagement.db");
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:CaseManagement", $"Data Source={databaseFile}");
            builder.UseSetting("Logging:Folder", Path.Combine(_folder, "logs"));
        });
        using var browser = new StaffBrowser(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));

        foreach (var account in DemoAccounts.All)
        {
            var response = await browser.SignInAsync(account.Email, DemoAccounts.Password);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{account.Email} could not sign in");
        }

        Assert.True(File.Exists(databaseFile));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_folder, "logs")));
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
