using CaseManagement.Domain.Reports;

namespace CaseManagement.Domain.Tests.Reports;

public class SmallCellSuppressionTests
{
    private static FigureTable Table(int[,] counts) => new(
        "Beispiel",
        "Zeile",
        Enumerable.Range(1, counts.GetLength(0)).Select(i => $"Z{i}"),
        Enumerable.Range(1, counts.GetLength(1)).Select(i => $"S{i}"),
        counts);

    /// <summary>One line per table row and one for the column totals: P primary, C complementary, . published; the row total after the bar.</summary>
    private static string[] Pattern(SuppressedTable table)
    {
        static string Mark(Figure f) => f.Suppression switch
        {
            SuppressionKind.Primary => "P",
            SuppressionKind.Complementary => "C",
            _ => ".",
        };

        return Enumerable.Range(0, table.RowCount + 1)
            .Select(r => r < table.RowCount
                ? string.Join(" ", Enumerable.Range(0, table.ColumnCount).Select(c => Mark(table.Cell(r, c)))) + " | " + Mark(table.RowTotal(r))
                : string.Join(" ", Enumerable.Range(0, table.ColumnCount).Select(c => Mark(table.ColumnTotal(c)))) + " | " + Mark(table.GrandTotal))
            .ToArray();
    }

    [Fact]
    public void A_small_cell_is_hidden_in_the_cheapest_rectangle()
    {
        // (1,1) = 3. Rectangles through it: with row 2 costs 10 + 12 + 8 = 30, with row 3 10 + 6 + 9 = 25.
        var result = SmallCellSuppression.Apply(Table(new[,] { { 3, 10 }, { 8, 12 }, { 9, 6 } }));

        Assert.Equal(["P C | .", ". . | .", "C C | .", ". . | ."], Pattern(result));
        Assert.Null(result.Cell(0, 1).Value);
        Assert.Equal(20, result.RowTotal(1).Value);
        Assert.Equal(48, result.GrandTotal.Value);
    }

    [Fact]
    public void In_a_single_column_the_smallest_other_row_is_hidden_with_the_small_one()
    {
        var table = FigureTable.FromCounts("Alter", "Altersgruppe", ["unter 18", "18–24", "25+"], "Anzahl", [("unter 18", 3), ("18–24", 12), ("25+", 40)]);

        var result = SmallCellSuppression.Apply(table);

        Assert.Equal(["P | P", "C | C", ". | .", ". | ."], Pattern(result));
        Assert.Equal(55, result.ColumnTotal(0).Value);
    }

    [Fact]
    public void In_a_single_row_the_smallest_other_column_is_hidden_with_the_small_one()
    {
        var result = SmallCellSuppression.Apply(Table(new[,] { { 30, 3, 20 } }));

        Assert.Equal([". P C | .", ". P C | ."], Pattern(result));
    }

    [Fact]
    public void A_zero_is_published_and_never_used_to_hide_another_figure()
    {
        // Row 1 is 3 | 0 with total 3: the zero would be the cheapest partner but says nothing, so
        // the detour goes through row 2's cell and total.
        var result = SmallCellSuppression.Apply(Table(new[,] { { 3, 0 }, { 6, 7 } }));

        Assert.Equal(["P . | P", "C . | C", ". . | ."], Pattern(result));
        Assert.Equal(0, result.Cell(0, 1).Value);
    }

    [Fact]
    public void A_small_row_total_is_suppressed_and_protected_like_a_cell()
    {
        // Row 1 (1, 2, total 3) is all primary; its total would follow from the grand total minus
        // row 2's total, so that total goes too.
        var result = SmallCellSuppression.Apply(Table(new[,] { { 1, 2 }, { 10, 20 } }));

        Assert.Equal(["P P | P", "C C | C", ". . | ."], Pattern(result));
    }

    [Fact]
    public void A_table_of_one_small_cell_is_entirely_primary_and_needs_nothing_more()
    {
        var result = SmallCellSuppression.Apply(Table(new[,] { { 3 } }));

        Assert.Equal(["P | P", "P | P"], Pattern(result));
    }

