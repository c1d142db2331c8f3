using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Testing;
using CaseManagement.Web.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CaseManagement.EndToEndTests;

/// <summary>
/// Two instances on one PostgreSQL database behind Debian's nginx, started by deploy/run-pair.sh
/// with the site of deploy/nginx/fallverbund.conf (sticky routing cookie, WebSockets, fail-over to
/// the other instance). A consent revoked through one instance hides the data on a page open on the
/// other. A caseworker's help plan with unsaved typing loses its connection (the proxy goes away)
/// long enough for her instance to drop the circuit; that instance then stops, the proxy comes
/// back, and she carries on on the other instance with her typing back (the dropped circuit's
/// state, shared in the database) and saves it once.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class InstancePairTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string RouteCookie = "fallverbund_route";
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(15);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "casemanagement-pair-" + Guid.NewGuid().ToString("N")[..12]);
    private PostgresTestDatabase _database = default!;
    private CaseManagementAppFactory? _first;
    private CaseManagementAppFactory? _second;
    private int _firstPort;
    private int _secondPort;
    private Process? _proxy;
    private Uri _proxyAddress = default!;

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreatePreparedAsync();
        // A circuit whose connection is gone is dropped after 2 s (3 min by default) and its state
        // persisted: the moment an instance can go away without losing the typing on its pages.
        var settings = new Dictionary<string, string> { ["Circuits:DisconnectedCircuitRetentionPeriod"] = "00:00:02" };
        _first = new CaseManagementAppFactory(_database.ConnectionString, seedCaseload: false, settings);
        _firstPort = _first.StartOnRealPort().Port;
        _second = new CaseManagementAppFactory(_database.ConnectionString, seedCaseload: false, settings);
        _secondPort = _second.StartOnRealPort().Port;
        await _first.Services.GetRequiredService<PostgresInstanceRelay>().Listening.WaitAsync(Soon);
        await _second.Services.GetRequiredService<PostgresInstanceRelay>().Listening.WaitAsync(Soon);
        await StartProxyAsync(FreePort());
    }

    [Fact]
    public async Task Through_nginx_a_revocation_reaches_the_other_instance_and_a_stopped_instance_loses_no_typing()
    {
        var first = _first!;
        var firstPort = _firstPort;
        var secondPort = _secondPort;
        var sharing = await JointCases.SharingAppointmentsAsync(first.Services);
        var planned = await JointCases.WithDraftPlanAsync(first.Services);

        // The Jobcenter has the client's file open on the second instance; the Drogenhilfe revokes on the first.
        var file = await PageOnAsync(secondPort);
        await BrowserFixture.SignInAsync(file, JointCases.CaseManager);
        await file.GotoAsync($"/klienten/{sharing}");
        await Assertions.Expect(file.GetByRole(AriaRole.Heading, new() { Name = "Mirela Kovačević" })).ToBeVisibleAsync();
        var drugHelp = await PageOnAsync(firstPort);
        await BrowserFixture.SignInAsync(drugHelp, JointCases.DrugHelpWorker);
        await drugHelp.GotoAsync($"/klienten/{sharing}");
        await drugHelp.Locator("li.consent", new() { HasText = "Teilnahme an Terminen" }).GetByRole(AriaRole.Button, new() { Name = "Widerruf erfassen" }).ClickAsync();
        await drugHelp.GetByRole(AriaRole.Button, new() { Name = "Widerruf jetzt wirksam machen" }).ClickAsync();
        await Assertions.Expect(drugHelp.Locator(".consent-list")).ToContainTextAsync("widerrufen am");
        await Assertions.Expect(file.GetByRole(AriaRole.Heading, new() { Name = "Name nicht freigegeben" })).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await Assertions.Expect(file.Locator("main")).Not.ToContainTextAsync("Kovačević");
        Assert.Equal(secondPort, await InstanceOfAsync(file.Context));
        await drugHelp.Context.CloseAsync();
        await file.Context.CloseAsync();
        // Their circuits are dropped 2 s later and their state kept like any other: cleared here,
        // so that what follows counts the help plan's state alone.
        await Task.Delay(TimeSpan.FromSeconds(4));
        await ClearPersistedCircuitsAsync();

        // The case manager types into her help plan on the first instance …
        const string typed = "Teilzeit im Lager ab Mai; vorher Staplerschein über den Bildungsgutschein";
        var (plan, goal) = await PlanWithTypingAsync(firstPort, planned, typed);

        // … the proxy goes away (her page loses its connection, and nothing of hers reaches
        // either instance) long enough for the first instance to drop the circuit and keep its
        // state in the database, where every instance finds it; then the first instance stops
        // and the proxy comes back.
        await StopProxyAsync();
        await WaitForAsync(async () => await PersistedCircuitsAsync() == 1, "the dropped circuit's state in the database", TimeSpan.FromSeconds(45));
        await first.DisposeAsync();
        _first = null;
        await StartProxyAsync(_proxyAddress.Port);

        // nginx sends her to the second instance, which resumes the circuit from the shared state.
        var dialog = plan.Locator("#components-reconnect-modal");
        await Assertions.Expect(dialog).ToBeHiddenAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(plan.GetByText("Ihre ungespeicherten Eingaben sind wiederhergestellt")).ToBeVisibleAsync();
        await Assertions.Expect(goal).ToHaveValueAsync(typed);
        await BrowserFixture.ScreenshotAsync(plan, "instance-pair-resumed-on-the-other-instance");
        Assert.Equal(secondPort, await InstanceOfAsync(plan.Context));
        Assert.Equal(0, await PersistedCircuitsAsync());

        await SavedOnceAsync(plan, planned, typed);
        await plan.Context.CloseAsync();
    }

    [Fact]
    public async Task A_rolling_restart_hands_an_open_help_plan_with_its_typing_to_the_other_instance()
    {
        var planned = await JointCases.WithDraftPlanAsync(_first!.Services);
        const string typed = "Arbeitsgelegenheit in der Fahrradwerkstatt, danach Bewerbung bei der Stadtreinigung";
        var (plan, goal) = await PlanWithTypingAsync(_firstPort, planned, typed);

        // Her instance is stopped while her page is connected to it (operations.md, "Upgrading"):
        // it hands the page its state, and the page resumes through nginx on the other instance.
        await _first.DisposeAsync();
        _first = null;

        var dialog = plan.Locator("#components-reconnect-modal");
        await Assertions.Expect(dialog).ToBeHiddenAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(plan.GetByText("Ihre ungespeicherten Eingaben sind wiederhergestellt")).ToBeVisibleAsync();
        await Assertions.Expect(goal).ToHaveValueAsync(typed);
        Assert.Equal(_secondPort, await InstanceOfAsync(plan.Context));
        await SavedOnceAsync(plan, planned, typed);
        await plan.Context.CloseAsync();
    }

    /// <summary>The case manager's help plan open on the instance on the given port, with unsaved typing in its integration goal.</summary>
    private async Task<(IPage Plan, ILocator Goal)> PlanWithTypingAsync(int port, Guid clientId, string typed)
    {
        var plan = await PageOnAsync(port);
        await BrowserFixture.SignInAsync(plan, JointCases.CaseManager);
        await plan.GotoAsync($"/klienten/{clientId}/hilfeplan");
        var goal = plan.GetByLabel("Integrationsziel", new() { Exact = true });
        await Assertions.Expect(goal).ToBeEnabledAsync();
        await goal.FillAsync(typed);
        return (plan, goal);
    }

    /// <summary>Saved from the resumed page: the plan holds the typed goal, in one version (nothing saved twice).</summary>
    private async Task SavedOnceAsync(IPage plan, Guid clientId, string typed)
    {
        await plan.GetByRole(AriaRole.Button, new() { Name = "Entwurf speichern" }).ClickAsync();
        await Assertions.Expect(plan.Locator(".save-bar [role=status]")).ToContainTextAsync("Gespeichert um");
        var contexts = _second!.Services.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var versions = await db.HelpPlans.AsNoTracking().Where(p => p.ClientId == clientId).Select(p => p.IntegrationGoal).ToListAsync();
        Assert.Equal(typed, Assert.Single(versions));
    }

    /// <summary>
    /// A page in a browser context whose routing cookie nginx hashes onto the instance on the given
    /// port: keys are tried until the proxy's access log shows a request of that context going there.
    /// </summary>
    private async Task<IPage> PageOnAsync(int port)
    {
        for (var attempt = 0; attempt < 32; attempt++)
        {
            var page = await browser.NewPageAsync(1280, 900, _proxyAddress);
            await page.Context.AddCookiesAsync(
            [
                new Microsoft.Playwright.Cookie { Name = RouteCookie, Value = Guid.NewGuid().ToString("N"), Domain = _proxyAddress.Host, Path = "/" },
            ]);
            if (await InstanceOfAsync(page.Context) == port)
            {
                return page;
            }

            await page.Context.CloseAsync();
        }

        throw new InvalidOperationException("No routing key reached the instance on port " + port);
    }

    /// <summary>The port of the instance that served this context's next request, from nginx's access log (the site's own format ends with the upstream).</summary>
    private async Task<int> InstanceOfAsync(IBrowserContext context)
    {
        var log = Path.Combine(_folder, "logs", "access.log");
        var before = AccessLogLines(log).Length;
        var response = await context.APIRequest.GetAsync("/health");
        Assert.True(response.Ok, $"/health through nginx: {response.Status}");
        string[] lines = [];
        await WaitForAsync(() => Task.FromResult((lines = AccessLogLines(log)).Length > before), "nginx's access log line");
        // "127.0.0.1:5080" or, after a fail-over, "127.0.0.1:5080, 127.0.0.1:5081": the last one answered.
        var upstream = lines[^1].Split(' ', 6)[^1].Split(',')[^1].Trim();
        return int.Parse(upstream[(upstream.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string[] AccessLogLines(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private async Task<int> PersistedCircuitsAsync()
    {
        var contexts = _second!.Services.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await db.PersistedCircuitStates.CountAsync();
    }

    private async Task ClearPersistedCircuitsAsync()
    {
        var contexts = _second!.Services.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        await db.PersistedCircuitStates.ExecuteDeleteAsync();
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what, TimeSpan? limit = null)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < (limit ?? Soon), "Waited in vain for " + what);
            await Task.Delay(100);
        }
    }

    private async Task StartProxyAsync(int port)
    {
        var root = RepositoryRoot();
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            Path.Combine(root, "deploy", "run-pair.sh"), "--proxy-only", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--app-ports", $"{_firstPort},{_secondPort}", "--dir", _folder,
        })
        {
            start.ArgumentList.Add(argument);
        }

        _proxy = Process.Start(start)!;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        _proxy.OutputDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
            {
                output.Enqueue(text);
                if (text.Contains("Ctrl-C stops everything", StringComparison.Ordinal))
                {
                    ready.TrySetResult();
                }
            }
        };
        _proxy.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
            {
                output.Enqueue(text);
            }
        };
        _proxy.BeginOutputReadLine();
        _proxy.BeginErrorReadLine();
        var exited = _proxy.WaitForExitAsync();
        var first = await Task.WhenAny(ready.Task, exited, Task.Delay(Soon));
        Assert.True(first == ready.Task, "deploy/run-pair.sh --proxy-only did not start nginx: " + string.Join('\n', output));
        _proxyAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public async Task DisposeAsync()
    {
        await StopProxyAsync();
        if (_first is not null)
        {
            await _first.DisposeAsync();
        }

        if (_second is not null)
        {
            await _second.DisposeAsync();
        }

        await _database.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private async Task StopProxyAsync()
    {
        if (_proxy is { HasExited: false })
        {
            // SIGTERM, not Kill(): the script's trap stops its nginx.
            using (var stop = Process.Start("kill", ["-TERM", _proxy.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await stop.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(Soon);
            await _proxy.WaitForExitAsync(timeout.Token);
        }

        _proxy?.Dispose();
        _proxy = null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CaseManagement.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("CaseManagement.sln not found above " + AppContext.BaseDirectory);
    }
}
