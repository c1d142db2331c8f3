using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace CaseManagement.Documents.Tests;

/// <summary>Runs poppler-utils and qpdf on a PDF file, the way a reader's tools see it.</summary>
internal static partial class PdfTools
{
    /// <summary>Where PDFs and PNG previews go: $CASEMANAGEMENT_ARTIFACTS/pdf or /tmp/casemanagement-artifacts/pdf.</summary>
    public static string ArtifactsDirectory
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("CASEMANAGEMENT_ARTIFACTS");
            if (string.IsNullOrWhiteSpace(root))
            {
                root = "/tmp/casemanagement-artifacts";
            }

            var dir = Path.Combine(root, "pdf");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    /// <summary>pdftotext -layout; pages are separated by form feeds.</summary>
    public static string TextLayout(string pdf) => Run("pdftotext", "-enc", "UTF-8", "-layout", pdf, "-").Output;

    public static int PageCount(string pdf)
    {
        var info = Run("pdfinfo", pdf).Output;
        var match = PagesLine().Match(info);
        Assert.True(match.Success, $"pdfinfo printed no page count:\n{info}");
        return int.Parse(match.Groups[1].Value);
    }

    /// <summary>The rows of pdffonts' table: (name, type, embedded).</summary>
    public static List<(string Name, string Type, bool Embedded)> Fonts(string pdf)
    {
        var lines = Run("pdffonts", pdf).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // name  type  encoding  emb sub uni object ID; the header is followed by a line of dashes.
        var rows = new List<(string, string, bool)>();
        foreach (var line in lines.SkipWhile(l => !l.StartsWith("---", StringComparison.Ordinal)).Skip(1))
        {
            var match = FontRow().Match(line);
            Assert.True(match.Success, $"Unexpected pdffonts line: {line}");
            rows.Add((match.Groups["name"].Value, match.Groups["type"].Value.Trim(), match.Groups["emb"].Value == "yes"));
        }

        return rows;
    }

    /// <summary>The words of one page with their boxes in points from the top left (pdftotext -bbox).</summary>
    public static List<(string Text, double XMin, double YMin, double XMax, double YMax)> Words(string pdf, int page)
    {
        var html = Run("pdftotext", "-enc", "UTF-8", "-bbox", "-f", page.ToString(), "-l", page.ToString(), pdf, "-").Output;
        return
        [
            .. WordBox().Matches(html).Select(m => (
                System.Net.WebUtility.HtmlDecode(m.Groups["text"].Value),
                double.Parse(m.Groups["x1"].Value, System.Globalization.CultureInfo.InvariantCulture),
                double.Parse(m.Groups["y1"].Value, System.Globalization.CultureInfo.InvariantCulture),
                double.Parse(m.Groups["x2"].Value, System.Globalization.CultureInfo.InvariantCulture),
                double.Parse(m.Groups["y2"].Value, System.Globalization.CultureInfo.InvariantCulture))),
        ];
    }

    public static (int ExitCode, string Output) QpdfCheck(string pdf) => Run(["qpdf", "--check", pdf], allowFailure: true);

    /// <summary>qpdf --json (version 2): every object of the file, and the pages in order.</summary>
    public static string QpdfJson(string pdf) => Run("qpdf", "--json=2", pdf).Output;

    /// <summary>pdfinfo's "Key: value" lines.</summary>
    public static IReadOnlyDictionary<string, string> Info(string pdf) =>
        Run("pdfinfo", pdf).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim());

    /// <summary>
    /// pdftotext -raw of one page: the text in the order it is drawn. Text at an angle (the draft mark)
    /// comes out letter by letter on lines of its own; <see cref="WithoutWhiteSpace"/> joins it up again.
    /// </summary>
    public static string RawPageText(string pdf, int page) =>
        Run("pdftotext", "-enc", "UTF-8", "-raw", "-f", page.ToString(), "-l", page.ToString(), pdf, "-").Output;

    public static string WithoutWhiteSpace(string text) => WhiteSpace().Replace(text, string.Empty);

    /// <summary>Renders one page as PNG at 60 dpi (pdftoppm -png -r 60 -f n -l n -singlefile).</summary>
    public static string RenderPng(string pdf, int page, string pngWithoutExtension, int dpi = 60)
    {
        Run("pdftoppm", "-png", "-r", dpi.ToString(), "-f", page.ToString(), "-l", page.ToString(), "-singlefile", pdf, pngWithoutExtension);
        var png = pngWithoutExtension + ".png";
        Assert.True(File.Exists(png), $"pdftoppm wrote no {png}");
        return png;
    }

    /// <summary>Collapses every run of white space (including line breaks) into one space.</summary>
    public static string Normalize(string text) => WhiteSpace().Replace(text, " ").Trim();

    private static (int ExitCode, string Output) Run(params string[] command) => Run(command, allowFailure: false);

    private static (int ExitCode, string Output) Run(string[] command, bool allowFailure)
    {
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{command[0]} did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                $"{command[0]} is not installed: apt-get install poppler-utils qpdf (tests/run.sh does this).", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{string.Join(' ', command)} took longer than 60 s");
            }

            var output = stdout.GetAwaiter().GetResult() + stderr.GetAwaiter().GetResult();
            if (!allowFailure && process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{string.Join(' ', command)} exited with {process.ExitCode}:\n{output}");
            }

            return (process.ExitCode, stdout.GetAwaiter().GetResult() + (process.ExitCode == 0 ? string.Empty : stderr.GetAwaiter().GetResult()));
        }
    }

    [GeneratedRegex(@"^Pages:\s+(\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex PagesLine();

    [GeneratedRegex(@"^(?<name>\S+)\s+(?<type>.+?)\s+(?<enc>Identity-H|WinAnsi|Custom|Builtin|Standard|MacRoman|\S+)\s+(?<emb>yes|no)\s+(?<sub>yes|no)\s+(?<uni>yes|no)\s+\d+\s+\d+\s*$")]
    private static partial Regex FontRow();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex("<word xMin=\"(?<x1>[0-9.]+)\" yMin=\"(?<y1>[0-9.]+)\" xMax=\"(?<x2>[0-9.]+)\" yMax=\"(?<y2>[0-9.]+)\">(?<text>[^<]*)</word>")]
    private static partial Regex WordBox();
}
