namespace CaseManagement.Domain.Reports;

/// <summary>
/// The cell keys of a <see cref="FigureTable"/> (see <see cref="ReportKeys"/>): given per cell; a total's
/// key is the sum of its cells' keys modulo 2³², since its records are theirs put together.
/// </summary>
public sealed class CellKeys
{
    private readonly uint[,] _cells;

    /// <param name="cells">Indexed [row, column] like the table's counts; copied. An empty cell's key is 0.</param>
    public CellKeys(uint[,] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        _cells = (uint[,])cells.Clone();
    }

    public int RowCount => _cells.GetLength(0);

    public int ColumnCount => _cells.GetLength(1);

    public uint this[FigurePosition position]
    {
        get
        {
            FigureTable.CheckInRange(position, RowCount, ColumnCount);
            var rows = position.Row is int r ? [r] : Enumerable.Range(0, RowCount);
            var columns = position.Column is int c ? [c] : Enumerable.Range(0, ColumnCount);
            return ReportKeys.Combine(rows.SelectMany(row => columns.Select(column => _cells[row, column])));
        }
    }

    internal void CheckAgainst(FigureTable table)
    {
        if (table.RowCount != RowCount || table.ColumnCount != ColumnCount)
        {
            throw new ArgumentException($"Keys are given for {RowCount} × {ColumnCount} cells, the table has {table.RowCount} × {table.ColumnCount}.");
        }
    }
}
