using CaseManagement.Application.Audit;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Reports;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Reports;

/// <summary>Where the needs-analysis page gets its figures from (the query; a stand-in in component tests).</summary>
public interface INeedsAnalysisSource
{
    Task<NeedsAnalysis> RunAsync(ReportPeriod period, CancellationToken cancellationToken = default);

    /// <summary>The years the analysis can be asked for (those of the steering report).</summary>
    Task<IReadOnlyList<int>> YearsAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// Computes the needs analysis of the network (Bedarfsanalyse) for a fixed period (<see cref="ReportPeriod"/>)
/// and the same span a year before, with the steering report's definitions and protection:
/// </summary>
/// <remarks>
/// <para><b>One definition per figure.</b> Referrals, their status at the period's end, revolving doors
/// and waiting days come from <see cref="ReferralFigures"/>, which the steering report counts too; the
/// counting and the people behind each figure from <see cref="ReportCounting"/>/<see cref="PeopleTally"/>;
/// the medians from <see cref="WaitingDaysStatistics"/>.</para>
/// <para><b>Small figures.</b> Every count is published with the cell-key method
/// (<see cref="CellKeyPerturbation"/>) from the sum of its records' keys. A figure that the steering
/// report also shows (referrals per type, declined, dropped out, revolving doors per type) has the same
/// records, hence the same key and the same published value there and here; "aufgenommen" (admitted or
/// completed by the end) and the unmet needs are figures of their own with their own keys. Neither
/// subtracting one figure from another nor comparing the two reports pins a hidden cell, for the
/// reasons in docs/architecture.md ("no small figure across reports"); only fixed periods exist.</para>
/// <para><b>Waiting.</b> Medians from 5 people, as in the steering report; the 90th percentile from
/// 10 (<see cref="NeedsAnalysis.PercentilePeople"/>). They are not counts and are not perturbed.</para>
/// </remarks>
public sealed class NeedsAnalysisQuery(
    IDbContextFactory<CaseManagementDbContext> contextFactory, ISteeringReportSource steering, AuditTrail audit, TimeProvider clock) : INeedsAnalysisSource
{
    /// <summary>The columns of the demand table: the status at the period's end, in four groups.</summary>
    internal enum DemandColumn
    {
        /// <summary>Still at the hand-over: proposed, requested or appointment agreed.</summary>
        Open = 0,
        Admitted = 1,
        Declined = 2,
        DroppedOut = 3,
    }

    private const int ParallelQueries = 2;

    public async Task<NeedsAnalysis> RunAsync(ReportPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var previous = period.SameSpanYearBefore;
        var current = await CountAsync(period, cancellationToken);
        var before = await CountAsync(previous, cancellationToken);
        Dictionary<Guid, (string Name, PartnerType Type)> partners;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            partners = await db.Partners.AsNoTracking().ToDictionaryAsync(p => p.Id, p => (p.Name, p.Type), cancellationToken);
        }

        return Assemble(period, previous, current, before, partners, clock.GetUtcNow());
    }

    public Task<IReadOnlyList<int>> YearsAsync(CancellationToken cancellationToken = default) => steering.YearsAsync(cancellationToken);

    /// <summary>Audits a download: who exported which period in which format; no client is named.</summary>
    public Task RecordExportAsync(StaffMember actor, ReportPeriod period, string format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        return audit.RecordAsync(actor, AuditAction.Exported, clientId: null, caseNumber: null, category: null, ["Bedarfsanalyse", period.Label, format], cancellationToken);
    }

    // ----- counting --------------------------------------------------------------------------------

    /// <summary>A waiting referral's days, grouped: per partner and person, how many waited how long.</summary>
    internal sealed record WaitingCount(Guid PartnerId, int PartnerType, Guid ClientId, int Days, int Count);

    internal sealed record PeriodCounts(TableCounts Demand, TableCounts RevolvingDoors, TableCounts UnmetNeeds, IReadOnlyList<WaitingCount> Waiting);

