using System.Globalization;
using System.Net;
using System.Text;
using CaseManagement.Application.Reports;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Reports;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests.Reports;

/// <summary>
/// Every figure of the needs analysis on a hand-built set of referrals and unmet needs whose figures
/// are known (PostgreSQL), the published figures as the cell-key method makes them, and the figures it
/// shares with the steering report equal to the steering report's. The same tests run on PostgreSQL
/// and on SQLite: the counting is done by the database.
/// </summary>
/// <remarks>
/// The set (year 2025, compared with 2024):
/// <list type="bullet">
/// <item>S1–S12: substitution at "Praxis Mitte", asked 02.03.2025, admitted after 1, 2, …, 11 and 30 days; S11 and S12 completed in 2025.</item>
/// <item>D1–D6: debt counselling in 2024 at "Schuldnerberatung Nord" (admitted after 5 days, completed); again in February 2025 (revolving doors):
/// D1–D3 at Nord admitted after 10, 20 and 30 days, D4 and D5 at "Schuldnerberatung Süd" declined, D6 there dropped out.</item>
/// <item>H1–H2: homeless help asked 01.05.2025, still waiting on 31.12.2025 (244 days).</item>
/// <item>Unmet needs: elder care for S1–S6 in 2025, disability help twice for H1 in 2025; elder care for S1 on 31.12.2024 and for S2 on 05.01.2026 (other periods).</item>
/// </list>
/// </remarks>
public abstract class NeedsAnalysisFiguresTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    private static readonly int[] EmptyRows = [1, 2, 3, 5, 6, 8, 9, 10, 11];

    private static readonly StaffMember Actor = new("needs-test", "Testautor:in", Organisation.DrugHelpService, new HashSet<string>());

    protected abstract Task<NeedsAnalysisQuery> QueryAsync();

    protected abstract Task<SteeringReportQuery> SteeringAsync();

    [Fact]
    public async Task The_year_2025_counts_every_figure_as_worked_out_by_hand()
    {
        var truth = await (await QueryAsync()).TrueTablesAsync(ReportPeriod.Year(2025));

        var demand = SteeringReportFiguresTests.Render(truth["nachfrage"]);
        Assert.Equal("Schuldnerberatung: 0 3 2 1 | 6", demand[0]);
        Assert.Equal("Substitutionspraxis: 0 12 0 0 | 12", demand[4]);
        Assert.Equal("Wohnungslosenhilfe: 2 0 0 0 | 2", demand[7]);
        Assert.Equal("Gesamt: 2 15 2 1 | 20", demand[^1]);
        Assert.All(EmptyRows, row => Assert.EndsWith(": 0 0 0 0 | 0", demand[row], StringComparison.Ordinal));

        var revolving = SteeringReportFiguresTests.Render(truth["drehtuer"]);
        Assert.Equal("Schuldnerberatung: 6 | 6", revolving[0]);
        Assert.Equal("Gesamt: 6 | 6", revolving[^1]);

        var unmet = SteeringReportFiguresTests.Render(truth["bedarf-ohne-angebot"]);
        Assert.Equal("Eingliederungshilfe (Behindertenhilfe): 2 | 2", unmet[9]);
        Assert.Equal("Altenhilfe: 6 | 6", unmet[10]);
        Assert.Equal("Gesamt: 8 | 8", unmet[^1]);

        var before = await (await QueryAsync()).TrueTablesAsync(ReportPeriod.Year(2024));
        Assert.Equal("Schuldnerberatung: 0 6 0 0 | 6", SteeringReportFiguresTests.Render(before["nachfrage"])[0]);
        Assert.Equal("Gesamt: 1 | 1", SteeringReportFiguresTests.Render(before["bedarf-ohne-angebot"])[^1]);
    }

    [Fact]
    public async Task Waiting_times_give_median_from_five_and_90th_percentile_from_ten_people_per_type_and_per_partner()
    {
        var analysis = await (await QueryAsync()).RunAsync(ReportPeriod.Year(2025));

        // 1, 2, …, 11, 30 days: median (6 + 7) / 2, 90th percentile the 11th of 12 values.
        var substitution = analysis.ByType.Single(w => w.Label == "Substitutionspraxis");
        Assert.Equal((6.5, 11, null, null), (substitution.Median, substitution.Percentile90, substitution.PreviousMedian, substitution.PreviousPercentile90));

        // 2025: three admitted (the declined and dropped-out do not wait); 2024: six people, 5 days each, too few for a percentile.
        var debt = analysis.ByType.Single(w => w.Label == "Schuldnerberatung");
        Assert.Equal((null, null, 5.0, null), (debt.Median, debt.Percentile90, debt.PreviousMedian, debt.PreviousPercentile90));

        // Two people still waiting: too few.
        var homeless = analysis.ByType.Single(w => w.Label == "Wohnungslosenhilfe");
        Assert.Null(homeless.Median);

        // Per partner: only those with a median in either year; "Süd" (nobody waited) and the homeless help (two) are not listed.
        Assert.Equal(["Schuldnerberatung Nord", "Praxis Mitte"], analysis.ByPartner.Select(p => p.Label));
        var practice = analysis.ByPartner.Single(p => p.Label == "Praxis Mitte");
        Assert.Equal(("Substitutionspraxis", 6.5, 11), (practice.PartnerType, practice.Median, practice.Percentile90));
        var north = analysis.ByPartner.Single(p => p.Label == "Schuldnerberatung Nord");
        Assert.Equal((null, 5.0), (north.Median, north.PreviousMedian));
    }

    [Fact]
    public async Task Every_published_figure_is_its_count_moved_by_at_most_four_and_figures_of_few_people_are_hidden()
    {
        var query = await QueryAsync();
        var analysis = await query.RunAsync(ReportPeriod.Year(2025));
        var truthNow = await query.TrueTablesAsync(analysis.Period);
        var truthBefore = await query.TrueTablesAsync(analysis.PreviousPeriod);

        foreach (var section in analysis.Sections)
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
                }
            }
        }

        // Figures of one to three people are hidden, whatever their key: debt counselling admitted (3),
        // declined (2), dropped out (1); the two people waiting for homeless help; H1's two unmet needs.
        var demand = analysis.Section("nachfrage").Current;
        Assert.True(demand.Cell(0, 1).IsHidden);
        Assert.True(demand.Cell(0, 2).IsHidden);
        Assert.True(demand.Cell(0, 3).IsHidden);
        Assert.True(demand.RowTotal(7).IsHidden);
        Assert.True(analysis.Section("bedarf-ohne-angebot").Current.RowTotal(9).IsHidden);
        Assert.False(demand.Cell(4, 1).IsHidden); // twelve people admitted to substitution
        Assert.False(analysis.Section("bedarf-ohne-angebot").Current.RowTotal(10).IsHidden); // six people
    }

    [Fact]
    public async Task Figures_shared_with_the_steering_report_are_the_same_published_figures_so_nothing_can_be_subtracted()
    {
        var analysis = await (await QueryAsync()).RunAsync(ReportPeriod.Year(2025));
        var steering = await (await SteeringAsync()).RunAsync(ReportPeriod.Year(2025));

        var demand = analysis.Section("nachfrage");
        var referrals = steering.Section("vermittlungen");
        foreach (var (current, byStatus) in new[] { (demand.Current, referrals.Current), (demand.Previous, referrals.Previous) })
        {
            for (var row = 0; row < current.RowCount; row++)
            {
                // The referrals per type, and the declined and dropped-out ones, are the steering report's figures.
                Assert.Equal(byStatus.RowTotal(row), current.RowTotal(row));
                Assert.Equal(byStatus.Cell(row, (int)ReferralStatus.Declined - 1), current.Cell(row, 2));
                Assert.Equal(byStatus.Cell(row, (int)ReferralStatus.DroppedOut - 1), current.Cell(row, 3));
            }

            Assert.Equal(byStatus.GrandTotal, current.GrandTotal);
        }

        var revolving = analysis.Section("drehtuer");
        var steeringRevolving = steering.Section("drehtuer");
        Assert.Equal(steeringRevolving.Current.Positions.Select(p => steeringRevolving.Current[p]), revolving.Current.Positions.Select(p => revolving.Current[p]));

        // The steering report's median per type is the needs analysis' median per type.
        Assert.Equal(steering.WaitingTimes.Select(w => (w.PartnerType, w.Current, w.Previous)), analysis.ByType.Select(w => (w.Label, w.Median, w.PreviousMedian)));
    }

    internal static async Task SeedAsync(CaseManagementDbContext db)
    {
        Partner NewPartner(string name, PartnerType type) => new() { Id = Guid.NewGuid(), Name = name, Type = type, ChangedAt = DateTimeOffset.UtcNow, ChangedByName = "Test" };
        var practice = NewPartner("Praxis Mitte", PartnerType.SubstitutionPractice);
        var north = NewPartner("Schuldnerberatung Nord", PartnerType.DebtCounselling);
        var south = NewPartner("Schuldnerberatung Süd", PartnerType.DebtCounselling);
        var homeless = NewPartner("Wohnhilfe West", PartnerType.HomelessHelp);
        db.Partners.AddRange(practice, north, south, homeless);

        var random = new Random(2126);
        int Key()
        {
            Span<byte> bytes = stackalloc byte[sizeof(int)];
            random.NextBytes(bytes);
            return BitConverter.ToInt32(bytes);
        }

        var clients = new List<Client>();
        Client NewClient(string name)
        {
            var client = CaseData.NewClient(Organisation.Jobcenter, null, null, name, "Bedarfsprobe", new DateOnly(1985, 5, 5));
            client.ReportKey = Key();
            clients.Add(client);
            return client;
        }

        var referrals = new List<Referral>();
        void Refer(Client client, Partner partner, DateOnly proposedOn, params (ReferralStatus Status, DateOnly On)[] steps)
        {
            var referral = Referral.Propose(client.Id, partner, "Grund", null, proposedOn, Today, Actor, DateTimeOffset.UtcNow);
            var note = steps[^1].Status is ReferralStatus.Declined or ReferralStatus.DroppedOut ? "Grund des Scheiterns" : null;
            referral.Progress.Record([.. steps.Select(s => new ReferralStep(s.Status, s.On))], Today, note);
            referral.ReportKey = Key();
            referrals.Add(referral);
        }

        var needs = new List<UnmetNeed>();
        void Need(Client client, PartnerType type, DateOnly on)
        {
            var need = UnmetNeed.Record(client.Id, type, null, on, Actor, DateTimeOffset.UtcNow);
            need.ReportKey = Key();
            needs.Add(need);
        }

        var requested = new DateOnly(2025, 3, 2);
        int[] waits = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 30];
        var substituted = new List<Client>();
        for (var i = 0; i < waits.Length; i++)
        {
            var client = NewClient($"S{i + 1}");
            substituted.Add(client);
            var admitted = requested.AddDays(waits[i]);
            (ReferralStatus, DateOnly)[] steps = [(ReferralStatus.Requested, requested), (ReferralStatus.AppointmentAgreed, admitted), (ReferralStatus.Admitted, admitted)];
            Refer(client, practice, new DateOnly(2025, 3, 1), i >= 10 ? [.. steps, (ReferralStatus.Completed, new DateOnly(2025, 12, 1))] : steps);
        }

        for (var i = 0; i < 6; i++)
        {
            var client = NewClient($"D{i + 1}");
            Refer(client, north, new DateOnly(2024, 6, 1),
                (ReferralStatus.Requested, new DateOnly(2024, 6, 2)), (ReferralStatus.AppointmentAgreed, new DateOnly(2024, 6, 7)),
                (ReferralStatus.Admitted, new DateOnly(2024, 6, 7)), (ReferralStatus.Completed, new DateOnly(2024, 11, 30)));
            var asked = new DateOnly(2025, 2, 2);
            switch (i)
            {
                case < 3:
                    var admitted = asked.AddDays(10 * (i + 1));
                    Refer(client, north, new DateOnly(2025, 2, 1),
                        (ReferralStatus.Requested, asked), (ReferralStatus.AppointmentAgreed, admitted), (ReferralStatus.Admitted, admitted));
                    break;
                case < 5:
                    Refer(client, south, new DateOnly(2025, 2, 1), (ReferralStatus.Requested, asked), (ReferralStatus.Declined, new DateOnly(2025, 2, 10)));
                    break;
                default:
                    Refer(client, south, new DateOnly(2025, 2, 1), (ReferralStatus.Requested, asked), (ReferralStatus.DroppedOut, new DateOnly(2025, 2, 15)));
                    break;
            }
        }

        var h1 = NewClient("H1");
        var h2 = NewClient("H2");
        Refer(h1, homeless, new DateOnly(2025, 5, 1), (ReferralStatus.Requested, new DateOnly(2025, 5, 1)));
        Refer(h2, homeless, new DateOnly(2025, 5, 1), (ReferralStatus.Requested, new DateOnly(2025, 5, 1)));

        for (var i = 0; i < 6; i++)
        {
            Need(substituted[i], PartnerType.ElderCare, new DateOnly(2025, 4, 1 + i));
        }

        Need(h1, PartnerType.DisabilityHelp, new DateOnly(2025, 6, 1));
        Need(h1, PartnerType.DisabilityHelp, new DateOnly(2025, 9, 1));
        Need(substituted[0], PartnerType.ElderCare, new DateOnly(2024, 12, 31));
        Need(substituted[1], PartnerType.ElderCare, new DateOnly(2026, 1, 5));

        db.Clients.AddRange(clients);
        db.Referrals.AddRange(referrals);
        db.UnmetNeeds.AddRange(needs);
        await db.SaveChangesAsync();
    }
}

