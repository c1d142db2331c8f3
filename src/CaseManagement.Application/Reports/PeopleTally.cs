using System.Linq.Expressions;
using CaseManagement.Domain.Reports;

namespace CaseManagement.Application.Reports;

/// <summary>One event of a report table (an appointment, a referral, a goal …): its cell, the person behind it and its record key.</summary>
/// <remarks>A class with init properties, not a positional record, so that EF can see through the projection.</remarks>
internal sealed class ReportEvent
{
    public int Row { get; init; }

    public int Column { get; init; }

    /// <summary>The client; null for an anonymous contact, which counts as a person of its own.</summary>
    public Guid? Person { get; init; }

    /// <summary>The event's record key (<see cref="ReportKeys"/>).</summary>
    public int Key { get; init; }
}

/// <summary>A GROUP BY result: a row and a column key, how many, and the sum of their record keys.</summary>
internal sealed record CountRow(int Row, int Column, int Count, long KeySum);

/// <summary>
/// The counts of one table: per cell how many and their keys; for tables of events also the people
/// behind every cell and total, keyed by (row, column) with null for "all" (exact below
/// <see cref="CellKeyPerturbation.ExactPeopleBelow"/>, a lower bound from there on).
/// </summary>
internal sealed record TableCounts(IReadOnlyList<CountRow> Cells, IReadOnlyDictionary<(int? Row, int? Column), int>? People = null)
{
    public static TableCounts OfPeople(IReadOnlyList<CountRow> cells) => new(cells);
}

/// <summary>
/// Counts the people behind each figure of a table of events without <c>COUNT(DISTINCT …)</c> over
/// all of them, whose sort was the largest cost of the steering report.
/// </summary>
/// <remarks>
/// <para>The report only needs to know the people exactly while they are few
/// (<see cref="CellKeyPerturbation.ExactPeopleBelow"/>). A first query counts the events per cell and
/// person bucket (<c>ReportFunctions.PersonBucket</c>, a number taken from the person's id), with the
/// sum of their record keys: people in different buckets are different people, so the buckets a
/// figure touches (plus its anonymous contacts) are a lower bound of its people, for a cell as for a
/// row, a column or the whole table.</para>
/// <para>Where that bound reaches the limit, it is kept. Where it equals the events, it is exact (one
/// person per event). Every other figure — few buckets for more events, as for one person with many
/// appointments — is counted exactly by a second query that lists the people of just those cells,
/// rows or columns (<see cref="ExactFilter"/>). So below the limit every count is exact.</para>
/// </remarks>
internal sealed class PeopleTally
{
    /// <summary>A row of the first query: the events of one cell whose people fall in one bucket, or its anonymous contacts.</summary>
    internal sealed record BucketCount(int Row, int Column, bool Anonymous, int? Bucket, int Count, long KeySum);

    /// <summary>A row of the second query: the events of one person (null: anonymous contacts, each a person) in one cell.</summary>
    internal sealed record PersonCount(int Row, int Column, Guid? Person, int Count);

    private readonly IReadOnlyList<BucketCount> _buckets;
    private readonly Dictionary<(int? Row, int? Column), int> _people = [];
    private readonly List<(int? Row, int? Column)> _unsure = [];

    private PeopleTally(IReadOnlyList<BucketCount> buckets, int exactBelow)
    {
        _buckets = buckets;
        Cells = [.. buckets.GroupBy(b => (b.Row, b.Column)).Select(cell => new CountRow(cell.Key.Row, cell.Key.Column, cell.Sum(b => b.Count), cell.Sum(b => b.KeySum)))];
        foreach (var position in Positions(buckets))
        {
            var inside = buckets.Where(b => Covers(position, b.Row, b.Column)).ToList();
            var bound = inside.Where(b => !b.Anonymous).Select(b => b.Bucket).Distinct().Count() + inside.Where(b => b.Anonymous).Sum(b => b.Count);
            if (bound >= exactBelow || bound == inside.Sum(b => b.Count))
            {
                _people[position] = bound;
            }
            else
            {
                _unsure.Add(position);
            }
        }
    }

    /// <summary>Per cell: the events and the sum of their record keys.</summary>
    public IReadOnlyList<CountRow> Cells { get; }

    /// <summary>Whether some figure needs the second, exact query.</summary>
    public bool NeedsExactCount => _unsure.Count > 0;

    public static PeopleTally FromBuckets(IReadOnlyList<BucketCount> buckets, int exactBelow) => new(buckets, exactBelow);

    /// <summary>
    /// The events the second query must read: those in the unsure cells, rows and columns, as
    /// <c>e.Row == r &amp;&amp; e.Column == c || e.Row == r2 || …</c> with constants (a parameterised
    /// <c>rows.Contains(e.Row)</c> makes Npgsql look for an array mapping of the enum behind the row).
    /// </summary>
    public Expression<Func<ReportEvent, bool>> ExactFilter
    {
        get
        {
            var e = Expression.Parameter(typeof(ReportEvent), "e");
            Expression Is(string property, int value) => Expression.Equal(Expression.Property(e, property), Expression.Constant(value));
            var terms = _unsure.Select(p => p switch
            {
                (int r, int c) => Expression.AndAlso(Is(nameof(ReportEvent.Row), r), Is(nameof(ReportEvent.Column), c)),
                (int r, null) => Is(nameof(ReportEvent.Row), r),
                (null, int c) => Is(nameof(ReportEvent.Column), c),
                _ => Expression.Constant(true),
            }).ToList();
            var body = terms.Count == 0 ? Expression.Constant(false) : terms.Aggregate(Expression.OrElse);
            return Expression.Lambda<Func<ReportEvent, bool>>(body, e);
        }
    }

    /// <summary>The table's counts, with the people of the unsure figures taken from the second query's rows.</summary>
    public TableCounts Complete(IReadOnlyCollection<PersonCount> exact)
    {
        ArgumentNullException.ThrowIfNull(exact);
        var people = new Dictionary<(int? Row, int? Column), int>(_people);
        foreach (var position in _unsure)
        {
            var inside = exact.Where(p => Covers(position, p.Row, p.Column)).ToList();
            if (inside.Sum(p => p.Count) != _buckets.Where(b => Covers(position, b.Row, b.Column)).Sum(b => b.Count))
            {
                throw new InvalidOperationException($"The exact count does not cover {position}.");
            }

            people[position] = inside.Where(p => p.Person is not null).Select(p => p.Person).Distinct().Count() + inside.Where(p => p.Person is null).Sum(p => p.Count);
        }

        return new TableCounts(Cells, people);
    }

    private static IEnumerable<(int? Row, int? Column)> Positions(IReadOnlyList<BucketCount> buckets)
    {
        var cells = buckets.Select(b => (b.Row, b.Column)).Distinct().ToList();
        return
        [
            .. cells.Select(c => ((int?)c.Row, (int?)c.Column)),
            .. cells.Select(c => c.Row).Distinct().Select(r => ((int?)r, (int?)null)),
            .. cells.Select(c => c.Column).Distinct().Select(c => ((int?)null, (int?)c)),
            .. cells.Count > 0 ? [((int?)null, (int?)null)] : Array.Empty<(int?, int?)>(),
        ];
    }

    private static bool Covers((int? Row, int? Column) position, int row, int column) =>
        (position.Row is null || position.Row == row) && (position.Column is null || position.Column == column);
}
