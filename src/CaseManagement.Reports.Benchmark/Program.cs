using System.Diagnostics;
using System.Globalization;
using CaseManagement.Application;
using CaseManagement.Application.Audit;
using CaseManagement.Domain;
using CaseManagement.Application.Reports;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Reports.Benchmark;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

// Usage (from the repository root):
//   dotnet run -c Release --project src/CaseManagement.Reports.Benchmark -- --postgres "Host=…;Username=…" [--clients 100000] [--runs 7] [--fresh]
//   dotnet run -c Release --project src/CaseManagement.Reports.Benchmark -- --sqlite /tmp/report-benchmark.db [--clients 100000] [--runs 7] [--fresh]
// --sql prints every command with its duration.
// --pages times the everyday pages instead of the steering report (PagesBenchmark; the caseload
// is enriched with staff, teams, responsibilities, consents and appointment participants the
// first time, EverydayCaseload): [--today 2026-10-21] [--only <part of a page name>] [--explain-all]
// With --postgres the connection names a server; the benchmark uses (and creates) its own database
// "casemanagement_report_benchmark" there. An existing caseload of the requested size is reused
// unless --fresh is given.
var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("Aufruf: --postgres \"<Verbindung zum Server>\" | --sqlite <Datei>  [--clients N] [--runs N] [--fresh] [--sql]  [--pages [--today JJJJ-MM-TT] [--only <Seite>] [--explain-all]]");
    return 2;
}

var clock = new ShiftedClock(GermanCalendar.At(options.Today, new TimeOnly(9, 30)));
var services = new ServiceCollection();
services.AddLogging();
// The pages run on a clock inside the generated data (ShiftedClock); the steering report on the real one.
services.AddSingleton<TimeProvider>(options.Pages ? clock : TimeProvider.System);
services.AddPooledDbContextFactory<CaseManagementDbContext>(o =>
{
    o.UseCaseManagementDatabase(options.Provider, options.ConnectionString);
    o.AddInterceptors(CommandCapture.Instance);
    if (options.ShowSql)
    {
        // Each command with its duration: which table of the report costs what.
        o.LogTo(Console.WriteLine, [RelationalEventId.CommandExecuted], Microsoft.Extensions.Logging.LogLevel.Information);
    }
});
// The application's use cases, registered as the web application registers them.
services.AddCaseManagementApplication();
await using var provider = services.BuildServiceProvider();
var contexts = provider.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>();

await using (var db = await contexts.CreateDbContextAsync())
{
    if (options.Fresh)
    {
        await db.Database.EnsureDeletedAsync();
    }

    // A migration may rewrite a million rows of the benchmark's data (e.g. ParticipantStart): no 30 s limit.
    db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
    await db.Database.MigrateAsync();
}

int existing;
await using (var db = await contexts.CreateDbContextAsync())
{
    existing = await db.Clients.CountAsync();
}

if (existing != options.Clients)
{
    if (existing > 0)
    {
        Print($"The database holds {existing} clients, not {options.Clients}: start again with --fresh.");
        return 2;
    }

    Print($"Generating {options.Clients} clients into {options.Description} …");
    var generation = Stopwatch.StartNew();
    var counts = await new BenchmarkCaseload(seed: 2025).WriteAsync(contexts, options.Clients, done =>
    {
        if (done % 10_000 == 0)
        {
            Print($"  {done} clients ({generation.Elapsed.TotalSeconds:F0} s)");
        }
    });
    Print($"Generated in {generation.Elapsed.TotalSeconds:F0} s: {counts}");
    if (options.Provider == DatabaseProvider.PostgreSql)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
    }
}
else
{
    Print($"Reusing the caseload of {existing} clients in {options.Description}.");
}

if (options.Pages)
{
    bool enriched;
    await using (var db = await contexts.CreateDbContextAsync())
    {
        enriched = await EverydayCaseload.IsDoneAsync(db);
    }

    if (enriched)
    {
        Print($"The caseload already has its staff, teams, responsibilities, consents and participants.");
    }
    else
    {
        Print($"Enriching the caseload for everyday pages (staff, teams, responsibilities, consents, participants; consents as of {options.Today:yyyy-MM-dd}) …");
        var enrichment = Stopwatch.StartNew();
        var added = await new EverydayCaseload(seed: 2026, options.Today, options.Clients).WriteAsync(contexts, line => Console.WriteLine(line));
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            await db.Database.ExecuteSqlRawAsync(options.Provider == DatabaseProvider.PostgreSql ? "VACUUM ANALYZE" : "ANALYZE");
        }

        Print($"Enriched in {enrichment.Elapsed.TotalSeconds:F0} s: {added}");
    }

    return await new PagesBenchmark(provider, options, clock).RunAsync();
}

var query = provider.GetRequiredService<SteeringReportQuery>();
var period = ReportPeriod.Year(2025);
var warmUp = Stopwatch.StartNew();
var report = await query.RunAsync(period);
Print($"Warm-up run (first queries, plans compiled): {warmUp.Elapsed.TotalMilliseconds:F0} ms");
var hidden = report.Sections.Sum(s => s.Current.Positions.Count(p => s.Current[p].IsHidden) + s.Previous.Positions.Count(p => s.Previous[p].IsHidden));
Print($"Report {period.Label} vs {report.PreviousPeriod.Label}: {report.Section("klienten").Current.GrandTotal.Value} clients in care, {report.Section("termine").Current.GrandTotal.Value} appointments, {report.Section("vermittlungen").Current.GrandTotal.Value} referrals, {hidden} hidden figures");

