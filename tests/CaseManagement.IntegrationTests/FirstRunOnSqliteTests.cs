using System.Net;
using CaseManagement.Infrastructure.DemoData;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task The_team_view_counts_the_demo_caseloads_on_SQLite_in_one_statement_as_on_PostgreSQL()
    {
        var databaseFile = Path.Combine(_folder, "team", "casemanagement.db");
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:CaseManagement", $"Data Source={databaseFile}");
            builder.UseSetting("Logging:Folder", Path.Combine(_folder, "team-logs"));
        });
        _ = factory.Server;
        string leadId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseManagement.Infrastructure.Persistence.CaseManagementDbContext>();
            leadId = await db.Users.Where(u => u.Email == "teamleitung@jobcenter.example").Select(u => u.Id).SingleAsync();
        }

        var lead = await factory.Services.GetRequiredService<CaseManagement.Application.Staff.StaffDirectory>().ActiveMemberAsync(leadId);
        var query = factory.Services.GetRequiredService<CaseManagement.Application.Team.TeamWorkloadQuery>();

        var team = await query.ForAsync(lead!);

        Assert.NotNull(team);
        var busiest = team.Staff.MaxBy(s => s[CaseManagement.Application.Team.WorkloadFigure.ActiveCases])!;
        Assert.True(busiest[CaseManagement.Application.Team.WorkloadFigure.ActiveCases] > 10, "the demo caseloads are counted");
        var page = await query.CasesAsync(lead!, busiest.Staff.Id, CaseManagement.Application.Team.WorkloadFigure.ActiveCases, pageSize: 100);
        Assert.Equal(Math.Min(100, busiest[CaseManagement.Application.Team.WorkloadFigure.ActiveCases]), page!.Rows.Count);
    }

    [Fact]
    public async Task Production_never_gets_demo_accounts_or_demo_clients_even_when_the_setting_asks_for_them()
    {
        var databaseFile = Path.Combine(_folder, "prod", "casemanagement.db");
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:MigrateOnStartup", "true");
            builder.UseSetting("ConnectionStrings:CaseManagement", $"Data Source={databaseFile}");
            builder.UseSetting("DemoData:Enabled", "true");
            builder.UseSetting("Logging:Folder", Path.Combine(_folder, "prod-logs"));
        });
        _ = factory.Server;

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseManagement.Infrastructure.Persistence.CaseManagementDbContext>();
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(0, await db.Clients.CountAsync());
        Assert.Equal(CaseManagement.Domain.Staff.StaffRole.All.Count, await db.Roles.CountAsync());
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
