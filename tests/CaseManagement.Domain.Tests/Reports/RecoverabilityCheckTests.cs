using CaseManagement.Domain.Reports;

namespace CaseManagement.Domain.Tests.Reports;

public class RecoverabilityCheckTests
{
    private static IReadOnlyList<FigurePosition> Recoverable(int rows, int columns, params FigurePosition[] suppressed) =>
        RecoverabilityCheck.RecoverablePositions(rows, columns, suppressed);

    [Fact]
    public void A_single_suppressed_cell_in_a_row_with_its_total_published_is_recoverable()
    {
        Assert.Equal([FigurePosition.Cell(0, 0)], Recoverable(2, 2, FigurePosition.Cell(0, 0)));
    }

    [Fact]
    public void A_suppressed_row_total_with_all_its_cells_published_is_recoverable()
    {
        Assert.Equal([FigurePosition.RowTotal(1)], Recoverable(3, 2, FigurePosition.RowTotal(1)));
    }

    [Fact]
    public void A_suppressed_grand_total_alone_is_recoverable()
    {
        Assert.Equal([FigurePosition.GrandTotal], Recoverable(2, 3, FigurePosition.GrandTotal));
    }

    [Fact]
    public void Two_suppressed_cells_in_one_row_are_recoverable_through_their_columns()
    {
        Assert.Equal(
            [FigurePosition.Cell(0, 0), FigurePosition.Cell(0, 1)],
            Recoverable(2, 2, FigurePosition.Cell(0, 0), FigurePosition.Cell(0, 1)));
    }

    [Fact]
    public void A_rectangle_of_suppressed_cells_is_safe()
    {
        Assert.Empty(Recoverable(
            3, 3,
            FigurePosition.Cell(0, 0), FigurePosition.Cell(0, 2), FigurePosition.Cell(2, 0), FigurePosition.Cell(2, 2)));
    }

    [Fact]
    public void A_cell_with_its_row_total_column_total_and_grand_total_is_safe()
    {
        Assert.Empty(Recoverable(
            2, 2,
            FigurePosition.Cell(1, 1), FigurePosition.RowTotal(1), FigurePosition.ColumnTotal(1), FigurePosition.GrandTotal));
    }

    [Fact]
    public void A_cell_hanging_off_a_safe_rectangle_is_recoverable_and_the_rectangle_stays_safe()
    {
        Assert.Equal(
            [FigurePosition.Cell(2, 0)],
            Recoverable(
                3, 3,
                FigurePosition.Cell(0, 0), FigurePosition.Cell(0, 1), FigurePosition.Cell(1, 0), FigurePosition.Cell(1, 1),
                FigurePosition.Cell(2, 0)));
    }

    [Fact]
    public void A_cell_that_bridges_two_safe_rectangles_is_recoverable()
    {
        // Rectangle rows 0–1 × columns 0–1, rectangle rows 2–3 × columns 2–3, and (1, 2) joining
        // them. Rows 0–1 minus columns 0–1: the rectangle cancels and (1, 2) is left alone with
        // published figures.
        var rectangles = new[]
        {
            FigurePosition.Cell(0, 0), FigurePosition.Cell(0, 1), FigurePosition.Cell(1, 0), FigurePosition.Cell(1, 1),
            FigurePosition.Cell(2, 2), FigurePosition.Cell(2, 3), FigurePosition.Cell(3, 2), FigurePosition.Cell(3, 3),
        };

        Assert.Equal([FigurePosition.Cell(1, 2)], Recoverable(4, 4, [.. rectangles, FigurePosition.Cell(1, 2)]));
        Assert.Empty(Recoverable(4, 4, rectangles));
    }

    [Fact]
    public void In_a_single_column_two_suppressed_rows_with_their_totals_are_safe_but_one_row_is_not()
    {
        Assert.Equal(
            [FigurePosition.Cell(0, 0), FigurePosition.RowTotal(0)],
            Recoverable(3, 1, FigurePosition.Cell(0, 0), FigurePosition.RowTotal(0)));
        Assert.Empty(Recoverable(
            3, 1,
            FigurePosition.Cell(0, 0), FigurePosition.RowTotal(0), FigurePosition.Cell(2, 0), FigurePosition.RowTotal(2)));
    }

    [Fact]
    public void Nothing_suppressed_means_nothing_to_recover_and_positions_outside_the_table_are_refused()
    {
        Assert.Empty(Recoverable(3, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Recoverable(2, 2, FigurePosition.Cell(2, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Recoverable(2, 2, FigurePosition.RowTotal(-1)));
    }

    [Fact]
    public void The_check_agrees_with_an_independent_graph_argument_on_random_patterns()
    {
        // Graph view: lines of the table with totals are nodes, each figure the edge between its
        // row line and its column line. A suppressed figure is determined exactly when it is a
        // bridge of the graph of suppressed figures (see SmallCellSuppression's remarks).
        var random = new Random(6);
        for (var i = 0; i < 2000; i++)
        {
            var rows = random.Next(1, 7);
            var columns = random.Next(1, 6);
            var share = random.NextDouble();
            var suppressed = InReadingOrder(rows, columns).Where(_ => random.NextDouble() < share).ToList();

            var expected = suppressed.Where(p => IsBridge(p, suppressed, rows, columns)).ToList();

            Assert.Equal(expected, RecoverabilityCheck.RecoverablePositions(rows, columns, suppressed));
        }
    }

    private static IEnumerable<FigurePosition> InReadingOrder(int rows, int columns) =>
        from r in Enumerable.Range(0, rows + 1)
        from c in Enumerable.Range(0, columns + 1)
        select new FigurePosition(r < rows ? r : null, c < columns ? c : null);

    private static bool IsBridge(FigurePosition edge, List<FigurePosition> suppressed, int rows, int columns)
    {
        static (int From, int To) Ends(FigurePosition p, int rows, int columns) =>
            (p.Row ?? rows, rows + 1 + (p.Column ?? columns));

        var others = suppressed.Where(p => p != edge).Select(p => Ends(p, rows, columns)).ToList();
        var (start, goal) = Ends(edge, rows, columns);
        var reached = new HashSet<int> { start };
        var queue = new Queue<int>([start]);
        while (queue.TryDequeue(out var node))
        {
            foreach (var (a, b) in others)
            {
                var next = a == node ? b : b == node ? a : -1;
                if (next >= 0 && reached.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return !reached.Contains(goal);
    }
}
