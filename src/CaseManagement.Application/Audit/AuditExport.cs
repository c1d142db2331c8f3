using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Audit;

/// <summary>A CSV file and its name.</summary>
public sealed record AuditFile(byte[] Content, string FileName);

/// <summary>Exports a filtered view of the audit log as CSV (<see cref="AuditCsv"/>); every export is audited with its filter.</summary>
public sealed class AuditExport(
    IDbContextFactory<CaseManagementDbContext> contextFactory, AuditLogQuery log, AuditTrail audit, TimeProvider clock)
{
    /// <param name="personIds">The clients a name lookup found (<see cref="PersonLookup"/>); the file and its audit entry name their case numbers.</param>
    public async Task<AuditFile?> CsvAsync(
        StaffMember reader, AuditFilter filter, IReadOnlyList<Guid>? personIds, CancellationToken cancellationToken = default)
    {
        if (!AccessDecision.MayCarryOut(reader, DataProtectionTask.AuditLog))
        {
            return null;
        }

        if (personIds is { Count: > 0 })
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var ids = personIds.Take(PersonLookup.MaxHits).ToList();
            var caseNumbers = await db.Clients.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => c.CaseNumber).ToListAsync(cancellationToken);
            filter = filter with { Person = new AuditPerson(ids, caseNumbers) };
        }

        var rows = await log.ExportRowsAsync(reader, filter, cancellationToken);
        var cut = rows.Count > AuditLogQuery.ExportLimit;
        var shown = cut ? rows.Take(AuditLogQuery.ExportLimit).ToList() : rows;
        var now = clock.GetUtcNow();
        var description = AuditFilterInput.Describe(filter);
        await audit.RecordAsync(reader, AuditAction.Exported, clientId: null, caseNumber: null, category: null,
            fields: ["Zugriffsprotokoll (CSV)", $"{shown.Count} Einträge", description], cancellationToken: cancellationToken);
        var stamp = Domain.GermanCalendar.ToLocal(now).ToString("yyyy-MM-dd-HHmm", System.Globalization.CultureInfo.InvariantCulture);
        return new AuditFile(AuditCsv.ToBytes(shown, description, now, cut), $"zugriffsprotokoll-{stamp}.csv");
    }
}
