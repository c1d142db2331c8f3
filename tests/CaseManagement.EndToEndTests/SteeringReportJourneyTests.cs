using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CaseManagement.Domain;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using Microsoft.Playwright;

namespace CaseManagement.EndToEndTests;

/// <summary>
/// The steering round (Lenkungsrunde) opens the report of the last complete year over the demo
/// caseload, looks at its charts and tables, and downloads it as CSV and as PDF; neither the page nor
/// the files name a client or a case. A client's page stays closed to the steering round.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class SteeringReportJourneyTests(BrowserFixture browser)
{
    private static readonly DemoAccount Steering = DemoAccounts.All.Single(a => a.Role == StaffRole.SteeringCommittee);

    [Fact]
    public async Task The_steering_round_opens_the_year_report_and_downloads_it_as_csv_and_pdf_without_personal_data()
    {
        var year = GermanCalendar.DateOf(DateTimeOffset.UtcNow).Year - 1;
        var page = await browser.NewPageAsync(1366, 900);
        await BrowserFixture.SignInAsync(page, Steering);

        // 1. The report from the navigation, for the last complete year.
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Kennzahlen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Kennzahlen");
        await page.GetByRole(AriaRole.Radio, new() { Name = "ganzes Jahr", Exact = true }).CheckAsync();
        await Assertions.Expect(page.GetByLabel("Jahr", new() { Exact = true })).ToHaveCountAsync(1);
        await page.Locator("#report-year").SelectOptionAsync(year.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Anzeigen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#report-title")).ToHaveTextAsync($"Lenkungsrunde – Kennzahlen {year}");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"zeitraum=jahr&jahr={year}"));

        // Charts with the table of their figures behind them, the previous year for comparison.
        var clients = page.Locator("section#klienten");
        await Assertions.Expect(clients.Locator("svg[role=img]")).ToHaveAttributeAsync("aria-label", $"Balkendiagramm: Personen je Altersgruppe, {year} im Vergleich zu {year - 1}");
        var table = clients.Locator("table.report-table");
        await Assertions.Expect(table.Locator("thead")).ToContainTextAsync($"Vorjahr ({year - 1})");
        await Assertions.Expect(table.Locator("tr.total-row th")).ToHaveTextAsync("Gesamt");
        await Assertions.Expect(page.Locator("section.report-block")).ToHaveCountAsync(12);
        var main = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotMatch(CaseNumber(), main);
        Assert.DoesNotContain("< 5", main, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#report-hidden-note")).ToContainTextAsync("• nicht ausgewiesen");
        await BrowserFixture.ScreenshotAsync(page, "steering-report");

        // Only fixed periods: a quarter of the same year, compared with the same quarter a year before.
        await page.GetByRole(AriaRole.Radio, new() { Name = "Quartal", Exact = true }).CheckAsync();
        await page.Locator("#report-quarter").SelectOptionAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anzeigen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#report-title")).ToHaveTextAsync($"Lenkungsrunde – Kennzahlen 2. Quartal {year}");
        await Assertions.Expect(page.Locator("section#klienten table.report-table thead")).ToContainTextAsync($"Vorjahr (2. Quartal {year - 1})");
        Assert.Equal(0, await page.Locator("input[type=date]").CountAsync());
        await page.GetByRole(AriaRole.Radio, new() { Name = "ganzes Jahr", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Anzeigen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#report-title")).ToHaveTextAsync($"Lenkungsrunde – Kennzahlen {year}");

        // 2. CSV: UTF-8 with BOM, semicolons, the file named after the year only.
        var csvDownload = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "CSV herunterladen" }).ClickAsync());
        Assert.Equal($"kennzahlen-{year}.csv", csvDownload.SuggestedFilename);
        var folder = Path.Combine(BrowserFixture.ArtifactsFolder, "pdf");
        Directory.CreateDirectory(folder);
        var csvPath = Path.Combine(folder, "steering-report.csv");
        await csvDownload.SaveAsAsync(csvPath);
        var csvBytes = await File.ReadAllBytesAsync(csvPath);
        Assert.Equal([0xEF, 0xBB, 0xBF], csvBytes[..3]);
        var csv = Encoding.UTF8.GetString(csvBytes[3..]);
        Assert.StartsWith($"Lenkungsrunde – Kennzahlen {year}\r\nZeitraum;01.01.{year}–31.12.{year}\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("Altersgruppe;weiblich;männlich;divers;keine Angabe;Gesamt\r\n", csv, StringComparison.Ordinal);
        Assert.DoesNotMatch(CaseNumber(), csv);

        // 3. PDF: the same figures in print, first page kept as PNG for people to look at.
        var pdfDownload = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "PDF herunterladen" }).ClickAsync());
        Assert.Equal($"kennzahlen-{year}.pdf", pdfDownload.SuggestedFilename);
        var pdf = Path.Combine(folder, "steering-report.pdf");
        await pdfDownload.SaveAsAsync(pdf);
        var text = await CommandLineTool.RunAsync("pdftotext", "-layout", pdf, "-");
        Assert.Contains($"Lenkungsrunde – Kennzahlen {year}", text, StringComparison.Ordinal);
        Assert.Contains("Klient:innen nach Altersgruppe und Geschlecht", text, StringComparison.Ordinal);
        Assert.Contains("Integrationsergebnisse", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(CaseNumber(), text);
        await CommandLineTool.RunAsync("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, Path.Combine(folder, "steering-report-first-page"));
        Assert.True(new FileInfo(Path.Combine(folder, "steering-report-first-page.png")).Length > 10_000);

        // 4. Figures, never people: the client list is closed to the steering round.
        await page.GotoAsync("/klienten");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/konto/kein-zugriff"));
        Assert.Empty(browser.CspViolations);
    }

    [GeneratedRegex(@"LU-\d{4}-\d{5}")]
    private static partial Regex CaseNumber();
}
