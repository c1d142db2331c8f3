using System.Collections.ObjectModel;

namespace CaseManagement.Domain.Reports;

/// <summary>
/// Where a figure sits in a <see cref="FigureTable"/>: an interior cell, a row total
/// (<see cref="Column"/> is null: "all columns"), a column total (<see cref="Row"/> is null) or
/// the grand total (both null).
/// </summary>
public readonly record struct FigurePosition(int? Row, int? Column)
{
    public static FigurePosition Cell(int row, int column) => new(row, column);

    public static FigurePosition RowTotal(int row) => new(row, null);

    public static FigurePosition ColumnTotal(int column) => new(null, column);

    public static FigurePosition GrandTotal => new(null, null);

    public bool IsCell => Row is not null && Column is not null;

    public override string ToString() => (Row, Column) switch
    {
        (int r, int c) => $"cell ({r}, {c})",
        (int r, null) => $"row total {r}",
        (null, int c) => $"column total {c}",
        _ => "grand total",
    };
}

/// <summary>
/// A table of counts of people for the steering report (Lenkungsrunde): row and column labels and
/// non-negative counts; row totals, column totals and the grand total are derived from the cells.
/// A single row or a single column is a table too. Immutable.
/// </summary>
/// <remarks>
/// Positions are ordered as the table is read: row by row, each row's cells followed by its row
/// total, and last the row of column totals ending with the grand total (<see cref="Positions"/>).
/// </remarks>
public sealed class FigureTable
{
    private readonly int[,] _counts;
    private readonly int[] _rowTotals;
    private readonly int[] _columnTotals;

    /// <param name="title">Shown above the table, e.g. "Klient:innen nach Altersgruppe und Geschlecht".</param>
    /// <param name="rowHeader">Heads the column of row labels, e.g. "Altersgruppe".</param>
    /// <param name="counts">Indexed [row, column]; copied.</param>
    public FigureTable(string title, string rowHeader, IEnumerable<string> rowLabels, IEnumerable<string> columnLabels, int[,] counts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(rowHeader);
        ArgumentNullException.ThrowIfNull(counts);
        Title = title;
        RowHeader = rowHeader;
        RowLabels = CheckedLabels(rowLabels, nameof(rowLabels));
        ColumnLabels = CheckedLabels(columnLabels, nameof(columnLabels));
        if (counts.GetLength(0) != RowLabels.Count || counts.GetLength(1) != ColumnLabels.Count)
        {
            throw new ArgumentException(
                $"Counts are {counts.GetLength(0)} × {counts.GetLength(1)}, labels {RowLabels.Count} × {ColumnLabels.Count}.", nameof(counts));
        }

        _counts = (int[,])counts.Clone();
        _rowTotals = new int[RowCount];
        _columnTotals = new int[ColumnCount];
        for (var row = 0; row < RowCount; row++)
        {
            for (var column = 0; column < ColumnCount; column++)
            {
                var count = _counts[row, column];
                if (count < 0)
                {
                    throw new ArgumentException($"Count at ({row}, {column}) is negative: {count}.", nameof(counts));
                }

                _rowTotals[row] = checked(_rowTotals[row] + count);
                _columnTotals[column] = checked(_columnTotals[column] + count);
                GrandTotal = checked(GrandTotal + count);
            }
        }
    }

    public string Title { get; }

    public string RowHeader { get; }

    public IReadOnlyList<string> RowLabels { get; }

    public IReadOnlyList<string> ColumnLabels { get; }

    public int RowCount => RowLabels.Count;

    public int ColumnCount => ColumnLabels.Count;

    public int GrandTotal { get; }

    public int Count(int row, int column) => _counts[row, column];

    public int RowTotal(int row) => _rowTotals[row];

    public int ColumnTotal(int column) => _columnTotals[column];

    /// <summary>The value of any cell or total.</summary>
    public int this[FigurePosition position]
    {
        get
        {
            CheckInRange(position, RowCount, ColumnCount);
            return position switch
            {
                (int r, int c) => _counts[r, c],
                (int r, null) => _rowTotals[r],
                (null, int c) => _columnTotals[c],
                _ => GrandTotal,
            };
        }
    }

    /// <summary>Every cell and total in reading order (see the remarks on the type).</summary>
    public IEnumerable<FigurePosition> Positions => PositionsInReadingOrder(RowCount, ColumnCount);

    /// <summary>
    /// Builds a table from counts by key, e.g. the result of a GROUP BY. Rows and columns appear in
    /// the order of the labels given, whether or not they have counts; missing keys count 0 and a
    /// key given twice counts the sum.
    /// </summary>
    /// <exception cref="ArgumentException">A key names a label not in the lists.</exception>
    public static FigureTable FromCounts(
        string title,
        string rowHeader,
        IEnumerable<string> rowLabels,
        IEnumerable<string> columnLabels,
        IEnumerable<(string Row, string Column, int Count)> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var rows = CheckedLabels(rowLabels, nameof(rowLabels));
        var columns = CheckedLabels(columnLabels, nameof(columnLabels));
        var rowIndex = IndexOf(rows);
        var columnIndex = IndexOf(columns);
        var grid = new int[rows.Count, columns.Count];
        foreach (var (row, column, count) in counts)
        {
            if (!rowIndex.TryGetValue(row, out var r))
            {
                throw new ArgumentException($"Row '{row}' is not among the row labels.", nameof(counts));
            }

            if (!columnIndex.TryGetValue(column, out var c))
            {
                throw new ArgumentException($"Column '{column}' is not among the column labels.", nameof(counts));
            }

            grid[r, c] = checked(grid[r, c] + count);
        }

        return new FigureTable(title, rowHeader, rows, columns, grid);
    }

    /// <summary>A one-column table (one count per row label), e.g. clients by age group.</summary>
    /// <param name="columnLabel">Heads the single column of counts, e.g. "Anzahl".</param>
    public static FigureTable FromCounts(
        string title,
        string rowHeader,
        IEnumerable<string> rowLabels,
        string columnLabel,
        IEnumerable<(string Row, int Count)> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return FromCounts(title, rowHeader, rowLabels, [columnLabel], counts.Select(c => (c.Row, columnLabel, c.Count)));
    }

    internal static IEnumerable<FigurePosition> PositionsInReadingOrder(int rowCount, int columnCount)
    {
        for (var row = 0; row <= rowCount; row++)
        {
            for (var column = 0; column <= columnCount; column++)
            {
                yield return new FigurePosition(row < rowCount ? row : null, column < columnCount ? column : null);
            }
        }
    }

    internal static void CheckInRange(FigurePosition position, int rowCount, int columnCount)
    {
        if (position.Row is < 0 || position.Row >= rowCount || position.Column is < 0 || position.Column >= columnCount)
        {
            throw new ArgumentOutOfRangeException(nameof(position), position, $"Outside a {rowCount} × {columnCount} table.");
        }
    }

    private static ReadOnlyCollection<string> CheckedLabels(IEnumerable<string> labels, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(labels, parameterName);
        var list = labels.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A table needs at least one row and one column.", parameterName);
        }

        if (list.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Labels must not be empty.", parameterName);
        }

        var duplicate = list.GroupBy(l => l, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Label '{duplicate.Key}' appears more than once.", parameterName);
        }

        return list.AsReadOnly();
    }

    private static Dictionary<string, int> IndexOf(IReadOnlyList<string> labels) =>
        labels.Select((label, index) => (label, index)).ToDictionary(x => x.label, x => x.index, StringComparer.Ordinal);
}
