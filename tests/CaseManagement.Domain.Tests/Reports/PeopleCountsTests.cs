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

    [Fact]
    public void Many_events_of_few_people_are_suppressed_and_protected()
    {
        // (0,0): 12 appointments of 2 people. By its value alone it would be published.
        var table = Table(new[,] { { 12, 30 }, { 20, 25 } });
        var people = new PeopleCounts(new[,] { { 2, 9 }, { 8, 10 } });

        var result = SmallCellSuppression.Apply(table, people);

        Assert.Equal(SuppressionKind.Primary, result.Cell(0, 0).Suppression);
        Assert.Null(result.Cell(0, 0).Value);
        Assert.True(result.SuppressedPositions.Count >= 4);
        Assert.Empty(RecoverabilityCheck.RecoverablePositions(result));
        Assert.Equal(87, result.GrandTotal.Value);
    }

    [Fact]
    public void A_total_counts_as_small_when_none_of_its_cells_has_five_people()
    {
        // Row 1: 3 + 4 people in its cells; the row total may stand for 4 to 7 people, so it counts as small.
        var table = Table(new[,] { { 6, 6 }, { 20, 20 } });
        var people = new PeopleCounts(new[,] { { 3, 4 }, { 10, 12 } });

        Assert.Equal(4, people[FigurePosition.RowTotal(0)]);
        Assert.Equal(12, people[FigurePosition.ColumnTotal(1)]);
        Assert.Equal(12, people[FigurePosition.GrandTotal]);

        var result = SmallCellSuppression.Apply(table, people);

        Assert.Equal(SuppressionKind.Primary, result.RowTotal(0).Suppression);
        Assert.Equal(SuppressionKind.Primary, result.Cell(0, 0).Suppression);
        Assert.Equal(SuppressionKind.Primary, result.Cell(0, 1).Suppression);
        Assert.Empty(RecoverabilityCheck.RecoverablePositions(result));
    }

    [Fact]
    public void Counting_people_as_their_own_events_gives_the_same_result_as_the_plain_rule()
    {
        var random = new Random(5);
        for (var i = 0; i < 100; i++)
        {
            var table = RandomTables.Next(random, 6, 5);
            var cells = new int[table.RowCount, table.ColumnCount];
            for (var r = 0; r < table.RowCount; r++)
            {
                for (var c = 0; c < table.ColumnCount; c++)
                {
                    cells[r, c] = table.Count(r, c);
                }
            }

            var plain = SmallCellSuppression.Apply(table);
            var byPeople = SmallCellSuppression.Apply(table, new PeopleCounts(cells));

            // Cells are judged alike; a total may only count as small more often (its people are a lower bound).
            foreach (var position in table.Positions)
            {
                if (position.IsCell)
                {
                    Assert.Equal(plain[position].Suppression == SuppressionKind.Primary, byPeople[position].Suppression == SuppressionKind.Primary);
                }
                else if (plain[position].Suppression == SuppressionKind.Primary)
                {
                    Assert.Equal(SuppressionKind.Primary, byPeople[position].Suppression);
                }
            }

            Assert.Empty(RecoverabilityCheck.RecoverablePositions(byPeople));
        }
    }

    [Fact]
    public void On_random_event_tables_figures_of_few_people_are_hidden_and_nothing_is_recoverable()
    {
        var random = new Random(2026);
        for (var i = 0; i < 300; i++)
        {
            var table = RandomTables.Next(random, 8, 6);
            var cells = new int[table.RowCount, table.ColumnCount];
            for (var r = 0; r < table.RowCount; r++)
            {
                for (var c = 0; c < table.ColumnCount; c++)
                {
                    var events = table.Count(r, c);
                    cells[r, c] = events == 0 ? 0 : random.Next(1, events + 1);
                }
            }

            var people = new PeopleCounts(cells);
            var result = SmallCellSuppression.Apply(table, people);

            foreach (var position in table.Positions)
            {
                if (table[position] > 0 && people[position] < 5)
                {
                    Assert.Equal(SuppressionKind.Primary, result[position].Suppression);
                }
                else if (!result[position].IsSuppressed)
                {
                    Assert.Equal(table[position], result[position].Value);
                }
            }

            Assert.Empty(RecoverabilityCheck.RecoverablePositions(result));
        }
    }

    [Fact]
    public void People_must_fit_the_events()
    {
        var table = Table(new[,] { { 3, 0 } });

        Assert.Throws<ArgumentException>(() => SmallCellSuppression.Apply(table, new PeopleCounts(new[,] { { 4, 0 } })));
        Assert.Throws<ArgumentException>(() => SmallCellSuppression.Apply(table, new PeopleCounts(new[,] { { 0, 0 } })));
        Assert.Throws<ArgumentException>(() => SmallCellSuppression.Apply(table, new PeopleCounts(new[,] { { 3 } })));
        Assert.Throws<ArgumentException>(() => new PeopleCounts(new[,] { { -1 } }));
    }
}
