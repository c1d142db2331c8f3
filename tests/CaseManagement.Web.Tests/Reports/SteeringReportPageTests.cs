using System.Globalization;
using CaseManagement.Application.Reports;
using CaseManagement.Application.Trainings;
using CaseManagement.Domain;
using CaseManagement.Domain.Reports;
using CaseManagement.Domain.Staff;
using CaseManagement.Web.Components.Pages.Reports;
using CaseManagement.Web.Tests.TestSupport;
using FluentValidation;
using Microsoft.AspNetCore.Components;

namespace CaseManagement.Web.Tests.Reports;

/// <summary>
/// The figures page: only fixed periods can be chosen (month, quarter, half-year, year of the years
/// that have data), every control has a label of its own, and a hidden figure shows the one neutral
/// mark that the notes explain.
/// </summary>
public sealed class SteeringReportPageTests : StaffComponentTest
{
    private static readonly int ThisYear = GermanCalendar.DateOf(TimeProvider.System.GetUtcNow()).Year;

    private readonly FakeReports _reports = new([ThisYear, ThisYear - 1, ThisYear - 2]);

    public SteeringReportPageTests()
    {
        Services.AddSingleton<ISteeringReportSource>(_reports);
        Services.AddSingleton<IValidator<ReportPeriodInput>>(new ReportPeriodInputValidator(TimeProvider.System));
        Services.AddSingleton(TimeProvider.System);
        SignInAs(StaffPrincipal.InRole(StaffRole.SteeringCommittee, "Petra Lang"));
    }

    [Fact]
    public void The_year_list_offers_the_years_with_data_newest_first_and_no_two_controls_share_a_label()
    {
        var page = Render<SteeringReportPage>();

        var years = page.WaitForElements("#report-year option", TimeSpan.FromSeconds(5));
        Assert.Equal([ThisYear, ThisYear - 1, ThisYear - 2], years.Select(o => int.Parse(o.TextContent, CultureInfo.InvariantCulture)));
        var labels = page.FindAll("form label").Select(l => l.TextContent.Trim()).ToList();
        Assert.Equal(["Monat", "Quartal", "Halbjahr", "ganzes Jahr", "Jahr"], labels);
        Assert.Equal(labels.Count, labels.Distinct().Count());
        Assert.Empty(page.FindAll("input[type=date]"));
    }

    [Theory]
    [InlineData("Monat", "report-month", 12)]
    [InlineData("Quartal", "report-quarter", 4)]
    [InlineData("Halbjahr", "report-half", 2)]
    public void Each_kind_of_period_offers_its_parts_of_the_year(string kind, string select, int parts)
    {
        var page = Render<SteeringReportPage>();

        var radio = page.FindAll("form label").Single(l => l.TextContent.Trim() == kind).QuerySelector("input")!;
        radio.Change(radio.GetAttribute("value"));

        Assert.Equal(parts, page.FindAll($"#{select} option").Count);
        Assert.Equal(select, page.Find($"label[for={select}]").GetAttribute("for"));
    }

    [Fact]
    public void A_hidden_figure_shows_the_neutral_mark_and_the_notes_explain_it_and_the_comparison_year()
    {
        var page = Render<SteeringReportPage>();

        var table = page.WaitForElement("#klienten-table", TimeSpan.FromSeconds(5));
        Assert.Contains(SteeringReportLabels.Hidden, table.QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.DoesNotContain(table.QuerySelectorAll("td"), td => td.TextContent.Contains('<', StringComparison.Ordinal));
        Assert.Equal(SteeringReportLabels.HiddenNote, page.Find("#report-hidden-note").TextContent);
        Assert.Contains($"Vorjahr ({ThisYear - 2})", table.QuerySelector("thead")!.TextContent);
    }

    [Fact]
    public void An_old_link_to_a_free_period_is_answered_with_a_German_reason_and_no_report()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/kennzahlen?zeitraum=frei&von=2025-01-01&bis=2025-01-31");

        var page = Render<SteeringReportPage>();

        Assert.Contains("Bitte Monat, Quartal, Halbjahr oder ganzes Jahr wählen.", page.Find("[role=alert]").TextContent);
        Assert.Empty(page.FindAll("#report-title"));
    }

    [Fact]
    public void The_training_coverage_stands_in_its_own_table_with_counts_share_and_reference_day()
    {
        var page = Render<SteeringReportPage>();

        var table = page.WaitForElement("#fortbildungen-table", TimeSpan.FromSeconds(5));
        var row = table.QuerySelectorAll("tbody tr").Single();
        Assert.Equal("Datenschutz in der Kooperation (Jobcenter)", row.QuerySelector("th")!.TextContent);
        Assert.Equal(["3", "8", "38 %"], row.QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Contains("Stand 30.06.2026", table.QuerySelector("caption")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.FindAll(".report-toc a"), a => a.TextContent == "Fortbildungen" && a.GetAttribute("href")!.EndsWith("#fortbildungen", StringComparison.Ordinal));
    }

    /// <summary>A report for any period with one table of people: 2 adolescents (hidden), 0, 40 adults.</summary>
    private sealed class FakeReports(IReadOnlyList<int> years) : ISteeringReportSource
    {
        public Task<IReadOnlyList<int>> YearsAsync(CancellationToken cancellationToken = default) => Task.FromResult(years);

        public Task<SteeringReport> RunAsync(ReportPeriod period, CancellationToken cancellationToken = default)
        {
            var counts = FigureTable.FromCounts("Klient:innen", "Altersgruppe", ["Jugendliche", "Erwachsene"], ["weiblich", "männlich"], [("Jugendliche", "männlich", 2), ("Erwachsene", "weiblich", 40)]);
            var published = CellKeyPerturbation.Publish(counts, new CellKeys(new uint[,] { { 0, 0x8000_0000 }, { 0x8000_0000, 0 } }));
            var section = new ReportSection("klienten", "Klient:innen nach Altersgruppe und Geschlecht", ReportUnit.People, "Personen mit einer Fallepisode.", published, published);
            return Task.FromResult(new SteeringReport(period, period.SameSpanYearBefore, DateTimeOffset.UtcNow, [section], [], [])
            {
                Trainings = [new OrganisationTopicCoverage("Datenschutz in der Kooperation", Organisation.Jobcenter, 3, 8)],
                TrainingDay = new DateOnly(2026, 6, 30),
            });
        }
    }
}
