using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using Microsoft.Playwright;

// Usage (from the repository root):
//   dotnet run -c Release --project src/CaseManagement.Circuits.Benchmark -- [--pages 50] [--sqlite <file> | --postgres "Host=…;Username=…"] [--warm-up N] [--hold S] [--app <published folder>] [--env NAME=VALUE …]
// Publishes the web application (Release) into a scratch folder unless --app names one, starts it as a
// process of its own on a free loopback port (environment "Testing": demo accounts and caseload, cookies
// over plain http; the memory endpoint switched on with Diagnostics:Memory), signs in N Chromium pages
// as the demo caseworkers in turn, opens one of their clients' pages on each and asks the application
// for its memory after a full GC before, with and after the pages.
// --warm-up: pages opened and closed before the first reading (default: as many as --pages).
// --hold: seconds the pages stay open after the reading (time to take a heap dump of the process).
// --sqlite: a SQLite file, created afresh (default: one in the scratch folder). --postgres: a server;
// the benchmark uses (and creates) the database "casemanagement_circuit_benchmark" there.
// --env passes a variable to the application, e.g. --env DOTNET_gcServer=1 or
// --env Circuits__MaxBufferedUnacknowledgedRenderBatches=5, to compare settings.
var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("Aufruf: [--pages N] [--warm-up N] [--hold S] [--sqlite <Datei> | --postgres \"<Verbindung zum Server>\"] [--app <veröffentlichter Ordner>] [--env NAME=WERT …]");
    return 2;
}

var root = RepositoryRoot();
var scratch = Path.Combine(Path.GetTempPath(), "casemanagement-circuit-benchmark");
Directory.CreateDirectory(scratch);
var app = options.App ?? await PublishAsync(root, Path.Combine(scratch, "app"));

var port = FreePort();
var baseAddress = new Uri($"http://127.0.0.1:{port}");
var (provider, connectionString) = options.Postgres is { } server
    ? ("PostgreSql", new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = "casemanagement_circuit_benchmark" }.ToString())
    : ("Sqlite", $"Data Source={FreshSqliteFile(options.Sqlite ?? Path.Combine(scratch, "casemanagement.db"))}");

var start = new ProcessStartInfo("dotnet")
{
    WorkingDirectory = app,
    RedirectStandardOutput = true,
    RedirectStandardError = true,
};
start.ArgumentList.Add(Path.Combine(app, "CaseManagement.Web.dll"));
start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString();
start.Environment["Database__Provider"] = provider;
start.Environment["Database__MigrateOnStartup"] = "true";
start.Environment["ConnectionStrings__CaseManagement"] = connectionString;
start.Environment["DemoData__Enabled"] = "true";
start.Environment["SecondFactor__Required"] = "false";
start.Environment["Retention__Schedule"] = "false";
start.Environment["Logging__Folder"] = Path.Combine(scratch, "logs");
start.Environment["Diagnostics__Memory"] = "true";
// Each page has its own browser context, and Chromium keeps up to six idle connections per context after
// loading the page's files (about five per page here). They belong to the browser, not to the circuit, and
// behind nginx they end at nginx: closed after 5 s here, so that the second reading holds the circuits alone.
start.Environment["Kestrel__Limits__KeepAliveTimeout"] = "00:00:05";
foreach (var (name, value) in options.Environment)
{
    start.Environment[name] = value;
}

Print($"Starting the application ({provider}) on {baseAddress} from {app}{(options.Environment.Count > 0 ? " with " + string.Join(", ", options.Environment.Select(e => $"{e.Key}={e.Value}")) : "")} …");
using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
process.OutputDataReceived += (_, e) => Keep(output, e.Data);
process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
process.BeginOutputReadLine();
process.BeginErrorReadLine();