/// <summary>The figures on PostgreSQL, the production database, and the download through the real sign-in and endpoint.</summary>
public sealed class NeedsAnalysisFiguresOnPostgresTests(AppFixture app) : NeedsAnalysisFiguresTests, IClassFixture<AppFixture>
{
    private const string Csv = "/kennzahlen/bedarfsanalyse/export/csv?zeitraum=jahr&jahr=2025";

    protected override async Task<NeedsAnalysisQuery> QueryAsync()
    {
        await SeededAsync();
        return app.Service<NeedsAnalysisQuery>();
    }

    protected override async Task<SteeringReportQuery> SteeringAsync()
    {
        await SeededAsync();
        return app.Service<SteeringReportQuery>();
    }

    [Fact]
    public async Task The_steering_round_downloads_the_csv_without_any_name_or_case_number_and_the_download_is_audited()
    {
        await SeededAsync();
        var steering = await app.DemoMemberAsync(StaffRole.SteeringCommittee);
        using var browser = await SignedInAsync(StaffRole.SteeringCommittee);

        var response = await browser.Client.GetAsync(Csv);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("bedarfsanalyse-2025.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("Bedarfsanalyse des Netzwerks 2025\r\nZeitraum;01.01.2025–31.12.2025\r\n", text, StringComparison.Ordinal);
        Assert.Contains("Art der Stelle;noch in Vermittlung;aufgenommen;abgelehnt;abgebrochen;Gesamt\r\n", text, StringComparison.Ordinal);
        Assert.Contains("Substitutionspraxis;6,5;11;–;–\r\n", text, StringComparison.Ordinal);
        Assert.Contains("Praxis Mitte;Substitutionspraxis;6,5;11;–;–\r\n", text, StringComparison.Ordinal);
        Assert.Contains(SteeringReportLabels.HiddenNote, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bedarfsprobe", text, StringComparison.Ordinal);
        Assert.DoesNotContain("LU-", text, StringComparison.Ordinal);
        await using var db = await app.DbAsync();
        var export = await db.AuditEntries.AsNoTracking().Where(a => a.UserId == steering.Id && a.Action == AuditAction.Exported).OrderBy(a => a.Id).LastAsync();
        Assert.Equal("Bedarfsanalyse, 2025, CSV", export.Fields);
        Assert.Null(export.ClientId);
    }

    [Theory]
    [InlineData(StaffRole.CaseManager)]
    [InlineData(StaffRole.DrugHelpWorker)]
    [InlineData(StaffRole.DataProtectionOfficer)]
    [InlineData(StaffRole.Administrator)]
    public async Task Caseworkers_data_protection_and_administration_get_neither_file_nor_page(string role)
    {
        await SeededAsync();
        using var browser = await SignedInAsync(role);

        foreach (var path in new[] { Csv, "/kennzahlen/bedarfsanalyse" })
        {
            var response = await browser.Client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{role} must not get {path}, got {response.StatusCode}");
            Assert.StartsWith("/konto/kein-zugriff", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    private Task<object> SeededAsync() => PerFixture<object>.GetAsync(app, async fixture =>
    {
        await using var db = await fixture.DbAsync();
        await SeedAsync(db);
        return new object();
    });

    private async Task<StaffBrowser> SignedInAsync(string role)
    {
        var browser = StaffBrowser.Open(app);
        var account = DemoAccounts.All.Single(a => a.Role == role);
        var signIn = await browser.SignInAsync(account.Email, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return browser;
    }
}

/// <summary>The figures on SQLite, the database of a first run.</summary>
public sealed class NeedsAnalysisFiguresOnSqliteTests(SqliteNeedsFixture app) : NeedsAnalysisFiguresTests, IClassFixture<SqliteNeedsFixture>
{
    protected override Task<NeedsAnalysisQuery> QueryAsync() => Task.FromResult(app.Services.GetRequiredService<NeedsAnalysisQuery>());

    protected override Task<SteeringReportQuery> SteeringAsync() => Task.FromResult(app.Services.GetRequiredService<SteeringReportQuery>());
}

/// <summary>The app on a SQLite file of its own, with the hand-built referrals and unmet needs.</summary>
public sealed class SqliteNeedsFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "casemanagement-needs-" + Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? _factory;

    public IServiceProvider Services => _factory!.Services;

    public async Task InitializeAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:CaseManagement", $"Data Source={Path.Combine(_folder, "needs.db")}");
            builder.UseSetting("Logging:Folder", Path.Combine(_folder, "logs"));
        });
        _ = _factory.Server;
        await using var db = await Services.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>().CreateDbContextAsync();
        await NeedsAnalysisFiguresTests.SeedAsync(db);
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
