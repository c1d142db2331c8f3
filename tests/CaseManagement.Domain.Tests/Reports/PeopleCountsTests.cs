using CaseManagement.Domain.Reports;

namespace CaseManagement.Domain.Tests.Reports;

/// <summary>Tables of events (appointments, referrals): the small-cell rule looks at the people behind a figure, not at its size.</summary>
public class PeopleCountsTests
{
    private static FigureTable Table(int[,] counts) => new(
        "Termine",
        "Art",
        Enumerable.Range(1, counts.GetLength(0)).Select(i => $"Z{i}"),
        Enumerable.Range(1, counts.GetLength(1)).Select(i => $"S{i}"),
        counts);

    /// <summary>A cell key whose deviation is <paramref name="deviation"/>: the middle of its band in the table.</summary>
    private static uint KeyFor(int deviation) =>
        Enumerable.Range(0, 4096).Select(i => (uint)(i * (1L << 20))).First(k => CellKeyPerturbation.Deviation(k) == deviation);

    [Fact]
    public void Many_events_of_few_people_are_hidden_however_many_events_they_are()
    {
        // (0,0): 12 appointments of 2 people; its people stay below 5 even moved up by 2.
        var table = Table(new[,] { { 12, 30 }, { 20, 25 } });
        var people = new PeopleCounts(new[,] { { 2, 9 }, { 8, 10 } }, [10, 15], [9, 18], 20);
        var keys = new CellKeys(new[,] { { KeyFor(2), KeyFor(0) }, { KeyFor(0), KeyFor(0) } });

        var published = CellKeyPerturbation.Publish(table, keys, people);

        Assert.True(published.Cell(0, 0).IsHidden);
        Assert.Equal(30, published.Cell(0, 1).Value);
        Assert.False(published.GrandTotal.IsHidden);
    }

    [Fact]
    public void A_total_is_judged_by_its_own_people_not_by_its_cells()
    {
        // Row 1 has 3 + 3 people in its cells but they are the same 3: the row total is small too.
        var table = Table(new[,] { { 6, 6 }, { 20, 20 } });
        var people = new PeopleCounts(new[,] { { 3, 3 }, { 10, 12 } }, [3, 15], [12, 14], 18);
        var keys = new CellKeys(new[,] { { KeyFor(0), KeyFor(0) }, { KeyFor(0), KeyFor(0) } });

        var published = CellKeyPerturbation.Publish(table, keys, people);

        Assert.Equal(0, CellKeyPerturbation.Deviation(keys[FigurePosition.RowTotal(0)]));
        Assert.True(published.RowTotal(0).IsHidden); // 6 people would have been shown
        Assert.Equal(40, published.RowTotal(1).Value);
    }

    [Fact]
    public void Counts_that_cannot_belong_to_the_table_are_refused()
    {
        var table = Table(new[,] { { 2, 0 } });
        var keys = new CellKeys(new uint[1, 2]);

        // More people than events, and people behind an empty cell.
        Assert.Throws<ArgumentException>(() => CellKeyPerturbation.Publish(table, keys, new PeopleCounts(new[,] { { 3, 0 } }, [3], [3, 0], 3)));
        Assert.Throws<ArgumentException>(() => CellKeyPerturbation.Publish(table, keys, new PeopleCounts(new[,] { { 1, 1 } }, [1], [1, 1], 1)));
        Assert.Throws<ArgumentException>(() => CellKeyPerturbation.Publish(table, keys, new PeopleCounts(new[,] { { 1, 0, 0 } }, [1], [1, 0, 0], 1)));
        Assert.Throws<ArgumentException>(() => new PeopleCounts(new[,] { { 1, 0 } }, [1, 1], [1, 0], 1));
    }
}
