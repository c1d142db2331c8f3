using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace CaseManagement.IntegrationTests;

/// <summary>The text of a PDF as a reader's tool extracts it (pdftotext from poppler-utils, as in the document tests).</summary>
internal static partial class PdfText
{
    /// <summary>pdftotext -enc UTF-8 on the bytes, with every run of white space collapsed to one space.</summary>
    public static string Of(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"helpplan-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
            };
            foreach (var argument in new[] { "-enc", "UTF-8", file, "-" })
            {
                start.ArgumentList.Add(argument);
            }

            Process process;
            try
            {
                process = Process.Start(start) ?? throw new InvalidOperationException("pdftotext did not start");
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException("pdftotext is not installed: apt-get install poppler-utils (tests/run.sh does this).", e);
            }

            using (process)
            {
                var output = process.StandardOutput.ReadToEndAsync();
                var errors = process.StandardError.ReadToEndAsync();
                if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
                {
                    process.Kill(entireProcessTree: true);
                    throw new TimeoutException("pdftotext took longer than 60 s");
                }

                Assert.True(process.ExitCode == 0, $"pdftotext exited with {process.ExitCode}: {errors.GetAwaiter().GetResult()}");
                return WhiteSpace().Replace(output.GetAwaiter().GetResult(), " ").Trim();
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
