using CaseManagement.Application.Consent;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.IntegrationTests.Sessions;
using CaseManagement.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests.DataProtection;

/// <summary>The first-run provider pages the register alike: (signed on, id) keyset with ties on one day.</summary>
public sealed class ConsentRegisterOnSqliteTests(SqliteAppFixture app) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public async Task The_register_pages_without_gaps_on_SQLite()
    {
        var services = app.Factory.Services;
        var officer = await StaffMembers.ByEmailAsync(services, DemoAccounts.All.Single(a => a.Role == StaffRole.DataProtectionOfficer).Email);
        var caseManager = await StaffMembers.ByEmailAsync(services, DemoAccounts.All.Single(a => a.Role == StaffRole.CaseManager).Email);
        var client = CaseData.NewClient(Organisation.Jobcenter, caseManager.Id, null);
        for (var i = 0; i < 57; i++)
        {
            client.AddConsent(caseManager.Id, ConsentScope.MasterData, ConsentDirections.JobcenterToDrugHelp, new DateOnly(2026, 1, 1 + i % 3));
        }

        await using (var db = await services.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>().CreateDbContextAsync())
        {
            db.Clients.Add(client);
            await db.SaveChangesAsync();
        }

        var register = services.GetRequiredService<ConsentRegister>();
        var seen = new List<Guid>();
        ConsentCursor? after = null;
        do
        {
            var page = (await register.PageAsync(officer, new ConsentRegisterInput(), after))!;
            seen.AddRange(page.Rows.Select(r => r.Id));
            after = page.Next;
        }
        while (after is not null);

        Assert.Equal(client.Consents.Select(c => c.Id).Order(), seen.Order());
        Assert.Equal(57, seen.Distinct().Count());
    }
}