using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
try
{
    await WaitUntilHealthyAsync(http, process, output);
    using var playwright = await Playwright.CreateAsync();
    await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Environment.GetEnvironmentVariable("CASEMANAGEMENT_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });

    var caseworkers = DemoAccounts.All.Concat(DemoAccounts.AdditionalCaseworkers)
        .Where(a => a.Role is StaffRole.CaseManager or StaffRole.DrugHelpWorker)
        .ToList();

    // Warm-up, like a server that has run for a while: the same pages opened and closed once, so that code is
    // compiled and thread pool, connection and buffer pools have grown to what N pages need. The first reading
    // waits until their circuits have ended: in headless Chromium neither leaving for about:blank nor closing
    // the tab sent the framework's disconnect beacon, so that took DisconnectedCircuitRetentionPeriod.
    var warming = Stopwatch.StartNew();
    var warm = new List<IPage>();
    for (var i = 0; i < options.WarmUpPages; i++)
    {
        warm.Add(await OpenClientPageAsync(browser, baseAddress, caseworkers[i % caseworkers.Count], i / caseworkers.Count));
    }

    foreach (var page in warm)
    {
        await page.GotoAsync("about:blank");
        await page.Context.CloseAsync();
    }

    var warmReleased = Stopwatch.StartNew();
    await WaitForCircuitsAsync(http, 0, TimeSpan.FromMinutes(5));
    Print($"Warm-up: {options.WarmUpPages} pages opened and closed in {warming.Elapsed.TotalSeconds:F0} s; their circuits ended {warmReleased.Elapsed.TotalSeconds:F0} s after the tabs were closed");
    var before = await MeasureAsync(http);
    Print($"Application: process {before.ProcessId}, {(before.ServerGc ? "server" : "workstation")} GC{(before.ConcurrentGc ? ", concurrent" : "")}; {before.CircuitOptions}");
    Report("Before the pages", before);

    var opening = Stopwatch.StartNew();
    var pages = new List<IPage>();
    for (var i = 0; i < options.Pages; i++)
    {
        pages.Add(await OpenClientPageAsync(browser, baseAddress, caseworkers[i % caseworkers.Count], i / caseworkers.Count));
        if ((i + 1) % 10 == 0)
        {
            Print($"  {i + 1} pages open ({opening.Elapsed.TotalSeconds:F0} s)");
        }
    }

    await Task.Delay(TimeSpan.FromSeconds(2));
    var n = (double)options.Pages;
    var withConnections = await MeasureAsync(http);
    Report($"With {options.Pages} pages open and the browsers' idle connections", withConnections);
    Print($"Per open page with its browser's idle connections: managed {(withConnections.ManagedBytes - before.ManagedBytes) / n / 1024:F0} KB, RSS {(withConnections.RssBytes - before.RssBytes) / n / 1024 / 1024:F2} MB");
    await Task.Delay(TimeSpan.FromSeconds(10));
    var with = await MeasureAsync(http);
    Report($"With {options.Pages} pages open, idle connections closed", with);
    Print($"Per open page: managed {(with.ManagedBytes - before.ManagedBytes) / n / 1024:F0} KB (target 250 KB), RSS {(with.RssBytes - before.RssBytes) / n / 1024 / 1024:F2} MB (target 1 MB); circuits open {with.CircuitsOpen}, connected {with.CircuitsConnected}");

    if (options.HoldSeconds > 0)
    {
        Print($"Holding the pages open for {options.HoldSeconds} s (application process {with.ProcessId}) …");
        await Task.Delay(TimeSpan.FromSeconds(options.HoldSeconds));
    }

    // Now the browsers vanish without a goodbye (contexts closed, as when a laptop is shut or the network is
    // gone): each circuit waits DisconnectedCircuitRetentionPeriod for its browser, then ends.
    var closing = Stopwatch.StartNew();
    foreach (var page in pages)
    {
        await page.Context.CloseAsync();
    }

    var released = await WaitForCircuitsAsync(http, 0, TimeSpan.FromSeconds(before.RetentionSeconds + 60));
    Print($"Pages closed; {(released ? "all circuits released" : "circuits still open")} after {closing.Elapsed.TotalSeconds:F0} s (DisconnectedCircuitRetentionPeriod {before.RetentionSeconds} s)");
    var after = await MeasureAsync(http);
    Report("After closing the pages", after);
    Print($"Returned: managed {(with.ManagedBytes - after.ManagedBytes) / 1024.0 / 1024:F1} of {(with.ManagedBytes - before.ManagedBytes) / 1024.0 / 1024:F1} MB, RSS {(with.RssBytes - after.RssBytes) / 1024.0 / 1024:F1} of {(with.RssBytes - before.RssBytes) / 1024.0 / 1024:F1} MB");
    Print($"Load average now {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown")}; {Environment.ProcessorCount} cores");
    return released ? 0 : 1;
}
catch (Exception e) when (e is PlaywrightException or TimeoutException or HttpRequestException or InvalidOperationException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine("Last lines of the application:");
    foreach (var line in output)
    {
        Console.Error.WriteLine("  " + line);
    }

    return 1;
}
finally
{
    if (!process.HasExited)
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }
}

