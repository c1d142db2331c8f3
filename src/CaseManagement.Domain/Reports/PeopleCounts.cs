namespace CaseManagement.Domain.Reports;

/// <summary>
/// How many different people stand behind each figure of a <see cref="FigureTable"/> whose figures
/// count events (appointments, referrals, goals, case episodes) rather than people. The small-cell
/// rule is about people: seven appointments of two people describe two people
/// (<see cref="CellKeyPerturbation.Publish(int, int, uint)"/>).
/// </summary>
/// <remarks>
/// Every figure carries its own count, totals included: one person with appointments of two kinds
/// is one person in the row of each kind and still one person in the total. A count is exact below
/// <see cref="CellKeyPerturbation.ExactPeopleBelow"/>; from there on it may be any number from that
/// bound up to the truth (the steering report proves "many" more cheaply than it counts exactly).
/// Each anonymous contact counts as one person of its own, because nobody can tell whether two of
/// them were the same person.
/// </remarks>
public sealed class PeopleCounts
{
    private readonly int[,] _grid;

    /// <param name="cells">People per cell, indexed [row, column] like the table's counts.</param>
    /// <param name="rowTotals">People behind each row total (not the sum of the row's cells).</param>
    /// <param name="columnTotals">People behind each column total.</param>
    /// <param name="grandTotal">People behind the grand total.</param>
    public PeopleCounts(int[,] cells, IReadOnlyList<int> rowTotals, IReadOnlyList<int> columnTotals, int grandTotal)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(rowTotals);
        ArgumentNullException.ThrowIfNull(columnTotals);
        RowCount = cells.GetLength(0);
        ColumnCount = cells.GetLength(1);
        if (rowTotals.Count != RowCount || columnTotals.Count != ColumnCount)
        {
            throw new ArgumentException($"{rowTotals.Count} row and {columnTotals.Count} column totals for {RowCount} × {ColumnCount} cells.");
        }

        _grid = new int[RowCount + 1, ColumnCount + 1];
        foreach (var position in FigureTable.PositionsInReadingOrder(RowCount, ColumnCount))
        {
            var people = position switch
            {
                (int r, int c) => cells[r, c],
                (int r, null) => rowTotals[r],
                (null, int c) => columnTotals[c],
                _ => grandTotal,
            };
            ArgumentOutOfRangeException.ThrowIfNegative(people);
            _grid[position.Row ?? RowCount, position.Column ?? ColumnCount] = people;
        }
    }

    public int RowCount { get; }

    public int ColumnCount { get; }

    /// <summary>The people behind a cell or a total, as the remarks describe them.</summary>
    public int this[FigurePosition position]
    {
        get
        {
            FigureTable.CheckInRange(position, RowCount, ColumnCount);
            return _grid[position.Row ?? RowCount, position.Column ?? ColumnCount];
        }
    }

    /// <summary>Throws unless these counts can belong to <paramref name="table"/>: same shape, at least one person behind every non-zero figure, never more people than events.</summary>
    internal void CheckAgainst(FigureTable table)
    {
        if (table.RowCount != RowCount || table.ColumnCount != ColumnCount)
        {
            throw new ArgumentException($"People are counted for {RowCount} × {ColumnCount} cells, the table has {table.RowCount} × {table.ColumnCount}.");
        }

        foreach (var position in table.Positions)
        {
            var events = table[position];
            var people = this[position];
            if (people > events || (events > 0 && people == 0))
            {
                throw new ArgumentException($"{position} counts {events} event(s) of {people} people: every event has one person and every person at least one event.");
            }
        }
    }
}