    [Fact]
    public void A_tie_goes_to_the_earlier_column()
    {
        var result = SmallCellSuppression.Apply(Table(new[,] { { 2, 6, 6 }, { 6, 6, 6 } }));

        Assert.Equal(["P C . | .", "C C . | .", ". . . | ."], Pattern(result));
    }

    [Fact]
    public void A_table_without_small_figures_is_published_whole_zeros_included()
    {
        var table = Table(new[,] { { 0, 5, 12 }, { 7, 0, 30 }, { 0, 0, 0 } });

        var result = SmallCellSuppression.Apply(table);

        Assert.Empty(result.SuppressedPositions);
        Assert.All(table.Positions, p => Assert.Equal(table[p], result[p].Value));
    }

    [Fact]
    public void The_threshold_decides_what_is_small_and_must_be_at_least_one()
    {
        var table = Table(new[,] { { 3, 10 }, { 8, 12 }, { 9, 6 } });

        Assert.Empty(SmallCellSuppression.Apply(table, threshold: 3).SuppressedPositions);
        Assert.Empty(SmallCellSuppression.Apply(table, threshold: 1).SuppressedPositions);
        // With 7, the 6 at (3,2) is small too and the 3 and the 6 share one rectangle.
        Assert.Equal(["P C | .", ". . | .", "C P | .", ". . | ."], Pattern(SmallCellSuppression.Apply(table, threshold: 7)));
        Assert.Throws<ArgumentOutOfRangeException>(() => SmallCellSuppression.Apply(table, threshold: 0));
    }

    [Fact]
    public void The_result_is_the_same_every_time()
    {
        var random = new Random(11);
        for (var i = 0; i < 50; i++)
        {
            var table = RandomTables.Next(random, 8, 6);
            Assert.Equal(Pattern(SmallCellSuppression.Apply(table)), Pattern(SmallCellSuppression.Apply(table)));
        }
    }

    [Fact]
    public void On_random_tables_small_figures_are_hidden_nothing_is_recoverable_and_published_figures_are_true()
    {
        var random = new Random(20260101);
        var shapes = new HashSet<(int, int)>();
        var complementary = 0;
        for (var i = 0; i < 500; i++)
        {
            var table = RandomTables.Next(random, 8, 6);
            shapes.Add((table.RowCount, table.ColumnCount));

            var result = SmallCellSuppression.Apply(table);

            foreach (var position in table.Positions)
            {
                var truth = table[position];
                var figure = result[position];
                if (truth is > 0 and < 5)
                {
                    Assert.Equal(SuppressionKind.Primary, figure.Suppression);
                }
                else if (truth == 0)
                {
                    Assert.Equal(0, figure.Value);
                }
                else if (figure.IsSuppressed)
                {
                    Assert.Equal(SuppressionKind.Complementary, figure.Suppression);
                    complementary++;
                }
                else
                {
                    Assert.Equal(truth, figure.Value);
                }
            }

            Assert.Empty(RecoverabilityCheck.RecoverablePositions(result));
        }

        // The generator must really have produced 1-D tables and complementary suppressions.
        Assert.Contains(shapes, s => s.Item1 == 1);
        Assert.Contains(shapes, s => s.Item2 == 1);
        Assert.True(complementary > 500, $"only {complementary} complementary suppressions");
    }

    [Fact]
    public void On_random_tables_every_complementary_suppression_is_needed()
    {
        var random = new Random(42);
        for (var i = 0; i < 300; i++)
        {
            var result = SmallCellSuppression.Apply(RandomTables.Next(random, 8, 6));
            var suppressed = result.SuppressedPositions;

            foreach (var position in suppressed.Where(p => result[p].Suppression == SuppressionKind.Complementary))
            {
                var without = suppressed.Where(p => p != position);
                Assert.NotEmpty(RecoverabilityCheck.RecoverablePositions(result.RowCount, result.ColumnCount, without));
            }
        }
    }