static async Task<IPage> OpenClientPageAsync(IBrowser browser, Uri baseAddress, DemoAccount account, int nth)
{
    var context = await browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = baseAddress.ToString(),
        Locale = "de-DE",
        TimezoneId = "Europe/Berlin",
        ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
    });
    context.SetDefaultTimeout(60_000);
    var page = await context.NewPageAsync();
    await page.GotoAsync("/konto/anmelden");
    await page.GetByLabel("E-Mail-Adresse").FillAsync(account.Email);
    await page.GetByLabel("Passwort").FillAsync(DemoAccounts.Password);
    await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
    await page.Locator("button.user-menu-toggle").WaitForAsync();

    // One of the person's clients (a full page load: the caseload's circuit ends, the client page's begins).
    await page.GotoAsync("/klienten");
    var links = page.Locator("table.data-table tbody td.card-title a");
    await links.First.WaitForAsync();
    var href = await links.Nth(nth % await links.CountAsync()).GetAttributeAsync("href")
        ?? throw new InvalidOperationException("A caseload row without a link.");
    await page.GotoAsync(href);
    // The file is opened once the circuit is live: its heading means the page is interactive.
    await page.Locator(".page-head h1").WaitForAsync();
    return page;
}

static async Task<MemoryReport> MeasureAsync(HttpClient http)
{
    // The second reading: what the first collection's finalizers left is gone by then.
    await ReadAsync(http, gc: true);
    return await ReadAsync(http, gc: true);
}

static async Task<MemoryReport> ReadAsync(HttpClient http, bool gc)
{
    using var response = await http.PostAsync(new Uri($"/_diagnostics/memory?gc={(gc ? "true" : "false")}", UriKind.Relative), content: null);
    response.EnsureSuccessStatusCode();
    return await response.Content.ReadFromJsonAsync<MemoryReport>() ?? throw new InvalidOperationException("Empty memory report.");
}

static async Task<bool> WaitForCircuitsAsync(HttpClient http, int open, TimeSpan limit)
{
    var waited = Stopwatch.StartNew();
    while (waited.Elapsed < limit)
    {
        if ((await ReadAsync(http, gc: false)).CircuitsOpen <= open)
        {
            return true;
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
    }

    return false;
}

static async Task WaitUntilHealthyAsync(HttpClient http, Process process, System.Collections.Concurrent.ConcurrentQueue<string> output)
{
    var waited = Stopwatch.StartNew();
    while (waited.Elapsed < TimeSpan.FromMinutes(5))
    {
        if (process.HasExited)
        {
            throw new InvalidOperationException($"The application ended with exit code {process.ExitCode}.");
        }

        try
        {
            using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
            if (response.IsSuccessStatusCode)
            {
                Print($"Application healthy after {waited.Elapsed.TotalSeconds:F0} s (migrations and demo data included).");
                return;
            }
        }
        catch (HttpRequestException)
        {
            // Not listening yet.
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
    }

    throw new TimeoutException("The application did not become healthy within 5 minutes.");
}

static async Task<string> PublishAsync(string root, string folder)
{
    Print($"Publishing src/CaseManagement.Web (Release) to {folder} …");
    var publish = new ProcessStartInfo("dotnet") { WorkingDirectory = root };
    foreach (var argument in new[] { "publish", "src/CaseManagement.Web/CaseManagement.Web.csproj", "-c", "Release", "-o", folder, "--nologo", "-v", "quiet" })
    {
        publish.ArgumentList.Add(argument);
    }

    using var run = Process.Start(publish) ?? throw new InvalidOperationException("dotnet publish did not start.");
    await run.WaitForExitAsync();
    return run.ExitCode == 0 ? folder : throw new InvalidOperationException($"dotnet publish failed ({run.ExitCode}).");
}

static string RepositoryRoot()
{
    for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "CaseManagement.sln")))
        {
            return folder.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the repository (CaseManagement.sln not found).");
}

