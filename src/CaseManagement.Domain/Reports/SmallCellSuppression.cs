namespace CaseManagement.Domain.Reports;

/// <summary>
/// Small-cell suppression for the steering report: no figure that describes fewer than
/// <c>threshold</c> people is shown, and no such figure can be worked out from the others.
/// </summary>
/// <remarks>
/// <para>
/// <b>Primary suppression.</b> Every interior cell, row total, column total and the grand total
/// with a value from 1 to <c>threshold − 1</c>. Totals are figures like any other: a row total of 3
/// names three people as much as a cell of 3 does. For tables that count events rather than
/// people, a non-zero figure is primary when fewer than <c>threshold</c> people stand behind it
/// (<see cref="PeopleCounts"/>).
/// </para>
/// <para>
/// <b>Zero is published.</b> A zero describes nobody, so nobody can be re-identified by it, and
/// suppressing zeros would blank out most of a sparse table. The price, accepted here as by the
/// small-cell rule itself: a zero next to a larger figure can tell something about a whole group
/// ("none of the 12 clients under 18 completed a referral"); that is a statement about a group of at
/// least <c>threshold</c> people, not about a person. Zeros are also never chosen as complementary
/// suppressions (see below for why).
/// </para>
/// <para>
/// <b>Complementary suppression.</b> As long as <see cref="RecoverabilityCheck"/> (exact linear
/// algebra) reports a suppressed figure that the published ones determine, the first such figure
/// in reading order gets company: further published figures are suppressed along the cheapest
/// detour described below, weighing each by its value so that small figures go first (least
/// information lost), ties going to fewer new suppressions and then to the earlier row or column.
/// When nothing is recoverable any more, complementary suppressions are taken back one at a time,
/// largest first, wherever the check stays clean, until each remaining one is needed (publishing
/// any single one of them would make a figure recoverable). The
/// result is deterministic; it is a careful heuristic, not a proven minimum.
/// </para>
/// <para>
/// <b>Why a detour.</b> Write the table with its totals as a grid of (rows + 1) × (columns + 1)
/// entries, negating the totals except the grand total: then every line of that grid sums to
/// zero. Read the grid lines as the nodes of a bipartite graph and each entry as the edge between
/// its row line and its column line; the relations say that the suppressed edges at each node sum
/// to a known number. For a bipartite graph these node relations are, up to signs, those of a flow,
/// whose solutions differ by circulations: so a suppressed figure is undetermined exactly when it
/// lies on a cycle of suppressed edges. The cheapest path between the two ends of a determined
/// figure (not using it) closes such a cycle. One always exists through non-zero figures: a
/// non-zero cell (r, c) lies on the cycle cell – row total r – grand total – column total c, and a
/// non-zero total shares such a cycle with a non-zero cell of its line.
/// </para>
/// <para>
/// <b>What the reader cannot do.</b> Every suppressed figure is at least 1 (zeros are never
/// suppressed). Moving one person around a cycle of suppressed figures (+1 and −1 alternately in
/// the signed grid) keeps all published figures and all relations and keeps every count
/// non-negative. So even a reader who uses that counts are whole, non-negative numbers finds, for
/// every suppressed figure, tables consistent with everything published in which it is one larger
/// and one smaller. Bounds beyond that are not protected against: a reader who is told which
/// figures are primary (1 to threshold − 1) and which are complementary (at least threshold) can
/// in some tables narrow a figure to a single value. Example: the one-row table 1 | 5 shows only
/// its row total and grand total, 6; knowing that the hidden 5 is complementary, hence at least 5,
/// pins the hidden 1. So publish one marker for both kinds; <see cref="SuppressionKind"/> is for
/// checks and internal views.
/// </para>
/// </remarks>
public static class SmallCellSuppression
{
    public const int DefaultThreshold = 5;

    /// <summary>For a table whose figures count people: a figure from 1 to <paramref name="threshold"/> − 1 is small.</summary>
    /// <param name="threshold">Figures from 1 to <paramref name="threshold"/> − 1 are suppressed; 1 suppresses nothing.</param>
    public static SuppressedTable Apply(FigureTable table, int threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Apply(table, position => table[position], threshold);
    }

    /// <summary>
    /// For a table whose figures count events (appointments, referrals, goals, case episodes): a
    /// non-zero figure is small when fewer than <paramref name="threshold"/> different people stand
    /// behind it, however many events it counts. Complementary suppression then works on the
    /// event counts as usual (every suppressed figure is still at least 1, so the guarantees of
    /// the remarks hold unchanged).
    /// </summary>
    /// <param name="people">The people behind each figure; see <see cref="PeopleCounts"/> for how totals are judged.</param>
    public static SuppressedTable Apply(FigureTable table, PeopleCounts people, int threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(people);
        people.CheckAgainst(table);
        return Apply(table, position => people[position], threshold);
    }

    private static SuppressedTable Apply(FigureTable table, Func<FigurePosition, int> peopleAt, int threshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);

        var grid = new Grid(table);
        foreach (var (row, column) in grid.Entries())
        {
            if (grid.Values[row, column] > 0 && peopleAt(grid.PositionOf(row, column)) < threshold)
            {
                grid.Kinds[row, column] = SuppressionKind.Primary;
            }
        }

        for (var recoverable = grid.Recoverable(); recoverable.Count > 0; recoverable = grid.Recoverable())
        {
            var (row, column) = grid.EntryOf(recoverable[0]);
            var detour = grid.CheapestDetour(row, column)
                ?? throw new InvalidOperationException($"No detour around {recoverable[0]}; a non-zero figure always has one.");
            var added = 0;
            foreach (var (r, c) in detour.Where(e => grid.Kinds[e.Row, e.Column] == SuppressionKind.None))
            {
                grid.Kinds[r, c] = SuppressionKind.Complementary;
                added++;
            }

            // Cannot happen while the check and the graph argument agree; without it the loop would not end.
            if (added == 0)
            {
                throw new InvalidOperationException($"{recoverable[0]} lies on a cycle of suppressed figures yet is reported recoverable.");
            }
        }

