using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using CaseManagement.Application.Appointments;
using CaseManagement.Application.Clients;
using CaseManagement.Application.HelpPlans;
using CaseManagement.Application.Referrals;
using CaseManagement.Application.Staff;
using CaseManagement.Application.Team;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CaseManagement.Reports.Benchmark;

/// <summary>
/// Times the everyday pages through the application's own query services (the classes the Blazor
/// pages call, with their audit writes), for a caseworker of each organisation with a typical
/// caseload, a Jobcenter team lead of a team of 15 and the Jobcenter team lead without a team (the
/// whole organisation). Prints p50/p95/p99 per page against its target; for every page above its
/// target the SQL it ran with durations and each query's plan, flagging sequential scans of large tables.
/// </summary>
internal sealed partial class PagesBenchmark(IServiceProvider services, Options options, ShiftedClock clock)
{
    private const int LargeTable = 10_000;

    private readonly IDbContextFactory<CaseManagementDbContext> _contexts = services.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>();

    /// <param name="WarmUpCalls">Untimed calls first: enough to reach every query the timed calls make (EF Core compiles each on its first call).</param>
    private sealed record Scenario(string Page, string User, double TargetMs, Func<int, Task> Run, int WarmUpCalls = 2);

    /// <param name="SlowestCall">The number of the slowest timed call: the one whose plans are shown.</param>
    private sealed record Measured(Scenario Scenario, double[] Sorted, double DatabaseCpuPerCall, double OwnCpuPerCall, int SlowestCall)
    {
        public double P(double q) => Sorted[Math.Clamp((int)Math.Ceiling(q * Sorted.Length) - 1, 0, Sorted.Length - 1)];

        public bool Met => P(0.95) <= Scenario.TargetMs;
    }

