using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.JSInterop;

namespace CaseManagement.Web.Realtime;

/// <summary>
/// Hands the pages open on a stopping instance over without losing their unsaved input. .NET 10
/// keeps a circuit's state when the circuit is dropped or paused, not when its instance stops; so
/// when this instance is asked to stop, every open page is asked to pause (js/reconnect.js: the
/// browser takes the page's protected state) and then resumes wherever the proxy sends it: the
/// other instance, or this one once restarted. Meanwhile this instance answers new requests with
/// 503 (<see cref="RefuseWhileHandingOver"/>).
/// <para>
/// SignalR closes every connection on ApplicationStopping. Cancellation callbacks run in reverse
/// order of registration, and this one registers when the first circuit opens, after the hub's:
/// so the pages are handed over first. A crash (kill -9, power loss) hands nothing over: those
/// pages offer a reload and lose their typing (docs/operations.md). <c>Circuits:HandOverOnStop</c>
/// = false switches it off.
/// </para>
/// </summary>
public sealed class CircuitHandOver(IHostApplicationLifetime lifetime, IConfiguration configuration, ILogger<CircuitHandOver> logger)
{
    /// <summary>How long a stopping instance waits for its pages: a phone may send up to 512 KB of state (systemd and compose give it 30 s in all).</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    private readonly ConcurrentDictionary<string, OpenPage> _open = new(StringComparer.Ordinal);
    private readonly bool _enabled = configuration.GetValue("Circuits:HandOverOnStop", true);
    private int _registered;
    private volatile bool _stopping;

    /// <summary>Set once the instance is stopping: new requests belong to another instance.</summary>
    public bool IsStopping => _stopping;

    internal void Connected(string circuitId, IJSRuntime js)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return; // too late: registering now would run the hand-over inside this very connection's start
        }

        if (_enabled && Interlocked.Exchange(ref _registered, 1) == 0)
        {
            lifetime.ApplicationStopping.Register(HandOverAll);
        }

        _open[circuitId] = new OpenPage(js);
    }

    internal void Disconnected(string circuitId)
    {
        if (_open.TryRemove(circuitId, out var page))
        {
            page.Gone.TrySetResult();
        }
    }

    // A cancellation callback is synchronous: it holds up the stop (and SignalR's callback after it) until done.
    private void HandOverAll()
    {
        _stopping = true;
        var pages = _open.Values.ToList();
        if (pages.Count > 0)
        {
            Task.Run(() => HandOverAsync(pages)).Wait();
        }
    }

    private async Task HandOverAsync(List<OpenPage> pages)
    {
        using var limit = new CancellationTokenSource(Limit);
        await Task.WhenAll(pages.Select(page => HandOverAsync(page, limit.Token)));
        var left = pages.Count(p => !p.Gone.Task.IsCompleted);
        logger.LogInformation("Stopping: {HandedOver} open pages handed over to the browser, {Left} not", pages.Count - left, left);
    }

    private static async Task HandOverAsync(OpenPage page, CancellationToken cancellationToken)
    {
        try
        {
            await page.Js.InvokeVoidAsync("caseManagementReconnect.handOver", cancellationToken);
            await page.Gone.Task.WaitAsync(cancellationToken);
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException or OperationCanceledException or InvalidOperationException or ObjectDisposedException)
        {
            // The page went meanwhile, or did not answer in time: it reconnects as after a crash.
        }
    }

    private sealed record OpenPage(IJSRuntime Js)
    {
        public TaskCompletionSource Gone { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>Tells <see cref="CircuitHandOver"/> which pages are connected (one per circuit, in its scope).</summary>
internal sealed class CircuitHandOverTracker(CircuitHandOver handOver, IJSRuntime js) : CircuitHandler
{
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        handOver.Connected(circuit.Id, js);
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        handOver.Disconnected(circuit.Id);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        handOver.Disconnected(circuit.Id);
        return Task.CompletedTask;
    }
}

/// <summary>
/// While the instance hands its pages over and stops, new requests get 503: nginx sends a page
/// request (GET) to the other instance; a new connection's negotiation (POST, which nginx does not
/// resend) fails, and the page's resume loop tries again until the other instance answers. Requests
/// of connections already open (a long-polling page's polls and sends carry their id) go through,
/// or those pages could not be handed over.
/// </summary>
internal sealed class RefuseWhileHandingOver(RequestDelegate next, CircuitHandOver handOver)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!handOver.IsStopping
            || context.Request.Path.StartsWithSegments("/health")
            || (context.Request.Path.StartsWithSegments("/_blazor") && context.Request.Query.ContainsKey("id")))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "2";
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("Der Server wird gerade neu gestartet. Bitte versuchen Sie es in einigen Sekunden erneut.");
    }
}
