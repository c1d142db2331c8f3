using CaseManagement.Application.Reports;
using CaseManagement.Domain.Reports;

namespace CaseManagement.IntegrationTests.Reports.Differencing;

/// <summary>
/// Plays the attacker of issue #14: requests the steering report for every period a user can
/// choose in one year, together with each period's comparison, and works out what the published
/// figures reveal when subtracted from each other (<see cref="DifferencingAttacker"/>). No figure of
/// one to four people, and no hidden figure, may follow.
/// </summary>
public sealed class DifferencingAttackTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const int Year = 2025;

    [Fact]
    public async Task No_figure_of_one_to_four_people_follows_from_all_reports_of_a_year_and_their_comparisons()
    {
        var attacker = await AttackerWithEveryReportAsync();

        var findings = attacker.Attack();

        var differences = findings.Count(f => f.Contains(" minus ", StringComparison.Ordinal));
        Assert.True(
            findings.Count == 0,
            $"{findings.Count - differences} figures pinned and {differences} differences of 1–4 worked out, e.g.:\n{string.Join("\n", findings.Take(15).Concat(findings.Where(f => f.Contains(" minus ", StringComparison.Ordinal)).Take(10)))}");
    }

    private async Task<DifferencingAttacker> AttackerWithEveryReportAsync()
    {
        await PerFixture<object>.GetAsync(app, async fixture =>
        {
            await using var db = await fixture.DbAsync();
            await DifferencingCaseload.SeedAsync(db, seed: 14);
            return new object();
        });

        var lattice = LatticePeriod.Of(Year).Concat(LatticePeriod.Of(Year - 1)).ToDictionary(p => (p.From, p.To));
        var attacker = new DifferencingAttacker(TableKnowledge.SteeringReport);
        var query = app.Service<SteeringReportQuery>();
        foreach (var period in ChoosablePeriods(Year))
        {
            var report = await query.RunAsync(period);
            foreach (var section in report.Sections)
            {
                Observe(attacker, lattice, report.Period, section.Key, section.Current);
                Observe(attacker, lattice, report.PreviousPeriod, section.Key, section.Previous);
            }
        }

        return attacker;
    }

    /// <summary>The fixed periods of the year: the year, its quarters, and its halves and months as free periods.</summary>
    private static IEnumerable<ReportPeriod> ChoosablePeriods(int year) =>
        LatticePeriod.Of(year).Select(p => p.To.DayNumber - p.From.DayNumber > 300 ? ReportPeriod.Year(year)
            : p.Name.StartsWith('Q') ? ReportPeriod.Quarter(year, ((p.From.Month - 1) / 3) + 1)
            : ReportPeriod.Custom(p.From, p.To));

    private static void Observe(
        DifferencingAttacker attacker, Dictionary<(DateOnly, DateOnly), LatticePeriod> lattice, ReportPeriod period, string table, SuppressedTable figures)
    {
        // A comparison period outside the fixed periods (the days before a free period) relates to none of them.
        if (!lattice.TryGetValue((period.From, period.To), out var fixedPeriod))
        {
            return;
        }

        foreach (var position in figures.Positions)
        {
            var figure = figures[position];
            var reading = figure.Value is int value ? Reading.Exact(value) : new Reading(1, Reading.Unbounded, Hidden: true);
            attacker.Observe(new FigureId(fixedPeriod, table, position), reading, Label(fixedPeriod, table, figures, position));
        }
    }

    private static string Label(LatticePeriod period, string table, SuppressedTable figures, FigurePosition position) =>
        $"{table} {period.Name} [{(position.Row is int r ? figures.RowLabels[r] : "Gesamt")} / {(position.Column is int c ? figures.ColumnLabels[c] : "Gesamt")}]";
}
