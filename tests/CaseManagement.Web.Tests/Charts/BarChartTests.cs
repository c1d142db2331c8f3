using System.Globalization;
using CaseManagement.Web.Components.Shared.Charts;

namespace CaseManagement.Web.Tests.Charts;

/// <summary>The SVG bar chart and the table behind it show the same numbers; the SVG is one labelled image.</summary>
public sealed class BarChartTests : BunitContext
{
    private static readonly BarChartItem[] Items =
    [
        new("Aylin Kaya", 63, "/team/mitarbeitende/a"),
        new("Jörg Schäfer", 0),
        new("Jana Schneider", 21, "/team/mitarbeitende/j"),
        new("Katharina Hoffmann", 1260),
    ];

    private IRenderedComponent<BarChart> RenderChart(IReadOnlyList<BarChartItem> items, ChartTableMode mode = ChartTableMode.Visible) =>
        Render<BarChart>(p => p
            .Add(c => c.Title, "Laufende Fälle je Mitarbeitende:r")
            .Add(c => c.Items, items)
            .Add(c => c.LabelHeader, "Mitarbeitende:r")
            .Add(c => c.ValueHeader, "Laufende Fälle")
            .Add(c => c.TableMode, mode));

    [Fact]
    public void Bars_value_labels_and_table_rows_agree_item_by_item()
    {
        var chart = RenderChart(Items);

        var labels = chart.FindAll("svg .bar-label").Select(t => t.TextContent).ToList();
        var values = chart.FindAll("svg .bar-value").Select(t => t.TextContent).ToList();
        var rows = chart.FindAll("table tbody tr")
            .Select(r => (Label: r.QuerySelector("th")!.TextContent.Trim(), Value: r.QuerySelector("td")!.TextContent.Trim()))
            .ToList();

        Assert.Equal(Items.Select(i => i.Label), labels);
        Assert.Equal(["63", "0", "21", "1.260"], values);
        Assert.Equal(labels.Zip(values), rows.Select(r => (r.Label, r.Value)));
        Assert.Equal(["Mitarbeitende:r", "Laufende Fälle"], chart.FindAll("table thead th").Select(th => th.TextContent));
        Assert.Equal(["/team/mitarbeitende/a", "/team/mitarbeitende/j"], chart.FindAll("table tbody a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void Bar_lengths_are_proportional_to_the_values_and_a_zero_draws_no_bar()
    {
        var chart = RenderChart(Items);

        var bars = chart.FindAll("svg rect.bar");
        var widths = bars.Select(b => double.Parse(b.GetAttribute("width")!.TrimEnd('%'), CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(3, bars.Count);
        // The largest value (1260) gets the widest bar; the others in proportion to it.
        Assert.Equal(82, widths[2], precision: 2);
        Assert.Equal(63 * 82 / 1260.0, widths[0], precision: 2);
        Assert.Equal(21 * 82 / 1260.0, widths[1], precision: 2);
        // Each value label starts where its bar ends.
        var valueX = chart.FindAll("svg .bar-value").Select(t => t.GetAttribute("x")).ToList();
        Assert.Equal([bars[0].GetAttribute("width"), "0%", bars[1].GetAttribute("width"), bars[2].GetAttribute("width")], valueX);
    }

    [Fact]
    public void Lengths_use_a_decimal_point_even_when_the_page_culture_is_german()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var chart = RenderChart([new("A", 1), new("B", 3)]);

            Assert.Equal("27.33%", chart.Find("svg rect.bar").GetAttribute("width"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void The_svg_is_one_image_whose_label_names_every_value()
    {
        var chart = RenderChart(Items);

        var svg = chart.Find("svg");
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal(
            "Balkendiagramm Laufende Fälle je Mitarbeitende:r: Aylin Kaya 63; Jörg Schäfer 0; Jana Schneider 21; Katharina Hoffmann 1.260.",
            svg.GetAttribute("aria-label"));
        var figure = chart.Find("figure");
        Assert.Equal(chart.Find("figcaption").Id, figure.GetAttribute("aria-labelledby"));
    }

    [Fact]
    public void The_table_is_visible_by_default_and_behind_a_disclosure_when_asked()
    {
        Assert.Empty(RenderChart(Items).FindAll("details"));

        var collapsible = RenderChart(Items, ChartTableMode.Collapsible);

        Assert.Equal("Zahlen als Tabelle", collapsible.Find("details > summary").TextContent);
        Assert.Equal(Items.Length, collapsible.FindAll("details table tbody tr").Count);
    }

    [Fact]
    public void Without_items_it_says_so_instead_of_drawing()
    {
        var chart = Render<BarChart>(p => p.Add(c => c.Title, "Leer").Add(c => c.Items, []).Add(c => c.Empty, "Niemand eingetragen."));

        Assert.Empty(chart.FindAll("svg"));
        Assert.Empty(chart.FindAll("table"));
        Assert.Equal("Niemand eingetragen.", chart.Find("p").TextContent);
    }
}