static string FreshSqliteFile(string file)
{
    foreach (var suffix in new[] { "", "-wal", "-shm" })
    {
        File.Delete(file + suffix);
    }

    return file;
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static void Keep(System.Collections.Concurrent.ConcurrentQueue<string> lines, string? line)
{
    if (line is null)
    {
        return;
    }

    lines.Enqueue(line);
    while (lines.Count > 40)
    {
        lines.TryDequeue(out _);
    }
}

static void Report(string label, MemoryReport m) =>
    Print($"{label}: managed {m.ManagedBytes / 1024.0 / 1024:F1} MB (heap {m.HeapSizeBytes / 1024.0 / 1024:F1} MB, fragmented {m.FragmentedBytes / 1024.0 / 1024:F1} MB, committed {m.CommittedBytes / 1024.0 / 1024:F1} MB), RSS {m.RssBytes / 1024.0 / 1024:F1} MB; circuits open {m.CircuitsOpen}");

static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));

/// <summary>What the application's memory endpoint answers (CaseManagement.Web.Diagnostics.MemoryReport).</summary>
internal sealed record MemoryReport(
    long ManagedBytes,
    long HeapSizeBytes,
    long FragmentedBytes,
    long CommittedBytes,
    long RssBytes,
    int CircuitsOpen,
    int CircuitsConnected,
    bool ServerGc,
    bool ConcurrentGc,
    int ProcessId,
    int RetentionSeconds,
    string CircuitOptions);

internal sealed record Options(int Pages, string? Sqlite, string? Postgres, string? App, IReadOnlyDictionary<string, string> Environment)
{
    public int WarmUpPages { get; init; }

    /// <summary>Seconds to keep the pages open after the reading, e.g. for <c>dotnet-gcdump collect -p PID</c>.</summary>
    public int HoldSeconds { get; init; }

    public static Options? Parse(string[] args)
    {
        var pages = 50;
        int? warmUp = null;
        var hold = 0;
        string? sqlite = null, postgres = null, app = null;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--pages" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0: pages = n; i++; break;
                case "--warm-up" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var w) && w >= 0: warmUp = w; i++; break;
                case "--hold" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var h) && h >= 0: hold = h; i++; break;
                case "--sqlite" when i + 1 < args.Length: sqlite = Path.GetFullPath(args[++i]); break;
                case "--postgres" when i + 1 < args.Length: postgres = args[++i]; break;
                case "--app" when i + 1 < args.Length: app = Path.GetFullPath(args[++i]); break;
                case "--env" when i + 1 < args.Length && args[i + 1].IndexOf('=', StringComparison.Ordinal) > 0:
                    var pair = args[++i];
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    environment[pair[..equals]] = pair[(equals + 1)..];
                    break;
                default: return null;
            }
        }

        return sqlite is not null && postgres is not null ? null : new Options(pages, sqlite, postgres, app, environment) { WarmUpPages = warmUp ?? pages, HoldSeconds = hold };
    }
}
