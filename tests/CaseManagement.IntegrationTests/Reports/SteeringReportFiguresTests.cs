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
/// Every figure of the steering report on the hand-built caseload of <see cref="SteeringReportData"/>,
/// written out by hand ("<5" = suppressed, primary or complementary alike). The same tests run on
/// PostgreSQL and on SQLite: the counting is done by the database.
/// </summary>
public abstract class SteeringReportFiguresTests
{
    protected abstract Task<SteeringReportQuery> QueryAsync();

    [Fact]
    public async Task The_year_2025_shows_every_figure_as_worked_out_by_hand()
    {
        var report = await (await QueryAsync()).RunAsync(ReportPeriod.Year(2025));

        // 2 adolescent boys are few; the young men (7) and the young adults' total (12) hide them
        // (the cheapest detour: 7 + 12 < 14 + 20 for the adults).
        Assert.Equal(
            [
                "Jugendliche (unter 18): 0 <5 0 0 | <5",
                "junge Erwachsene (18–24): 5 <5 0 0 | <5",
                "Erwachsene (25+): 6 14 0 0 | 20",
                "Gesamt: 11 23 0 0 | 34",
            ],
            Render(report.Section("klienten").Current));

        // 2 adolescents: their column total is the same 2; the young adults' first admissions (12)
        // and their column total (12) are hidden with them.
        Assert.Equal(
            [
                "Erstaufnahme: <5 <5 0 | 14",
                "Wiederaufnahme: 0 0 6 | 6",
                "Gesamt: <5 <5 6 | 20",
            ],
            Render(report.Section("neue-faelle").Current));

        // 3 rehab closures; in one column the smallest other figure (5 work) goes with them.
        Assert.Equal(
            [
                "Arbeitsaufnahme: <5 | <5",
                "Ausbildung: 0 | 0",
                "Qualifizierungsmaßnahme: 0 | 0",
                "Reha angetreten: <5 | <5",
                "Umzug / weggezogen: 0 | 0",
                "Kontaktabbruch: 6 | 6",
                "Einwilligung widerrufen: 0 | 0",
                "sonstiger Grund: 0 | 0",
                "Gesamt: 14 | 14",
            ],
            Render(report.Section("abschluesse").Current));

        // Plans as they stood on 31.12.2025: R drafts, Y agreed, A-C in review, A-W closed; J's plan
        // was begun in 2026, A-R have none.
        Assert.Equal(
            ["Entwurf: 6 | 6", "Vereinbart: 12 | 12", "In Fortschreibung: 6 | 6", "Abgeschlossen: 5 | 5", "Gesamt: 29 | 29"],
            Render(report.Section("hilfeplaene").Current));

        // Goals of those plans (A-C's first version no longer counts). 2 goals of 2 people achieved in
        // further qualification; hidden together with the 12 achieved application goals.
        Assert.Equal(
            [
                "Unterstützung bei Bewerbungsbemühungen: 0 0 <5 0 | <5",
                "Arbeitsvermittlung: 12 0 0 0 | 12",
                "Psychosoziale Beratung und Begleitung: 0 6 0 0 | 6",
                "Vermittlung in weiterführende Hilfen: 6 0 0 5 | 11",
                "Weiterqualifizierung: 0 0 <5 0 | <5",
                "Gesamt: 18 6 14 5 | 43",
            ],
            Render(report.Section("ziele").Current));

        // 6 missed Jobcenter appointments of 3 people are few people although 6 appointments; so is
        // their column total. 2 anonymous crisis interventions are 2 people. The 26 attended go too.
        // The appointment just after midnight on 01.01.2026 (local time) is not in 2025.
        Assert.Equal(
            [
                "Gemeinsame Beratung: 0 12 0 0 | 12",
                "Beratung Jobcenter: 0 0 <5 0 | <5",
                "Beratung Drogenhilfe: 0 0 0 0 | 0",
                "Aufsuchender Kontakt: 0 5 0 0 | 5",
                "Begleitung: 0 0 0 0 | 0",
                "Krisenintervention: 0 0 0 0 | 0",
                "Aufsuchender Kontakt (anonym): 0 7 0 0 | 7",
                "Krisenintervention (anonym): 0 <5 0 0 | <5",
                "Gesamt: 0 <5 <5 0 | 32",
            ],
            Render(report.Section("termine").Current));

        // Status on 31.12.2025: the clinic admitted one of the three only in 2026. The three are
        // few; the cheapest cover is the grand total.
        var referrals = Render(report.Section("vermittlungen").Current);
        Assert.Equal("Schuldnerberatung: 0 0 0 0 0 6 0 | 6", referrals[0]);
        Assert.Equal("Substitutionspraxis: 0 0 0 6 0 0 0 | 6", referrals[4]);
        Assert.Equal("Stationäre Suchtrehabilitation (Reha-Klinik): 0 0 <5 0 0 0 0 | <5", referrals[6]);
        Assert.Equal("Gesamt: 0 0 <5 6 0 6 0 | <5", referrals[^1]);
        int[] emptyRows = [1, 2, 3, 5, 7, 8, 9, 10, 11];
        Assert.All(emptyRows, row => Assert.EndsWith(": 0 0 0 0 0 0 0 | 0", referrals[row], StringComparison.Ordinal));

        // R1–R5 had debt counselling within 12 months (R5 exactly 12 months before); R6 a day longer ago.
        var revolving = Render(report.Section("drehtuer").Current);
        Assert.Equal("Schuldnerberatung: 5 | 5", revolving[0]);
        Assert.Equal("Gesamt: 5 | 5", revolving[^1]);
        Assert.Equal(12, revolving.Length);
        Assert.DoesNotContain(revolving, r => r.StartsWith("Sonstige", StringComparison.Ordinal));
        Assert.All(revolving[1..^1], r => Assert.EndsWith(": 0 | 0", r, StringComparison.Ordinal));

        // Substitution: 10, 10, 12, 14, 20, 30 days → 13. Debt counselling: all declined, no waiting.
        // The clinic: three people still waiting (350 days) are too few for a median.
        Assert.Equal("13", Waiting(report, "Substitutionspraxis").Current);
        Assert.Equal("–", Waiting(report, "Schuldnerberatung").Current);
        Assert.Equal("–", Waiting(report, "Stationäre Suchtrehabilitation (Reha-Klinik)").Current);
    }

