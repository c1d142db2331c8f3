namespace CaseManagement.Domain.Reports;

/// <summary>One figure as it may be published: 0, a number of at least 5, or hidden ("•").</summary>
public readonly record struct PublishedFigure
{
    private PublishedFigure(int? value) => Value = value;

    /// <summary>The number to print; null when the figure is hidden.</summary>
    public int? Value { get; }

    public bool IsHidden => Value is null;

    public static PublishedFigure Zero => new(0);

    public static PublishedFigure Hidden => new(null);

    /// <summary>A perturbed count; never 1 to 4, which would be a small figure shown after all.</summary>
    public static PublishedFigure Number(int value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, CellKeyPerturbation.SmallestShown);
        return new(value);
    }
}

/// <summary>
/// A <see cref="FigureTable"/> made safe to publish by <see cref="CellKeyPerturbation"/>. It holds only
/// what may be shown: perturbed numbers, zeros and hidden marks, never a true count, so nothing
/// downstream (page, CSV, PDF) can print one by mistake.
/// </summary>
public sealed class PublishedTable
{
    private readonly PublishedFigure[,] _grid;

    internal PublishedTable(FigureTable source, Func<FigurePosition, PublishedFigure> publish)
    {
        Title = source.Title;
        RowHeader = source.RowHeader;
        RowLabels = source.RowLabels;
        ColumnLabels = source.ColumnLabels;
        _grid = new PublishedFigure[RowCount + 1, ColumnCount + 1];
        foreach (var position in Positions)
        {
            _grid[position.Row ?? RowCount, position.Column ?? ColumnCount] = publish(position);
        }
    }

    public string Title { get; }

    public string RowHeader { get; }

    public IReadOnlyList<string> RowLabels { get; }

    public IReadOnlyList<string> ColumnLabels { get; }

    public int RowCount => RowLabels.Count;

    public int ColumnCount => ColumnLabels.Count;

    public PublishedFigure GrandTotal => _grid[RowCount, ColumnCount];

    public bool HasHiddenFigures => Positions.Any(p => this[p].IsHidden);

    /// <summary>Every cell and total in reading order: row by row with the row total last, then the column totals and the grand total.</summary>
    public IEnumerable<FigurePosition> Positions => FigureTable.PositionsInReadingOrder(RowCount, ColumnCount);

    public PublishedFigure this[FigurePosition position]
    {
        get
        {
            FigureTable.CheckInRange(position, RowCount, ColumnCount);
            return _grid[position.Row ?? RowCount, position.Column ?? ColumnCount];
        }
    }

    public PublishedFigure Cell(int row, int column) => this[FigurePosition.Cell(row, column)];

    public PublishedFigure RowTotal(int row) => this[FigurePosition.RowTotal(row)];

    public PublishedFigure ColumnTotal(int column) => this[FigurePosition.ColumnTotal(column)];
}
