namespace CaseManagement.Domain.Reports;

/// <summary>
/// Decides exactly which suppressed figures of a table a reader could work out from the published
/// ones: the oracle that <see cref="SmallCellSuppression"/> runs until nothing is recoverable, and
/// that tests use to check its results.
/// </summary>
/// <remarks>
/// <para>
/// The reader knows every published figure and the additive relations of the table: each row's
/// cells sum to its row total, each column's cells to its column total, and the row totals as well
/// as the column totals sum to the grand total. Putting the published figures on the right-hand
/// side leaves a linear system A·u = b over the suppressed figures u. Its solutions are
/// u₀ + null(A), so a suppressed figure uₖ is the same in every solution (recoverable) exactly when
/// every vector of null(A) is 0 at k, i.e. when the unit vector eₖ lies in the row space of A.
/// </para>
/// <para>
/// That is decided by Gauss–Jordan elimination in exact integer arithmetic (rows are scaled instead
/// of divided, then shortened by their gcd; overflow throws rather than giving a wrong answer). In
/// the reduced form every pivot column is zero outside its pivot row, so a vector of the row space
/// is fixed by its entries in the pivot columns: eₖ is in the row space exactly when k is a pivot
/// column and its pivot row has no other non-zero entry.
/// </para>
/// <para>
/// The right-hand side is never needed: whether a figure is determined depends only on which
/// figures are suppressed, not on their values. Only linear equalities are considered; bounds a
/// reader may add (counts are non-negative, "&lt; 5" means 1–4) are not, see
/// <see cref="SmallCellSuppression"/>.
/// </para>
/// </remarks>
public static class RecoverabilityCheck
{
    /// <summary>The suppressed figures of <paramref name="table"/> that the published ones determine, in reading order.</summary>
    public static IReadOnlyList<FigurePosition> RecoverablePositions(SuppressedTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return RecoverablePositions(table.RowCount, table.ColumnCount, table.SuppressedPositions);
    }

    /// <summary>
    /// The positions among <paramref name="suppressed"/> whose values are uniquely determined by
    /// the values at all other positions of a <paramref name="rowCount"/> × <paramref name="columnCount"/>
    /// table with totals, in reading order. Empty when the suppression is safe.
    /// </summary>
    public static IReadOnlyList<FigurePosition> RecoverablePositions(int rowCount, int columnCount, IEnumerable<FigurePosition> suppressed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rowCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columnCount);
        ArgumentNullException.ThrowIfNull(suppressed);

        var unknowns = suppressed.Distinct().ToList();
        foreach (var position in unknowns)
        {
            FigureTable.CheckInRange(position, rowCount, columnCount);
        }

        var unknownIndex = new Dictionary<FigurePosition, int>();
        foreach (var position in unknowns)
        {
            unknownIndex[position] = unknownIndex.Count;
        }

        var matrix = Relations(rowCount, columnCount, unknownIndex);
        var pivotRowOfColumn = ReduceInPlace(matrix, unknownIndex.Count);

        var recoverable = new HashSet<FigurePosition>();
        foreach (var (position, column) in unknownIndex)
        {
            if (pivotRowOfColumn[column] is int pivotRow && CountNonZero(matrix[pivotRow]) == 1)
            {
                recoverable.Add(position);
            }
        }

        return FigureTable.PositionsInReadingOrder(rowCount, columnCount).Where(recoverable.Contains).ToList();
    }

    /// <summary>
    /// One row per relation "sum of parts − whole = 0", restricted to the suppressed figures
    /// (the published ones only move the right-hand side, which is not needed).
    /// </summary>
    private static List<long[]> Relations(int rowCount, int columnCount, Dictionary<FigurePosition, int> unknownIndex)
    {
        var relations = new List<long[]>();

        void Add(IEnumerable<FigurePosition> parts, FigurePosition whole)
        {
            var relation = new long[unknownIndex.Count];
            foreach (var part in parts)
            {
                if (unknownIndex.TryGetValue(part, out var i))
                {
                    relation[i] += 1;
                }
            }

            if (unknownIndex.TryGetValue(whole, out var w))
            {
                relation[w] -= 1;
            }

            relations.Add(relation);
        }

        var rows = Enumerable.Range(0, rowCount).ToList();
        var columns = Enumerable.Range(0, columnCount).ToList();
        foreach (var row in rows)
        {
            Add(columns.Select(c => FigurePosition.Cell(row, c)), FigurePosition.RowTotal(row));
        }

        foreach (var column in columns)
        {
            Add(rows.Select(r => FigurePosition.Cell(r, column)), FigurePosition.ColumnTotal(column));
        }

        Add(rows.Select(FigurePosition.RowTotal), FigurePosition.GrandTotal);
        Add(columns.Select(FigurePosition.ColumnTotal), FigurePosition.GrandTotal);
        return relations;
    }

    /// <summary>Gauss–Jordan elimination without division; returns, per column, its pivot row or null.</summary>
    private static int?[] ReduceInPlace(List<long[]> matrix, int columnCount)
    {
        var pivotRowOfColumn = new int?[columnCount];
        var nextPivotRow = 0;
        for (var column = 0; column < columnCount && nextPivotRow < matrix.Count; column++)
        {
            var found = matrix.FindIndex(nextPivotRow, r => r[column] != 0);
            if (found < 0)
            {
                continue;
            }

            (matrix[nextPivotRow], matrix[found]) = (matrix[found], matrix[nextPivotRow]);
            var pivot = matrix[nextPivotRow];
            for (var r = 0; r < matrix.Count; r++)
            {
                var row = matrix[r];
                if (r == nextPivotRow || row[column] == 0)
                {
                    continue;
                }

                var factor = row[column];
                for (var c = 0; c < columnCount; c++)
                {
                    row[c] = checked((row[c] * pivot[column]) - (pivot[c] * factor));
                }

                DivideByGcd(row);
            }

            pivotRowOfColumn[column] = nextPivotRow;
            nextPivotRow++;
        }

        return pivotRowOfColumn;
    }

    private static void DivideByGcd(long[] row)
    {
        long gcd = 0;
        foreach (var value in row)
        {
            gcd = Gcd(gcd, Math.Abs(value));
            if (gcd == 1)
            {
                return;
            }
        }

        if (gcd > 1)
        {
            for (var c = 0; c < row.Length; c++)
            {
                row[c] /= gcd;
            }
        }
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    private static int CountNonZero(long[] row) => row.Count(v => v != 0);
}
