namespace CaseManagement.Domain.Reports;

/// <summary>
/// How many different people stand behind each figure of a <see cref="FigureTable"/> whose figures
/// count events (appointments, referrals, goals, case episodes) rather than people. The small-cell
/// rule is about people: seven appointments of two people describe two people, so that figure is
/// small although it reads 7 (see <see cref="SmallCellSuppression.Apply(FigureTable, PeopleCounts, int)"/>).
/// </summary>
/// <remarks>
/// <para>
/// Cells carry the number of people: exact while it is below the threshold, otherwise any number
/// from the threshold up to the truth (the steering report proves "at least 5" more cheaply than it
/// counts exactly). Each anonymous contact counts as one person of its own, because nobody can tell
/// whether two of them were the same person.
/// </para>
/// <para>
/// Totals are not sums: one person with an appointment of two kinds is one person in the row of
/// each kind but still one person in the total. Their exact counts would need one more query per
/// line, so a total is given the largest count of people among its cells: a lower bound of the
/// truth (everybody behind a cell is behind its total). Judging a total by that bound can only make
/// it count as small when it is not, never the other way round: it errs towards hiding a figure.
/// </para>
/// </remarks>
public sealed class PeopleCounts
{
    private readonly int[,] _cells;
    private readonly int[] _rowBounds;
    private readonly int[] _columnBounds;
    private readonly int _grandBound;

    /// <param name="cells">People per cell (see the remarks), indexed [row, column] like the table's counts; copied.</param>
    public PeopleCounts(int[,] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        _cells = (int[,])cells.Clone();
        RowCount = cells.GetLength(0);
        ColumnCount = cells.GetLength(1);
        _rowBounds = new int[RowCount];
        _columnBounds = new int[ColumnCount];
        for (var row = 0; row < RowCount; row++)
        {
            for (var column = 0; column < ColumnCount; column++)
            {
                var people = _cells[row, column];
                if (people < 0)
                {
                    throw new ArgumentException($"People at ({row}, {column}) are negative: {people}.", nameof(cells));
                }

                _rowBounds[row] = Math.Max(_rowBounds[row], people);
                _columnBounds[column] = Math.Max(_columnBounds[column], people);
                _grandBound = Math.Max(_grandBound, people);
            }
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
            return position switch
            {
                (int r, int c) => _cells[r, c],
                (int r, null) => _rowBounds[r],
                (null, int c) => _columnBounds[c],
                _ => _grandBound,
            };
        }
    }

    /// <summary>Throws unless these counts can belong to <paramref name="table"/>: same shape, at least one person behind every non-zero cell, never more people than events.</summary>
    internal void CheckAgainst(FigureTable table)
    {
        if (table.RowCount != RowCount || table.ColumnCount != ColumnCount)
        {
            throw new ArgumentException($"People are counted for {RowCount} × {ColumnCount} cells, the table has {table.RowCount} × {table.ColumnCount}.");
        }

        for (var row = 0; row < RowCount; row++)
        {
            for (var column = 0; column < ColumnCount; column++)
            {
                var events = table.Count(row, column);
                var people = _cells[row, column];
                if (people > events || (events > 0 && people == 0))
                {
                    throw new ArgumentException($"Cell ({row}, {column}) counts {events} event(s) of {people} people: every event has one person and every person at least one event.");
                }
            }
        }
    }
}
