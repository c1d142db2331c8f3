using System.Globalization;

namespace CaseManagement.IntegrationTests.Reports.Differencing;

/// <summary>
/// A fixed calendar period as the attacker of <see cref="DifferencingAttacker"/> sees it: a year, a
/// half-year, a quarter or a month, known by its first and last day. The attacker relates the
/// reports of these periods to each other: a shorter one lies inside a longer one, and a longer one
/// is the union of its halves, quarters or months.
/// </summary>
internal sealed record LatticePeriod(DateOnly From, DateOnly To, string Name)
{
    public bool Contains(LatticePeriod other) => From <= other.From && other.To <= To;

    /// <summary>The year, its two halves, four quarters and twelve months.</summary>
    public static IReadOnlyList<LatticePeriod> Of(int year)
    {
        var periods = new List<LatticePeriod> { Span(year, 1, 12, year.ToString(CultureInfo.InvariantCulture)) };
        periods.AddRange(Enumerable.Range(1, 2).Select(h => Span(year, ((h - 1) * 6) + 1, 6, $"H{h} {year}")));
        periods.AddRange(Enumerable.Range(1, 4).Select(q => Span(year, ((q - 1) * 3) + 1, 3, $"Q{q} {year}")));
        periods.AddRange(Enumerable.Range(1, 12).Select(m => Span(year, m, 1, string.Create(CultureInfo.InvariantCulture, $"{m:00}/{year}"))));
        return periods;
    }

    /// <summary>
    /// Every way the attacker splits a period of <paramref name="periods"/> into others of the list:
    /// a year into halves, quarters or months, a half into quarters or months, a quarter into months.
    /// </summary>
    public static IEnumerable<(LatticePeriod Whole, IReadOnlyList<LatticePeriod> Parts)> Partitions(IReadOnlyList<LatticePeriod> periods)
    {
        foreach (var whole in periods)
        {
            foreach (var length in new[] { 6, 3, 1 })
            {
                var parts = periods
                    .Where(p => p != whole && whole.Contains(p) && MonthsOf(p) == length)
                    .OrderBy(p => p.From)
                    .ToList();
                if (parts.Count > 1 && parts.Sum(MonthsOf) == MonthsOf(whole))
                {
                    yield return (whole, parts);
                }
            }
        }
    }

    private static int MonthsOf(LatticePeriod period) =>
        ((period.To.Year - period.From.Year) * 12) + period.To.Month - period.From.Month + 1;

    private static LatticePeriod Span(int year, int firstMonth, int months, string name)
    {
        var from = new DateOnly(year, firstMonth, 1);
        return new LatticePeriod(from, from.AddMonths(months).AddDays(-1), name);
    }
}
