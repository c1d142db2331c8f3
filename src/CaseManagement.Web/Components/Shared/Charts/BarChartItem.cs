namespace CaseManagement.Web.Components.Shared.Charts;

/// <summary>One bar: what it stands for, its value, and optionally where the row of the table behind the chart leads.</summary>
public sealed record BarChartItem(string Label, int Value, string? Href = null);

/// <summary>How the table with the chart's numbers is shown below it.</summary>
public enum ChartTableMode
{
    /// <summary>Always visible (the default): the table is the chart's text equivalent.</summary>
    Visible = 0,

    /// <summary>In a disclosure ("Zahlen als Tabelle"), for pages that show the same numbers in a main table already.</summary>
    Collapsible = 1,
}
