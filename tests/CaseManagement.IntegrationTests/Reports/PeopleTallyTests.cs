using CaseManagement.Application.Reports;

namespace CaseManagement.IntegrationTests.Reports;

/// <summary>
/// The steering report counts the people behind a figure from person buckets and, where that is not
/// enough, exactly (<see cref="PeopleTally"/>). Over generated tables with few buckets (many people
/// share one), the result must decide "fewer than 5 people" exactly as a full distinct count would.
/// </summary>
public sealed class PeopleTallyTests
{
    private const int Threshold = 5;

    [Fact]
    public void Below_the_threshold_every_count_of_people_is_exact_and_above_it_the_bound_reaches_it()
    {
        var random = new Random(20261122);
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
            }).ToList();

            var tally = PeopleTally.FromBuckets(
                events.GroupBy(e => (e.Row, e.Column, Anonymous: e.Person is null, Bucket: e.Person is { } p ? bucketOf[p] : (int?)null))
                    .Select(g => new PeopleTally.BucketCount(g.Key.Row, g.Key.Column, g.Key.Anonymous, g.Key.Bucket, g.Count())),
                Threshold);
            var exact = events.Where(e => tally.RowsToCountExactly.Contains(e.Row)).GroupBy(e => (e.Row, e.Column))
                .Select(g => new SteeringReportQuery.CountRow(g.Key.Row, g.Key.Column, g.Count(), TruePeople(g)))
                .ToList();
            var counted = tally.RowsToCountExactly.Count == 0 ? tally.Rows : tally.WithExact(exact);

            var truth = events.GroupBy(e => (e.Row, e.Column)).ToDictionary(g => g.Key, g => (Count: g.Count(), People: TruePeople(g)));
            Assert.Equal(truth.Keys.Order(), counted.Select(c => (c.Row, c.Column)).Order());
            foreach (var cell in counted)
            {
                var (count, truePeople) = truth[(cell.Row, cell.Column)];
                Assert.Equal(count, cell.Count);
                Assert.InRange(cell.People, 1, truePeople);
                if (truePeople < Threshold)
                {
                    Assert.Equal(truePeople, cell.People);
                }
                else
                {
                    Assert.True(cell.People >= Threshold, $"table {table}: cell ({cell.Row}, {cell.Column}) has {truePeople} people but a bound of {cell.People}");
                }
            }
        }
    }

    // Every anonymous contact is a person of its own.
    private static int TruePeople(IEnumerable<ReportEvent> events) =>
        events.Where(e => e.Person is not null).Select(e => e.Person).Distinct().Count() + events.Count(e => e.Person is null);
}
