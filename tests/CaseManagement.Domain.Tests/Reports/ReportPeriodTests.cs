using CaseManagement.Application.Reports;
using CaseManagement.Domain.Tests.HelpPlans;

namespace CaseManagement.Domain.Tests.Reports;

/// <summary>The periods of the steering report: fixed calendar spans only, compared with the same span a year before.</summary>
public class ReportPeriodTests
{
    private static readonly ReportPeriodInputValidator Validator = new(new FixedClock(new DateTimeOffset(2026, 5, 10, 9, 0, 0, TimeSpan.FromHours(2))));

    [Fact]
    public void A_year_has_nineteen_periods_each_inside_it_and_compared_with_the_same_span_a_year_before()
    {
        var periods = ReportPeriod.AllOf(2025);

        Assert.Equal(19, periods.Count);
        Assert.Equal(19, periods.Select(p => (p.From, p.To)).Distinct().Count());
        Assert.All(periods, p => Assert.True(p.From.Year == 2025 && p.To.Year == 2025));
        Assert.All(periods, p => Assert.Equal(ReportPeriod.Of(p.Kind, 2024, p.Number), p.SameSpanYearBefore));
        Assert.All(periods, p => Assert.Equal(p.From.AddYears(-1), p.SameSpanYearBefore.From));
        Assert.All(periods, p => Assert.Equal(new DateOnly(2025, 12, 31), p.AgeReferenceDate));
        Assert.Equal(new DateOnly(2024, 2, 29), ReportPeriod.Month(2024, 2).To);
        Assert.Equal(new DateOnly(2023, 2, 28), ReportPeriod.Month(2024, 2).SameSpanYearBefore.To);
    }

    [Theory]
    [InlineData(ReportPeriodKind.Month, 3, "März 2025", "kennzahlen-2025-03", "zeitraum=monat&jahr=2025&monat=3")]
    [InlineData(ReportPeriodKind.Quarter, 2, "2. Quartal 2025", "kennzahlen-2025-q2", "zeitraum=quartal&jahr=2025&quartal=2")]
    [InlineData(ReportPeriodKind.HalfYear, 2, "2. Halbjahr 2025", "kennzahlen-2025-h2", "zeitraum=halbjahr&jahr=2025&halbjahr=2")]
    [InlineData(ReportPeriodKind.Year, 1, "2025", "kennzahlen-2025", "zeitraum=jahr&jahr=2025")]
    public void Each_period_has_a_German_name_a_file_name_and_a_query_string_that_reads_back(ReportPeriodKind kind, int number, string label, string file, string query)
    {
        var period = ReportPeriod.Of(kind, 2025, number);

        Assert.Equal(label, period.Label);
        Assert.Equal(file, period.FileStem);
        Assert.Equal(query, period.QueryString);
        var values = query.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        var input = ReportPeriodInput.FromQuery(values["zeitraum"], values["jahr"], values.GetValueOrDefault("monat"), values.GetValueOrDefault("quartal"), values.GetValueOrDefault("halbjahr"), new DateOnly(2026, 5, 10));
        Assert.True(Validator.Validate(input).IsValid);
        Assert.Equal(period, input.ToPeriod());
    }

    [Theory]
    [InlineData("monat", "2026", "5", null, null, null)]
    [InlineData("monat", "2026", "6", null, null, "Dieser Zeitraum hat noch nicht begonnen.")]
    [InlineData("quartal", "2026", null, "2", null, null)]
    [InlineData("quartal", "2026", null, "3", null, "Dieser Zeitraum hat noch nicht begonnen.")]
    [InlineData("halbjahr", "2026", null, null, "2", "Dieser Zeitraum hat noch nicht begonnen.")]
    [InlineData("jahr", "2027", null, null, null, "Bitte ein Jahr von 2000 bis 2026 angeben.")]
    [InlineData("frei", "2025", null, null, null, "Bitte Monat, Quartal, Halbjahr oder ganzes Jahr wählen.")]
    [InlineData("monat", "2025", "0", null, null, "Bitte einen Monat von Januar bis Dezember wählen.")]
    public void Only_fixed_periods_that_have_begun_are_accepted(string kind, string year, string? month, string? quarter, string? half, string? error)
    {
        var input = ReportPeriodInput.FromQuery(kind, year, month, quarter, half, new DateOnly(2026, 5, 10));

        var result = Validator.Validate(input);

        Assert.Equal(error, result.Errors.Select(e => e.ErrorMessage).FirstOrDefault());
    }
}
