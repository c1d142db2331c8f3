using System.Diagnostics;

namespace CaseManagement.EndToEndTests;

/// <summary>Runs a command-line tool of the machine (poppler's pdftotext, pdfinfo, pdftoppm) and returns its output; a failure fails the test.</summary>
internal static class CommandLineTool
{
    public static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {error}");
        return output;
    }
}
