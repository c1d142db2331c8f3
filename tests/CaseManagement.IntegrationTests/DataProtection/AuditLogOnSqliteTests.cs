using CaseManagement.Application.Audit;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.IntegrationTests.Sessions;
using CaseManagement.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests.DataProtection;

/// <summary>The first-run provider pages and filters the log alike: (time, id) keyset on ticks stored as numbers, and a person's list views.</summary>
public sealed class AuditLogOnSqliteTests(SqliteAppFixture app) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public async Task Keyset_pages_and_the_person_filter_work_on_SQLite()
    {
        var services = app.Factory.Services;
        var officer = await StaffMembers.ByEmailAsync(services, DemoAccounts.All.Single(a => a.Role == StaffRole.DataProtectionOfficer).Email);
        var start = new DateTimeOffset(2024, 10, 27, 0, 30, 0, TimeSpan.Zero);
        var clientId = Guid.NewGuid();
        await using (var db = await services.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>().CreateDbContextAsync())
        {
            // Pairs of entries at the same instant, newest written first.
            db.AuditEntries.AddRange(Enumerable.Range(0, 24).Reverse().Select(i => new AuditEntry
            {
                OccurredAt = start.AddMinutes(i / 2 * 10), UserId = "sqlite-test", UserName = "Sqliteprobe", UserOrganisation = Organisation.Jobcenter,
                Action = i % 5 == 0 ? AuditAction.ListViewed : AuditAction.Viewed, Category = DataCategory.MasterData,
                ClientId = i % 5 == 0 ? null : i % 2 == 0 ? clientId : Guid.NewGuid(),
                CaseNumber = i % 5 == 0 ? null : i % 2 == 0 ? "LU-1990-99999" : "LU-1990-99998",
                Fields = i % 5 == 0 ? "Fallbestand, LU-1990-99997, LU-1990-99999" : null,
            }));
            await db.SaveChangesAsync();
        }

        var query = services.GetRequiredService<AuditLogQuery>();
        var seen = new List<AuditRow>();
        AuditCursor? after = null;
        do
        {
            var page = await query.GetPageAsync(officer, new AuditFilter { User = "Sqliteprobe", After = after, PageSize = 7 });
            seen.AddRange(page.Rows);
            after = page.Next;
        }
        while (after is not null);

        Assert.Equal(24, seen.Select(r => r.Id).Distinct().Count());
        Assert.Equal(seen.OrderByDescending(r => r.OccurredAt).ThenByDescending(r => r.Id).Select(r => r.Id), seen.Select(r => r.Id));

        var person = await query.GetPageAsync(officer, new AuditFilter
        {
            User = "Sqliteprobe", Person = new AuditPerson([clientId], ["LU-1990-99999"]), PageSize = 100,
        });
        // Even indexes are the person's entries; every fifth is a list view naming them.
        Assert.Equal(
            Enumerable.Range(0, 24).Count(i => i % 2 == 0 || i % 5 == 0),
            person.Rows.Count);
    }
}
