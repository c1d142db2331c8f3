using System.Linq.Expressions;
using CaseManagement.Application.Audit;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Appointments;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Reports;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Persistence.Faults;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Reports;

/// <summary>Where the plan that counts for a client stands at the end of the period.</summary>
public enum PlanStanding
{
    /// <summary>Entwurf: no version agreed yet.</summary>
    Draft = 1,

    /// <summary>Vereinbart: an agreed version is in force.</summary>
    Agreed = 2,

    /// <summary>In Fortschreibung: an agreed version is being reviewed (the newest version is a draft).</summary>
    InReview = 3,

    /// <summary>Abgeschlossen.</summary>
    Closed = 4,
}

/// <summary>Where the page gets its report from (the query; a stand-in in component tests).</summary>
public interface ISteeringReportSource
{
    Task<SteeringReport> RunAsync(ReportPeriod period, CancellationToken cancellationToken = default);

    /// <summary>The years a report can be asked for: from the first year with a case or an appointment to this year, newest first.</summary>
    Task<IReadOnlyList<int>> YearsAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// Computes the steering report (Lenkungsrunde) for a period and the same span a year before: every
/// figure is counted by the database (GROUP BY with COUNT and the sum of the record keys, people per
/// figure as <see cref="PeopleTally"/> describes; no client row is loaded), then perturbed with the
/// cell-key method (<see cref="CellKeyPerturbation"/>). Runs on PostgreSQL and SQLite.
/// </summary>
/// <remarks>
/// <para><b>Who is counted.</b> "Klient:innen im Zeitraum" are the clients with a case episode that
/// overlaps the period. Ages are taken on 31 December of the period's year
/// (<see cref="ReportPeriod.AgeReferenceDate"/>), the same day for every report of a year. Plans, goals, appointments and
/// referrals are read as they stood at the end of the period where the data allows it (plan
/// versions by their creation, agreement and closing dates; referral status by the dates of its
/// steps); step statuses have no dates, so goals show their steps' current status.</para>
/// <para><b>People or events.</b> Tables of clients and plans count people, one row per person. Cases
/// (episodes), goals, appointments and referrals are counted as events, and a figure is small when
/// few different people stand behind it (<see cref="PeopleCounts"/>); an anonymous contact counts as a
/// person of its own. The column header says which ("Personen", "Termine", …).</para>
/// <para><b>Keys.</b> The key of a figure of people is the sum of its clients' record keys, that of a
/// figure of events the sum of the events' own keys; a total's key is its cells' together. The same
/// people or events therefore get the same published figure in every report.</para>
/// <para><b>Scope.</b> The figures are the cooperation's, for both organisations jointly, whoever asks
/// (Lenkungsrunde or a team lead): a per-organisation version of the same tables would be one more
/// set of overlapping figures for nothing.</para>
/// </remarks>
public sealed class SteeringReportQuery(IDbContextFactory<CaseManagementDbContext> contextFactory, AuditTrail audit, TimeProvider clock) : ISteeringReportSource
{
    public async Task<SteeringReport> RunAsync(ReportPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var previous = period.SameSpanYearBefore;
        // Both periods side by side, each a few queries at a time (see Run).
        using var currentSlots = new SemaphoreSlim(ParallelQueriesPerPeriod);
        using var previousSlots = new SemaphoreSlim(ParallelQueriesPerPeriod);
        var currentCounts = CountAsync(period, currentSlots, cancellationToken);
        var beforeCounts = CountAsync(previous, previousSlots, cancellationToken);
        var current = await currentCounts;
        var before = await beforeCounts;
        var now = clock.GetUtcNow();
        var trainingDay = period.To < GermanCalendar.DateOf(now) ? period.To : GermanCalendar.DateOf(now);
        IReadOnlyList<Trainings.OrganisationTopicCoverage> trainings;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            trainings = await Trainings.TrainingCoverageQuery.OrganisationsAsync(db, trainingDay, cancellationToken);
        }