var timings = new double[options.Runs];
var databaseCpu = new double[options.Runs];
var ownCpu = new double[options.Runs];
for (var i = 0; i < options.Runs; i++)
{
    var databaseBefore = await DatabaseCpu.ReadAsync(options);
    var ownBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var start = Stopwatch.GetTimestamp();
    await query.RunAsync(period);
    timings[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    ownCpu[i] = (Process.GetCurrentProcess().TotalProcessorTime - ownBefore).TotalMilliseconds;
    databaseCpu[i] = await DatabaseCpu.ReadAsync(options) - databaseBefore;
}

Array.Sort(timings);
var median = timings[timings.Length / 2];
Print($"Runs: {options.Runs}; median {median:F0} ms; min {timings[0]:F0} ms; max {timings[^1]:F0} ms; all: {string.Join(", ", timings.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))} ms");
Array.Sort(ownCpu);
Print($"CPU per run (median): this process {ownCpu[ownCpu.Length / 2]:F0} ms (queries' results, suppression, EF)");
if (options.Provider == DatabaseProvider.PostgreSql && databaseCpu.All(c => c >= 0))
{
    Array.Sort(databaseCpu);
    // Wall-clock time depends on what else the machine runs; CPU time does not. Spread over two cores,
    // this is roughly what the report needs when nothing else runs.
    Print($"CPU per run (median): PostgreSQL backends of this database {databaseCpu[databaseCpu.Length / 2]:F0} ms (read from /proc; server on this machine)");
}

Print($"Load average now {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown")}; {Environment.ProcessorCount} cores");
Print($"Target (one-year report with comparison, median <= 1000 ms): {(median <= 1000 ? "met" : "NOT met")}");
return 0;

static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));

internal sealed record Options(DatabaseProvider Provider, string ConnectionString, string Description, int Clients, int Runs, bool Fresh, bool ShowSql)
{
    public bool Pages { get; init; }

    /// <summary>The day the pages are looked at (the application's clock); inside the generated data.</summary>
    public DateOnly Today { get; init; } = new(2026, 10, 21);

    public string? Only { get; init; }

    public bool ExplainAll { get; init; }

    public const string DatabaseName = "casemanagement_report_benchmark";

    public static Options? Parse(string[] args)
    {
        string? postgres = null, sqlite = null;
        int clients = 100_000;
        int? runs = null;
        var fresh = false;
        var showSql = false;
        var pages = false;
        var explainAll = false;
        var today = new DateOnly(2026, 10, 21);
        string? only = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--postgres" when i + 1 < args.Length: postgres = args[++i]; break;
                case "--sqlite" when i + 1 < args.Length: sqlite = args[++i]; break;
                case "--clients" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var c) && c > 0: clients = c; i++; break;
                case "--runs" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var r) && r > 0: runs = r; i++; break;
                case "--fresh": fresh = true; break;
                case "--sql": showSql = true; break;
                case "--pages": pages = true; break;
                case "--explain-all": explainAll = true; break;
                case "--only" when i + 1 < args.Length: only = args[++i]; break;
                case "--today" when i + 1 < args.Length && DateOnly.TryParseExact(args[i + 1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d): today = d; i++; break;
                default: return null;
            }
        }

        // The steering report: 7 runs by default; each page: up to 40 (fewer when a page is slow).
        var count = runs ?? (pages ? 40 : 7);
        Options? options = null;
        if (postgres is not null)
        {
            var builder = new NpgsqlConnectionStringBuilder(postgres) { Database = DatabaseName };
            options = new Options(DatabaseProvider.PostgreSql, builder.ToString(), $"PostgreSQL database {DatabaseName} on {builder.Host}:{builder.Port}", clients, count, fresh, showSql);
        }
        else if (sqlite is not null)
        {
            options = new Options(DatabaseProvider.Sqlite, $"Data Source={sqlite}", $"SQLite file {sqlite}", clients, count, fresh, showSql);
        }

        return options is null ? null : options with { Pages = pages, Today = today, Only = only, ExplainAll = explainAll };
    }
}

internal static class DatabaseCpu
{
    // The CPU time (ms) the server processes of the benchmark database have used so far; -1 when it cannot be read
    // (server elsewhere, no /proc). Pooled connections keep their backends, so differences between runs are meaningful.
    public static async Task<double> ReadAsync(Options options)
    {
        if (options.Provider != DatabaseProvider.PostgreSql || !Directory.Exists("/proc"))
        {
            return -1;
        }

        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE datname = current_database()", connection);
        var ticks = 0L;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var stat = $"/proc/{reader.GetInt32(0)}/stat";
                if (!File.Exists(stat))
                {
                    return -1;
                }

                // Fields after the command name: state is field 3; utime and stime are fields 14 and 15.
                var fields = File.ReadAllText(stat).Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
        }

        return ticks * 10.0; // USER_HZ is 100 on Linux
    }
}
