using System.Globalization;
using CaseManagement.Application.Reports;
using CaseManagement.Web.Components.Pages.Reports;

namespace CaseManagement.Web.Tests.Reports;

/// <summary>
/// The steering report's chart: two bars per row (the period and the same span a year before) in proportion to
/// each other; a hidden figure draws no bar, so its length cannot give the value away.
/// </summary>
public sealed class ComparisonBarChartTests : BunitContext
{
    private static readonly ReportBarView[] Bars =
    [
        new("Jugendliche (unter 18)", null, 10),
        new("junge Erwachsene (18–24)", 71, 46),
        new("Erwachsene (25+)", 142, null),
    ];

    private IRenderedComponent<ComparisonBarChart> RenderChart() =>
        Render<ComparisonBarChart>(p => p
            .Add(c => c.Bars, Bars)
            .Add(c => c.Caption, "Personen je Altersgruppe")
            .Add(c => c.CurrentLegend, "2025")
            .Add(c => c.PreviousLegend, "2024")
            .Add(c => c.DescribedBy, "klienten-table"));

    [Fact]
    public void A_hidden_figure_shows_the_marker_and_draws_no_bar()
    {
        var chart = RenderChart();

        var numbers = chart.FindAll("svg text.chart-number").Select(t => t.TextContent).ToList();
        Assert.Equal(["•", "10", "71", "46", "142", "•"], numbers);
        var hidden = chart.FindAll("svg text.chart-hidden").Select(t => t.TextContent).ToList();
        Assert.Equal(["•", "•"], hidden);

        var widths = Widths(chart, "rect.bar-current");
        Assert.Equal(0, widths[0]);
        var previous = Widths(chart, "rect.bar-previous");
        Assert.Equal(0, previous[2]);
    }

    [Fact]
    public void Bars_of_both_periods_share_one_scale()
    {
        var chart = RenderChart();

        var current = Widths(chart, "rect.bar-current");
        var previous = Widths(chart, "rect.bar-previous");

        Assert.Equal(71.0 / 142, current[1] / current[2], 2);
        Assert.Equal(46.0 / 142, previous[1] / current[2], 2);
        Assert.Equal(10.0 / 142, previous[0] / current[2], 2);
    }

    [Fact]
    public void The_picture_is_one_labelled_image_pointing_at_its_table()
    {
        var chart = RenderChart();

        var svg = chart.Find("svg");
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("Balkendiagramm: Personen je Altersgruppe, 2025 im Vergleich zu 2024", svg.GetAttribute("aria-label"));
        Assert.Equal("klienten-table", svg.GetAttribute("aria-describedby"));
        Assert.All(chart.FindAll("svg > g"), g => Assert.Equal("true", g.GetAttribute("aria-hidden")));
    }

    private static List<double> Widths(IRenderedComponent<ComparisonBarChart> chart, string selector) =>
        [.. chart.FindAll($"svg > g:not(.chart-legend) {selector}").Select(r => double.Parse(r.GetAttribute("width")!.TrimEnd('%'), CultureInfo.InvariantCulture))];
}