        return Assemble(period, previous, current, before, now) with { Trainings = trainings, TrainingDay = trainingDay };
    }

    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken cancellationToken = default)
    {
        var thisYear = GermanCalendar.DateOf(clock.GetUtcNow()).Year;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var firstEpisode = await db.Episodes.MinAsync(e => (DateOnly?)e.StartedOn, cancellationToken);
        var firstAppointment = await db.Appointments.MinAsync(a => (DateTimeOffset?)a.Start, cancellationToken);
        var first = new[] { firstEpisode?.Year, firstAppointment is { } start ? GermanCalendar.DateOf(start).Year : null }.Min() ?? thisYear;
        first = Math.Clamp(first, ReportPeriodInput.EarliestYear, thisYear);
        return [.. Enumerable.Range(first, thisYear - first + 1).Reverse()];
    }

    /// <summary>Audits a download: who exported which period in which format; no client is named.</summary>
    public Task RecordExportAsync(StaffMember actor, ReportPeriod period, string format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        return audit.RecordAsync(actor, AuditAction.Exported, clientId: null, caseNumber: null, category: null, ["Kennzahlen", period.Label, format], cancellationToken);
    }

    // ----- counting --------------------------------------------------------------------------------

    internal sealed record PeriodCounts(
        TableCounts Clients,
        TableCounts NewCases,
        TableCounts ClosedCases,
        TableCounts Plans,
        TableCounts Goals,
        TableCounts Appointments,
        TableCounts Referrals,
        TableCounts RevolvingDoors,
        List<CountRow> WaitingDays,
        TableCounts WaitingPeople);

    /// <summary>
    /// Queries of one period running at once (both periods run side by side): enough to keep two
    /// cores of a small server busy, few enough not to crowd each other out of memory.
    /// </summary>
    private const int ParallelQueriesPerPeriod = 2;

    /// <summary>
    /// PostgreSQL's default work_mem (4 MB) is tight for the hash aggregates over a year of
    /// appointments; the report's read-only transactions get more, for themselves only.
    /// JIT compilation is switched off for them: the planner's cost estimate of the readmission
    /// subquery crosses jit_above_cost, and compiling takes tens of milliseconds of CPU for a query
    /// that runs a few hundred; the report's queries are short scans and aggregates that gain nothing.
    /// random_page_cost as for SSDs (the default of 4 assumes spinning disks): only then does the
    /// planner read the covering indexes in key order and merge-join them, instead of hashing
    /// tens of thousands of UUIDs, which cost more than anything else in these queries.
    /// </summary>
    internal const string PostgresSettings = "SET LOCAL work_mem = '64MB'; SET LOCAL jit = off; SET LOCAL random_page_cost = 1.1";

    private async Task<PeriodCounts> CountAsync(ReportPeriod period, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        var first = period.From;
        var last = period.To;
        var fromInstant = GermanCalendar.At(first, TimeOnly.MinValue);
        var endInstant = GermanCalendar.At(last.AddDays(1), TimeOnly.MinValue);
        var adolescentAfter = AgeGroups.BirthDateRange(AgeGroup.Adolescent, period.AgeReferenceDate).EarliestBirthDate.AddDays(-1);
        var youngAdultAfter = AgeGroups.BirthDateRange(AgeGroup.YoungAdult, period.AgeReferenceDate).EarliestBirthDate.AddDays(-1);

        // Each query runs on a context of its own, so they can run side by side (see ReportCounting).
        var counting = new ReportCounting(contextFactory, slots, cancellationToken);
        Task<List<T>> Run<T>(Func<CaseManagementDbContext, IQueryable<T>> query)
            where T : class => counting.Run(query);
        Task<TableCounts> CountEvents(Func<CaseManagementDbContext, IQueryable<ReportEvent>> events) => counting.CountEvents(events);
        Task<TableCounts> CountPeople(Func<CaseManagementDbContext, IQueryable<ReportEvent>> people) => counting.CountPeople(people);

        IQueryable<Guid> InCare(CaseManagementDbContext db) =>
            db.Episodes.Where(e => e.StartedOn <= last && (e.EndedOn == null || e.EndedOn >= first)).Select(e => e.ClientId);

        IQueryable<HelpPlan> PlansAsOfEnd(CaseManagementDbContext db)
        {
            var inCare = InCare(db);
            return db.HelpPlans.Where(p => p.CreatedAt < endInstant
                && inCare.Contains(p.ClientId)
                && !db.HelpPlans.Any(later => later.ClientId == p.ClientId && later.CreatedAt < endInstant && later.Version > p.Version));
        }

        // The queries are started longest first, so that the last one to finish is a short one.

        // A goal's progress is stored on the goal (PlanGoal.Progress), so no step is read here.
        var goals = CountEvents(db =>
            from goal in db.PlanGoals
            join plan in PlansAsOfEnd(db) on goal.PlanId equals plan.Id
            select new ReportEvent { Row = (int)goal.Area, Column = (int)goal.Progress, Person = plan.ClientId, Key = goal.ReportKey });

        // An anonymous contact has no person (null): each counts as a person of its own.
        var appointments = CountEvents(db => db.Appointments
            .Where(a => a.Start >= fromInstant && a.Start < endInstant)
            .Select(a => new ReportEvent { Row = (int)a.Type + (a.ClientId == null ? AnonymousRowOffset : 0), Column = (int)a.Outcome, Person = a.ClientId, Key = a.ReportKey }));

        var newCases = CountEvents(db =>
            from e in db.Episodes
            where e.StartedOn >= first && e.StartedOn <= last
            join c in db.Clients on e.ClientId equals c.Id
            select new ReportEvent
            {
                Row = db.Episodes.Any(earlier => earlier.ClientId == e.ClientId && earlier.StartedOn < e.StartedOn) ? 1 : 0,
                Column = c.BirthDate > adolescentAfter ? (int)AgeGroup.Adolescent : c.BirthDate > youngAdultAfter ? (int)AgeGroup.YoungAdult : (int)AgeGroup.Adult,
                Person = e.ClientId,
                Key = e.ReportKey,
            });

        // A figure of people: the key is the clients' (not the plan versions').
        var plans = CountPeople(db =>
            from p in PlansAsOfEnd(db)
            join c in db.Clients on p.ClientId equals c.Id
            select new ReportEvent
            {
                Row = p.ClosedOn != null && p.ClosedOn <= last ? (int)PlanStanding.Closed
                    : p.AgreedOn != null && p.AgreedOn <= last ? (int)PlanStanding.Agreed
                    : p.Version > 1 ? (int)PlanStanding.InReview
                    : (int)PlanStanding.Draft,
                Column = 0,
                Key = c.ReportKey,
            });

        var clients = CountPeople(db =>
        {
            var inCare = InCare(db);
            return db.Clients
                .Where(c => inCare.Contains(c.Id))
                .Select(c => new ReportEvent
                {
                    Row = c.BirthDate > adolescentAfter ? (int)AgeGroup.Adolescent : c.BirthDate > youngAdultAfter ? (int)AgeGroup.YoungAdult : (int)AgeGroup.Adult,
                    Column = (int)c.Gender,
                    Key = c.ReportKey,
                });
        });

        var closedCases = CountEvents(db => db.Episodes
            .Where(e => e.EndedOn >= first && e.EndedOn <= last && e.ClosureReason != null)
            .Select(e => new ReportEvent { Row = (int)e.ClosureReason!.Value, Column = 0, Person = e.ClientId, Key = e.ReportKey }));

        var referrals = CountEvents(db => ReferralFigures.ByTypeAndStatus(db, first, last));

        var revolvingDoors = CountEvents(db => ReferralFigures.RevolvingDoors(db, first, last));

        var waitingDays = Run(db => ReferralFigures.Waiting(db, first, last)
            .GroupBy(w => new { w.PartnerType, w.Days })
            .Select(g => new CountRow(g.Key.PartnerType, g.Key.Days, g.Count(), 0)));

        var waitingPeople = CountEvents(db => ReferralFigures.Waiting(db, first, last)
            .Select(w => new ReportEvent { Row = w.PartnerType, Column = 0, Person = w.ClientId, Key = 0 }));

        return new PeriodCounts(
            await clients, await newCases, await closedCases, await plans, await goals,
            await appointments, await referrals, await revolvingDoors, await waitingDays, await waitingPeople);
    }

    /// <summary>Rows of the appointments table: the six types with a client, then the anonymous contacts of the two types that allow them.</summary>
    private static int AppointmentRow(int type, bool anonymous) => anonymous ? AnonymousRowOffset + type : type;

    /// <summary>Added to the type for anonymous contacts; in queries written as <c>type + (client == null ? offset : 0)</c>, which EF can translate.</summary>
    private const int AnonymousRowOffset = 100;

    // ----- assembling ------------------------------------------------------------------------------

    /// <summary>A table of the report: what it shows and which counts of a period fill it.</summary>
    internal sealed record SectionDefinition(string Key, string Title, ReportUnit Unit, string Explanation, TableShape Shape, Func<PeriodCounts, TableCounts> Counts)
    {
        public ReportSection Publish(PeriodCounts current, PeriodCounts before) =>
            new(Key, Title, Unit, Explanation, Shape.Publish(Title, Unit, Counts(current)), Shape.Publish(Title, Unit, Counts(before)));
    }

    /// <summary>The tables in the order of the report.</summary>
    internal static IReadOnlyList<SectionDefinition> Sections { get; } =
    [
        new(
            "klienten",
            "Klient:innen nach Altersgruppe und Geschlecht",
            ReportUnit.People,
            "Personen mit einer Fallepisode, die in den Zeitraum fällt; Alter am 31.12. des Jahres, für alle Zeiträume eines Jahres gleich.",
            new TableShape(
                "Altersgruppe",
                [.. Enum.GetValues<AgeGroup>().Select(a => ((int)a, GermanLabels.Of(a)))],
                [.. new[] { Gender.Female, Gender.Male, Gender.Diverse, Gender.NotStated }.Select(g => ((int)g, GermanLabels.Of(g)))]),
            c => c.Clients),
        new(
            "neue-faelle",
            "Neue Fälle nach Art der Aufnahme",
            ReportUnit.Cases,
            "Fallepisoden, die im Zeitraum begonnen haben; Wiederaufnahme heißt, dieselbe Person hatte schon eine frühere Episode.",
            new TableShape(
                "Aufnahme",
                [(0, "Erstaufnahme"), (1, "Wiederaufnahme")],
                [.. Enum.GetValues<AgeGroup>().Select(a => ((int)a, GermanLabels.Of(a)))]),
            c => c.NewCases),
        new(
            "abschluesse",
            "Abgeschlossene Fälle nach Abschlussgrund",
            ReportUnit.Cases,
            "Fallepisoden, die im Zeitraum beendet wurden, nach dem Grund des Abschlusses.",
            new TableShape("Abschlussgrund", [.. Enum.GetValues<ClosureReason>().Select(r => ((int)r, GermanLabels.Of(r)))], [(0, "Fälle")]),
            c => c.ClosedCases),
        new(
            "hilfeplaene",
            "Hilfepläne nach Stand",
            ReportUnit.People,
            "Klient:innen im Zeitraum mit einem Hilfeplan, nach dem Stand ihres Plans am Ende des Zeitraums.",
            new TableShape(
                "Stand des Hilfeplans",
                [((int)PlanStanding.Draft, "Entwurf"), ((int)PlanStanding.Agreed, "Vereinbart"), ((int)PlanStanding.InReview, "In Fortschreibung"), ((int)PlanStanding.Closed, "Abgeschlossen")],
                [(0, "Personen")]),
            c => c.Plans),
        new(
            "ziele",
            "Ziele nach Handlungsfeld und Stand",
            ReportUnit.Goals,
            "Ziele der am Ende des Zeitraums maßgeblichen Hilfepläne; der Stand ergibt sich aus den Schritten (aktueller Stand).",
            new TableShape(
                "Handlungsfeld",
                [.. Enum.GetValues<PlanArea>().Select(a => ((int)a, GermanLabels.Of(a)))],
                [((int)GoalProgress.Open, "offen"), ((int)GoalProgress.InProgress, "in Arbeit"), ((int)GoalProgress.Achieved, "erreicht"), ((int)GoalProgress.Dropped, "entfallen")]),
            c => c.Goals),
        new(
            "termine",
            "Termine und Kontakte nach Art und Ergebnis",
            ReportUnit.Appointments,
            "Termine mit Beginn im Zeitraum, einschließlich anonymer aufsuchender Kontakte und Kriseninterventionen ohne Klientenakte.",
            new TableShape(
                "Art",
                [
                    .. Enum.GetValues<AppointmentType>().Select(t => (AppointmentRow((int)t, anonymous: false), t.German())),
                    .. Enum.GetValues<AppointmentType>().Where(AppointmentRules.MayBeAnonymous).Select(t => (AppointmentRow((int)t, anonymous: true), $"{t.German()} (anonym)")),
                ],
                [.. Enum.GetValues<AppointmentOutcome>().Select(o => ((int)o, o.German()))]),
            c => c.Appointments),
        new(
            "vermittlungen",
            "Vermittlungen nach Art der Stelle und Stand",
            ReportUnit.Referrals,
            "Vermittlungen, die im Zeitraum vorgeschlagen wurden, nach ihrem Stand am Ende des Zeitraums.",
            new TableShape(
                "Art der Stelle",
                [.. Enum.GetValues<PartnerType>().Select(t => ((int)t, t.German()))],
                [.. Enum.GetValues<ReferralStatus>().Select(s => ((int)s, s.German()))]),
            c => c.Referrals),
        new(
            "drehtuer",
            "Erneute Vermittlungen (Drehtüreffekt)",
            ReportUnit.Referrals,
            "Vermittlungen des Zeitraums an eine Stelle derselben Art, an die dieselbe Person in den 12 Monaten davor schon vermittelt worden war (die Stelle war angefragt). „Sonstige Stelle“ wird nicht verglichen.",
            new TableShape(
                "Art der Stelle",
                [.. Enum.GetValues<PartnerType>().Where(t => t != PartnerType.Other).Select(t => ((int)t, t.German()))],
                [(0, "erneute Vermittlungen")]),
            c => c.RevolvingDoors),
    ];

    /// <summary>
    /// The true counts behind every table of <paramref name="period"/>, unperturbed: for tests that
    /// check what a reader of the published report can and cannot work out. Never shown.
    /// </summary>
    internal async Task<IReadOnlyDictionary<string, FigureTable>> TrueTablesAsync(ReportPeriod period, CancellationToken cancellationToken = default)
    {
        using var slots = new SemaphoreSlim(ParallelQueriesPerPeriod);
        var counts = await CountAsync(period, slots, cancellationToken);
        return Sections.ToDictionary(s => s.Key, s => s.Shape.Count(s.Title, s.Counts(counts).Cells));
    }

    internal static SteeringReport Assemble(ReportPeriod period, ReportPeriod previous, PeriodCounts current, PeriodCounts before, DateTimeOffset generatedAt)
    {
        var sections = Sections.Select(s => s.Publish(current, before)).ToList();
        var closures = sections.Single(s => s.Key == "abschluesse");
        var appointments = sections.Single(s => s.Key == "termine");

        var integrationRows = new[] { ClosureReason.WorkTakenUp, ClosureReason.Apprenticeship, ClosureReason.Qualification, ClosureReason.RehabStarted }
            .Select(r => Array.IndexOf(Enum.GetValues<ClosureReason>(), r))
            .ToList();
        var outreachRows = appointments.Current.RowLabels
            .Select((label, index) => (label, index))
            .Where(x => x.label.StartsWith(AppointmentType.Outreach.German(), StringComparison.Ordinal)
                || x.label.StartsWith(AppointmentType.CrisisIntervention.German(), StringComparison.Ordinal))
            .Select(x => x.index)
            .ToList();
        ReportExcerpt[] excerpts =
        [
            new(
                "integration",
                "Integrationsergebnisse",
                "Fälle, die mit Arbeitsaufnahme, Ausbildung, Qualifizierungsmaßnahme oder angetretener Reha abgeschlossen wurden (Zeilen der Tabelle „Abgeschlossene Fälle“).",
                closures,
                integrationRows),
            new(
                "aufsuchend",
                "Aufsuchende Kontakte und Kriseninterventionen",
                "Kontakte außerhalb der Dienststellen, mit Klientenakte und anonym (Zeilen der Tabelle „Termine und Kontakte“); jeder anonyme Kontakt zählt als eigene Person.",
                appointments,
                outreachRows),
        ];

        var waiting = Enum.GetValues<PartnerType>()
            .Select(t => new WaitingTimeRow(t.German(), Median(current, (int)t), Median(before, (int)t)))
            .ToList();

        return new SteeringReport(period, previous, generatedAt, sections, excerpts, waiting);
    }

    /// <summary>The median waiting days of one partner type (the mean of the two middle values for an even count), or null below <see cref="SteeringReport.MedianPeople"/> people.</summary>
    internal static double? Median(PeriodCounts counts, int partnerType)
    {
        if (counts.WaitingPeople.People is not { } people || !people.TryGetValue((partnerType, null), out var waiting) || waiting < SteeringReport.MedianPeople)
        {
            return null;
        }

        return WaitingDaysStatistics.Median(counts.WaitingDays.Where(r => r.Row == partnerType).Select(r => (r.Column, r.Count)));
    }

    /// <summary>The rows and columns a table always shows (in this order, zeros included) and how its keys map onto them.</summary>
    internal sealed record TableShape(string RowHeader, IReadOnlyList<(int Key, string Label)> Rows, IReadOnlyList<(int Key, string Label)> Columns)
    {
        /// <summary>The true counts as a table.</summary>
        public FigureTable Count(string title, IReadOnlyList<CountRow> counts) =>
            new(title, RowHeader, Rows.Select(r => r.Label), Columns.Select(c => c.Label), Grid(title, counts, c => c.Count));

        /// <summary>The table as it may be shown: every figure perturbed with its cell key, figures of events judged by their people.</summary>
        public PublishedTable Publish(string title, ReportUnit unit, TableCounts counts)
        {
            var table = Count(title, counts.Cells);
            var keys = new CellKeys(Grid(title, counts.Cells, c => ReportKeys.CellKey(c.KeySum)));
            if (unit == ReportUnit.People)
            {
                return CellKeyPerturbation.Publish(table, keys);
            }

            var people = counts.People ?? throw new InvalidOperationException($"'{title}' counts events but has no people.");
            int PeopleAt(int? rowKey, int? columnKey) => people.GetValueOrDefault((rowKey, columnKey));
            var cells = new int[Rows.Count, Columns.Count];
            for (var r = 0; r < Rows.Count; r++)
            {
                for (var c = 0; c < Columns.Count; c++)
                {
                    cells[r, c] = PeopleAt(Rows[r].Key, Columns[c].Key);
                }
            }

            return CellKeyPerturbation.Publish(
                table,
                keys,
                new PeopleCounts(cells, [.. Rows.Select(r => PeopleAt(r.Key, null))], [.. Columns.Select(c => PeopleAt(null, c.Key))], PeopleAt(null, null)));
        }

        private T[,] Grid<T>(string title, IReadOnlyList<CountRow> counts, Func<CountRow, T> value)
            where T : struct
        {
            var rowIndex = Rows.Select((r, i) => (r.Key, i)).ToDictionary(x => x.Key, x => x.i);
            var columnIndex = Columns.Select((c, i) => (c.Key, i)).ToDictionary(x => x.Key, x => x.i);
            var grid = new T[Rows.Count, Columns.Count];
            foreach (var count in counts)
            {
                // A key outside the shape (an enum value added later) must not vanish silently.
                if (!rowIndex.TryGetValue(count.Row, out var r) || !columnIndex.TryGetValue(count.Column, out var c))
                {
                    throw new InvalidOperationException($"'{title}': no row/column for key ({count.Row}, {count.Column}).");
                }

                grid[r, c] = value(count);
            }

            return grid;
        }
    }
}
