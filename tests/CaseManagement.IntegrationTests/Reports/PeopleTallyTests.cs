using CaseManagement.Application.Reports;
using CaseManagement.Domain.Reports;

namespace CaseManagement.IntegrationTests.Reports;

/// <summary>
/// The steering report counts the people behind a figure from person buckets and, where that is not
/// enough, exactly (<see cref="PeopleTally"/>). Over generated tables with few buckets (many people
/// share one), every cell and every total must come out exact below the limit the perturbation needs,
/// and at least at the limit above it; the keys of a cell must be the sum of its events' keys.
/// </summary>
public sealed class PeopleTallyTests
{
    private const int ExactBelow = CellKeyPerturbation.ExactPeopleBelow;

    [Fact]
    public void Below_the_limit_every_count_of_people_is_exact_for_cells_and_totals_and_above_it_the_bound_reaches_it()
    {
        var random = new Random(20261206);
        var unsureTables = 0;
        for (var table = 0; table < 500; table++)
        {
            var buckets = random.Next(1, 9);
            var people = Enumerable.Range(0, random.Next(1, 40)).Select(_ => Guid.NewGuid()).ToList();
            var bucketOf = people.ToDictionary(p => p, _ => random.Next(buckets));
            var events = Enumerable.Range(0, random.Next(1, 200)).Select(_ => new ReportEvent
            {
                Row = random.Next(3),
                Column = random.Next(3),
                Person = random.NextDouble() < 0.1 ? null : people[random.Next(random.Next(1, people.Count + 1))],
                Key = random.Next(int.MinValue, int.MaxValue),
            }).ToList();

            var tally = PeopleTally.FromBuckets(
                [.. events.GroupBy(e => (e.Row, e.Column, Anonymous: e.Person is null, Bucket: e.Person is { } p ? bucketOf[p] : (int?)null))
                    .Select(g => new PeopleTally.BucketCount(g.Key.Row, g.Key.Column, g.Key.Anonymous, g.Key.Bucket, g.Count(), g.Sum(e => (long)e.Key)))],
                ExactBelow);
            var filter = tally.ExactFilter.Compile();
            var exact = events.Where(filter).GroupBy(e => (e.Row, e.Column, e.Person))
                .Select(g => new PeopleTally.PersonCount(g.Key.Row, g.Key.Column, g.Key.Person, g.Count()))
                .ToList();
            unsureTables += tally.NeedsExactCount ? 1 : 0;
            var counted = tally.Complete(tally.NeedsExactCount ? exact : []);

            foreach (var cell in counted.Cells)
            {
                var inCell = events.Where(e => e.Row == cell.Row && e.Column == cell.Column).ToList();
                Assert.Equal(inCell.Count, cell.Count);
                Assert.Equal(inCell.Sum(e => (long)e.Key), cell.KeySum);
            }

            var positions = counted.People!.Keys.ToList();
            Assert.Contains((null, null), positions);
            foreach (var (row, column) in positions)
            {
                var truePeople = TruePeople(events.Where(e => (row is null || e.Row == row) && (column is null || e.Column == column)));
                var found = counted.People[(row, column)];
                if (truePeople < ExactBelow)
                {
                    Assert.Equal(truePeople, found);
                }
                else
                {
                    Assert.True(found >= ExactBelow && found <= truePeople, $"table {table}: ({row}, {column}) has {truePeople} people but a bound of {found}");
                }
            }
        }

        Assert.InRange(unsureTables, 50, 499); // both paths were taken
    }

    // Every anonymous contact is a person of its own.
    private static int TruePeople(IEnumerable<ReportEvent> events) =>
        events.Where(e => e.Person is not null).Select(e => e.Person).Distinct().Count() + events.Count(e => e.Person is null);
}
