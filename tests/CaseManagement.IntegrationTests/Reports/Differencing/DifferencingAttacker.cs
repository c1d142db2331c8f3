using CaseManagement.Domain.Reports;

namespace CaseManagement.IntegrationTests.Reports.Differencing;

/// <summary>One figure of one table of one period's report.</summary>
internal sealed record FigureId(LatticePeriod Period, string Table, FigurePosition Position);

/// <summary>
/// A figure of <paramref name="Table"/> whose records are, in every period, exactly those of the figures
/// <paramref name="Parts"/> of <paramref name="PartsTable"/> together (each record in one of them): the
/// needs analysis' "aufgenommen" of a kind of service is the steering report's "aufgenommen" and
/// "abgeschlossen" of that kind. Known from the explanations of both reports.
/// </summary>
internal sealed record SameRecords(string Table, FigurePosition Position, string PartsTable, IReadOnlyList<FigurePosition> Parts);

/// <summary>
/// What a published figure tells the attacker about the true count behind it: every value from
/// <see cref="Low"/> to <see cref="High"/> is possible. <see cref="Hidden"/>: shown as a mark, not a number.
/// </summary>
internal readonly record struct Reading(long Low, long High, bool Hidden)
{
    /// <summary>"No upper limit": far above any count, small enough that sums of many never overflow.</summary>
    public const long Unbounded = 1_000_000_000;

    public bool IsExact => Low == High;

    public static Reading Exact(long value) => new(value, value, Hidden: false);
}

/// <summary>
/// The attacker of the steering report: knows every published figure of every period it was given,
/// how a published figure relates to the true count behind it (<see cref="Reading"/>), and the facts
/// of <see cref="TableKnowledge"/>; works out what the true counts can be.
/// </summary>
/// <remarks>
/// <para>
/// Each true count is an integer variable, bounded by its reading. The relations the attacker uses
/// are exactly the three attacks of the issue: within a table, cells add up to their row and column
/// totals and these to the grand total (<b>rows from totals</b>); a year is its halves, quarters or
/// months added up where figures count dated events (<b>quarters from the year</b>); and a shorter
/// period's people or events lie among those of a longer one, and people in care in a period are
/// in care in one of its parts (<b>overlapping periods</b>); given <see cref="SameRecords"/>, also that
/// a figure of one report is the sum of figures of another in the same period (<b>across reports</b>,
/// the needs analysis against the steering report). Bounds are tightened through all of these
/// until nothing changes (interval constraint propagation). The result never excludes the truth,
/// so whatever it pins is really revealed.
/// </para>
/// <para>
/// A <b>finding</b> is (1) a figure that is not published as an exact number but whose count the
/// relations pin to one value that is hidden or from 1 to 4, or (2) a difference of two figures
/// whose people or events contain each other (a shorter period's inside a longer one's, a cell
/// inside its total, a figure of one report and a part of it in the other, or both) that is pinned to a value from 1 to 4: a group of one to four people
/// or of their events worked out by subtraction.
/// </para>
/// </remarks>
/// <param name="tables">What the attacker knows about each table it is given.</param>
/// <param name="sameRecords">Figures of one table that are, in every period, exactly a sum of figures of another (the same records in both reports).</param>
internal sealed class DifferencingAttacker(IReadOnlyList<TableKnowledge> tables, IReadOnlyList<SameRecords>? sameRecords = null)
{
    private readonly IReadOnlyList<SameRecords> _sameRecords = sameRecords ?? [];

    private const int MaxPasses = 400;

    private readonly Dictionary<string, TableKnowledge> _tables = tables.ToDictionary(t => t.Key);
    private readonly Dictionary<FigureId, int> _index = [];
    private readonly List<FigureId> _ids = [];
    private readonly List<Reading> _readings = [];
    private readonly List<string> _labels = [];
    private long[] _low = [];
    private long[] _high = [];

    /// <summary>Figures whose readings or relations contradict each other (the knowledge does not fit the report).</summary>
    public List<FigureId> Contradictions { get; } = [];

    /// <summary>Learns one published figure; the same figure seen twice (in two reports) must read alike, else both readings bound it.</summary>
    public void Observe(FigureId id, Reading reading, string label)
    {
        if (!_tables.ContainsKey(id.Table))
        {
            return;
        }

        if (_index.TryGetValue(id, out var known))
        {
            var before = _readings[known];
            _readings[known] = new Reading(Math.Max(before.Low, reading.Low), Math.Min(before.High, reading.High), before.Hidden || reading.Hidden);
            return;
        }

        _index.Add(id, _ids.Count);
        _ids.Add(id);
        _readings.Add(reading);
        _labels.Add(label);
    }

