using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CaseManagement.Testing;

/// <summary>
/// A PostgreSQL cluster of a test's own, which it may stop and start: initdb into a temporary
/// folder, a free loopback port, Debian's binaries (/usr/lib/postgresql/&lt;newest&gt;/bin) like
/// tests/run.sh. PostgreSQL refuses to run as root, so as root the cluster belongs to the postgres user.
/// Never the server of CASEMANAGEMENT_TEST_POSTGRES: other tests run on that one.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _folder;

    private ThrowawayPostgres(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The server as superuser (trust authentication on loopback), for <see cref="PostgresTestDatabase.CreateAsync(string, bool)"/>.</summary>
    public string ServerConnectionString => $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database=postgres";

    private string Data => Path.Combine(_folder, "data");

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderBy(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var major) ? major : 0)
                .LastOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("PostgreSQL's server binaries are missing (apt-get install postgresql); tests/run.sh installs them.");
        }

        var folder = Directory.CreateTempSubdirectory("casemanagement-pg-own.").FullName;
        if (Environment.IsPrivilegedProcess)
        {
            await RunAsync("chown", ["postgres:postgres", folder], asPostgres: false);
        }

        var cluster = new ThrowawayPostgres(bin, folder, FreePort());
        await cluster.RunToolAsync("initdb", ["-D", cluster.Data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
        await cluster.StartServerAsync();
        return cluster;
    }

    /// <summary>Starts the stopped server again on the same port and data (waits until it accepts connections).</summary>
    public Task StartServerAsync() => RunToolAsync("pg_ctl",
    [
        "-D", Data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60",
        "-o", $"-p {Port.ToString(CultureInfo.InvariantCulture)} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100",
        "start",
    ]);

    /// <summary>
    /// Stops the server the way an administrator restarting it does ("fast": open sessions are ended
    /// with "terminating connection due to administrator command", transactions in flight roll back).
    /// </summary>
    public Task StopServerAsync() => RunToolAsync("pg_ctl", ["-D", Data, "-m", "fast", "-w", "-t", "60", "stop"]);

    public async Task RestartServerAsync()
    {
        await StopServerAsync();
        await StartServerAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunToolAsync("pg_ctl", ["-D", Data, "-m", "immediate", "stop"]);
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Directory.Delete(_folder, recursive: true);
    }

    private Task RunToolAsync(string tool, IReadOnlyList<string> arguments) =>
        RunAsync(Path.Combine(_bin, tool), arguments, asPostgres: Environment.IsPrivilegedProcess);

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
