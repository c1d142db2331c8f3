using CaseManagement.Application.Reports;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Reports;

namespace CaseManagement.IntegrationTests.Reports.Differencing;

/// <summary>
/// The attacker of <see cref="DifferencingAttackTests"/>, given the needs analysis (Bedarfsanalyse) as
/// well: every period of a year with its comparison, both reports, and what relates their figures.
/// "noch in Vermittlung" of a kind of service is the steering report's "vorgeschlagen", "angefragt" and
/// "Termin vereinbart" of that kind together, "aufgenommen" its "aufgenommen" and "abgeschlossen",
/// "abgelehnt", "abgebrochen" and Gesamt are its figures (<see cref="DemandFromReferrals"/>); the needs
/// without an offer are dated events. The same criterion: no hidden figure, no figure of 1–4 and no
/// difference of 1–4 between figures whose records contain each other may be pinned.
/// </summary>
public sealed class NeedsAnalysisDifferencingAttackTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const int Year = 2025;

    /// <summary>The figures of "nachfrage" as sums of figures of "vermittlungen", for every row and the column totals.</summary>
    internal static IReadOnlyList<SameRecords> DemandFromReferrals { get; } = DemandIdentities();

    [Fact]
    public async Task No_figure_of_one_to_four_people_follows_from_all_needs_analyses_and_steering_reports_of_a_year()
    {
        var (attacker, _) = await AttackerWithEveryReportAsync(await SeededAsync(app));

        var findings = attacker.Attack();

        Assert.Empty(attacker.Contradictions);
        var differences = findings.Count(f => f.Contains(" minus ", StringComparison.Ordinal));
        Assert.True(
            findings.Count == 0,
            $"{findings.Count - differences} figures pinned and {differences} differences of 1–4 worked out, e.g.:\n{string.Join("\n", findings.Take(15).Concat(findings.Where(f => f.Contains(" minus ", StringComparison.Ordinal)).Take(10)))}");
    }

    [Fact]
    public async Task The_attacker_of_both_reports_reasons_only_from_facts_that_hold_every_bound_contains_the_true_count()
    {
        var (attacker, truth) = await AttackerWithEveryReportAsync(await SeededAsync(app));

        attacker.Attack();

        var wrong = attacker.Figures
            .Select(id => (id, Bounds: attacker.Bounds(id), True: truth[(id.Period, id.Table)][id.Position]))
            .Where(f => f.True < f.Bounds.Low || f.True > f.Bounds.High)
            .Select(f => $"{f.id}: true {f.True}, attacker {f.Bounds.Low}–{f.Bounds.High}")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Take(20)));
        Assert.Equal(38 * 10, attacker.Figures.Select(id => (id.Period, id.Table)).Distinct().Count());
    }

    [Fact]
    public async Task The_same_attacker_finds_what_the_needs_analysis_protected_table_by_table_would_reveal()
    {
        // Exact from 5, hidden below, each table on its own: the attack must find the demand columns
        // from the steering report's cells and the needs without an offer from their periods.
        var (_, truth) = await AttackerWithEveryReportAsync(await SeededAsync(app));
        var naive = new DifferencingAttacker([.. TableKnowledge.SteeringReport, .. TableKnowledge.NeedsAnalysis], DemandFromReferrals);
        foreach (var ((period, table), figures) in truth)
        {
            foreach (var position in figures.Positions)
            {
                var count = figures[position];
                var reading = count is >= 1 and < CellKeyPerturbation.SmallestShown ? new Reading(1, Reading.Unbounded, Hidden: true) : Reading.Exact(count);
                naive.Observe(new FigureId(period, table, position), reading, $"{table} {period.Name} {position}");
            }
        }

        var findings = naive.Attack();

        Assert.Contains(findings, f => f.StartsWith("nachfrage", StringComparison.Ordinal) && f.Contains("hidden, derived exactly", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.StartsWith("nachfrage", StringComparison.Ordinal) && f.Contains(" minus vermittlungen", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.StartsWith("bedarf-ohne-angebot", StringComparison.Ordinal));
    }

    internal static async Task<(SteeringReportQuery Steering, NeedsAnalysisQuery Needs)> SeededAsync(AppFixture app)
    {
        await PerFixture<object>.GetAsync(app, async fixture =>
        {
            await using var db = await fixture.DbAsync();
            await DifferencingCaseload.SeedAsync(db, seed: 14);
            await DifferencingCaseload.SeedUnmetNeedsAsync(db, seed: 21);
            return new object();
        });
        return (app.Service<SteeringReportQuery>(), app.Service<NeedsAnalysisQuery>());
    }

    /// <summary>
    /// The attacker with every steering report and needs analysis of the year (each with its comparison),
    /// and the true counts of every period and table it saw (for checks only).
    /// </summary>
    internal static async Task<(DifferencingAttacker Attacker, Dictionary<(LatticePeriod, string), FigureTable> Truth)> AttackerWithEveryReportAsync(
        (SteeringReportQuery Steering, NeedsAnalysisQuery Needs) queries)
    {
        var lattice = LatticePeriod.Of(Year).Concat(LatticePeriod.Of(Year - 1)).ToDictionary(p => (p.From, p.To));
        var attacker = new DifferencingAttacker([.. TableKnowledge.SteeringReport, .. TableKnowledge.NeedsAnalysis], DemandFromReferrals);
        var truth = new Dictionary<(LatticePeriod, string), FigureTable>();
        foreach (var period in ReportPeriod.AllOf(Year))
        {
            var steering = await queries.Steering.RunAsync(period);
            var needs = await queries.Needs.RunAsync(period);
            var shown = new[]
            {
                (steering.Period, steering.Sections.Select(s => (s, s.Current))),
                (steering.PreviousPeriod, steering.Sections.Select(s => (s, s.Previous))),
                (needs.Period, needs.Sections.Select(s => (s, s.Current))),
                (needs.PreviousPeriod, needs.Sections.Select(s => (s, s.Previous))),
            };
            foreach (var (reportPeriod, tables) in shown)
            {
                var fixedPeriod = lattice[(reportPeriod.From, reportPeriod.To)];
                foreach (var (section, table) in tables)
                {
                    DifferencingAttackTests.Observe(attacker, fixedPeriod, section.Key, table, section.Unit == ReportUnit.People);
                }
            }

            foreach (var reportPeriod in new[] { period, period.SameSpanYearBefore })
            {
                var fixedPeriod = lattice[(reportPeriod.From, reportPeriod.To)];
                foreach (var (key, table) in (await queries.Steering.TrueTablesAsync(reportPeriod)).Concat(await queries.Needs.TrueTablesAsync(reportPeriod)))
                {
                    truth[(fixedPeriod, key)] = table;
                }
            }
        }

        return (attacker, truth);
    }

    private static List<SameRecords> DemandIdentities()
    {
        var statuses = Enum.GetValues<ReferralStatus>();
        FigurePosition[] Referrals(int? row, params ReferralStatus[] of) => [.. of.Select(s => new FigurePosition(row, Array.IndexOf(statuses, s)))];

        // The columns of "nachfrage" in their order: noch in Vermittlung, aufgenommen, abgelehnt, abgebrochen.
        ReferralStatus[][] columns =
        [
            [ReferralStatus.Proposed, ReferralStatus.Requested, ReferralStatus.AppointmentAgreed],
            [ReferralStatus.Admitted, ReferralStatus.Completed],
            [ReferralStatus.Declined],
            [ReferralStatus.DroppedOut],
        ];
        Assert.Equal(statuses.Length, columns.Sum(c => c.Length));
        var rows = Enum.GetValues<PartnerType>().Select((_, i) => (int?)i).Append(null);
        var identities = new List<SameRecords>();
        foreach (var row in rows)
        {
            identities.AddRange(columns.Select((of, column) => new SameRecords("nachfrage", new FigurePosition(row, column), "vermittlungen", Referrals(row, of))));
            identities.Add(new SameRecords("nachfrage", new FigurePosition(row, null), "vermittlungen", [new FigurePosition(row, null)]));
        }

        return identities;
    }
}

/// <summary>
/// One person's records are the only difference between two runs of every report of the year: the
/// attacker sees all steering reports and needs analyses before and after a referral of one client
/// (admitted in May), another still in the hand-over and a need without an offer were recorded.
/// Whatever it works out from each run, no figure may change by a pinned 1–4 between them.
/// </summary>
public sealed class NeedsAnalysisOneRecordMoreAttackTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateOnly On = new(2025, 5, 14);

    [Fact]
    public async Task One_persons_referrals_and_unmet_need_added_pin_no_difference_between_the_runs()
    {
        var queries = await NeedsAnalysisDifferencingAttackTests.SeededAsync(app);
        var (before, _) = await NeedsAnalysisDifferencingAttackTests.AttackerWithEveryReportAsync(queries);
        before.Attack();
        await AddOnePersonsRecordsAsync();
        var (after, _) = await NeedsAnalysisDifferencingAttackTests.AttackerWithEveryReportAsync(queries);
        after.Attack();

        Assert.Empty(before.Contradictions);
        Assert.Empty(after.Contradictions);
        Assert.Equal(before.Figures.ToHashSet(), after.Figures.ToHashSet());
        var pinned = after.Figures
            .Select(id => (id, Before: before.Bounds(id), After: after.Bounds(id)))
            .Select(f => (f.id, Low: Math.Max(0, f.After.Low - f.Before.High), High: f.After.High - f.Before.Low))
            .Where(f => f.Low == f.High && f.Low is >= 1 and <= 4)
            .Select(f => $"{f.id}: after minus before exactly {f.Low}")
            .ToList();
        Assert.True(pinned.Count == 0, $"{pinned.Count} figures whose change is pinned, e.g.:\n{string.Join("\n", pinned.Take(20))}");
    }

    private async Task AddOnePersonsRecordsAsync()
    {
        await using var db = await app.DbAsync();
        var client = db.Clients.Where(c => c.LastName == DifferencingCaseload.Surname).OrderBy(c => c.CaseNumber).First();
        var random = new Random(99);
        int Key()
        {
            Span<byte> bytes = stackalloc byte[sizeof(int)];
            random.NextBytes(bytes);
            return BitConverter.ToInt32(bytes);
        }

        Referral Referral(PartnerType type, params ReferralStep[] steps)
        {
            var partner = db.Partners.First(p => p.Type == type);
            var referral = Domain.Referrals.Referral.Propose(client.Id, partner, "Grund der Vermittlung", null, On, SteeringReportData.Today, SteeringReportData.Actor, DateTimeOffset.UtcNow);
            referral.Progress.Record(steps, SteeringReportData.Today, null);
            referral.ReportKey = Key();
            return referral;
        }

        db.Referrals.Add(Referral(PartnerType.SubstitutionPractice, new ReferralStep(ReferralStatus.Requested, On.AddDays(1)), new ReferralStep(ReferralStatus.AppointmentAgreed, On.AddDays(3)), new ReferralStep(ReferralStatus.Admitted, On.AddDays(6))));
        db.Referrals.Add(Referral(PartnerType.HomelessHelp, new ReferralStep(ReferralStatus.Requested, On.AddDays(2))));
        var need = UnmetNeed.Record(client.Id, PartnerType.ElderCare, null, On, SteeringReportData.Actor, DateTimeOffset.UtcNow);
        need.ReportKey = Key();
        db.UnmetNeeds.Add(need);
        await db.SaveChangesAsync();
    }
}