    [Fact]
    public async Task The_comparison_year_2024_is_counted_and_suppressed_on_its_own()
    {
        var report = await (await QueryAsync()).RunAsync(ReportPeriod.Year(2025));

        Assert.Equal(ReportPeriod.Year(2024), report.PreviousPeriod);
        Assert.Equal(
            ["Jugendliche (unter 18): 0 0 0 0 | 0", "junge Erwachsene (18–24): 0 0 0 0 | 0", "Erwachsene (25+): 6 8 0 0 | 14", "Gesamt: 6 8 0 0 | 14"],
            Render(report.Section("klienten").Previous));
        Assert.Equal(["Erstaufnahme: 0 0 14 | 14", "Wiederaufnahme: 0 0 0 | 0", "Gesamt: 0 0 14 | 14"], Render(report.Section("neue-faelle").Previous));
        Assert.Equal("Gesamt: 0 | 0", Render(report.Section("abschluesse").Previous)[^1]);
        Assert.Equal(
            ["Entwurf: 0 | 0", "Vereinbart: 11 | 11", "In Fortschreibung: 0 | 0", "Abgeschlossen: 0 | 0", "Gesamt: 11 | 11"],
            Render(report.Section("hilfeplaene").Previous));

        // First versions as they stood then. 2 achieved goals of 2 people: the dropped ones (6) and
        // their column total (11) cover them (6 + 11 < 8 + 13).
        Assert.Equal(
            [
                "Unterstützung bei Bewerbungsbemühungen: 0 0 0 0 | 0",
                "Arbeitsvermittlung: 0 0 0 0 | 0",
                "Psychosoziale Beratung und Begleitung: 0 0 0 0 | 0",
                "Vermittlung in weiterführende Hilfen: 0 0 0 5 | 5",
                "Weiterqualifizierung: 0 0 <5 <5 | 8",
                "Gesamt: 0 0 <5 <5 | 13",
            ],
            Render(report.Section("ziele").Previous));

        // The counselling at 23:30 on New Year's Eve 2024 belongs to 2024.
        var appointments = Render(report.Section("termine").Previous);
        Assert.Equal("Beratung Drogenhilfe: 0 14 0 0 | 14", appointments[2]);
        Assert.Equal("Gesamt: 0 14 0 0 | 14", appointments[^1]);

        Assert.Equal("Schuldnerberatung: 0 0 0 0 6 0 0 | 6", Render(report.Section("vermittlungen").Previous)[0]);
        Assert.Equal("Gesamt: 0 | 0", Render(report.Section("drehtuer").Previous)[^1]);

        // 0, 7, 20, 27, 36, 36 days → 23,5.
        Assert.Equal("23,5", Waiting(report, "Schuldnerberatung").Previous);
    }

