using System.Globalization;
using CaseManagement.Domain;
using CaseManagement.Domain.Appointments;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CaseManagement.EndToEndTests;

/// <summary>
/// Outreach on a phone (390 × 844): two contacts in a row, one anonymous and one with a person
/// found by typing, each in three taps; a confirmation that cannot be missed, a fresh form with
/// no place carried over and the time of saving; a menu that reaches every section.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class QuickContactPhoneTests(BrowserFixture browser)
{
    [Fact]
    public async Task Two_contacts_in_a_row_on_a_phone_each_take_three_taps_and_say_clearly_that_they_were_saved()
    {
        var clientId = await JointCases.SharingAppointmentsAsync(browser.Services);
        var caseNumber = await CaseNumberAsync(clientId);
        var phone = await browser.NewPageAsync(390, 844);
        await BrowserFixture.SignInAsync(phone, JointCases.DrugHelpWorker);

        // Every section through the phone menu.
        var menu = phone.GetByRole(AriaRole.Button, new() { Name = "Menü" });
        var navigation = phone.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" });
        await Assertions.Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Kontakt erfassen" })).ToBeHiddenAsync();
        await menu.ClickAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await BrowserFixture.ScreenshotAsync(phone, "phone-menu");
        await navigation.GetByRole(AriaRole.Link, new() { Name = "Kontakt erfassen" }).ClickAsync();
        await Assertions.Expect(phone).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/kontakt$"));
        var save = phone.GetByRole(AriaRole.Button, new() { Name = "Kontakt speichern" });
        await Assertions.Expect(save).ToBeEnabledAsync();

        // 1. Anonymous outreach at the fountain: place, "anonym", save.
        var taps = 0;
        await phone.Locator("#contact-place").ClickAsync();
        taps++;
        await phone.Keyboard.TypeAsync("Berliner Platz");
        await phone.GetByLabel("anonym – ohne Akte", new() { Exact = false }).CheckAsync();
        taps++;
        await save.ClickAsync();
        taps++;
        var confirmation = phone.Locator(".saved-contact");
        await Assertions.Expect(confirmation).ToContainTextAsync("Gespeichert: Aufsuchender Kontakt (anonym)");
        await Assertions.Expect(confirmation).ToBeFocusedAsync();
        await Assertions.Expect(confirmation).ToBeInViewportAsync();
        Assert.DoesNotContain("..", await confirmation.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(3, taps);
        await BrowserFixture.ScreenshotAsync(phone, "quick-contact-saved");

        // The next contact starts afresh: no place carried over (nothing appended to it), no person.
        await Assertions.Expect(phone.Locator("#contact-place")).ToHaveValueAsync("");
        await Assertions.Expect(phone.Locator("#contact-client")).ToHaveValueAsync("");

        // 2. A named contact, the person found by typing the case number.
        taps = 0;
        await phone.Locator("#contact-client").ClickAsync();
        taps++;
        await phone.Keyboard.TypeAsync(caseNumber);
        await Assertions.Expect(phone.Locator("#contact-client-hint")).ToContainTextAsync($"Gewählt: Kovačević, Mirela ({caseNumber})");
        await phone.Locator("#contact-place").ClickAsync();
        taps++;
        await phone.Keyboard.TypeAsync("Rathausplatz");
        var beforeSave = DateTimeOffset.UtcNow;
        await save.ClickAsync();
        taps++;
        await Assertions.Expect(confirmation).ToContainTextAsync($"Gespeichert: Aufsuchender Kontakt ({caseNumber})");
        Assert.Equal(3, taps);

        var stored = await OnlyAppointmentOfAsync(clientId);
        Assert.Equal("Rathausplatz", stored.Place);
        Assert.Equal(AppointmentType.Outreach, stored.Type);
        // The time of saving, not of opening the form (minutes).
        Assert.InRange(stored.Start, beforeSave.AddMinutes(-1).AddSeconds(-beforeSave.Second), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Empty(browser.CspViolations);
    }

    [Fact]
    public async Task A_birth_date_is_echoed_in_words_with_the_age_so_a_swapped_day_and_month_shows()
    {
        var desk = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(desk, JointCases.CaseManager);
        await desk.GotoAsync("/klienten/neu");
        var birth = desk.GetByLabel("Geburtsdatum *");
        await Assertions.Expect(birth).ToBeEnabledAsync();

        await birth.FillAsync("1988-04-12");

        var today = GermanCalendar.DateOf(DateTimeOffset.UtcNow);
        var age = Domain.Clients.AgeGroups.AgeOn(new DateOnly(1988, 4, 12), today);
        await Assertions.Expect(desk.Locator(".date-echo").First).ToHaveTextAsync($"Dienstag, 12. April 1988 – {age} Jahre");

        await birth.FillAsync("1988-12-04");
        await Assertions.Expect(desk.Locator(".date-echo").First).ToHaveTextAsync(
            $"Sonntag, 4. Dezember 1988 – {Domain.Clients.AgeGroups.AgeOn(new DateOnly(1988, 12, 4), today).ToString(CultureInfo.InvariantCulture)} Jahre");
        await BrowserFixture.ScreenshotAsync(desk, "client-create-date-echo");
    }

    private async Task<string> CaseNumberAsync(Guid clientId)
    {
        var contexts = browser.Services.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Clients.Where(c => c.Id == clientId).Select(c => c.CaseNumber).SingleAsync();
    }

    private async Task<Appointment> OnlyAppointmentOfAsync(Guid clientId)
    {
        var contexts = browser.Services.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Appointments.AsNoTracking().SingleAsync(a => a.ClientId == clientId);
    }
}
