using System.Text.RegularExpressions;
using CaseManagement.Application.Clients;
using CaseManagement.Application.Consent;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Appointments;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CaseManagement.EndToEndTests;

/// <summary>
/// The pilot role on the street: a Fachkraft of the Drogenhilfe records an accompaniment on her
/// phone; the Fallmanager:in of the Jobcenter sees the fact of participation (when, what,
/// attended) but never the counselling note.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class OutreachJourneyTests(BrowserFixture browser)
{
    private static readonly DemoAccount CaseManager = DemoAccounts.All.Single(a => a.Role == StaffRole.CaseManager);
    private static readonly DemoAccount DrugHelpWorker = DemoAccounts.All.Single(a => a.Role == StaffRole.DrugHelpWorker);

    private const string CounsellingNote = "Vertraulich: Rückfall am Wochenende offen besprochen";
    private const string Target = "Schuldner- und Insolvenzberatung, Ludwigstraße";

    [Fact]
    public async Task An_accompaniment_recorded_on_a_phone_shows_the_Jobcenter_the_fact_but_not_the_note()
    {
        var clientId = await JointCases.SharingAppointmentsAsync(browser.Services);

        // 1. On the phone: the accompaniment has just ended.
        var phone = await browser.NewPageAsync(390, 844);
        await BrowserFixture.SignInAsync(phone, DrugHelpWorker);
        await phone.GotoAsync($"/kontakt?klient={clientId}");
        await Assertions.Expect(phone.GetByRole(AriaRole.Button, new() { Name = "Kontakt speichern" })).ToBeEnabledAsync();
        await phone.Locator("label.chip", new() { HasText = "Begleitung" }).ClickAsync();
        await phone.GetByLabel("Begleitung zu").FillAsync(Target);
        await phone.GetByLabel("Ort (optional)").FillAsync("Treffpunkt Kontaktladen");
        await phone.Locator("label.chip", new() { HasText = "1 Std." }).First.ClickAsync();
        await phone.GetByLabel("Kurznotiz").FillAsync(CounsellingNote);
        await BrowserFixture.ScreenshotAsync(phone, "quick-contact-phone");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Kontakt speichern" }).ClickAsync();
        await Assertions.Expect(phone.Locator(".alert-info[role=status]")).ToContainTextAsync("Gespeichert: Begleitung");

        var stored = await OnlyAppointmentOfAsync(clientId);
        Assert.Equal(AppointmentType.Accompaniment, stored.Type);
        Assert.Equal(AppointmentOutcome.Attended, stored.Outcome);
        Assert.Equal(CounsellingNote, stored.OutcomeNote);
        Assert.Equal(Organisation.DrugHelpService, stored.NoteOrganisation);

        // 2. Nothing typed on the phone has to be typed again: the client's file shows it to her, note included.
        await phone.GotoAsync($"/klienten/{clientId}");
        var ownSection = phone.Locator("section[aria-labelledby=appointments-head]");
        await Assertions.Expect(ownSection).ToContainTextAsync(CounsellingNote);

        // 3. The Jobcenter sees the fact of participation, never the note.
        var desk = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(desk, CaseManager);
        await desk.GotoAsync($"/klienten/{clientId}");
        var section = desk.Locator("section[aria-labelledby=appointments-head]");
        await Assertions.Expect(section).ToContainTextAsync("Begleitung");
        await Assertions.Expect(section).ToContainTextAsync("wahrgenommen");
        await Assertions.Expect(section).ToContainTextAsync("(Drogenhilfe)");
        await Assertions.Expect(section).Not.ToContainTextAsync("Rückfall");
        await desk.GotoAsync($"/termine/{stored.Id}");
        await Assertions.Expect(desk.Locator("main")).ToContainTextAsync("wahrgenommen");
        await Assertions.Expect(desk.Locator("main")).ToContainTextAsync("ändern kann ihn nur die zuständige Person dort");
        await Assertions.Expect(desk.Locator("main")).Not.ToContainTextAsync("Rückfall");
        Assert.DoesNotContain("Rückfall", await desk.ContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(desk, "appointment-seen-by-jobcenter");

        // 4. The week on a desktop, for the screenshot of the week view.
        var week = await browser.NewPageAsync(1400, 900);
        await BrowserFixture.SignInAsync(week, DrugHelpWorker);
        await week.GotoAsync($"/termine?woche={GermanCalendar.DateOf(stored.Start):yyyy-MM-dd}");
        await Assertions.Expect(week.Locator(".week-grid")).ToContainTextAsync("Begleitung");
        await BrowserFixture.ScreenshotAsync(week, "week-view-desktop");

        // 5. Someone else's week: the list of people is offered when asked for, and the keyboard lands in it.
        await week.GetByRole(AriaRole.Button, new() { Name = "Andere Person …" }).ClickAsync();
        var people = week.GetByLabel("Person:");
        await Assertions.Expect(people).ToBeFocusedAsync();
        await people.SelectOptionAsync(new SelectOptionValue { Label = $"{CaseManager.DisplayName} (Jobcenter)" });
        await Assertions.Expect(week).Not.ToHaveURLAsync(new Regex("ansicht=person"));
        await week.GetByRole(AriaRole.Button, new() { Name = "Anzeigen" }).ClickAsync();
        await Assertions.Expect(week).ToHaveURLAsync(new Regex("ansicht=person"));
        await Assertions.Expect(week.GetByRole(AriaRole.Heading, new() { Name = $"Woche von {CaseManager.DisplayName}" })).ToBeAttachedAsync();
        await Assertions.Expect(people).ToHaveValueAsync(await CaseManagerIdAsync());
        Assert.Empty(browser.CspViolations);
    }

    private async Task<string> CaseManagerIdAsync()
    {
        var contexts = browser.Services.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Users.Where(u => u.Email == CaseManager.Email).Select(u => u.Id).SingleAsync();
    }

    private async Task<Appointment> OnlyAppointmentOfAsync(Guid clientId)
    {
        var contexts = browser.Services.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Appointments.AsNoTracking().SingleAsync(a => a.ClientId == clientId);
    }
}
