using System.Globalization;
using System.Runtime;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CaseManagement.Web.Diagnostics;

/// <summary>
/// The memory figures of this process for the circuit memory benchmark
/// (<c>src/CaseManagement.Circuits.Benchmark</c>): <c>POST /_diagnostics/memory</c>, optionally after a
/// full blocking, compacting collection (<c>?gc=true</c>). Off unless <c>Diagnostics:Memory</c> is true,
/// never in Production whatever the configuration says, and only for requests from this machine
/// (after the forwarded headers: a request a local proxy forwards for someone else is refused).
/// </summary>
public static class MemoryDiagnostics
{
    public const string Setting = "Diagnostics:Memory";
    public const string Path = "/_diagnostics/memory";

    public static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue(Setting, false) && !environment.IsProduction();

    public static void AddMemoryDiagnostics(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        if (IsEnabled(configuration, environment))
        {
            services.AddSingleton<CircuitCount>();
            services.AddScoped<CircuitHandler, CountingCircuitHandler>();
        }
    }

    public static void MapMemoryDiagnostics(this WebApplication app)
    {
        if (!IsEnabled(app.Configuration, app.Environment))
        {
            if (app.Configuration.GetValue(Setting, false))
            {
                app.Logger.LogWarning("{Setting} is set in Production; the memory endpoint is never mapped there", Setting);
            }

            return;
        }

        app.MapPost(Path, (HttpContext http, CircuitCount circuits, Microsoft.Extensions.Options.IOptions<CircuitOptions> options, bool? gc) =>
        {
            if (http.Connection.RemoteIpAddress is not { } remote || !System.Net.IPAddress.IsLoopback(remote))
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            if (gc == true)
            {
                // Twice, with the finalizers in between: what they release is collected by the second.
                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            }

            var info = GC.GetGCMemoryInfo(GCKind.Any);
            return Results.Ok(new MemoryReport(
                ManagedBytes: GC.GetTotalMemory(forceFullCollection: false),
                HeapSizeBytes: info.HeapSizeBytes,
                FragmentedBytes: info.FragmentedBytes,
                CommittedBytes: info.TotalCommittedBytes,
                RssBytes: ResidentSetBytes(),
                CircuitsOpen: circuits.Open,
                CircuitsConnected: circuits.Connected,
                ServerGc: GCSettings.IsServerGC,
                ConcurrentGc: AppContext.TryGetSwitch("System.GC.Concurrent", out var concurrent) ? concurrent : true,
                ProcessId: Environment.ProcessId,
                RetentionSeconds: (int)options.Value.DisconnectedCircuitRetentionPeriod.TotalSeconds,
                CircuitOptions: string.Create(CultureInfo.InvariantCulture,
                    $"DisconnectedCircuitRetentionPeriod {options.Value.DisconnectedCircuitRetentionPeriod}, DisconnectedCircuitMaxRetained {options.Value.DisconnectedCircuitMaxRetained}, MaxBufferedUnacknowledgedRenderBatches {options.Value.MaxBufferedUnacknowledgedRenderBatches}, JSInteropDefaultCallTimeout {options.Value.JSInteropDefaultCallTimeout}")));
        }).AllowAnonymous();
    }

    /// <summary>VmRSS of /proc/self/status (Linux); elsewhere the working set.</summary>
    private static long ResidentSetBytes()
    {
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            foreach (var line in File.ReadLines(status))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    var kilobytes = line["VmRSS:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }

        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    /// <summary>Circuits that exist (connected or waiting for their browser) and those connected now.</summary>
    internal sealed class CircuitCount
    {
        private int _open;
        private int _connected;

        public int Open => Volatile.Read(ref _open);

        public int Connected => Volatile.Read(ref _connected);

        public void Opened() => Interlocked.Increment(ref _open);

        public void Closed() => Interlocked.Decrement(ref _open);

        public void Up() => Interlocked.Increment(ref _connected);

        public void Down() => Interlocked.Decrement(ref _connected);
    }

    private sealed class CountingCircuitHandler(CircuitCount count) : CircuitHandler
    {
        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            count.Opened();
            return Task.CompletedTask;
        }

        public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            count.Up();
            return Task.CompletedTask;
        }

        public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            count.Down();
            return Task.CompletedTask;
        }

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            count.Closed();
            return Task.CompletedTask;
        }
    }
}

/// <summary>What <see cref="MemoryDiagnostics"/> answers (bytes).</summary>
public sealed record MemoryReport(
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
