using System.Diagnostics;
using Npgsql;

namespace CaseManagement.IntegrationTests.Operations;

/// <summary>The repository's scripts and the built web app, run as operations would run them.</summary>
internal static class Repository
{
    private static readonly string[] Configurations = ["Debug", "Release"];

    public static string Root { get; } = FindRoot();

    /// <summary>The web app as the solution build left it (tests/run.sh builds the whole solution first).</summary>
    public static string WebAppDll
    {
        get
        {
            var candidates = Configurations
                .Select(configuration => Path.Combine(Root, "src", "CaseManagement.Web", "bin", configuration, "net10.0", "CaseManagement.Web.dll"))
                .Where(File.Exists)
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .ToList();
            Assert.True(candidates.Count > 0, "src/CaseManagement.Web is not built: run tests/run.sh or dotnet build CaseManagement.sln");
            return candidates[0];
        }
    }

    /// <summary>
    /// <c>dotnet CaseManagement.Web.dll --migrate</c> in the app's own folder (its content root, where
    /// appsettings.{Environment}.json lie), as the systemd unit and the compose file run it.
    /// </summary>
    public static Task<ProcessResult> MigrateAsync(IReadOnlyDictionary<string, string> environment)
    {
        var app = WebAppDll;
        return RunAsync("dotnet", [app, "--migrate"], environment, Path.GetDirectoryName(app));
    }

    /// <summary>A libpq connection string (what psql, pg_dump and the scripts take) for an Npgsql one.</summary>
    public static string Libpq(string npgsqlConnectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(npgsqlConnectionString);
        return $"host={builder.Host} port={builder.Port} user={builder.Username} dbname={builder.Database}";
    }

    public static async Task<ProcessResult> RunAsync(
        string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var password = new NpgsqlConnectionStringBuilder(Testing.PostgresTestDatabase.ServerConnectionStringFromEnvironment()).Password;
        if (!string.IsNullOrEmpty(password))
        {
            start.Environment["PGPASSWORD"] = password;
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish in time:\n{await output}\n{await error}");
        }

        return new ProcessResult(process.ExitCode, await output, await error);
    }

    private static string FindRoot()
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

internal sealed record ProcessResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
