using CaseManagement.Domain.Reports;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Persistence.Faults;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Reports;

/// <summary>
/// How the reports count: each query on a context of its own (so several run side by side, at most
/// as many as <paramref name="slots"/> allows), read-only, retried as a whole after a transient
/// fault; tables of events with the people behind every figure (<see cref="PeopleTally"/>). Shared by
/// the steering report and the needs analysis, so that the same records always give the same figure.
/// </summary>
internal sealed class ReportCounting(IDbContextFactory<CaseManagementDbContext> contextFactory, SemaphoreSlim slots, CancellationToken cancellationToken)
{
    public async Task<List<T>> Run<T>(Func<CaseManagementDbContext, IQueryable<T>> query)
        where T : class
    {
        await slots.WaitAsync(cancellationToken);
        try
        {
            // Only reads: after a transient fault the whole transaction (settings and query) runs again on a fresh context.
            return await contextFactory.RetryingAsync(async (db, ct) =>
            {
                if (!db.Database.IsNpgsql())
                {
                    return await query(db).AsNoTracking().ToListAsync(ct);
                }

                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await db.Database.ExecuteSqlRawAsync(SteeringReportQuery.PostgresSettings, ct);
                var rows = await query(db).AsNoTracking().ToListAsync(ct);
                await transaction.CommitAsync(ct);
                return rows;
            }, cancellationToken);
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>A table of events: counted per cell with the people behind each figure (see <see cref="PeopleTally"/>).</summary>
    public async Task<TableCounts> CountEvents(Func<CaseManagementDbContext, IQueryable<ReportEvent>> events)
    {
        var buckets = await Run(db => events(db)
            .GroupBy(e => new { e.Row, e.Column, Anonymous = e.Person == null, Bucket = ReportFunctions.PersonBucket(e.Person) })
            .Select(g => new PeopleTally.BucketCount(g.Key.Row, g.Key.Column, g.Key.Anonymous, g.Key.Bucket, g.Count(), g.Sum(e => (long)e.Key))));
        var tally = PeopleTally.FromBuckets(buckets, CellKeyPerturbation.ExactPeopleBelow);
        if (!tally.NeedsExactCount)
        {
            return tally.Complete([]);
        }

        var exact = await Run(db => events(db)
            .Where(tally.ExactFilter)
            .GroupBy(e => new { e.Row, e.Column, e.Person })
            .Select(g => new PeopleTally.PersonCount(g.Key.Row, g.Key.Column, g.Key.Person, g.Count())));
        return tally.Complete(exact);
    }

    /// <summary>A table of people, one row each: counted per cell with the sum of their keys.</summary>
    public async Task<TableCounts> CountPeople(Func<CaseManagementDbContext, IQueryable<ReportEvent>> people) =>
        TableCounts.OfPeople(await Run(db => people(db)
            .GroupBy(e => new { e.Row, e.Column })
            .Select(g => new CountRow(g.Key.Row, g.Key.Column, g.Count(), g.Sum(e => (long)e.Key)))));
}
