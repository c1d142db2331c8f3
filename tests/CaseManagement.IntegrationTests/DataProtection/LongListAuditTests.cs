using CaseManagement.Application.Audit;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests.DataProtection;

/// <summary>
/// A list that shows many cases (a team week, a long home list) names every one of them in the
/// audit log, so the data-protection officer finds each read by its case number.
/// </summary>
public sealed class LongListAuditTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_list_of_150_cases_is_logged_in_entries_that_together_name_every_case()
    {
        var reader = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Fallmanagerin Lange Liste");
        var officer = await app.DemoMemberAsync(StaffRole.DataProtectionOfficer);
        var shown = Enumerable.Range(1, 150).Select(n => $"LU-2031-{n:00000}").ToList();

        await app.Service<AuditTrail>().ListViewedAsync(reader, "Wochenansicht", shown);

        await using var db = await app.DbAsync();
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.UserId == reader.Id && a.Action == AuditAction.ListViewed).OrderBy(a => a.Id).ToListAsync();
        Assert.True(entries.Count > 1, "150 case numbers do not fit into one entry");
        Assert.All(entries, e => Assert.True(e.Fields!.Length <= AuditTrail.FieldsMaxLength && e.Fields.StartsWith("Wochenansicht, LU-", StringComparison.Ordinal), e.Fields));
        Assert.Equal(shown, entries.SelectMany(e => e.Fields!.Split(", ").Skip(1)));

        var last = await app.Service<AuditLogQuery>().GetPageAsync(officer, new AuditFilter { CaseNumber = shown[^1], User = "Lange Liste" });
        Assert.Contains(shown[^1], Assert.Single(last.Rows).ListedCaseNumbers);
    }
}