    public async Task<int> RunAsync()
    {
        var today = clock.Today;
        var caseload = services.GetRequiredService<CaseloadQueryHandler>();
        var files = services.GetRequiredService<ClientFileQuery>();
        var appointments = services.GetRequiredService<AppointmentQuery>();
        var referrals = services.GetRequiredService<ReferralQuery>();
        var plans = services.GetRequiredService<HelpPlanQuery>();
        var workload = services.GetRequiredService<TeamWorkloadQuery>();
        var directory = services.GetRequiredService<StaffDirectory>();

        Print($"Clock of the application: {clock.GetUtcNow():yyyy-MM-dd HH:mm} UTC (today {today:yyyy-MM-dd}; the generated data end {BenchmarkCaseload.LastDay:yyyy-MM-dd}).");
        if (options.Provider == DatabaseProvider.PostgreSql)
        {
            Print($"PostgreSQL: {await SettingsAsync("shared_buffers", "huge_pages", "effective_cache_size")}");
        }

        var scenarios = new List<Scenario>();
        foreach (var organisation in new[] { Organisation.Jobcenter, Organisation.DrugHelpService })
        {
            var worker = await TypicalCaseworkerAsync(directory, organisation);
            var sample = await SampleAsync(worker.Member);
            var label = $"{worker.Member.Id} ({worker.Caseload} Fälle, {worker.Active} laufend)";
            Print($"{(organisation == Organisation.Jobcenter ? "Fallmanager:in" : "Fachkraft Drogenhilfe")} with a typical caseload: {label}; {sample.Clients.Count} sample clients, {sample.WithPlan.Count} with a plan, search \"{sample.SearchTerm}\"");
            var me = worker.Member;
            var secondPage = (await caseload.GetPageAsync(me, new CaseloadQuery())).NextCursor;
            scenarios.Add(new("Fallbestand: erste Seite", label, 10, _ => caseload.GetPageAsync(me, new CaseloadQuery())));
            scenarios.Add(new("Fallbestand: nach Name", label, 10, _ => caseload.GetPageAsync(me, new CaseloadQuery { Sort = CaseloadSort.Name })));
            scenarios.Add(new("Fallbestand: Filter laufend + Einwilligung gültig", label, 10,
                _ => caseload.GetPageAsync(me, new CaseloadQuery { Status = CaseStatusFilter.Active, Consent = ConsentFilter.Valid })));
            scenarios.Add(new("Fallbestand: Suche (Name)", label, 10, _ => caseload.GetPageAsync(me, new CaseloadQuery { Search = sample.SearchTerm })));
            scenarios.Add(new("Fallbestand: Seite 2", label, 10, _ => caseload.GetPageAsync(me, new CaseloadQuery { After = secondPage })));
            scenarios.Add(new("Klientenseite: Akte", label, 10, i => files.OpenAsync(me, sample.Clients[i % sample.Clients.Count])));
            scenarios.Add(new("Klientenseite: Termine", label, 10, i => appointments.ForClientAsync(me, sample.Clients[i % sample.Clients.Count])));
            scenarios.Add(new("Klientenseite: Vermittlungen", label, 10, i => referrals.ForClientAsync(me, sample.Clients[i % sample.Clients.Count])));
            scenarios.Add(new("Klientenseite: alle drei zusammen", label, 30, async i =>
            {
                var id = sample.Clients[i % sample.Clients.Count];
                await files.OpenAsync(me, id);
                await appointments.ForClientAsync(me, id);
                await referrals.ForClientAsync(me, id);
            }));
            scenarios.Add(new("Hilfeplan geöffnet", label, 10, i => plans.OpenAsync(me, sample.WithPlan[i % sample.WithPlan.Count])));
            scenarios.Add(new("Eigene Woche (Abfrage)", label, 10, _ => appointments.WeekAsync(me, today, [me.Id])));
            // /termine: the page names one's team (TeamDirectory) and reads the week; the list of all
            // caseworkers only when someone else's week is asked for.
            var teams = services.GetRequiredService<TeamDirectory>();
            scenarios.Add(new("Eigene Woche (Seite)", label, 20, async _ =>
            {
                GC.KeepAlive(await teams.TeamOfAsync(me));
                await appointments.WeekAsync(me, today, [me.Id]);
            }));
            scenarios.Add(new("Woche einer anderen Person (Seite: mit Personenliste)", label, 20, async _ =>
            {
                var people = (await directory.CaseworkersOfAsync(Organisation.Jobcenter)).Concat(await directory.CaseworkersOfAsync(Organisation.DrugHelpService)).ToList();
                GC.KeepAlive(await teams.TeamOfAsync(me));
                await appointments.WeekAsync(me, today, [people[0].Id]);
            }));
            // /termine?ansicht=team: one's own team, the other side's people in the team's cases, and
            // the whole organisation (what someone without a team sees).
            var myTeam = await teams.TeamOfAsync(me);
            var counterparts = await teams.CounterpartsOfAsync(myTeam);
            // The week page reads the list of all caseworkers only for someone else's week or when asked for.
            scenarios.Add(new($"Teamwoche: eigenes Team (Seite; {myTeam.Caseworkers.Count} Personen)", label, 20, async _ =>
            {
                var team = await teams.TeamOfAsync(me);
                await appointments.WeekAsync(me, today, [.. team.Caseworkers.Select(p => p.Id)]);
            }));
            // Many people (the other side in the team's cases, a whole organisation) are shown a page of 25 at a time.
            scenarios.Add(new($"Teamwoche: andere Seite in Teamfällen (Seite: erste {PeoplePage.Size} von {counterparts.Count} Personen)", label, 20, async _ =>
            {
                var team = await teams.TeamOfAsync(me);
                var others = PeoplePage.Of(await teams.CounterpartsOfAsync(team), after: null);
                await appointments.WeekAsync(me, today, [.. others.Shown.Select(p => p.Id)]);
            }));
            var organisationPeople = await directory.CaseworkersOfAsync(organisation);
            var secondPeoplePage = PeoplePage.Of(organisationPeople, after: null).NextAfter;
            scenarios.Add(new($"Teamwoche: ganze Organisation (Seite: zweite {PeoplePage.Size} von {organisationPeople.Count} Personen)", label, 100, async _ =>
            {
                var team = await teams.TeamOfAsync(me);
                GC.KeepAlive(team);
                await appointments.WeekAsync(me, today, [.. PeoplePage.Of(organisationPeople, secondPeoplePage).Shown.Select(p => p.Id)]);
            }));
        }

        var jobcenterWorker = await TypicalCaseworkerAsync(directory, Organisation.Jobcenter);
        var teamNumber = int.Parse(jobcenterWorker.Member.Id.Split('-')[2], CultureInfo.InvariantCulture);
        foreach (var (leadId, target) in new[] { (EverydayCaseload.TeamLeadId(Organisation.Jobcenter, teamNumber), 20.0), (EverydayCaseload.TeamLeadId(Organisation.Jobcenter, null), 100.0) })
        {
            var lead = await directory.ActiveMemberAsync(leadId) ?? throw new InvalidOperationException($"No account {leadId}: is the caseload enriched?");
            var first = await workload.ForAsync(lead) ?? throw new InvalidOperationException($"{leadId} is no team lead.");
            var teamValue = await TeamValueAsync(leadId);
            var label = $"{leadId} ({teamValue ?? "ohne Team"}; Ansicht: {first.Staff.Count} Personen, {first.Total(WorkloadFigure.ActiveCases)} laufende Fälle)";
            Print($"Team lead: {label}; figures: {string.Join(", ", WorkloadFigures.All.Select(f => $"{f} {first.Total(f)}"))}");
            // Drill-down: the people of the view with something behind each figure, figures in turn.
            var people = first.Staff.Where(s => s.IsCaseworker).Select(s => s.Staff.Id).ToList();
            var figures = WorkloadFigures.All.ToList();
            var searchable = await CaseNumberPartAsync(people[0], lead.Organisation);
            scenarios.Add(new("Teamleitung: /team (ForAsync)", label, target, _ => workload.ForAsync(lead)));
            // Warmed up with every figure once: with two warm-up calls, the first timed call of six
            // figures compiled its query, and those six calls made the round robin's p95 and p99.
            scenarios.Add(new("Teamleitung: Drill-down (CasesAsync, Kennzahlen reihum)", label, target,
                i => workload.CasesAsync(lead, people[i * 7 % people.Count], figures[i % figures.Count]), WarmUpCalls: figures.Count));
            scenarios.Add(new("Teamleitung: Drill-down mit Suche (Fallnummer)", label, target,
                _ => workload.CasesAsync(lead, people[0], WorkloadFigure.ActiveCases, search: searchable)));
            // Which figure a slow drill-down comes from: each figure alone, over the people in turn.
            foreach (var figure in figures)
            {
                scenarios.Add(new($"Teamleitung: Drill-down {figure}", label, target,
                    i => workload.CasesAsync(lead, people[i * 7 % people.Count], figure)));
            }
        }

        if (options.Only is { } only)
        {
            scenarios = [.. scenarios.Where(s => s.Page.Contains(only, StringComparison.OrdinalIgnoreCase))];
        }

        var results = new List<Measured>();
        foreach (var scenario in scenarios)
        {
            results.Add(await MeasureAsync(scenario));
        }

        Print($"");
        Print($"{"Seite",-55} {"n",3} {"p50",8} {"p95",8} {"p99",8} {"Ziel",6} {"DB-CPU",8} {"App-CPU",8}  Nutzer");
        foreach (var r in results)
        {
            var cpu = r.DatabaseCpuPerCall >= 0 ? $"{r.DatabaseCpuPerCall,6:F1}ms" : "       –";
            Print($"{r.Scenario.Page,-55} {r.Sorted.Length,3} {r.P(0.5),6:F1}ms {r.P(0.95),6:F1}ms {r.P(0.99),6:F1}ms {r.Scenario.TargetMs,4:F0}ms {cpu} {r.OwnCpuPerCall,6:F1}ms {(r.Met ? "ok  " : "ÜBER")} {r.Scenario.User}");
        }

        // On a busy machine the wall-clock figures mostly measure waiting for a core; the CPU per call does not.
        Print($"(p95/p99 are nearest-rank over n runs. DB-CPU: CPU per call of the PostgreSQL backends of this database, from /proc;");
        Print($" parallel workers that have ended are not counted. App-CPU: CPU per call of this process, SQLite's work included.)");
        Print($"Load average now {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown")}; {Environment.ProcessorCount} cores");

