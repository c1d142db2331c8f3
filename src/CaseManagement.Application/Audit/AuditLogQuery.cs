using System.Globalization;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Audit;

public sealed record AuditFilter
{
    /// <summary>Part of a staff member's name.</summary>
    public string? User { get; init; }

    /// <summary>Case number or part of it.</summary>
    public string? CaseNumber { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>Id of the last entry of the previous page (entries come newest first).</summary>
    public long? Before { get; init; }

    public int PageSize { get; init; } = 50;
}

public sealed record AuditRow(
    long Id, DateTimeOffset OccurredAt, string UserName, Organisation UserOrganisation, string? CaseNumber,
    AuditAction Action, DataCategory? Category, string? Fields);

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, long? NextBefore);

/// <summary>The data protection officer's view of the audit log: newest first, keyset-paged.</summary>
public sealed class AuditLogQuery(IDbContextFactory<CaseManagementDbContext> contextFactory)
{
    public async Task<AuditPage> GetPageAsync(StaffMember reader, AuditFilter filter, CancellationToken cancellationToken = default)
    {
        if (!reader.IsInRole(StaffRole.DataProtectionOfficer))
        {
            return new AuditPage([], null);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.AuditEntries.AsNoTracking().AsQueryable();
        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            var user = filter.User.Trim().ToLower(CultureInfo.InvariantCulture);
            // Translated to SQL lower(); culture does not apply in the database.
#pragma warning disable CA1304, CA1311, CA1862
            query = query.Where(a => a.UserName.ToLower().Contains(user));
#pragma warning restore CA1304, CA1311, CA1862
        }

        if (!string.IsNullOrWhiteSpace(filter.CaseNumber))
        {
            var caseNumber = filter.CaseNumber.Trim().ToUpperInvariant();
            // List views name their case numbers in Fields.
            query = query.Where(a => (a.CaseNumber != null && a.CaseNumber.Contains(caseNumber)) || (a.Fields != null && a.Fields.Contains(caseNumber)));
        }

        if (filter.From is { } from)
        {
            var start = StartOfDay(from);
            query = query.Where(a => a.OccurredAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = StartOfDay(to.AddDays(1));
            query = query.Where(a => a.OccurredAt < end);
        }

        if (filter.Before is { } before)
        {
            query = query.Where(a => a.Id < before);
        }

        var pageSize = Math.Clamp(filter.PageSize, 1, 200);
        var rows = await query.OrderByDescending(a => a.Id).Take(pageSize + 1)
            .Select(a => new AuditRow(a.Id, a.OccurredAt, a.UserName, a.UserOrganisation, a.CaseNumber, a.Action, a.Category, a.Fields))
            .ToListAsync(cancellationToken);
        return new AuditPage([.. rows.Take(pageSize)], rows.Count > pageSize ? rows[pageSize - 1].Id : null);
    }

    private static DateTimeOffset StartOfDay(DateOnly day)
    {
        // Typed dates like 01.01.0001 or 31.12.9999 must filter, not overflow.
        day = day < new DateOnly(2000, 1, 1) ? new DateOnly(2000, 1, 1) : day > new DateOnly(2200, 1, 1) ? new DateOnly(2200, 1, 1) : day;
        var local = day.ToDateTime(TimeOnly.MinValue);
        var offset = GermanCalendar.ToLocal(new DateTimeOffset(local, TimeSpan.Zero)).Offset;
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
