namespace CaseManagement.Domain.Reports;

/// <summary>Why a figure is not shown.</summary>
public enum SuppressionKind
{
    /// <summary>Shown.</summary>
    None,

    /// <summary>It describes fewer people than the threshold (but at least one).</summary>
    Primary,

    /// <summary>It would let a reader work out a primary-suppressed figure from the totals.</summary>
    Complementary,
}

/// <summary>One figure as it may be published: its value, or no value and why.</summary>
public readonly record struct Figure
{
    private readonly int _value;

    private Figure(int value, SuppressionKind suppression)
    {
        _value = value;
        Suppression = suppression;
    }

    /// <summary>The number to show; null when suppressed.</summary>
    public int? Value => IsSuppressed ? null : _value;

    public SuppressionKind Suppression { get; }

    public bool IsSuppressed => Suppression != SuppressionKind.None;

    public static Figure Published(int value) => new(value, SuppressionKind.None);

    public static Figure Suppressed(SuppressionKind why)
    {
        if (why == SuppressionKind.None)
        {
            throw new ArgumentOutOfRangeException(nameof(why), why, "A suppressed figure needs a reason.");
        }

        return new(0, why);
    }
}

/// <summary>
/// A <see cref="FigureTable"/> made safe to publish by <see cref="SmallCellSuppression.Apply"/>.
/// It holds only what may be shown: suppressed figures carry no value at all, so nothing
/// downstream (UI, CSV, PDF) can print one by mistake.
/// </summary>
public sealed class SuppressedTable
{
    private readonly Figure[,] _grid;

    /// <param name="grid">[rowCount + 1, columnCount + 1]: the last row holds the column totals, the last column the row totals.</param>
    internal SuppressedTable(FigureTable source, int threshold, Figure[,] grid)
    {
        Title = source.Title;
        RowHeader = source.RowHeader;
        RowLabels = source.RowLabels;
        ColumnLabels = source.ColumnLabels;
        Threshold = threshold;
        _grid = grid;
        SuppressedPositions = Positions.Where(p => this[p].IsSuppressed).ToList().AsReadOnly();
    }

    public string Title { get; }

    public string RowHeader { get; }

    public IReadOnlyList<string> RowLabels { get; }

    public IReadOnlyList<string> ColumnLabels { get; }

    public int RowCount => RowLabels.Count;

    public int ColumnCount => ColumnLabels.Count;

    /// <summary>Figures from 1 to <c>Threshold − 1</c> were suppressed; the UI shows "&lt; Threshold".</summary>
    public int Threshold { get; }

    public Figure GrandTotal => _grid[RowCount, ColumnCount];

    /// <summary>Every suppressed figure (primary and complementary) in reading order.</summary>
    public IReadOnlyList<FigurePosition> SuppressedPositions { get; }

    /// <summary>Every cell and total in reading order: row by row with the row total last, then the column totals and the grand total.</summary>
    public IEnumerable<FigurePosition> Positions => FigureTable.PositionsInReadingOrder(RowCount, ColumnCount);

    public Figure this[FigurePosition position]
    {
        get
        {
            FigureTable.CheckInRange(position, RowCount, ColumnCount);
            return _grid[position.Row ?? RowCount, position.Column ?? ColumnCount];
        }
    }

    public Figure Cell(int row, int column) => this[FigurePosition.Cell(row, column)];

    public Figure RowTotal(int row) => this[FigurePosition.RowTotal(row)];

    public Figure ColumnTotal(int column) => this[FigurePosition.ColumnTotal(column)];
}
