namespace CaseManagement.Domain.Reports;

/// <summary>
/// Median and percentiles of waiting days, read from a histogram (days → how many waited that long),
/// so that the database only has to count per day. One definition for the steering report and the
/// needs analysis.
/// </summary>
/// <remarks>
/// The median is the middle value, or the mean of the two middle values for an even count. A
/// percentile p is the nearest rank: the smallest value with at least p % of the values at or below
/// it (position ⌈p·n/100⌉), always one of the waits that occurred.
/// </remarks>
public static class WaitingDaysStatistics
{
    /// <summary>The median; null for an empty histogram.</summary>
    public static double? Median(IEnumerable<(int Days, int Count)> histogram)
    {
        var sorted = Sorted(histogram);
        var total = sorted.Sum(r => r.Count);
        if (total == 0)
        {
            return null;
        }

        return (ValueAt(sorted, (total + 1) / 2) + ValueAt(sorted, (total / 2) + 1)) / 2.0;
    }

    /// <summary>The <paramref name="percent"/>th percentile by nearest rank (1–100); null for an empty histogram.</summary>
    public static int? Percentile(IEnumerable<(int Days, int Count)> histogram, int percent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        var sorted = Sorted(histogram);
        var total = sorted.Sum(r => r.Count);
        if (total == 0)
        {
            return null;
        }

        // ⌈percent · total / 100⌉ in integers.
        var position = ((percent * total) + 99) / 100;
        return ValueAt(sorted, position);
    }

    private static List<(int Days, int Count)> Sorted(IEnumerable<(int Days, int Count)> histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        var sorted = histogram.ToList();
        if (sorted.Any(r => r.Count < 0))
        {
            throw new ArgumentException("A histogram count cannot be negative.", nameof(histogram));
        }

        return [.. sorted.Where(r => r.Count > 0).OrderBy(r => r.Days)];
    }

    /// <summary>The value at a 1-based position of the sorted values.</summary>
    private static int ValueAt(List<(int Days, int Count)> sorted, int position)
    {
        var seen = 0;
        foreach (var (days, count) in sorted)
        {
            seen += count;
            if (seen >= position)
            {
                return days;
            }
        }

        throw new InvalidOperationException("Position beyond the histogram.");
    }
}
