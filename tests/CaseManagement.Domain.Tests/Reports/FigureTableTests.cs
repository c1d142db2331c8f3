using CaseManagement.Domain.Reports;

namespace CaseManagement.Domain.Tests.Reports;

public class FigureTableTests
{
    [Fact]
    public void Totals_are_derived_from_the_cells()
    {
        var table = new FigureTable("T", "Altersgruppe", ["jung", "alt"], ["w", "m", "d"], new[,] { { 1, 2, 3 }, { 10, 20, 0 } });

        Assert.Equal(6, table.RowTotal(0));
        Assert.Equal(30, table.RowTotal(1));
        Assert.Equal([11, 22, 3], Enumerable.Range(0, 3).Select(table.ColumnTotal));
        Assert.Equal(36, table.GrandTotal);
        Assert.Equal(36, table[FigurePosition.GrandTotal]);
        Assert.Equal(30, table[FigurePosition.RowTotal(1)]);
        Assert.Equal(22, table[FigurePosition.ColumnTotal(1)]);
        Assert.Equal(20, table[FigurePosition.Cell(1, 1)]);
    }

    [Fact]
    public void Positions_run_row_by_row_with_the_row_total_last_then_the_column_totals()
    {
        var table = new FigureTable("T", "R", ["a"], ["x", "y"], new[,] { { 1, 2 } });

        Assert.Equal(
            [FigurePosition.Cell(0, 0), FigurePosition.Cell(0, 1), FigurePosition.RowTotal(0),
             FigurePosition.ColumnTotal(0), FigurePosition.ColumnTotal(1), FigurePosition.GrandTotal],
            table.Positions);
    }

    [Fact]
    public void From_counts_keeps_the_label_order_fills_missing_keys_with_zero_and_adds_repeated_keys()
    {
        var table = FigureTable.FromCounts(
            "Vermittlungen nach Art des Partners und Stand",
            "Art des Partners",
            ["Entgiftung", "Reha", "Beratung"],
            ["angefragt", "aufgenommen"],
            [("Reha", "aufgenommen", 4), ("Entgiftung", "angefragt", 7), ("Reha", "aufgenommen", 2)]);

        Assert.Equal(["Entgiftung", "Reha", "Beratung"], table.RowLabels);
        Assert.Equal(["angefragt", "aufgenommen"], table.ColumnLabels);
        Assert.Equal(7, table.Count(0, 0));
        Assert.Equal(0, table.Count(0, 1));
        Assert.Equal(6, table.Count(1, 1));
        Assert.Equal(0, table.RowTotal(2));
        Assert.Equal(13, table.GrandTotal);
    }

    [Fact]
    public void A_single_column_table_has_column_total_equal_to_the_grand_total()
    {
        var table = FigureTable.FromCounts("Alter", "Altersgruppe", ["unter 18", "18–24", "25+"], "Anzahl", [("18–24", 12), ("25+", 40)]);

        Assert.Equal(1, table.ColumnCount);
        Assert.Equal("Anzahl", table.ColumnLabels[0]);
        Assert.Equal([0, 12, 40], Enumerable.Range(0, 3).Select(table.RowTotal));
        Assert.Equal(52, table.ColumnTotal(0));
        Assert.Equal(52, table.GrandTotal);
    }

    [Fact]
    public void Unknown_labels_negative_counts_and_mismatched_shapes_are_refused()
    {
        Assert.Throws<ArgumentException>(() => FigureTable.FromCounts("T", "R", ["a"], ["x"], [("b", "x", 1)]));
        Assert.Throws<ArgumentException>(() => FigureTable.FromCounts("T", "R", ["a"], ["x"], [("a", "y", 1)]));
        Assert.Throws<ArgumentException>(() => new FigureTable("T", "R", ["a"], ["x"], new[,] { { -1 } }));
        Assert.Throws<ArgumentException>(() => new FigureTable("T", "R", ["a", "b"], ["x"], new[,] { { 1 } }));
        Assert.Throws<ArgumentException>(() => new FigureTable("T", "R", [], ["x"], new int[0, 1]));
        Assert.Throws<ArgumentException>(() => new FigureTable("T", "R", ["a", "a"], ["x"], new[,] { { 1 }, { 2 } }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FigureTable("T", "R", ["a"], ["x"], new[,] { { 1 } })[FigurePosition.Cell(1, 0)]);
    }

    [Fact]
    public void The_table_does_not_change_when_the_array_it_was_built_from_does()
    {
        var counts = new[,] { { 3 } };
        var table = new FigureTable("T", "R", ["a"], ["x"], counts);
        counts[0, 0] = 99;

        Assert.Equal(3, table.Count(0, 0));
        Assert.Equal(3, table.GrandTotal);
    }
}
