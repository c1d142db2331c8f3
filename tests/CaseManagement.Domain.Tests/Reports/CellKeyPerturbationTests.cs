using CaseManagement.Domain.Reports;

namespace CaseManagement.Domain.Tests.Reports;

/// <summary>The cell-key method of the steering report: the perturbation table and what it lets a reader conclude.</summary>
public class CellKeyPerturbationTests
{
    private static readonly IReadOnlyList<(int Deviation, int Millionths)> Table = CellKeyPerturbation.Table;

    [Fact]
    public void The_table_is_a_symmetric_distribution_from_minus_four_to_four_that_leaves_half_the_figures_alone()
    {
        Assert.Equal(1_000_000, Table.Sum(t => t.Millionths));
        Assert.Equal(Enumerable.Range(-4, 9), Table.Select(t => t.Deviation));
        Assert.All(Table, t => Assert.Equal(t.Millionths, Table.Single(u => u.Deviation == -t.Deviation).Millionths));
        Assert.Equal(500_000, Table.Single(t => t.Deviation == 0).Millionths);
        Assert.Equal(CellKeyPerturbation.MaxDeviation, Table.Max(t => t.Deviation));
    }

    [Fact]
    public void Pinning_a_count_needs_two_extreme_deviations_at_once_which_happens_at_most_once_in_a_hundred_million()
    {
        // A reader can pin a sum only if every deviation in it sat at ±4 (docs/architecture.md).
        var extreme = Table.Single(t => t.Deviation == CellKeyPerturbation.MaxDeviation).Millionths / 1_000_000.0;
        Assert.True(extreme * extreme <= 1e-8, $"two extremes at once: {extreme * extreme}");
    }

    [Fact]
    public void Cell_keys_spread_evenly_over_the_table()
    {
        var random = new Random(6);
        var seen = Table.ToDictionary(t => t.Deviation, _ => 0);
        const int draws = 1_000_000;
        for (var i = 0; i < draws; i++)
        {
            seen[CellKeyPerturbation.Deviation((uint)random.NextInt64(0, 1L << 32))]++;
        }

        Assert.All(Table, t => Assert.InRange(seen[t.Deviation], t.Millionths * 0.9 - 30, t.Millionths * 1.1 + 30));
        Assert.Equal(-4, CellKeyPerturbation.Deviation(0));
        Assert.Equal(4, CellKeyPerturbation.Deviation(uint.MaxValue));
    }

    [Fact]
    public void Zero_stays_zero_small_results_are_hidden_and_no_number_below_five_is_ever_shown()
    {
        for (var key = 0u; key < uint.MaxValue - (1u << 16); key += 1u << 16)
        {
            Assert.Equal(PublishedFigure.Zero, CellKeyPerturbation.Publish(0, key));
            for (var count = 1; count <= 12; count++)
            {
                var figure = CellKeyPerturbation.Publish(count, key);
                var moved = count + CellKeyPerturbation.Deviation(key);
                Assert.Equal(moved < CellKeyPerturbation.SmallestShown ? null : moved, figure.Value);
            }
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => PublishedFigure.Number(4));
    }

    [Fact]
    public void The_same_records_always_give_the_same_figure_and_a_total_has_the_key_of_its_cells_together()
    {
        var keys = new CellKeys(new uint[,] { { 0x1000_0000, 0xF000_0000 }, { 0x8000_0000, 0x0000_0001 } });

        Assert.Equal(0u, keys[FigurePosition.RowTotal(0)]); // wraps around 2³²
        Assert.Equal(0x9000_0000u, keys[FigurePosition.ColumnTotal(0)]);
        Assert.Equal(0x8000_0001u, keys[FigurePosition.GrandTotal]);
        Assert.Equal(CellKeyPerturbation.Publish(17, 0x8000_0001u), CellKeyPerturbation.Publish(17, keys[FigurePosition.GrandTotal]));
        Assert.Equal(0x8000_0001u, ReportKeys.CellKey(0x1_8000_0001L));
        Assert.Equal(0xFFFF_FFFFu, ReportKeys.CellKey(-1L));
    }

    [Fact]
    public void A_figure_of_events_is_hidden_by_its_people_and_shows_its_events()
    {
        var none = Enumerable.Range(0, 4096).Select(i => (uint)(i * (1L << 20))).First(k => CellKeyPerturbation.Deviation(k) == 0);

        Assert.True(CellKeyPerturbation.Publish(40, 2, none).IsHidden);
        Assert.Equal(40, CellKeyPerturbation.Publish(40, 5, none).Value);
        Assert.Throws<ArgumentException>(() => CellKeyPerturbation.Publish(3, 4, none));
        Assert.Throws<ArgumentException>(() => CellKeyPerturbation.Publish(3, 0, none));
    }

    [Fact]
    public void Record_keys_are_random_and_differ()
    {
        var keys = Enumerable.Range(0, 1000).Select(_ => ReportKeys.New()).ToList();

        Assert.True(keys.Distinct().Count() > 990);
        Assert.Contains(keys, k => k < 0);
        Assert.Contains(keys, k => k > 0);
    }
}
