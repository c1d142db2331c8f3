using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Audit;

/// <summary>
/// Writes the audit log. A change adds its entry to the same context, so both commit together
/// or not at all; a read or a refusal is written on its own.
/// </summary>
public sealed class AuditTrail(IDbContextFactory<CaseManagementDbContext> contextFactory, TimeProvider clock)
{
    public AuditEntry Add(
        CaseManagementDbContext db, StaffMember actor, AuditAction action, Guid? clientId, string? caseNumber,
        DataCategory? category = null, IEnumerable<string>? fields = null)
    {
        var entry = new AuditEntry
        {
            OccurredAt = clock.GetUtcNow(),
            UserId = actor.Id,
            UserName = actor.DisplayName,
            UserOrganisation = actor.Organisation,
            ClientId = clientId,
            CaseNumber = caseNumber,
            Action = action,
            Category = category,
            Fields = fields is null ? null : Truncate(string.Join(", ", fields), 1000),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    public async Task RecordAsync(
        StaffMember actor, AuditAction action, Guid? clientId, string? caseNumber,
        DataCategory? category = null, IEnumerable<string>? fields = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        Add(db, actor, action, clientId, caseNumber, category, fields);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A list that showed names: one entry per load, naming the case numbers whose data was shown.</summary>
    public Task ListViewedAsync(StaffMember actor, string list, IEnumerable<string> caseNumbers, CancellationToken cancellationToken = default)
    {
        var shown = caseNumbers.ToList();
        return shown.Count == 0
            ? Task.CompletedTask
            : RecordAsync(actor, AuditAction.ListViewed, clientId: null, caseNumber: null, DataCategory.MasterData, [list, .. shown], cancellationToken);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