        var slow = results.Where(r => !r.Met || options.ExplainAll).ToList();
        var tableSizes = await TableSizesAsync();
        foreach (var r in slow)
        {
            await ExplainAsync(r, tableSizes);
        }

        var over = results.Count(r => !r.Met);
        Print($"");
        Print($"{results.Count - over} of {results.Count} pages within their target; {over} above.");
        return 0;
    }

    private async Task<Measured> MeasureAsync(Scenario scenario)
    {
        // Warm-up calls (queries compiled, caches warm), then timed calls: at least 5, at most
        // options.Runs, and no more than about 20 s per page.
        for (var i = 0; i < scenario.WarmUpCalls; i++)
        {
            await scenario.Run(1000 + i);
        }

        var timings = new List<double>();
        var calls = new List<(int Call, double Ms, int Gen2)>();
        var cpuBefore = await DatabaseCpu.ReadAsync(options);
        var ownBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var budget = Stopwatch.StartNew();
        for (var i = 0; i < options.Runs && (i < 5 || budget.Elapsed.TotalSeconds < 20); i++)
        {
            var gen2 = GC.CollectionCount(2);
            var start = Stopwatch.GetTimestamp();
            await scenario.Run(i);
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            timings.Add(ms);
            calls.Add((i, ms, GC.CollectionCount(2) - gen2));
        }

        var own = (Process.GetCurrentProcess().TotalProcessorTime - ownBefore).TotalMilliseconds / timings.Count;
        var cpuAfter = await DatabaseCpu.ReadAsync(options);
        var cpu = cpuBefore >= 0 && cpuAfter >= 0 ? (cpuAfter - cpuBefore) / timings.Count : -1;
        timings.Sort();
        var measured = new Measured(scenario, [.. timings], cpu, own, calls.MaxBy(c => c.Ms).Call);
        Print($"  {scenario.Page} – {scenario.User}: p50 {measured.P(0.5):F1} ms, p95 {measured.P(0.95):F1} ms (n {timings.Count})");
        if (!measured.Met)
        {
            // Which calls were slow (a call number tells the figure or client of a round robin), and
            // whether a full garbage collection of this process fell into them.
            var slowest = calls.OrderByDescending(c => c.Ms).Take(3).Select(c => $"call {c.Call}: {c.Ms:F1} ms{(c.Gen2 > 0 ? " (with a gen-2 GC)" : "")}");
            Print($"    slowest: {string.Join("; ", slowest)}");
            // In order: slow first calls that fade are a cold cache (PostgreSQL without huge pages maps
            // shared buffers into each connection's process page by page, docs/operations.md).
            Print($"    all calls in order (ms): {string.Join(" ", calls.Select(c => c.Ms.ToString("F0", CultureInfo.InvariantCulture)))}");
        }
        return measured;
    }

    private async Task ExplainAsync(Measured result, IReadOnlyDictionary<string, long> tableSizes)
    {
        Print($"");
        Print($"=== {result.Scenario.Page} – {result.Scenario.User}: p95 {result.P(0.95):F1} ms, target {result.Scenario.TargetMs:F0} ms; plans of its slowest call, {result.SlowestCall}, run again ===");
        var commands = CommandCapture.Start();
        try
        {
            // The slowest call again (a round robin's slow figure or client, not its first).
            await result.Scenario.Run(result.SlowestCall);
        }
        finally
        {
            CommandCapture.Stop();
        }

        Print($"{commands.Count} commands, {commands.Sum(c => c.Milliseconds):F1} ms until their first rows:");
        for (var i = 0; i < commands.Count; i++)
        {
            Print($"  [{i + 1}] {commands[i].Milliseconds,7:F1} ms  {Summary(commands[i].Text)}");
        }

        // Plans of the queries that matter: the slowest (at least 1 ms, at most eight), in the order they ran.
        var explained = commands.Select((c, i) => (Command: c, Index: i + 1))
            .Where(c => c.Command.IsQuery && c.Command.Milliseconds >= 1)
            .OrderByDescending(c => c.Command.Milliseconds).Take(8).OrderBy(c => c.Index).ToList();
        foreach (var (command, index) in explained)
        {
            Print($"");
            Print($"--- [{index}] {command.Milliseconds:F1} ms ---");
            Print($"{command.Text}");
            var parameters = string.Join(", ", command.Parameters.Select(p => $"{p.ParameterName}={Show(p.Value)}"));
            if (parameters.Length > 0)
            {
                Print($"-- parameters: {(parameters.Length > 400 ? parameters[..400] + " …" : parameters)}");
            }

            var plan = await PlanAsync(command);
            foreach (var line in plan)
            {
                Print($"    {line}");
            }

            foreach (var (table, rows) in LargeScans(plan, Aliases(command.Text, tableSizes)))
            {
                Print($"    !!! sequential scan of \"{table}\" ({rows:N0} rows in the table)");
            }
        }
    }

    /// <summary>"shared_buffers 1GB, huge_pages on": the settings the figures depend on.</summary>
    private async Task<string> SettingsAsync(params string[] names)
    {
        await using var db = await _contexts.CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var shown = new List<string>();
        foreach (var name in names)
        {
            await using var show = connection.CreateCommand();
            show.CommandText = "SELECT current_setting(@name)";
            var parameter = show.CreateParameter();
            parameter.ParameterName = "name";
            parameter.Value = name;
            show.Parameters.Add(parameter);
            shown.Add($"{name} {await show.ExecuteScalarAsync()}");
        }

        return string.Join(", ", shown);
    }

    private async Task<List<string>> PlanAsync(CapturedCommand command)
    {
        await using var db = await _contexts.CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        var postgres = options.Provider == DatabaseProvider.PostgreSql;
        explain.CommandText = (postgres ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN QUERY PLAN ") + command.Text;
        foreach (var p in command.Parameters)
        {
            if (p is NpgsqlParameter npgsql)
            {
                explain.Parameters.Add(npgsql.Clone());
            }
            else
            {
                var copy = explain.CreateParameter();
                copy.ParameterName = p.ParameterName;
                copy.Value = p.Value;
                explain.Parameters.Add(copy);
            }
        }

        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            // SQLite: id, parent, notused, detail.
            lines.Add(postgres ? reader.GetString(0) : $"{reader.GetValue(1)}→{reader.GetValue(0)} {reader.GetString(3)}");
        }

        return lines;
    }

    /// <summary>Table sizes also under the aliases the SQL gives them ("Clients" AS "c"): SQLite's plans name the alias.</summary>
    private static Dictionary<string, long> Aliases(string sql, IReadOnlyDictionary<string, long> tableSizes)
    {
        var sizes = new Dictionary<string, long>(tableSizes, StringComparer.Ordinal);
        foreach (Match m in Alias().Matches(sql))
        {
            if (tableSizes.TryGetValue(m.Groups["table"].Value, out var rows))
            {
                sizes.TryAdd(m.Groups["alias"].Value, rows);
            }
        }

        return sizes;
    }

    [GeneratedRegex(@"""(?<table>\w+)"" AS ""(?<alias>\w+)""")]
    private static partial Regex Alias();

    private static IEnumerable<(string Table, long Rows)> LargeScans(List<string> plan, Dictionary<string, long> tableSizes)
    {
        foreach (var line in plan)
        {
            var match = SeqScan().Match(line);
            if (match.Success && tableSizes.TryGetValue(match.Groups["table"].Value, out var rows) && rows > LargeTable)
            {
                yield return (match.Groups["table"].Value, rows);
            }
        }
    }

    // PostgreSQL "Seq Scan on "Clients" c" (also Parallel); SQLite "SCAN c" or "SCAN c USING INDEX …"
    // (a whole table or a whole index read; SEARCH is a lookup).
    [GeneratedRegex("""(?:Seq Scan on "?(?<table>\w+)"?|\bSCAN "?(?<table>\w+)"?)""")]
    private static partial Regex SeqScan();

    private async Task<IReadOnlyDictionary<string, long>> TableSizesAsync()
    {
        await using var db = await _contexts.CreateDbContextAsync();
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        if (options.Provider == DatabaseProvider.PostgreSql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT relname, reltuples::bigint FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                sizes[reader.GetString(0)] = reader.GetInt64(1);
            }

            return sizes;
        }

        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            sizes[table] = Convert.ToInt64(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        return sizes;
    }

    private sealed record Caseworker(StaffMember Member, int Caseload, int Active);

    /// <summary>The active caseworker of the organisation whose caseload is the median one.</summary>
    private async Task<Caseworker> TypicalCaseworkerAsync(StaffDirectory directory, Organisation organisation)
    {
        await using var db = await _contexts.CreateDbContextAsync();
        var sizes = organisation == Organisation.Jobcenter
            ? await db.Clients.Where(c => c.ResponsibleCaseManagerId != null).GroupBy(c => c.ResponsibleCaseManagerId!)
                .Select(g => new { Id = g.Key, Count = g.Count() }).ToListAsync()
            : await db.Clients.Where(c => c.ResponsibleDrugHelpWorkerId != null).GroupBy(c => c.ResponsibleDrugHelpWorkerId!)
                .Select(g => new { Id = g.Key, Count = g.Count() }).ToListAsync();
        var median = sizes.Where(s => s.Id.StartsWith(EverydayCaseload.IdPrefix, StringComparison.Ordinal))
            .OrderBy(s => s.Count).ThenBy(s => s.Id, StringComparer.Ordinal).ToList() is { Count: > 0 } ordered
            ? ordered[ordered.Count / 2]
            : throw new InvalidOperationException("No benchmark caseworker holds cases: is the caseload enriched?");
        var member = await directory.ActiveMemberAsync(median.Id) ?? throw new InvalidOperationException(median.Id);
        var active = await db.Clients.Where(AccessFiltersOwn(member)).CountAsync(c => c.Episodes.Any(e => e.EndedOn == null));
        return new Caseworker(member, median.Count, active);
    }

    private static System.Linq.Expressions.Expression<Func<Client, bool>> AccessFiltersOwn(StaffMember member) =>
        Application.Access.AccessFilters.OwnCases(member);

    private sealed record Sample(List<Guid> Clients, List<Guid> WithPlan, string SearchTerm);

    /// <summary>Up to 40 of the caseworker's active clients (case-number order) and those of them with a plan.</summary>
    private async Task<Sample> SampleAsync(StaffMember member)
    {
        await using var db = await _contexts.CreateDbContextAsync();
        var clients = await db.Clients.Where(AccessFiltersOwn(member)).Where(c => c.Episodes.Any(e => e.EndedOn == null))
            .OrderBy(c => c.CaseNumber).Take(40).Select(c => new { c.Id, c.LastName }).ToListAsync();
        var ids = clients.Select(c => c.Id).ToList();
        var withPlan = await db.HelpPlans.Where(p => ids.Contains(p.ClientId)).Select(p => p.ClientId).Distinct().ToListAsync();
        // A part of a surname as someone types it: "Nr4711" → "nr471".
        var term = SearchText.Normalize(clients[clients.Count / 2].LastName);
        return new Sample(ids, [.. ids.Where(withPlan.Contains)], term[..Math.Max(3, term.Length - 1)]);
    }

    private async Task<string?> TeamValueAsync(string staffId)
    {
        await using var db = await _contexts.CreateDbContextAsync();
        return await db.Users.Where(u => u.Id == staffId).Select(u => u.Team).SingleAsync();
    }

    /// <summary>Most of the case number of one of the person's active cases ("LU-2024-00123" → "2024-0012"), as a team lead would type it.</summary>
    private async Task<string> CaseNumberPartAsync(string staffId, Organisation organisation)
    {
        await using var db = await _contexts.CreateDbContextAsync();
        var number = await db.Clients
            .Where(c => (organisation == Organisation.Jobcenter ? c.ResponsibleCaseManagerId : c.ResponsibleDrugHelpWorkerId) == staffId)
            .Where(c => c.Episodes.Any(e => e.EndedOn == null))
            .OrderBy(c => c.CaseNumber).Select(c => c.CaseNumber).FirstAsync();
        return number.Length > 6 ? number[3..^1] : number;
    }

    private static string Summary(string sql)
    {
        var flat = Regex.Replace(sql, @"\s+", " ").Trim();
        return flat.Length > 160 ? flat[..160] + " …" : flat;
    }

    private static string Show(object? value) => value switch
    {
        null or DBNull => "NULL",
        string s => $"'{s}'",
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        System.Collections.IEnumerable list => $"[{string.Join(", ", list.Cast<object?>().Take(5).Select(Show))}{(list.Cast<object?>().Count() > 5 ? $", … ({list.Cast<object?>().Count()})" : "")}]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}

/// <summary>
/// The application's clock, set back to a day inside the generated data and running on from there:
/// the data end on <see cref="BenchmarkCaseload.LastDay"/>, so "this week", "the next seven days"
/// and "the last 30 days" would be empty at the real date.
/// </summary>
internal sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
{
    private readonly long _started = Stopwatch.GetTimestamp();

    public DateOnly Today => GermanCalendar.DateOf(GetUtcNow());

    public override DateTimeOffset GetUtcNow() => start + Stopwatch.GetElapsedTime(_started);
}
