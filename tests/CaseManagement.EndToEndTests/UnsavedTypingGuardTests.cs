using System.Text.RegularExpressions;
using CaseManagement.Application.Appointments;
using CaseManagement.Domain;
using CaseManagement.Domain.Appointments;
using CaseManagement.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CaseManagement.EndToEndTests;

/// <summary>
/// Leaving a form with unsaved typing (help plan, master data, a new note, an appointment) asks first: a link within
/// the application, and reloading the tab. Staying keeps every word; after saving, the page is left
/// without a question.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class UnsavedTypingGuardTests(BrowserFixture browser)
{
    [Fact]
    public async Task Leaving_a_plan_with_unsaved_typing_asks_first_and_staying_keeps_the_typing()
    {
        var clientId = await JointCases.WithDraftPlanAsync(browser.Services);
        var page = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(page, JointCases.CaseManager);
        await page.GotoAsync($"/klienten/{clientId}/hilfeplan");
        var goal = page.GetByLabel("Integrationsziel", new() { Exact = true });
        await Assertions.Expect(goal).ToBeEnabledAsync();
        var toFile = page.Locator(".breadcrumb a[href$='" + clientId + "']");

        // Nothing typed: the file opens without a question.
        var questions = new List<(string Type, string Message)>();
        var answer = false;
        page.Dialog += async (_, dialog) =>
        {
            questions.Add((dialog.Type, dialog.Message));
            if (answer)
            {
                await dialog.AcceptAsync();
            }
            else
            {
                await dialog.DismissAsync();
            }
        };
        await toFile.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/klienten/{clientId}$"));
        Assert.Empty(questions);
        await page.GoBackAsync();
        await Assertions.Expect(goal).ToBeEnabledAsync();

        const string typed = "Aufnahme einer Ausbildung zur Fachkraft für Lagerlogistik, noch nicht gespeichert";
        await goal.FillAsync(typed);

        // A link within the application: the question, and staying keeps the typing.
        await toFile.ClickAsync();
        await UntilAsync(() => questions.Count == 1);
        Assert.Equal(("confirm", "Ihre Eingaben sind noch nicht gespeichert und gehen verloren, wenn Sie diese Seite verlassen. Seite trotzdem verlassen?"), questions[0]);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/hilfeplan$"));
        await Assertions.Expect(goal).ToHaveValueAsync(typed);

        // Reloading the tab: the browser's own question; staying keeps the typing too.
        // Declined, the reload never completes.
        await Assert.ThrowsAsync<TimeoutException>(() => page.ReloadAsync(new() { Timeout = 5000 }));
        Assert.Contains(questions, q => q.Type == "beforeunload");
        await Assertions.Expect(goal).ToHaveValueAsync(typed);

        // Saved: the page is left without another question.
        var asked = questions.Count;
        await page.Locator("#plan-save").ClickAsync();
        await Assertions.Expect(page.Locator(".save-bar [role=status]").First).ToContainTextAsync("Gespeichert um");
        await toFile.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/klienten/{clientId}$"));
        Assert.Equal(asked, questions.Count);

        // Typed again and left on purpose: the question, answered with yes.
        await page.GoBackAsync();
        await Assertions.Expect(goal).ToHaveValueAsync(typed);
        await goal.FillAsync(typed + " – und verworfen");
        answer = true;
        await toFile.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/klienten/{clientId}$"));
        Assert.Equal(asked + 1, questions.Count);
    }

    [Fact]
    public async Task Unsaved_typing_does_not_keep_a_plan_on_screen_once_the_sign_in_has_ended()
    {
        var clientId = await JointCases.WithDraftPlanAsync(browser.Services);
        var signOut = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(signOut, JointCases.CaseManager);
        var plan = await signOut.Context.NewPageAsync();
        await plan.GotoAsync($"/klienten/{clientId}/hilfeplan");
        var goal = plan.GetByLabel("Integrationsziel", new() { Exact = true });
        await Assertions.Expect(goal).ToBeEnabledAsync();
        await goal.ClickAsync();
        await goal.FillAsync("Getippt, nicht gespeichert, und dann am anderen Tab abgemeldet");

        await signOut.Locator("button.user-menu-toggle").ClickAsync();
        await signOut.GetByRole(AriaRole.Button, new() { Name = "Abmelden" }).ClickAsync();

        // No question holds the plan on an unattended screen: the tab goes to the sign-in page
        // (a question would be dismissed here, and the plan would stay).
        await Assertions.Expect(plan.Locator("#login-notice")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(plan.GetByLabel("Integrationsziel", new() { Exact = true })).ToHaveCountAsync(0);
        await signOut.Context.CloseAsync();
    }

    [Fact]
    public async Task Cancelling_changed_master_data_asks_first_and_saving_leaves_without_a_question()
    {
        var clientId = await JointCases.WithDraftPlanAsync(browser.Services);
        var page = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(page, JointCases.CaseManager);
        await page.GotoAsync($"/klienten/{clientId}/bearbeiten");
        var phone = page.GetByLabel("Telefon");
        await Assertions.Expect(phone).ToBeEditableAsync();
        var questions = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            questions.Add(dialog.Message);
            await dialog.DismissAsync();
        };

        await phone.FillAsync("0621 504 1234");
        await page.GetByRole(AriaRole.Link, new() { Name = "Abbrechen" }).ClickAsync();

        await UntilAsync(() => questions.Count == 1);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/bearbeiten$"));
        await Assertions.Expect(phone).ToHaveValueAsync("0621 504 1234");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/klienten/{clientId}$"));
        await Assertions.Expect(page.GetByText("0621 504 1234")).ToBeVisibleAsync();
        Assert.Single(questions);
    }

    [Fact]
    public async Task An_appointments_changed_place_and_an_unsaved_outcome_ask_first_and_leave_without_a_question_once_saved()
    {
        var clientId = await JointCases.WithDraftPlanAsync(browser.Services);
        var caseManager = await StaffMembers.ByEmailAsync(browser.Services, JointCases.CaseManager.Email);
        var created = await browser.Services.GetRequiredService<AppointmentCommands>().CreateAsync(caseManager, new AppointmentInput
        {
            Type = AppointmentType.JobcenterOnly, ClientId = clientId, Date = GermanCalendar.DateOf(DateTimeOffset.UtcNow).AddDays(3),
            StartTime = new TimeOnly(10, 0), DurationMinutes = 45, ParticipantIds = [caseManager.Id],
        }, confirmDoubleBooking: true);
        Assert.True(created.Succeeded, created.Message);
        var page = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(page, JointCases.CaseManager);
        await page.GotoAsync($"/termine/{created.Value}");
        var place = page.Locator("#appointment-place");
        await Assertions.Expect(place).ToBeEditableAsync();
        var questions = 0;
        page.Dialog += async (_, dialog) =>
        {
            questions++;
            await dialog.DismissAsync();
        };
        var toWeek = page.Locator(".breadcrumb a").First;

        // The appointment itself: asked, stays, saved, then left without a question.
        await place.FillAsync("Jobcenter Ludwigshafen, Raum 214");
        await toWeek.ClickAsync();
        await UntilAsync(() => questions == 1);
        await Assertions.Expect(place).ToHaveValueAsync("Jobcenter Ludwigshafen, Raum 214");
        await page.GetByRole(AriaRole.Button, new() { Name = "Änderungen speichern" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Termin gespeichert.")).ToBeVisibleAsync();

        // Its outcome, a cancellation with a note: the form stays where it is after saving, and says so.
        await page.GetByRole(AriaRole.Radio, new() { Name = "abgesagt", Exact = true }).CheckAsync();
        await page.GetByLabel("Abgesagt von").SelectOptionAsync(new SelectOptionValue { Label = "Klient:in" });
        await page.Locator("#outcome-note").FillAsync("Hat wegen eines Vorstellungsgesprächs abgesagt");
        await toWeek.ClickAsync();
        await UntilAsync(() => questions == 2);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ergebnis speichern" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Ergebnis gespeichert.")).ToBeVisibleAsync();

        await toWeek.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/termine\\?woche="));
        Assert.Equal(2, questions);
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        for (var waited = 0; !condition() && waited < 10_000; waited += 100)
        {
            await Task.Delay(100);
        }

        Assert.True(condition());
    }
}
