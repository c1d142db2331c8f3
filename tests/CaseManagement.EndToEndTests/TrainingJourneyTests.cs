using System.Globalization;
using System.Text.RegularExpressions;
using CaseManagement.Domain;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CaseManagement.EndToEndTests;

/// <summary>
/// Administration creates a joint training and a session and records a case manager's attendance;
/// the Jobcenter's team lead saw her due before and no longer sees her due afterwards; she sees
/// herself trained; the steering report lists the topic.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class TrainingJourneyTests(BrowserFixture browser)
{
    private static readonly DemoAccount Admin = DemoAccounts.All.Single(a => a.Role == StaffRole.Administrator);
    private static readonly DemoAccount TeamLead = DemoAccounts.All.Single(a => a.Role == StaffRole.TeamLeadJobcenter);
    private static readonly DemoAccount CaseManager = DemoAccounts.All.Single(a => a.Role == StaffRole.CaseManager);

    [Fact]
    public async Task Administration_records_attendance_and_the_team_lead_no_longer_sees_the_person_due()
    {
        var today = GermanCalendar.DateOf(browser.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        var title = $"Motivierende Gesprächsführung {Guid.NewGuid():N}"[..36];
        var admin = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(admin, Admin);

        // 1. The catalogue (the demo's topics), a new topic for the Jobcenter, refreshed yearly.
        await admin.GotoAsync("/verwaltung/fortbildungen");
        await Assertions.Expect(admin.Locator("#training-catalogue")).ToContainTextAsync("Grundlagen Sucht und Abhängigkeit");
        await BrowserFixture.ScreenshotAsync(admin, "trainings-catalogue");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Neue Fortbildung" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Fortbildung anlegen" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#training-title-error")).ToHaveTextAsync("Bitte geben Sie das Thema der Fortbildung an.");
        await BrowserFixture.ScreenshotAsync(admin, "trainings-new-errors");
        await admin.Locator("#training-title").FillAsync(title);
        await admin.Locator("#training-audience").SelectOptionAsync(new SelectOptionValue { Label = "Jobcenter" });
        await admin.Locator("#training-refresh").SelectOptionAsync(new SelectOptionValue { Label = "jährlich" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Fortbildung anlegen" }).ClickAsync();
        await Assertions.Expect(admin).ToHaveURLAsync(TrainingPage());
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(admin, "trainings-topic-created");

        // 2. A session today, held by someone from outside.
        await admin.Locator("#session-day").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await admin.Locator("#session-trainer").FillAsync("Institut für Gesprächsführung (extern)");
        await admin.Locator("#session-place").FillAsync("Jobcenter, Raum 2.14");
        await BrowserFixture.ScreenshotAsync(admin, "trainings-topic");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Termin anlegen" }).ClickAsync();
        await Assertions.Expect(admin).ToHaveURLAsync(SessionPage());

        // 3. The case manager registered for it.
        await admin.Locator("#register-person").SelectOptionAsync(new SelectOptionValue { Label = CaseManager.DisplayName });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Anmelden", Exact = true }).ClickAsync();
        var row = admin.Locator("#attendance tr").Filter(new() { HasText = CaseManager.DisplayName });
        await Assertions.Expect(row).ToContainTextAsync("angemeldet");

        // 4. The team lead sees her due in the new topic (never attended).
        var lead = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(lead, TeamLead);
        await lead.GotoAsync("/team/fortbildungen");
        var topic = lead.Locator("section.panel").Filter(new() { Has = lead.GetByRole(AriaRole.Heading, new() { Name = title }) });
        await Assertions.Expect(topic.Locator("table")).ToContainTextAsync(CaseManager.DisplayName);
        await Assertions.Expect(topic.Locator("tr").Filter(new() { HasText = CaseManager.DisplayName })).ToContainTextAsync("noch nie");
        await BrowserFixture.ScreenshotAsync(lead, "trainings-team");

        // 5. Attended: recorded by Administration.
        await admin.GetByRole(AriaRole.Group, new() { Name = $"Teilnahme von {CaseManager.DisplayName}" })
            .GetByRole(AriaRole.Button, new() { Name = "teilgenommen", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status).Filter(new() { HasText = $"{CaseManager.DisplayName}: teilgenommen." })).ToBeVisibleAsync();
        await Assertions.Expect(row.Locator(".badge")).ToHaveTextAsync("teilgenommen");
        await BrowserFixture.ScreenshotAsync(admin, "trainings-session");

        // 6. The team lead no longer sees her due; the topic counts her as trained.
        await lead.ReloadAsync();
        await Assertions.Expect(topic).ToContainTextAsync("1 von");
        await Assertions.Expect(topic).Not.ToContainTextAsync(CaseManager.DisplayName);
        // The demo topics show people due (the demo's past sessions).
        var addiction = lead.Locator("section.panel").Filter(new() { Has = lead.GetByRole(AriaRole.Heading, new() { Name = "Grundlagen Sucht und Abhängigkeit" }) });
        await Assertions.Expect(addiction).ToContainTextAsync("Aylin Kaya");

        // 7. She sees herself trained, until a year from today.
        var own = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(own, CaseManager);
        await own.GotoAsync("/fortbildungen");
        var ownRow = own.Locator("#own-topics tr").Filter(new() { HasText = title });
        await Assertions.Expect(ownRow).ToContainTextAsync("geschult");
        await Assertions.Expect(ownRow).ToContainTextAsync($"gültig bis {GermanCalendar.Format(today.AddMonths(12))}");
        await BrowserFixture.ScreenshotAsync(own, "trainings-own");

        // 8. The steering report's table lists the topic for the Jobcenter.
        await lead.GotoAsync($"/kennzahlen?zeitraum=jahr&jahr={today.Year}");
        var table = lead.Locator("#fortbildungen");
        await Assertions.Expect(table).ToContainTextAsync($"{title} (Jobcenter)");
        await table.ScrollIntoViewIfNeededAsync();
        await lead.Locator("#fortbildungen").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "screenshots", "trainings-steering-report.png") });

        // At phone width the team lead's page stays usable.
        await lead.GotoAsync("/team/fortbildungen");
        await lead.SetViewportSizeAsync(390, 844);
        await Assertions.Expect(topic).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(lead, "trainings-team-phone");
        var overflow = await lead.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "The team's training page scrolls sideways at phone width.");
    }

    [GeneratedRegex(@"/verwaltung/fortbildungen/[0-9a-f-]{36}$")]
    private static partial Regex TrainingPage();

    [GeneratedRegex(@"/verwaltung/fortbildungen/termine/[0-9a-f-]{36}$")]
    private static partial Regex SessionPage();
}