    internal async Task<PeriodCounts> CountAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var first = period.From;
        var last = period.To;
        using var slots = new SemaphoreSlim(ParallelQueries);
        var counting = new ReportCounting(contextFactory, slots, cancellationToken);

        // The steering report's referral events, their status grouped into the four columns.
        var demand = counting.CountEvents(db => ReferralFigures.ByTypeAndStatus(db, first, last)
            .Select(e => new ReportEvent
            {
                Row = e.Row,
                Column = e.Column == (int)ReferralStatus.Admitted || e.Column == (int)ReferralStatus.Completed ? (int)DemandColumn.Admitted
                    : e.Column == (int)ReferralStatus.Declined ? (int)DemandColumn.Declined
                    : e.Column == (int)ReferralStatus.DroppedOut ? (int)DemandColumn.DroppedOut
                    : (int)DemandColumn.Open,
                Person = e.Person,
                Key = e.Key,
            }));
        var revolvingDoors = counting.CountEvents(db => ReferralFigures.RevolvingDoors(db, first, last));
        var unmetNeeds = counting.CountEvents(db => db.UnmetNeeds
            .Where(n => n.RecordedOn >= first && n.RecordedOn <= last)
            .Select(n => new ReportEvent { Row = (int)n.ServiceType, Column = 0, Person = n.ClientId, Key = n.ReportKey }));
        var waiting = counting.Run(db => ReferralFigures.Waiting(db, first, last)
            .GroupBy(w => new { w.PartnerId, w.PartnerType, w.ClientId, w.Days })
            .Select(g => new WaitingCount(g.Key.PartnerId, g.Key.PartnerType, g.Key.ClientId, g.Key.Days, g.Count())));
        return new PeriodCounts(await demand, await revolvingDoors, await unmetNeeds, await waiting);
    }

    /// <summary>The true counts behind the tables of <paramref name="period"/>, unperturbed: for tests only. Never shown.</summary>
    internal async Task<IReadOnlyDictionary<string, FigureTable>> TrueTablesAsync(ReportPeriod period, CancellationToken cancellationToken = default)
    {
        var counts = await CountAsync(period, cancellationToken);
        return new Dictionary<string, FigureTable>
        {
            ["nachfrage"] = DemandShape.Count("Nachfrage", counts.Demand.Cells),
            ["drehtuer"] = RevolvingDoorShape.Count("Drehtür", counts.RevolvingDoors.Cells),
            ["bedarf-ohne-angebot"] = UnmetNeedShape.Count("Bedarf ohne Angebot", counts.UnmetNeeds.Cells),
        };
    }

    // ----- assembling ------------------------------------------------------------------------------

    private static readonly (int Key, string Label)[] PartnerTypeRows = [.. Enum.GetValues<PartnerType>().Select(t => ((int)t, t.German()))];

    private static readonly SteeringReportQuery.TableShape DemandShape = new(
        "Art der Stelle",
        PartnerTypeRows,
        [((int)DemandColumn.Open, "noch in Vermittlung"), ((int)DemandColumn.Admitted, "aufgenommen"), ((int)DemandColumn.Declined, "abgelehnt"), ((int)DemandColumn.DroppedOut, "abgebrochen")]);

    private static readonly SteeringReportQuery.TableShape RevolvingDoorShape = new(
        "Art der Stelle",
        [.. Enum.GetValues<PartnerType>().Where(t => t != PartnerType.Other).Select(t => ((int)t, t.German()))],
        [(0, "erneute Vermittlungen")]);

    private static readonly SteeringReportQuery.TableShape UnmetNeedShape = new("Art der benötigten Stelle", PartnerTypeRows, [(0, "Bedarfe ohne Angebot")]);

    internal static NeedsAnalysis Assemble(
        ReportPeriod period, ReportPeriod previous, PeriodCounts current, PeriodCounts before,
        IReadOnlyDictionary<Guid, (string Name, PartnerType Type)> partners, DateTimeOffset generatedAt)
    {
        ReportSection Section(string key, string title, ReportUnit unit, string explanation, SteeringReportQuery.TableShape shape, Func<PeriodCounts, TableCounts> counts) =>
            new(key, title, unit, explanation, shape.Publish(title, unit, counts(current)), shape.Publish(title, unit, counts(before)));

        ReportSection[] sections =
        [
            Section(
                "nachfrage",
                "Nachfrage nach Art der Stelle",
                ReportUnit.Referrals,
                "Vermittlungen, die im Zeitraum vorgeschlagen wurden, nach ihrem Stand am Ende des Zeitraums: aufgenommen (auch schon abgeschlossen), abgelehnt, abgebrochen oder noch in Vermittlung. Gesamt ist die Zahl der Vermittlungen, wie im Kennzahlenbericht.",
                DemandShape,
                c => c.Demand),
            Section(
                "drehtuer",
                "Erneute Vermittlungen (Drehtüreffekt)",
                ReportUnit.Referrals,
                "Vermittlungen des Zeitraums an eine Stelle derselben Art, an die dieselbe Person in den 12 Monaten davor schon vermittelt worden war (die Stelle war angefragt). „Sonstige Stelle“ wird nicht verglichen.",
                RevolvingDoorShape,
                c => c.RevolvingDoors),
            Section(
                "bedarf-ohne-angebot",
                "Bedarf ohne Angebot",
                ReportUnit.UnmetNeeds,
                "Im Zeitraum festgestellte Bedarfe, für die keine passende Stelle im Verzeichnis zu finden war, nach der Art der benötigten Stelle.",
                UnmetNeedShape,
                c => c.UnmetNeeds),
        ];

        var byType = Enum.GetValues<PartnerType>()
            .Select(t => Spread(t.German(), null, current.Waiting.Where(w => w.PartnerType == (int)t), before.Waiting.Where(w => w.PartnerType == (int)t)))
            .ToList();
        var byPartner = current.Waiting.Select(w => w.PartnerId).Concat(before.Waiting.Select(w => w.PartnerId)).Distinct()
            .Select(id => (Id: id, Partner: partners.TryGetValue(id, out var p) ? p : ("(unbekannte Stelle)", PartnerType.Other)))
            .Select(x => Spread(x.Partner.Item1, x.Partner.Item2.German(), current.Waiting.Where(w => w.PartnerId == x.Id), before.Waiting.Where(w => w.PartnerId == x.Id)))
            .Where(s => s.Median is not null || s.PreviousMedian is not null)
            .OrderBy(s => s.PartnerType, StringComparer.Ordinal).ThenBy(s => s.Label, StringComparer.CurrentCulture)
            .ToList();
        return new NeedsAnalysis(period, previous, generatedAt, sections, byType, byPartner);
    }

    private static WaitingSpread Spread(string label, string? partnerType, IEnumerable<WaitingCount> now, IEnumerable<WaitingCount> then)
    {
        var (median, percentile) = Statistics([.. now]);
        var (previousMedian, previousPercentile) = Statistics([.. then]);
        return new WaitingSpread(label, partnerType, median, percentile, previousMedian, previousPercentile);
    }

    /// <summary>Median from <see cref="NeedsAnalysis.MedianPeople"/> people, 90th percentile from <see cref="NeedsAnalysis.PercentilePeople"/>.</summary>
    internal static (double? Median, int? Percentile90) Statistics(IReadOnlyCollection<WaitingCount> waiting)
    {
        var people = waiting.Select(w => w.ClientId).Distinct().Count();
        var histogram = waiting.GroupBy(w => w.Days).Select(g => (g.Key, g.Sum(w => w.Count))).ToList();
        return (
            people >= NeedsAnalysis.MedianPeople ? WaitingDaysStatistics.Median(histogram) : null,
            people >= NeedsAnalysis.PercentilePeople ? WaitingDaysStatistics.Percentile(histogram, 90) : null);
    }
}