    [Fact]
    public void On_random_tables_without_small_figures_nothing_is_suppressed()
    {
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var table = RandomTables.Next(random, 8, 6, allowSmall: false);

            Assert.Empty(SmallCellSuppression.Apply(table).SuppressedPositions);
        }
    }

    [Fact]
    public void On_random_tables_every_suppressed_figure_could_be_one_more_or_one_less_in_a_non_negative_table()
    {
        var random = new Random(99);
        for (var i = 0; i < 200; i++)
        {
            var table = RandomTables.Next(random, 8, 6);
            var result = SmallCellSuppression.Apply(table);

            foreach (var position in result.SuppressedPositions)
            {
                foreach (var step in new[] { 1, -1 })
                {
                    var other = AlternativeTable(table, result.SuppressedPositions, position, step);

                    Assert.Equal(table[position] + step, other[position]);
                    Assert.All(other.Values, v => Assert.True(v >= 0));
                    Assert.True(IsConsistent(other, table.RowCount, table.ColumnCount));
                    Assert.All(table.Positions.Where(p => !result[p].IsSuppressed), p => Assert.Equal(table[p], other[p]));
                }
            }
        }
    }

    /// <summary>
    /// The table's figures with <paramref name="step"/> moved around a cycle of suppressed figures
    /// through <paramref name="target"/>: found by a breadth-first search among the suppressed
    /// figures between the two lines of the target, in the grid whose totals are negated.
    /// </summary>
    private static Dictionary<FigurePosition, int> AlternativeTable(FigureTable table, IReadOnlyList<FigurePosition> suppressed, FigurePosition target, int step)
    {
        int RowNode(FigurePosition p) => p.Row ?? table.RowCount;
        int ColumnNode(FigurePosition p) => table.RowCount + 1 + (p.Column ?? table.ColumnCount);
        int Sign(FigurePosition p) => p.Row is null && p.Column is null ? 1 : p.IsCell ? 1 : -1;

        var previous = new Dictionary<int, FigurePosition>();
        var queue = new Queue<int>([RowNode(target)]);
        var seen = new HashSet<int> { RowNode(target) };
        while (queue.TryDequeue(out var node))
        {
            foreach (var edge in suppressed.Where(e => e != target && (RowNode(e) == node || ColumnNode(e) == node)))
            {
                var next = RowNode(edge) == node ? ColumnNode(edge) : RowNode(edge);
                if (seen.Add(next))
                {
                    previous[next] = edge;
                    queue.Enqueue(next);
                }
            }
        }

        var values = table.Positions.ToDictionary(p => p, p => table[p]);
        var cycle = new List<FigurePosition> { target };
        for (var node = ColumnNode(target); node != RowNode(target);)
        {
            var edge = previous[node];
            cycle.Add(edge);
            node = RowNode(edge) == node ? ColumnNode(edge) : RowNode(edge);
        }

        for (var k = 0; k < cycle.Count; k++)
        {
            var signedChange = (k % 2 == 0 ? step : -step) * Sign(target);
            values[cycle[k]] += signedChange * Sign(cycle[k]);
        }

        return values;
    }

    private static bool IsConsistent(Dictionary<FigurePosition, int> v, int rows, int columns) =>
        Enumerable.Range(0, rows).All(r => Enumerable.Range(0, columns).Sum(c => v[FigurePosition.Cell(r, c)]) == v[FigurePosition.RowTotal(r)])
        && Enumerable.Range(0, columns).All(c => Enumerable.Range(0, rows).Sum(r => v[FigurePosition.Cell(r, c)]) == v[FigurePosition.ColumnTotal(c)])
        && Enumerable.Range(0, rows).Sum(r => v[FigurePosition.RowTotal(r)]) == v[FigurePosition.GrandTotal]
        && Enumerable.Range(0, columns).Sum(c => v[FigurePosition.ColumnTotal(c)]) == v[FigurePosition.GrandTotal];

    [Fact]
    public void Tables_of_the_largest_report_size_15_by_10_leave_nothing_recoverable()
    {
        // Timings are for the report benchmark, not for a pass/fail test.
        var random = new Random(15);
        for (var i = 0; i < 100; i++)
        {
            var table = RandomTables.Next(random, 15, 10, zeroShare: random.NextDouble() * 0.3, smallShare: random.NextDouble() * 0.6);

            var result = SmallCellSuppression.Apply(table);

            Assert.Empty(RecoverabilityCheck.RecoverablePositions(result));
        }
    }
}
