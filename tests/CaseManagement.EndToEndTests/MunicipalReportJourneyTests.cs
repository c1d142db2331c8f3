using CaseManagement.Domain;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CaseManagement.EndToEndTests;

/// <summary>A member of the strategic round writes a chapter of last year's municipal report and takes the PDF home.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class MunicipalReportJourneyTests(BrowserFixture browser)
{
    private static readonly DemoAccount Steering = DemoAccounts.All.First(a => a.Role == StaffRole.SteeringCommittee);

    [Fact]
    public async Task A_member_edits_a_chapter_and_downloads_the_report_as_pdf()
    {
        var lastYear = GermanCalendar.DateOf(browser.Services.GetRequiredService<TimeProvider>().GetUtcNow()).Year - 1;
        var page = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(page, Steering);

        await page.GotoAsync("/lenkungsrunden/strategisch");
        await page.GetByRole(AriaRole.Link, new() { Name = "Kommunaler Suchtbericht" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Kommunaler Suchtbericht {lastYear}" })).ToBeVisibleAsync();
        // The demo's draft has an introduction already.
        await Assertions.Expect(page.GetByLabel("Text zu Kapitel 1 – Einleitung und Überblick")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Kooperationsvereinbarung"));

        await page.GetByLabel("Text zu Kapitel 6 – Ausblick").FillAsync("Im nächsten Jahr: feste Sprechstunden der Drogenhilfe im Jobcenter.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bericht speichern" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Der Suchtbericht ist gespeichert." })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "municipal-report");

        // Typing survives a paused connection.
        const string typed = "Noch nicht gespeichert: drei gemeinsame Fortbildungen.";
        var trainings = page.GetByLabel("Text zu Kapitel 4 – Gemeinsame Fortbildungen");
        await trainings.FillAsync(typed);
        Assert.True(await page.EvaluateAsync<bool>("Blazor.pauseCircuit()"));
        var dialog = page.Locator("#components-reconnect-modal");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Fortsetzen" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByText("Ihre ungespeicherten Eingaben sind wiederhergestellt")).ToBeVisibleAsync();
        await Assertions.Expect(trainings).ToHaveValueAsync(typed);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Bericht als PDF" }).ClickAsync());
        Assert.Equal($"suchtbericht-{lastYear}.pdf", download.SuggestedFilename);
        var file = await download.PathAsync();
        var head = new byte[5];
        await using (var stream = File.OpenRead(file))
        {
            await stream.ReadExactlyAsync(head);
        }

        Assert.Equal("%PDF-"u8.ToArray(), head);
    }
}
