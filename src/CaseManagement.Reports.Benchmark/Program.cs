using System.Diagnostics;
using System.Globalization;
using CaseManagement.Application.Audit;
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
// With --postgres the connection names a server; the benchmark uses (and creates) its own database
// "casemanagement_report_benchmark" there. An existing caseload of the requested size is reused
// unless --fresh is given.
var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("Aufruf: --postgres \"<Verbindung zum Server>\" | --sqlite <Datei>  [--clients N] [--runs N] [--fresh]");
    return 2;
}

var services = new ServiceCollection();
services.AddSingleton(TimeProvider.System);
services.AddDbContextFactory<CaseManagementDbContext>(o =>
{
    o.UseCaseManagementDatabase(options.Provider, options.ConnectionString);
    if (options.ShowSql)
    {
        // Each command with its duration: which table of the report costs what.
        o.LogTo(Console.WriteLine, [RelationalEventId.CommandExecuted], Microsoft.Extensions.Logging.LogLevel.Information);
    }
});
services.AddSingleton<AuditTrail>();
services.AddSingleton<SteeringReportQuery>();
await using var provider = services.BuildServiceProvider();
var contexts = provider.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>();

await using (var db = await contexts.CreateDbContextAsync())
{
    if (options.Fresh)
    {
        await db.Database.EnsureDeletedAsync();
    }

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
    var databaseBefore = await DatabaseCpuAsync(options);
    var ownBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var start = Stopwatch.GetTimestamp();
    await query.RunAsync(period);
    timings[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    ownCpu[i] = (Process.GetCurrentProcess().TotalProcessorTime - ownBefore).TotalMilliseconds;
    databaseCpu[i] = await DatabaseCpuAsync(options) - databaseBefore;
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

// The CPU time (ms) the server processes of the benchmark database have used so far; -1 when it cannot be read
// (server elsewhere, no /proc). Pooled connections keep their backends, so differences between runs are meaningful.
static async Task<double> DatabaseCpuAsync(Options options)
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

static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));

internal sealed record Options(DatabaseProvider Provider, string ConnectionString, string Description, int Clients, int Runs, bool Fresh, bool ShowSql)
{
    public const string DatabaseName = "casemanagement_report_benchmark";

    public static Options? Parse(string[] args)
    {
        string? postgres = null, sqlite = null;
        int clients = 100_000, runs = 7;
        var fresh = false;
        var showSql = false;
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
                default: return null;
            }
        }

        if (postgres is not null)
        {
            var builder = new NpgsqlConnectionStringBuilder(postgres) { Database = DatabaseName };
            return new Options(DatabaseProvider.PostgreSql, builder.ToString(), $"PostgreSQL database {DatabaseName} on {builder.Host}:{builder.Port}", clients, runs, fresh, showSql);
        }

        return sqlite is null ? null : new Options(DatabaseProvider.Sqlite, $"Data Source={sqlite}", $"SQLite file {sqlite}", clients, runs, fresh, showSql);
    }
}