        TakeBackSuperfluous(grid);
        return new SuppressedTable(table, threshold, grid.Figures());
    }

    // Repeated until a whole pass takes nothing back: a figure that was needed while another was
    // still suppressed may not be needed once that other one is published again.
    private static void TakeBackSuperfluous(Grid grid)
    {
        bool tookBack;
        do
        {
            tookBack = false;
            var complementary = grid.Entries()
                .Where(e => grid.Kinds[e.Row, e.Column] == SuppressionKind.Complementary)
                .OrderByDescending(e => grid.Values[e.Row, e.Column])
                .ToList();
            foreach (var (row, column) in complementary)
            {
                grid.Kinds[row, column] = SuppressionKind.None;
                if (grid.Recoverable().Count > 0)
                {
                    grid.Kinds[row, column] = SuppressionKind.Complementary;
                }
                else
                {
                    tookBack = true;
                }
            }
        }
        while (tookBack);
    }

    /// <summary>
    /// The table with its totals as one grid: row index <c>RowCount</c> holds the column totals,
    /// column index <c>ColumnCount</c> the row totals. Also the bipartite graph of the remarks:
    /// node "row line r" is r, node "column line c" is <c>LineRows + c</c>.
    /// </summary>
    private sealed class Grid
    {
        private readonly FigureTable _table;

        public Grid(FigureTable table)
        {
            _table = table;
            LineRows = table.RowCount + 1;
            LineColumns = table.ColumnCount + 1;
            Values = new int[LineRows, LineColumns];
            Kinds = new SuppressionKind[LineRows, LineColumns];
            foreach (var position in table.Positions)
            {
                var (row, column) = EntryOf(position);
                Values[row, column] = table[position];
            }
        }

        public int LineRows { get; }

        public int LineColumns { get; }

        public int[,] Values { get; }

        public SuppressionKind[,] Kinds { get; }

        /// <summary>All entries in reading order.</summary>
        public IEnumerable<(int Row, int Column)> Entries() => _table.Positions.Select(EntryOf);

        public (int Row, int Column) EntryOf(FigurePosition position) =>
            (position.Row ?? _table.RowCount, position.Column ?? _table.ColumnCount);

        public FigurePosition PositionOf(int row, int column) =>
            new(row < _table.RowCount ? row : null, column < _table.ColumnCount ? column : null);

        public IReadOnlyList<FigurePosition> Recoverable() =>
            RecoverabilityCheck.RecoverablePositions(
                _table.RowCount,
                _table.ColumnCount,
                Entries().Where(e => Kinds[e.Row, e.Column] != SuppressionKind.None).Select(e => PositionOf(e.Row, e.Column)));

        /// <summary>
        /// The cheapest path from row line <paramref name="row"/> to column line <paramref name="column"/>
        /// that does not use their own entry: suppressed entries cost nothing, published ones their
        /// value, zeros are not used. Dijkstra over (cost, new suppressions), ties to the lower node.
        /// </summary>
        public List<(int Row, int Column)>? CheapestDetour(int row, int column)
        {
            var nodeCount = LineRows + LineColumns;
            var cost = new long[nodeCount];
            var added = new int[nodeCount];
            var previous = new int[nodeCount];
            var done = new bool[nodeCount];
            Array.Fill(cost, long.MaxValue);
            Array.Fill(previous, -1);
            cost[row] = 0;
            var target = LineRows + column;

            while (true)
            {
                var node = -1;
                for (var n = 0; n < nodeCount; n++)
                {
                    if (!done[n] && cost[n] != long.MaxValue && (node < 0 || (cost[n], added[n]).CompareTo((cost[node], added[node])) < 0))
                    {
                        node = n;
                    }
                }

                if (node < 0)
                {
                    return null;
                }

                if (node == target)
                {
                    break;
                }

                done[node] = true;
                foreach (var neighbour in Neighbours(node))
                {
                    var (r, c) = EdgeBetween(node, neighbour);
                    if ((r == row && c == column) || done[neighbour])
                    {
                        continue;
                    }

                    var suppressed = Kinds[r, c] != SuppressionKind.None;
                    if (!suppressed && Values[r, c] == 0)
                    {
                        continue;
                    }

                    var candidate = (cost[node] + (suppressed ? 0 : Values[r, c]), added[node] + (suppressed ? 0 : 1));
                    if (candidate.CompareTo((cost[neighbour], added[neighbour])) < 0)
                    {
                        (cost[neighbour], added[neighbour]) = candidate;
                        previous[neighbour] = node;
                    }
                }
            }

            var path = new List<(int Row, int Column)>();
            for (var node = target; node != row; node = previous[node])
            {
                path.Add(EdgeBetween(node, previous[node]));
            }

            path.Reverse();
            return path;
        }

        public Figure[,] Figures()
        {
            var figures = new Figure[LineRows, LineColumns];
            foreach (var (row, column) in Entries())
            {
                figures[row, column] = Kinds[row, column] == SuppressionKind.None
                    ? Figure.Published(Values[row, column])
                    : Figure.Suppressed(Kinds[row, column]);
            }

            return figures;
        }

        private IEnumerable<int> Neighbours(int node) => node < LineRows
            ? Enumerable.Range(LineRows, LineColumns)
            : Enumerable.Range(0, LineRows);

        private (int Row, int Column) EdgeBetween(int a, int b) => a < LineRows ? (a, b - LineRows) : (b, a - LineRows);
    }
}
