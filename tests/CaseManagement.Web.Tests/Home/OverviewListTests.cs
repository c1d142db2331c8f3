using CaseManagement.Application.Clients;
using CaseManagement.Web.Components.Pages.Home;

namespace CaseManagement.Web.Tests.Home;

/// <summary>
/// A home-page list reads (and audits as read) all its cases: all of them are on the page, the
/// first eight open and the rest one click away, not only counted.
/// </summary>
public class OverviewListTests : BunitContext
{
    [Fact]
    public void Cases_beyond_the_first_eight_are_on_the_page_behind_a_summary()
    {
        var cases = Enumerable.Range(1, 11)
            .Select(i => new OverviewCase(Guid.NewGuid(), $"LU-2026-{i:D5}", $"Person {i}", "Vermittlung wartet seit 31 Tagen"))
            .ToList();

        var list = Render<OverviewList>(p => p
            .Add(l => l.Title, "Vermittlungen, die seit über 30 Tagen warten")
            .Add(l => l.Empty, "Keine")
            .Add(l => l.Cases, cases));

        Assert.Equal("11", list.Find("h2 .badge").TextContent);
        Assert.Equal(8, list.FindAll("section > ul.overview-list > li").Count);
        Assert.Equal("3 weitere anzeigen", list.Find("details.overview-more > summary").TextContent);
        Assert.Equal(
            cases.Select(c => c.CaseNumber),
            list.FindAll("ul.overview-list li > a").Select(a => a.TextContent));
    }

    [Fact]
    public void Eight_cases_or_fewer_need_no_summary()
    {
        var cases = Enumerable.Range(1, 8)
            .Select(i => new OverviewCase(Guid.NewGuid(), $"LU-2026-{i:D5}", null, "Überprüfung fällig"))
            .ToList();

        var list = Render<OverviewList>(p => p
            .Add(l => l.Title, "Überprüfungen")
            .Add(l => l.Empty, "Keine")
            .Add(l => l.Cases, cases));

        Assert.Empty(list.FindAll("details"));
        Assert.Equal(8, list.FindAll("li").Count);
        Assert.All(list.FindAll("li span:not(.muted)"), name => Assert.Equal("Name nicht freigegeben", name.TextContent));
    }
}
