using System.Globalization;
using System.Linq.Expressions;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Audit;

/// <summary>Where a page of the log starts: entries older than this one (newest first, then by id).</summary>
public sealed record AuditCursor(DateTimeOffset OccurredAt, long Id);

/// <summary>The cases of one person, found by name (<see cref="PersonLookup"/>): the log is filtered by them, never by the name.</summary>
public sealed record AuditPerson(IReadOnlyList<Guid> ClientIds, IReadOnlyList<string> CaseNumbers);

public sealed record AuditFilter
{
    /// <summary>Part of a staff member's name.</summary>
    public string? User { get; init; }

    /// <summary>Case number or part of it.</summary>
    public string? CaseNumber { get; init; }

    public AuditAction? Action { get; init; }

    /// <summary>The organisation of the staff member who acted.</summary>
    public Organisation? Organisation { get; init; }

    public AuditPerson? Person { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>The last entry of the previous page (entries come newest first).</summary>
    public AuditCursor? After { get; init; }

    public int PageSize { get; init; } = 50;
}

/// <param name="Subject">What it was about, in words (<see cref="AuditSubjects"/>).</param>
/// <param name="ListedCaseNumbers">For a list view: the case numbers it showed.</param>
public sealed record AuditRow(
    long Id, DateTimeOffset OccurredAt, string UserName, Organisation UserOrganisation, Guid? ClientId, string? CaseNumber,
    AuditAction Action, DataCategory? Category, string Subject, IReadOnlyList<string> ListedCaseNumbers)
{
    public AuditCursor Cursor => new(OccurredAt, Id);
}

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, AuditCursor? Next);

/// <summary>
/// The data protection officer's view of the audit log: newest first, filtered in the database,
/// keyset-paged on (time, id) so that a page of 2019 loads as fast as today's.
/// </summary>
public sealed class AuditLogQuery(IDbContextFactory<CaseManagementDbContext> contextFactory)
{
    /// <summary>The most entries one export holds; a wider view must be narrowed by date or filter.</summary>
    public const int ExportLimit = 50_000;

    public async Task<AuditPage> GetPageAsync(StaffMember reader, AuditFilter filter, CancellationToken cancellationToken = default)
    {
        if (!AccessDecision.MayCarryOut(reader, DataProtectionTask.AuditLog))
        {
            return new AuditPage([], null);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var pageSize = Math.Clamp(filter.PageSize, 1, 200);
        var rows = await ReadAsync(db, filter, pageSize + 1, cancellationToken);
        var shown = rows.Take(pageSize).ToList();
        return new AuditPage(shown, rows.Count > pageSize ? shown[^1].Cursor : null);
    }

    /// <summary>Every entry of the filtered view, up to <see cref="ExportLimit"/> (one more tells the caller it was cut).</summary>
    public async Task<IReadOnlyList<AuditRow>> ExportRowsAsync(StaffMember reader, AuditFilter filter, CancellationToken cancellationToken = default)
    {
        if (!AccessDecision.MayCarryOut(reader, DataProtectionTask.AuditLog))
        {
            return [];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await ReadAsync(db, filter with { After = null }, ExportLimit + 1, cancellationToken);
    }

    private static async Task<List<AuditRow>> ReadAsync(CaseManagementDbContext db, AuditFilter filter, int take, CancellationToken cancellationToken)
    {
        var entries = await Filtered(db, filter)
            .OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Take(take)
            .ToListAsync(cancellationToken);
        var subjectNames = await AuditSubjects.NamesAsync(db, entries.Select(e => e.Fields), cancellationToken);
        return [.. entries.Select(e => RowOf(e, subjectNames))];
    }

    internal static AuditRow RowOf(AuditEntry e, IReadOnlyDictionary<Guid, string> subjectNames) => new(
        e.Id, e.OccurredAt, e.UserName, e.UserOrganisation, e.ClientId, e.CaseNumber, e.Action, e.Category,
        AuditSubjects.Describe(e.Action, e.Category, e.Fields, subjectNames),
        e.Action == AuditAction.ListViewed ? AuditSubjects.ListOf(e.Fields).CaseNumbers : []);

    private static IQueryable<AuditEntry> Filtered(CaseManagementDbContext db, AuditFilter filter)
    {
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
            query = query.Where(a => (a.CaseNumber != null && a.CaseNumber.Contains(caseNumber))
                || (a.Action == AuditAction.ListViewed && a.Fields != null && a.Fields.Contains(caseNumber)));
        }

        if (filter.Person is { } person)
        {
            query = query.Where(OfPerson(person));
        }

        if (filter.Action is { } action)
        {
            query = query.Where(a => a.Action == action);
        }

        if (filter.Organisation is { } organisation)
        {
            query = query.Where(a => a.UserOrganisation == organisation);
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

        if (filter.After is { } after)
        {
            // The first condition bounds the index range; the second breaks ties within one instant.
            query = query.Where(a => a.OccurredAt <= after.OccurredAt && (a.OccurredAt < after.OccurredAt || a.Id < after.Id));
        }

        return query;
    }

    /// <summary>Entries about the person's cases: by client, by case number, and list views that named one of them.</summary>
    internal static Expression<Func<AuditEntry, bool>> OfPerson(AuditPerson person)
    {
        var ids = person.ClientIds.ToList();
        var caseNumbers = person.CaseNumbers.ToList();
        Expression<Func<AuditEntry, bool>> predicate = a =>
            (a.ClientId != null && ids.Contains(a.ClientId.Value)) || (a.CaseNumber != null && caseNumbers.Contains(a.CaseNumber));
        foreach (var caseNumber in caseNumbers)
        {
            var number = caseNumber;
            predicate = Or(predicate, a => a.Action == AuditAction.ListViewed && a.Fields != null && a.Fields.Contains(number));
        }

        return predicate;
    }

    private static Expression<Func<AuditEntry, bool>> Or(
        Expression<Func<AuditEntry, bool>> left, Expression<Func<AuditEntry, bool>> right)
    {
        var parameter = left.Parameters[0];
        var body = new ParameterSwap(right.Parameters[0], parameter).Visit(right.Body);
        return Expression.Lambda<Func<AuditEntry, bool>>(Expression.OrElse(left.Body, body), parameter);
    }

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to)
        : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            node == from ? to : base.VisitParameter(node);
    }

    internal static DateTimeOffset StartOfDay(DateOnly day)
    {
        // Typed dates like 01.01.0001 or 31.12.9999 must filter, not overflow.
        day = day < new DateOnly(2000, 1, 1) ? new DateOnly(2000, 1, 1) : day > new DateOnly(2200, 1, 1) ? new DateOnly(2200, 1, 1) : day;
        return GermanCalendar.At(day, TimeOnly.MinValue);
    }
}
