using System.Globalization;
using CaseManagement.Application.Reports;
using CaseManagement.Domain.Reports;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests.Reports;

/// <summary>
/// Every figure of the steering report on the hand-built caseload of <see cref="SteeringReportData"/>:
/// the true counts written out by hand, and the published report as the cell-key method makes it from
/// them (never a count of 1–4, every number within 4 of the truth, the same figure for the same
/// people). The same tests run on PostgreSQL and on SQLite: the counting is done by the database.
/// </summary>
public abstract class SteeringReportFiguresTests
{
    protected abstract Task<SteeringReportQuery> QueryAsync();

    [Fact]
    public async Task The_year_2025_counts_every_figure_as_worked_out_by_hand()
    {
        var truth = await (await QueryAsync()).TrueTablesAsync(ReportPeriod.Year(2025));

        // Ages on 31.12.2025: J (born 2009) adolescents, Y (born 2003) young adults.
        Assert.Equal(
            [
                "Jugendliche (unter 18): 0 2 0 0 | 2",
                "junge Erwachsene (18–24): 5 7 0 0 | 12",
                "Erwachsene (25+): 6 14 0 0 | 20",
                "Gesamt: 11 23 0 0 | 34",
            ],
            Render(truth["klienten"]));

        Assert.Equal(["Erstaufnahme: 2 12 0 | 14", "Wiederaufnahme: 0 0 6 | 6", "Gesamt: 2 12 6 | 20"], Render(truth["neue-faelle"]));

        Assert.Equal(
            [
                "Arbeitsaufnahme: 5 | 5",
                "Ausbildung: 0 | 0",
                "Qualifizierungsmaßnahme: 0 | 0",
                "Reha angetreten: 3 | 3",
                "Umzug / weggezogen: 0 | 0",
                "Kontaktabbruch: 6 | 6",
                "Einwilligung widerrufen: 0 | 0",
                "sonstiger Grund: 0 | 0",
                "Gesamt: 14 | 14",
            ],
            Render(truth["abschluesse"]));

        // Plans as they stood on 31.12.2025: R drafts, Y agreed, A-C in review, A-W closed; J's plan
        // was begun in 2026, A-R have none.
        Assert.Equal(
            ["Entwurf: 6 | 6", "Vereinbart: 12 | 12", "In Fortschreibung: 6 | 6", "Abgeschlossen: 5 | 5", "Gesamt: 29 | 29"],
            Render(truth["hilfeplaene"]));

        // Goals of those plans (A-C's first version no longer counts): 2 goals of 2 people achieved in
        // further qualification.
        Assert.Equal(
            [
                "Unterstützung bei Bewerbungsbemühungen: 0 0 12 0 | 12",
                "Arbeitsvermittlung: 12 0 0 0 | 12",
                "Psychosoziale Beratung und Begleitung: 0 6 0 0 | 6",
                "Vermittlung in weiterführende Hilfen: 6 0 0 5 | 11",
                "Weiterqualifizierung: 0 0 2 0 | 2",
                "Gesamt: 18 6 14 5 | 43",
            ],
            Render(truth["ziele"]));

        // 6 missed Jobcenter appointments of 3 people; 2 anonymous crisis interventions. The
        // appointment just after midnight on 01.01.2026 (local time) is not in 2025.
        Assert.Equal(
            [
                "Gemeinsame Beratung: 0 12 0 0 | 12",
                "Beratung Jobcenter: 0 0 6 0 | 6",
                "Beratung Drogenhilfe: 0 0 0 0 | 0",
                "Aufsuchender Kontakt: 0 5 0 0 | 5",
                "Begleitung: 0 0 0 0 | 0",
                "Krisenintervention: 0 0 0 0 | 0",
                "Aufsuchender Kontakt (anonym): 0 7 0 0 | 7",
                "Krisenintervention (anonym): 0 2 0 0 | 2",
                "Gesamt: 0 26 6 0 | 32",
            ],
            Render(truth["termine"]));

        // Status on 31.12.2025: the clinic admitted one of the three only in 2026.
        var referrals = Render(truth["vermittlungen"]);
        Assert.Equal("Schuldnerberatung: 0 0 0 0 0 6 0 | 6", referrals[0]);
        Assert.Equal("Substitutionspraxis: 0 0 0 6 0 0 0 | 6", referrals[4]);
        Assert.Equal("Stationäre Suchtrehabilitation (Reha-Klinik): 0 0 3 0 0 0 0 | 3", referrals[6]);
        Assert.Equal("Gesamt: 0 0 3 6 0 6 0 | 15", referrals[^1]);
        int[] emptyRows = [1, 2, 3, 5, 7, 8, 9, 10, 11];
        Assert.All(emptyRows, row => Assert.EndsWith(": 0 0 0 0 0 0 0 | 0", referrals[row], StringComparison.Ordinal));

        // R1–R5 had debt counselling within 12 months (R5 exactly 12 months before); R6 a day longer ago.
        var revolving = Render(truth["drehtuer"]);
        Assert.Equal("Schuldnerberatung: 5 | 5", revolving[0]);
        Assert.Equal("Gesamt: 5 | 5", revolving[^1]);
        Assert.Equal(12, revolving.Length);
        Assert.DoesNotContain(revolving, r => r.StartsWith("Sonstige", StringComparison.Ordinal));
        Assert.All(revolving[1..^1], r => Assert.EndsWith(": 0 | 0", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_comparison_is_2024_counted_the_same_way()
    {
        var query = await QueryAsync();
        var report = await query.RunAsync(ReportPeriod.Year(2025));
        var truth = await query.TrueTablesAsync(report.PreviousPeriod);

        Assert.Equal(ReportPeriod.Year(2024), report.PreviousPeriod);
        Assert.Equal(
            ["Jugendliche (unter 18): 0 0 0 0 | 0", "junge Erwachsene (18–24): 0 0 0 0 | 0", "Erwachsene (25+): 6 8 0 0 | 14", "Gesamt: 6 8 0 0 | 14"],
            Render(truth["klienten"]));
        Assert.Equal(["Erstaufnahme: 0 0 14 | 14", "Wiederaufnahme: 0 0 0 | 0", "Gesamt: 0 0 14 | 14"], Render(truth["neue-faelle"]));
        Assert.Equal("Gesamt: 0 | 0", Render(truth["abschluesse"])[^1]);
        Assert.Equal(
            ["Entwurf: 0 | 0", "Vereinbart: 11 | 11", "In Fortschreibung: 0 | 0", "Abgeschlossen: 0 | 0", "Gesamt: 11 | 11"],
            Render(truth["hilfeplaene"]));

        // First versions as they stood then.
        Assert.Equal(
            [
                "Unterstützung bei Bewerbungsbemühungen: 0 0 0 0 | 0",
                "Arbeitsvermittlung: 0 0 0 0 | 0",
                "Psychosoziale Beratung und Begleitung: 0 0 0 0 | 0",
                "Vermittlung in weiterführende Hilfen: 0 0 0 5 | 5",
                "Weiterqualifizierung: 0 0 2 6 | 8",
                "Gesamt: 0 0 2 11 | 13",
            ],
            Render(truth["ziele"]));

        // The counselling at 23:30 on New Year's Eve 2024 belongs to 2024.
        var appointments = Render(truth["termine"]);
        Assert.Equal("Beratung Drogenhilfe: 0 14 0 0 | 14", appointments[2]);
        Assert.Equal("Gesamt: 0 14 0 0 | 14", appointments[^1]);

        Assert.Equal("Schuldnerberatung: 0 0 0 0 6 0 0 | 6", Render(truth["vermittlungen"])[0]);
        Assert.Equal("Gesamt: 0 | 0", Render(truth["drehtuer"])[^1]);

        // Medians are not perturbed: 0, 7, 20, 27, 36, 36 days → 23,5 (2024); 10, 10, 12, 14, 20, 30 → 13 (2025).
        Assert.Equal("23,5", Waiting(report, "Schuldnerberatung").Previous);
        Assert.Equal("13", Waiting(report, "Substitutionspraxis").Current);
        Assert.Equal("–", Waiting(report, "Schuldnerberatung").Current); // all declined, nobody waited
        Assert.Equal("–", Waiting(report, "Stationäre Suchtrehabilitation (Reha-Klinik)").Current); // three people are too few
    }

    [Fact]
    public async Task Every_published_figure_is_its_count_moved_by_at_most_four_zero_stays_zero_and_one_to_four_never_shows()
    {
        var query = await QueryAsync();
        var report = await query.RunAsync(ReportPeriod.Year(2025));
        var truthNow = await query.TrueTablesAsync(report.Period);
        var truthBefore = await query.TrueTablesAsync(report.PreviousPeriod);

        var hidden = 0;
        foreach (var section in report.Sections)
        {
            foreach (var (published, truth) in new[] { (section.Current, truthNow[section.Key]), (section.Previous, truthBefore[section.Key]) })
            {
                foreach (var position in published.Positions)
                {
                    var figure = published[position];
                    var count = truth[position];
                    var where = $"{section.Key} {position}: true {count}, published {figure.Value?.ToString(CultureInfo.InvariantCulture) ?? "•"}";
                    Assert.True((count == 0) == (figure.Value == 0), where);
                    if (figure.Value is int value && value > 0)
                    {
                        Assert.True(value >= CellKeyPerturbation.SmallestShown && Math.Abs(value - count) <= CellKeyPerturbation.MaxDeviation, where);
                    }

                    if (figure.IsHidden)
                    {
                        hidden++;
                        Assert.True(section.Unit != ReportUnit.People || count < CellKeyPerturbation.ExactPeopleBelow, where);
                    }
                }
            }
        }

        Assert.True(hidden > 0, "the caseload has small figures; some must be hidden");
    }

    [Fact]
    public async Task Revolving_doors_need_the_same_kind_of_service_reached_by_the_end_of_the_period_and_never_compare_other_services()
    {
        // June 2021: each of five people was proposed debt counselling (declined at the proposal),
        // homeless help (asked), another service (asked) and youth welfare (asked only in July).
        var query = await QueryAsync();
        var truth = await query.TrueTablesAsync(ReportPeriod.Month(2021, 6));

        var revolving = Render(truth["drehtuer"]);
        Assert.Equal("Schuldnerberatung: 0 | 0", revolving[0]);
        Assert.Equal("Wohnungslosenhilfe: 5 | 5", revolving[7]);
        Assert.Equal("Jugendhilfe: 0 | 0", revolving[8]);
        Assert.Equal("Gesamt: 5 | 5", revolving[^1]);
        Assert.Equal(ReportPeriod.Month(2020, 6), (await query.RunAsync(ReportPeriod.Month(2021, 6))).PreviousPeriod);
    }

    [Fact]
    public async Task Excerpts_are_rows_of_their_tables_and_add_up_only_shown_figures()
    {
        var report = await (await QueryAsync()).RunAsync(ReportPeriod.Year(2025));

        var integration = report.Excerpts.Single(e => e.Key == "integration");
        Assert.Equal(["Arbeitsaufnahme", "Ausbildung", "Qualifizierungsmaßnahme", "Reha angetreten"], integration.Rows.Select(r => integration.Source.Current.RowLabels[r]));
        var parts = integration.Rows.Select(integration.Source.Current.RowTotal).ToList();
        Assert.Equal(parts.Any(p => p.IsHidden) ? null : parts.Sum(p => p.Value), ReportExcerpt.Sum(integration.Source.Current, integration.Rows));
        Assert.Equal(0, ReportExcerpt.Sum(integration.Source.Previous, integration.Rows));

        var outreach = report.Excerpts.Single(e => e.Key == "aufsuchend");
        Assert.Equal(
            ["Aufsuchender Kontakt", "Krisenintervention", "Aufsuchender Kontakt (anonym)", "Krisenintervention (anonym)"],
            outreach.Rows.Select(r => outreach.Source.Current.RowLabels[r]));
    }

    internal static string[] Render(FigureTable table) =>
    [
        .. Enumerable.Range(0, table.RowCount).Select(r =>
            $"{table.RowLabels[r]}: {string.Join(' ', Enumerable.Range(0, table.ColumnCount).Select(c => table.Count(r, c).ToString(CultureInfo.InvariantCulture)))} | {table.RowTotal(r).ToString(CultureInfo.InvariantCulture)}"),
        $"Gesamt: {string.Join(' ', Enumerable.Range(0, table.ColumnCount).Select(c => table.ColumnTotal(c).ToString(CultureInfo.InvariantCulture)))} | {table.GrandTotal.ToString(CultureInfo.InvariantCulture)}",
    ];

    private static (string Current, string Previous) Waiting(SteeringReport report, string partnerType)
    {
        var row = report.WaitingTimes.Single(w => w.PartnerType == partnerType);
        return (SteeringReportLabels.Days(row.Current), SteeringReportLabels.Days(row.Previous));
    }
}

/// <summary>The figures on PostgreSQL, the production database.</summary>
public sealed class SteeringReportFiguresOnPostgresTests(AppFixture app) : SteeringReportFiguresTests, IClassFixture<AppFixture>
{
    protected override async Task<SteeringReportQuery> QueryAsync()
    {
        await PerFixture<object>.GetAsync(app, async fixture =>
        {
            await using var db = await fixture.DbAsync();
            await SteeringReportData.SeedAsync(db);
            return new object();
        });
        return app.Service<SteeringReportQuery>();
    }
}

/// <summary>The figures on SQLite, the database of a first run.</summary>
public sealed class SteeringReportFiguresOnSqliteTests(SqliteReportFixture app) : SteeringReportFiguresTests, IClassFixture<SqliteReportFixture>
{
    protected override Task<SteeringReportQuery> QueryAsync() => Task.FromResult(app.Services.GetRequiredService<SteeringReportQuery>());
}

/// <summary>The app on a SQLite file of its own, with the hand-built caseload.</summary>
public sealed class SqliteReportFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "casemanagement-report-" + Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? _factory;

    public IServiceProvider Services => _factory!.Services;

    public async Task InitializeAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:CaseManagement", $"Data Source={Path.Combine(_folder, "report.db")}");
            builder.UseSetting("Logging:Folder", Path.Combine(_folder, "logs"));
        });
        _ = _factory.Server;
        await using var db = await Services.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>().CreateDbContextAsync();
        await SteeringReportData.SeedAsync(db);
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