    /// <summary>What the attacker knows of the figure's true count after <see cref="Attack"/>.</summary>
    public (long Low, long High) Bounds(FigureId id) => (_low[_index[id]], _high[_index[id]]);

    public IEnumerable<FigureId> Figures => _ids;

    /// <summary>Propagates every relation to a fixed point and returns the findings (see the remarks), in a readable form.</summary>
    public IReadOnlyList<string> Attack()
    {
        _low = [.. _readings.Select(r => r.Low)];
        _high = [.. _readings.Select(r => r.High)];
        var (sums, atMost) = Relations();
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var changed = false;
            foreach (var sum in sums)
            {
                changed |= Tighten(sum);
            }

            foreach (var bound in atMost)
            {
                changed |= Tighten(bound);
            }

            if (!changed)
            {
                break;
            }
        }

        for (var i = 0; i < _ids.Count; i++)
        {
            if (_low[i] > _high[i])
            {
                Contradictions.Add(_ids[i]);
            }
        }

        return [.. PinnedFigures(), .. PinnedDifferences()];
    }

    private IEnumerable<string> PinnedFigures()
    {
        for (var i = 0; i < _ids.Count; i++)
        {
            var reading = _readings[i];
            if (!reading.IsExact && _low[i] == _high[i] && (reading.Hidden || _low[i] is >= 1 and <= 4))
            {
                yield return $"{_labels[i]}: {(reading.Hidden ? "hidden" : $"published within {reading.Low}–{reading.High}")}, derived exactly: {_low[i]}";
            }
        }
    }

    private IEnumerable<string> PinnedDifferences()
    {
        foreach (var (whole, part) in ContainedPairs())
        {
            var low = Math.Max(0, _low[whole] - _high[part]);
            var high = _high[whole] - _low[part];
            if (low == high && low is >= 1 and <= 4)
            {
                yield return $"{_labels[whole]} minus {_labels[part]}: exactly {low}";
            }
        }
    }

    /// <summary>Pairs of figures (whole, part) whose part's people or events lie among the whole's: same period or a shorter one, the same figure or one inside it.</summary>
    private IEnumerable<(int Whole, int Part)> ContainedPairs()
    {
        var periods = _ids.Select(id => id.Period).Distinct().ToList();
        foreach (var part in _ids)
        {
            var knowledge = _tables[part.Table];
            var wholePeriods = periods.Where(p => p == part.Period || knowledge.Nests(part.Position, p, part.Period));
            var wholePositions = new[] { part.Position, new FigurePosition(part.Position.Row, null), new FigurePosition(null, part.Position.Column), FigurePosition.GrandTotal }.Distinct().ToList();
            foreach (var period in wholePeriods)
            {
                foreach (var position in wholePositions)
                {
                    var whole = new FigureId(period, part.Table, position);
                    if (whole != part && _index.TryGetValue(whole, out var w))
                    {
                        yield return (w, _index[part]);
                    }
                }
            }
        }

        // A figure and each figure of the other table whose records are among its own: the same
        // period, or a shorter one whose figure of the whole's table lies inside the whole's.
        foreach (var same in _sameRecords)
        {
            var knowledge = _tables[same.Table];
            foreach (var wholePeriod in periods)
            {
                if (!_index.TryGetValue(new FigureId(wholePeriod, same.Table, same.Position), out var w))
                {
                    continue;
                }

                foreach (var partPeriod in periods.Where(p => p == wholePeriod || knowledge.Nests(same.Position, wholePeriod, p)))
                {
                    foreach (var position in same.Parts)
                    {
                        if (_index.TryGetValue(new FigureId(partPeriod, same.PartsTable, position), out var p))
                        {
                            yield return (w, p);
                        }
                    }
                }
            }
        }
    }

    // ----- relations ---------------------------------------------------------------------------------

    /// <summary>Σ sign·x = 0.</summary>
    private sealed record Sum(int[] Variables, int[] Signs);

    /// <summary>x[Small] ≤ Σ x[Large].</summary>
    private sealed record AtMost(int Small, int[] Large);

    private (List<Sum> Sums, List<AtMost> AtMost) Relations()
    {
        var sums = new List<Sum>();
        var atMost = new List<AtMost>();

        foreach (var table in _ids.GroupBy(id => (id.Period, id.Table)))
        {
            var positions = table.Select(id => id.Position).ToHashSet();
            var rows = positions.Where(p => p.Row is not null).Select(p => p.Row!.Value).Distinct().ToList();
            var columns = positions.Where(p => p.Column is not null).Select(p => p.Column!.Value).Distinct().ToList();
            int? Var(FigurePosition position) => _index.TryGetValue(new FigureId(table.Key.Period, table.Key.Table, position), out var i) ? i : null;
            void AddSum(FigurePosition total, IEnumerable<FigurePosition> parts) => AddTotal(sums, Var(total), parts.Select(Var));

            foreach (var row in rows)
            {
                AddSum(FigurePosition.RowTotal(row), columns.Select(c => FigurePosition.Cell(row, c)));
            }

            foreach (var column in columns)
            {
                AddSum(FigurePosition.ColumnTotal(column), rows.Select(r => FigurePosition.Cell(r, column)));
            }

            AddSum(FigurePosition.GrandTotal, rows.Select(FigurePosition.RowTotal));
            AddSum(FigurePosition.GrandTotal, columns.Select(FigurePosition.ColumnTotal));
        }

        var periods = _ids.Select(id => id.Period).Distinct().ToList();
        foreach (var period in periods)
        {
            foreach (var same in _sameRecords)
            {
                int? Var(string table, FigurePosition position) => _index.TryGetValue(new FigureId(period, table, position), out var i) ? i : null;
                AddTotal(sums, Var(same.Table, same.Position), same.Parts.Select(p => Var(same.PartsTable, p)));
            }
        }

        var partitions = LatticePeriod.Partitions(periods).ToList();
        foreach (var knowledge in _tables.Values)
        {
            var positions = _ids.Where(id => id.Table == knowledge.Key).Select(id => id.Position).Distinct().ToList();
            int? Var(LatticePeriod period, FigurePosition position) => _index.TryGetValue(new FigureId(period, knowledge.Key, position), out var i) ? i : null;
            foreach (var position in positions)
            {
                foreach (var (whole, parts) in partitions)
                {
                    if (knowledge.AddsUpOverTime(position))
                    {
                        AddTotal(sums, Var(whole, position), parts.Select(p => Var(p, position)));
                    }

                    if (knowledge.CoveredByParts && Var(whole, position) is int w && parts.Select(p => Var(p, position)).ToList() is var covering && covering.All(v => v is not null))
                    {
                        atMost.Add(new AtMost(w, [.. covering.Select(v => v!.Value)]));
                    }
                }

                foreach (var whole in periods)
                {
                    foreach (var part in periods.Where(p => p != whole && knowledge.Nests(position, whole, p)))
                    {
                        if (Var(part, position) is int small && Var(whole, position) is int large)
                        {
                            atMost.Add(new AtMost(small, [large]));
                        }
                    }
                }
            }
        }

        return (sums, atMost);
    }

    private static void AddTotal(List<Sum> sums, int? total, IEnumerable<int?> parts)
    {
        var partList = parts.ToList();
        if (total is int t && partList.Count > 0 && partList.All(p => p is not null))
        {
            sums.Add(new Sum([t, .. partList.Select(p => p!.Value)], [-1, .. partList.Select(_ => 1)]));
        }
    }

    private bool Tighten(Sum sum)
    {
        // Σ sign·x = 0, so sign_j·x_j = −Σ_{i≠j} sign_i·x_i.
        long min = 0, max = 0;
        for (var k = 0; k < sum.Variables.Length; k++)
        {
            var (low, high) = Signed(sum, k);
            min += low;
            max += high;
        }

        var changed = false;
        for (var k = 0; k < sum.Variables.Length; k++)
        {
            var (low, high) = Signed(sum, k);
            var restMin = min - low;
            var restMax = max - high;
            var v = sum.Variables[k];
            changed |= sum.Signs[k] > 0 ? Narrow(v, -restMax, -restMin) : Narrow(v, restMin, restMax);
        }

        return changed;
    }

    private (long Low, long High) Signed(Sum sum, int k)
    {
        var v = sum.Variables[k];
        return sum.Signs[k] > 0 ? (_low[v], _high[v]) : (-_high[v], -_low[v]);
    }

    private bool Tighten(AtMost bound)
    {
        var changed = Narrow(bound.Small, long.MinValue, bound.Large.Sum(l => _high[l]));
        var largeHigh = bound.Large.Sum(l => _high[l]);
        foreach (var large in bound.Large)
        {
            changed |= Narrow(large, _low[bound.Small] - (largeHigh - _high[large]), long.MaxValue);
        }

        return changed;
    }

    private bool Narrow(int variable, long low, long high)
    {
        var changed = false;
        if (low > _low[variable])
        {
            _low[variable] = low;
            changed = true;
        }

        if (high < _high[variable])
        {
            _high[variable] = high;
            changed = true;
        }

        // A contradiction stops moving here; it is reported after the propagation.
        return changed && _low[variable] <= _high[variable];
    }
}
