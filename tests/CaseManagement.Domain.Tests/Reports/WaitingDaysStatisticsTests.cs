using CaseManagement.Domain.Reports;

namespace CaseManagement.Domain.Tests.Reports;

/// <summary>Median and nearest-rank percentile of waiting days from a histogram (days, how many), at their edges.</summary>
public sealed class WaitingDaysStatisticsTests
{
    private static (int Days, int Count)[] Values(params int[] days) => [.. days.Select(d => (d, 1))];

    [Fact]
    public void An_empty_histogram_has_neither_median_nor_percentile()
    {
        Assert.Null(WaitingDaysStatistics.Median([]));
        Assert.Null(WaitingDaysStatistics.Percentile([], 90));
        Assert.Null(WaitingDaysStatistics.Median([(5, 0), (9, 0)]));
    }

    [Fact]
    public void One_value_is_its_own_median_and_percentile()
    {
        Assert.Equal(7, WaitingDaysStatistics.Median(Values(7)));
        Assert.Equal(7, WaitingDaysStatistics.Percentile(Values(7), 90));
        Assert.Equal(7, WaitingDaysStatistics.Percentile(Values(7), 1));
    }

    [Theory]
    [InlineData(new[] { 3, 1, 2 }, 2.0)]
    [InlineData(new[] { 4, 1, 3, 2 }, 2.5)]
    [InlineData(new[] { 0, 0, 0, 1 }, 0.0)]
    [InlineData(new[] { 0, 7, 20, 27, 36, 36 }, 23.5)]
    public void The_median_is_the_middle_value_or_the_mean_of_the_two_middle_values(int[] days, double median) =>
        Assert.Equal(median, WaitingDaysStatistics.Median(Values(days)));

    [Fact]
    public void Counts_stand_for_as_many_values_and_their_order_does_not_matter()
    {
        (int, int)[] histogram = [(30, 1), (2, 3), (10, 2)]; // 2, 2, 2, 10, 10, 30
        Assert.Equal(6.0, WaitingDaysStatistics.Median(histogram));
        Assert.Equal(30, WaitingDaysStatistics.Percentile(histogram, 90)); // rank ⌈5.4⌉ = 6
        Assert.Equal(10, WaitingDaysStatistics.Percentile(histogram, 80)); // rank ⌈4.8⌉ = 5
    }

    [Theory]
    [InlineData(10, 9)] // rank ⌈9⌉ = 9: exactly 90 % at or below
    [InlineData(11, 10)] // rank ⌈9.9⌉ = 10
    [InlineData(12, 11)] // rank ⌈10.8⌉ = 11
    [InlineData(20, 18)] // rank 18
    [InlineData(9, 9)] // rank ⌈8.1⌉ = 9: with fewer than ten values the 90th percentile is the largest
    public void The_90th_percentile_is_the_nearest_rank(int values, int expected) =>
        Assert.Equal(expected, WaitingDaysStatistics.Percentile(Values([.. Enumerable.Range(1, values)]), 90));

    [Fact]
    public void The_100th_percentile_is_the_maximum_and_the_first_the_minimum()
    {
        Assert.Equal(44, WaitingDaysStatistics.Percentile(Values(5, 44, 12), 100));
        Assert.Equal(5, WaitingDaysStatistics.Percentile(Values(5, 44, 12), 1));
    }

    [Fact]
    public void Percentiles_outside_1_to_100_and_negative_counts_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WaitingDaysStatistics.Percentile(Values(1), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => WaitingDaysStatistics.Percentile(Values(1), 101));
        Assert.Throws<ArgumentException>(() => WaitingDaysStatistics.Median([(3, -1)]));
    }
}
