using CaseManagement.Application.Reports;
using CaseManagement.Domain;
using CaseManagement.Domain.Reports;
using CaseManagement.Domain.Staff;
using CaseManagement.Web.Components.Pages.Reports;
using CaseManagement.Web.Tests.TestSupport;
using FluentValidation;

namespace CaseManagement.Web.Tests.Reports;

/// <summary>
/// The needs-analysis page: the tables of demand, waiting times (per type and per partner), revolving
/// doors and unmet needs, each chart followed by its table, hidden figures with the neutral mark.
/// </summary>
public sealed class NeedsAnalysisPageTests : StaffComponentTest
{
    private static readonly int ThisYear = GermanCalendar.DateOf(TimeProvider.System.GetUtcNow()).Year;

    public NeedsAnalysisPageTests()
    {
        Services.AddSingleton<INeedsAnalysisSource>(new FakeAnalyses([ThisYear, ThisYear - 1]));
        Services.AddSingleton<IValidator<ReportPeriodInput>>(new ReportPeriodInputValidator(TimeProvider.System));
        Services.AddSingleton(TimeProvider.System);
        SignInAs(StaffPrincipal.InRole(StaffRole.SteeringCommittee, "Petra Lang"));
    }

    [Fact]
    public void The_page_shows_every_table_with_its_figures_and_a_chart_described_by_its_table()
    {
        var page = Render<NeedsAnalysisPage>();

        var demand = page.WaitForElement("#nachfrage-table", TimeSpan.FromSeconds(5));
        var header = demand.QuerySelectorAll("thead th").Select(th => th.TextContent).ToList();
        Assert.Equal(["Art der Stelle", "noch in Vermittlung", "aufgenommen", "abgelehnt", "abgebrochen"], header.Take(5));
        var substitution = demand.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Substitutionspraxis");
        Assert.Equal(["0", "12", "0", "0"], substitution.QuerySelectorAll("td").Take(4).Select(td => td.TextContent));
        Assert.Contains(SteeringReportLabels.Hidden, demand.QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Equal("nachfrage-table", page.Find("#nachfrage svg").GetAttribute("aria-describedby"));

        var waiting = page.Find("#wartezeiten-table");
        var row = waiting.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Substitutionspraxis");
        Assert.Equal(["6,5", "11", "–", "–"], row.QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Equal("wartezeiten-table", page.Find("#wartezeiten svg").GetAttribute("aria-describedby"));

        var partners = page.Find("#wartezeiten-stellen-table");
        Assert.Equal(["Substitutionspraxis", "6,5", "11", "–", "–"], partners.QuerySelector("tbody tr")!.QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Equal("Praxis Mitte", partners.QuerySelector("tbody th")!.TextContent);

        Assert.NotNull(page.Find("#drehtuer-table"));
        var unmet = page.Find("#bedarf-ohne-angebot-table");
        Assert.Contains("Altenhilfe", unmet.TextContent, StringComparison.Ordinal);
        Assert.Equal(SteeringReportLabels.HiddenNote, page.Find("#report-hidden-note").TextContent);
        Assert.StartsWith("/kennzahlen/bedarfsanalyse/export/csv?", page.Find("a[download]").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_fixed_periods_can_be_chosen_with_a_label_for_every_control()
    {
        var page = Render<NeedsAnalysisPage>();

        page.WaitForElements("#report-year option", TimeSpan.FromSeconds(5));
        Assert.Equal(["Monat", "Quartal", "Halbjahr", "ganzes Jahr", "Jahr"], page.FindAll("form label").Select(l => l.TextContent.Trim()));
        Assert.Empty(page.FindAll("input[type=date]"));
    }

    /// <summary>Any period: 12 admitted to substitution (shown), 3 to debt counselling (hidden), 6 unmet needs for elder care.</summary>
    private sealed class FakeAnalyses(IReadOnlyList<int> years) : INeedsAnalysisSource
    {
        public Task<IReadOnlyList<int>> YearsAsync(CancellationToken cancellationToken = default) => Task.FromResult(years);

        public Task<NeedsAnalysis> RunAsync(ReportPeriod period, CancellationToken cancellationToken = default)
        {
            ReportSection Section(string key, string title, ReportUnit unit, string[] rows, string[] columns, (string, string, int)[] counts)
            {
                var table = FigureTable.FromCounts(title, "Art der Stelle", rows, columns, counts);
                // Every key in the middle of the table: no deviation, so 12 stays 12 and 3 is hidden.
                var keys = new uint[rows.Length, columns.Length];
                for (var r = 0; r < rows.Length; r++)
                {
                    for (var c = 0; c < columns.Length; c++)
                    {
                        keys[r, c] = 0x8000_0000;
                    }
                }

                var published = CellKeyPerturbation.Publish(table, new CellKeys(keys));
                return new ReportSection(key, title, unit, "Erklärung.", published, published);
            }

            string[] types = ["Schuldnerberatung", "Substitutionspraxis", "Altenhilfe"];
            ReportSection[] sections =
            [
                Section("nachfrage", "Nachfrage nach Art der Stelle", ReportUnit.Referrals, types, ["noch in Vermittlung", "aufgenommen", "abgelehnt", "abgebrochen"],
                    [("Schuldnerberatung", "aufgenommen", 3), ("Substitutionspraxis", "aufgenommen", 12)]),
                Section("drehtuer", "Erneute Vermittlungen (Drehtüreffekt)", ReportUnit.Referrals, types, ["erneute Vermittlungen"], [("Schuldnerberatung", "erneute Vermittlungen", 6)]),
                Section("bedarf-ohne-angebot", "Bedarf ohne Angebot", ReportUnit.UnmetNeeds, types, ["Bedarfe ohne Angebot"], [("Altenhilfe", "Bedarfe ohne Angebot", 6)]),
            ];
            return Task.FromResult(new NeedsAnalysis(period, period.SameSpanYearBefore, DateTimeOffset.UtcNow, sections,
                [new WaitingSpread("Schuldnerberatung", null, null, null, 5, null), new WaitingSpread("Substitutionspraxis", null, 6.5, 11, null, null)],
                [new WaitingSpread("Praxis Mitte", "Substitutionspraxis", 6.5, 11, null, null)]));
        }
    }
}
