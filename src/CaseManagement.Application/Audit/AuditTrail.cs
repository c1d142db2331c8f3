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
            Fields = fields is null ? null : Truncate(string.Join(", ", fields), FieldsMaxLength),
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

    /// <summary>
    /// A list that showed names: entries naming the case numbers whose data was shown, one per load,
    /// or as many as it takes to name every case within <see cref="FieldsMaxLength"/> characters
    /// each (a team week or a long home list names more than 60 cases; cut at the limit, the entry
    /// dropped the rest and the data-protection officer could not find those reads by case).
    /// </summary>
    public async Task ListViewedAsync(StaffMember actor, string list, IEnumerable<string> caseNumbers, CancellationToken cancellationToken = default)
    {
        var shown = caseNumbers.ToList();
        if (shown.Count == 0)
        {
            return;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        foreach (var part in Parts(list, shown))
        {
            Add(db, actor, AuditAction.ListViewed, clientId: null, caseNumber: null, DataCategory.MasterData, part);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>How long an entry's list of fields may be (the column's length).</summary>
    public const int FieldsMaxLength = 1000;

    /// <summary>The list's name, then as many case numbers as fit, in turn; every part starts with the name.</summary>
    private static IEnumerable<List<string>> Parts(string list, IReadOnlyList<string> caseNumbers)
    {
        var part = new List<string> { list };
        var length = list.Length;
        foreach (var caseNumber in caseNumbers)
        {
            if (part.Count > 1 && length + 2 + caseNumber.Length > FieldsMaxLength)
            {
                yield return part;
                part = [list];
                length = list.Length;
            }

            part.Add(caseNumber);
            length += 2 + caseNumber.Length;
        }

        yield return part;
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
