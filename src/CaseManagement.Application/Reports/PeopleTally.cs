namespace CaseManagement.Application.Reports;

/// <summary>One event of a report table (an appointment, a referral, a goal …): its cell and the person behind it.</summary>
/// <remarks>A class with init properties, not a positional record, so that EF can see through the projection.</remarks>
internal sealed class ReportEvent
{
    public int Row { get; init; }

    public int Column { get; init; }

    /// <summary>The client; null for an anonymous contact, which counts as a person of its own.</summary>
    public Guid? Person { get; init; }
}

/// <summary>
/// Counts the people behind each figure of a table of events without <c>COUNT(DISTINCT …)</c> over
/// all of them, whose sort was the largest cost of the steering report.
/// </summary>
/// <remarks>
/// <para>The small-cell rule only asks whether at least <c>threshold</c> people stand behind a figure.
/// A first query counts the events per cell and person bucket (<c>ReportFunctions.PersonBucket</c>, a
/// number taken from the person's id): people in different buckets are different people, so the
/// number of buckets a cell touches (plus its anonymous contacts) is a lower bound of its people.</para>
/// <para>Where that bound reaches the threshold, the figure is certainly not small and the bound is
/// kept: <see cref="Domain.Reports.PeopleCounts"/> only compares it with the threshold. Where it equals
/// the events, it is exact (one person per event). Every other cell — few buckets for more events, as
/// for one person with many appointments — is counted exactly by a second query, which recounts the
/// whole table row of such a cell.
/// So below the threshold every count is exact, and the suppression is the same as with exact counts
/// everywhere.</para>
/// </remarks>
internal sealed class PeopleTally
{
    /// <summary>A row of the first query: the events of one cell whose people fall in one bucket, or its anonymous contacts.</summary>
    internal sealed record BucketCount(int Row, int Column, bool Anonymous, int? Bucket, int Count);

    private PeopleTally(List<SteeringReportQuery.CountRow> rows, List<int> rowsToCountExactly)
    {
        Rows = rows;
        RowsToCountExactly = rowsToCountExactly;
    }

    /// <summary>Per cell: the events and the people (exact, or a lower bound that reaches the threshold).</summary>
    public List<SteeringReportQuery.CountRow> Rows { get; }

    /// <summary>The table rows with a cell whose bound is below the threshold but not known to be exact.</summary>
    public List<int> RowsToCountExactly { get; }

    public static PeopleTally FromBuckets(IEnumerable<BucketCount> buckets, int threshold)
    {
        var rows = buckets
            .GroupBy(b => (b.Row, b.Column))
            .Select(cell => new SteeringReportQuery.CountRow(
                cell.Key.Row,
                cell.Key.Column,
                cell.Sum(b => b.Count),
                cell.Where(b => !b.Anonymous).Select(b => b.Bucket).Distinct().Count() + cell.Where(b => b.Anonymous).Sum(b => b.Count)))
            .ToList();
        var unsure = rows.Where(r => r.People < threshold && r.People < r.Count).Select(r => r.Row).Distinct().Order().ToList();
        return new PeopleTally(rows, unsure);
    }

    /// <summary>These cells with the exact counts of the second query for the rows it covered.</summary>
    public List<SteeringReportQuery.CountRow> WithExact(IReadOnlyCollection<SteeringReportQuery.CountRow> exact)
    {
        var counted = RowsToCountExactly.ToHashSet();
        return [.. Rows.Where(r => !counted.Contains(r.Row)), .. exact];
    }
}
