using System.Globalization;
using CaseManagement.Domain;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CaseManagement.EndToEndTests;

/// <summary>
/// The operational steering round holds a meeting, records a decision and a measure, and finds the
/// measure again on the next meeting's agenda; a client's name in the minutes is caught before saving.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class SteeringRoundJourneyTests(BrowserFixture browser)
{
    private static readonly DemoAccount TeamLead = DemoAccounts.All.Single(a => a.Role == StaffRole.TeamLeadJobcenter);

    [Fact]
    public async Task A_measure_recorded_at_one_meeting_stands_on_the_next_meetings_agenda()
    {
        var lastName = await DemoClientLastNameAsync();
        var today = GermanCalendar.DateOf(browser.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        var page = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(page, TeamLead);

        // 1. A new meeting of the operational round; the demo's earlier meeting left a measure open.
        await page.GotoAsync("/lenkungsrunden/operativ");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Offene Maßnahmen" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "steering-round");
        await page.GetByRole(AriaRole.Link, new() { Name = "Neue Sitzung" }).ClickAsync();
        await page.Locator("#meeting-day").FillAsync(Iso(today));
        await page.GetByLabel("Tagesordnung").FillAsync("1. Kennzahlen\n2. Wartezeiten Entgiftung");
        await page.GetByLabel("Protokoll").FillAsync($"Rückfrage zu Frau {lastName} an die Teamleitung.");
        await page.GetByLabel("Beschlüsse").FillAsync("Sprechstunde der Drogenhilfe im Jobcenter ab dem nächsten Monat.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sitzung anlegen" }).ClickAsync();

        // The name is caught; the text is taken out, and the meeting saved.
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "personenbezogene Daten" })).ToContainTextAsync($"Frau {lastName}");
        await BrowserFixture.ScreenshotAsync(page, "steering-meeting-warning");
        await page.GetByLabel("Protokoll").FillAsync("Rückfrage zu einem Einzelfall an die Teamleitung verwiesen.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sitzung anlegen" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(MeetingPage(), new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Offene Maßnahmen aus früheren Sitzungen" }) }))
            .ToContainTextAsync("Feste Aufnahmetage mit der Entgiftungsstation vereinbaren");

        // 2. A measure of this meeting, motivated by the referral figures.
        await page.GetByLabel("Maßnahme *").FillAsync("Sprechstunde der Drogenhilfe im Jobcenter einrichten");
        await page.GetByLabel("Verantwortlich *").FillAsync("Teamleitung Jobcenter");
        await page.Locator("#measure-due").FillAsync(Iso(today.AddDays(30)));
        await page.GetByLabel("Anlass (Kennzahl)").SelectOptionAsync(new SelectOptionValue { Value = "vermittlungen" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Maßnahme eintragen" }).ClickAsync();
        var decided = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Maßnahmen dieser Sitzung" }) });
        await Assertions.Expect(decided.Locator("table")).ToContainTextAsync("Sprechstunde der Drogenhilfe im Jobcenter einrichten");
        await BrowserFixture.ScreenshotAsync(page, "steering-meeting");

        // 3. The next meeting finds it on its agenda, with the figure behind it.
        await page.GotoAsync("/lenkungsrunden/operativ/neu");
        await page.Locator("#meeting-day").FillAsync(Iso(today.AddDays(14)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sitzung anlegen" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(MeetingPage(), new() { Timeout = 15_000 });
        var agenda = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Offene Maßnahmen aus früheren Sitzungen" }) });
        var row = agenda.Locator("tr").Filter(new() { HasText = "Sprechstunde der Drogenhilfe im Jobcenter einrichten" });
        await Assertions.Expect(row).ToContainTextAsync("Vermittlungen nach Art der Stelle und Stand");
        await Assertions.Expect(row).ToContainTextAsync("Teamleitung Jobcenter");

        // Typing survives a paused connection and is saved afterwards.
        const string typed = "Noch nicht gespeichert: die Sprechstunde beginnt im Februar.";
        var minutes = page.GetByLabel("Protokoll");
        await minutes.FillAsync(typed);
        Assert.True(await page.EvaluateAsync<bool>("Blazor.pauseCircuit()"));
        var dialog = page.Locator("#components-reconnect-modal");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Fortsetzen" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByText("Ihre ungespeicherten Eingaben sind wiederhergestellt")).ToBeVisibleAsync();
        await Assertions.Expect(minutes).ToHaveValueAsync(typed);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sitzung speichern" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Die Sitzung ist gespeichert." })).ToBeVisibleAsync();

        // Where the carried-over measure stands now, saved by the button that names it.
        const string measureText = "Sprechstunde der Drogenhilfe im Jobcenter einrichten";
        await page.GetByLabel(measureText, new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "in Arbeit" });
        await page.GetByRole(AriaRole.Button, new() { Name = $"Stand speichern: {measureText}", Exact = true }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("in Arbeit");

        // At phone width the meeting page stays usable.
        await page.SetViewportSizeAsync(390, 844);
        await BrowserFixture.ScreenshotAsync(page, "steering-meeting-phone");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "The meeting page scrolls sideways at phone width.");
    }

    // Polled like the sign-in's redirect: WaitForURL waits for a load event, and once in a full run
    // it waited the whole 15 s after Blazor had gone to the new meeting by history.pushState.
    [System.Text.RegularExpressions.GeneratedRegex("/lenkungsrunden/sitzungen/[0-9a-f-]{36}$")]
    private static partial System.Text.RegularExpressions.Regex MeetingPage();

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<string> DemoClientLastNameAsync()
    {
        await using var scope = browser.Services.CreateAsyncScope();
        var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>().CreateDbContextAsync();
        await using (db)
        {
            return await db.Clients.Where(c => c.LastName.Length > 3).OrderBy(c => c.CaseNumber).Select(c => c.LastName).FirstAsync();
        }
    }
}