    [Fact]
    public async Task Revolving_doors_need_the_same_kind_of_service_reached_by_the_end_of_the_period_and_never_compare_other_services()
    {
        // June 2021: each of five people was proposed debt counselling (declined at the proposal),
        // homeless help (asked), another service (asked) and youth welfare (asked only in July).
        var report = await (await QueryAsync()).RunAsync(ReportPeriod.Custom(new(2021, 6, 1), new(2021, 6, 30)));

        var revolving = Render(report.Section("drehtuer").Current);
        Assert.Equal("Schuldnerberatung: 0 | 0", revolving[0]);
        Assert.Equal("Wohnungslosenhilfe: 5 | 5", revolving[7]);
        Assert.Equal("Jugendhilfe: 0 | 0", revolving[8]);
        Assert.Equal("Gesamt: 5 | 5", revolving[^1]);
        Assert.Equal(ReportPeriod.Custom(new(2021, 5, 2), new(2021, 5, 31)), report.PreviousPeriod);
    }

    [Fact]
    public async Task No_suppressed_figure_of_any_table_can_be_worked_out_and_sub_views_add_no_new_sum()
    {
        var report = await (await QueryAsync()).RunAsync(ReportPeriod.Year(2025));

        foreach (var section in report.Sections)
        {
            Assert.Empty(RecoverabilityCheck.RecoverablePositions(section.Current));
            Assert.Empty(RecoverabilityCheck.RecoverablePositions(section.Previous));
        }

        var integration = report.Excerpts.Single(e => e.Key == "integration");
        Assert.Equal(["Arbeitsaufnahme", "Ausbildung", "Qualifizierungsmaßnahme", "Reha angetreten"], integration.Rows.Select(r => integration.Source.Current.RowLabels[r]));
        Assert.Null(ReportExcerpt.Sum(integration.Source.Current, integration.Rows)); // two of the four are hidden
        Assert.Equal(0, ReportExcerpt.Sum(integration.Source.Previous, integration.Rows));

        var outreach = report.Excerpts.Single(e => e.Key == "aufsuchend");
        Assert.Equal(
            ["Aufsuchender Kontakt", "Krisenintervention", "Aufsuchender Kontakt (anonym)", "Krisenintervention (anonym)"],
            outreach.Rows.Select(r => outreach.Source.Current.RowLabels[r]));
    }

    internal static string[] Render(SuppressedTable table)
    {
        static string Figure(Figure figure) => figure.Value?.ToString(CultureInfo.InvariantCulture) ?? "<5";

        return
        [
            .. Enumerable.Range(0, table.RowCount).Select(r =>
                $"{table.RowLabels[r]}: {string.Join(' ', Enumerable.Range(0, table.ColumnCount).Select(c => Figure(table.Cell(r, c))))} | {Figure(table.RowTotal(r))}"),
            $"Gesamt: {string.Join(' ', Enumerable.Range(0, table.ColumnCount).Select(c => Figure(table.ColumnTotal(c))))} | {Figure(table.GrandTotal)}",
        ];
    }

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
