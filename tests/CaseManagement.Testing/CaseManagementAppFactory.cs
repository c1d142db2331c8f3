using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CaseManagement.Testing;

/// <summary>
/// The real application on a real PostgreSQL database (or SQLite where a test says so), with the
/// demo accounts seeded. In-memory (for HttpClient tests) by default; <see cref="StartOnRealPort"/>
/// serves it over Kestrel for the browser.
/// </summary>
/// <param name="seedCaseload">The ~320 demo clients: realistic pages for browser tests; integration tests build their own data and skip them.</param>
/// <param name="settings">Further configuration, e.g. shorter circuit retention for connection-loss tests.</param>
/// <param name="provider">"PostgreSql" or "Sqlite" (then <paramref name="connectionString"/> names the file).</param>
public sealed class CaseManagementAppFactory(
    string connectionString, bool seedCaseload = true, IReadOnlyDictionary<string, string>? settings = null, string provider = "PostgreSql")
    : WebApplicationFactory<Program>
{
    /// <summary>Each app writes its own log files, so tests can read the lines of their own requests.</summary>
    public string LogFolder { get; } = Path.Combine(Path.GetTempPath(), "casemanagement-test-logs", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseStaticWebAssets(); // outside Development the project's wwwroot is not mapped otherwise
        builder.UseSetting("Database:Provider", provider);
        builder.UseSetting("ConnectionStrings:CaseManagement", connectionString);
        builder.UseSetting("DemoData:Enabled", "true");
        builder.UseSetting("DemoData:SeedCases", seedCaseload ? "true" : "false");
        // Retention runs are started by the tests that need them, never by the clock in the middle of another test.
        builder.UseSetting("Retention:Schedule", "false");
        builder.UseSetting("Logging:Folder", LogFolder);
        // Like the demo setup: every role signs in with the demo password; tests of the second
        // factor switch the requirement on in their own app.
        builder.UseSetting("SecondFactor:Required", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>
    /// Starts Kestrel on a loopback port (a free one unless given: a restarted app takes its
    /// predecessor's) and returns the base address, e.g. http://127.0.0.1:40123.
    /// </summary>
    public Uri StartOnRealPort(int? port = null)
    {
        port ??= FreePort();
        UseKestrel(port.Value);
        StartServer();
        return new Uri($"http://127.0.0.1:{port}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
