using System.Text.RegularExpressions;
using CaseManagement.Application.Appointments;
using CaseManagement.Application.Clients;
using CaseManagement.Application.HelpPlans;
using CaseManagement.Domain;
using CaseManagement.Domain.Appointments;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Persistence.Faults;
using CaseManagement.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CaseManagement.EndToEndTests;

/// <summary>
/// The database stops while a caseworker is typing on the client page: saving says so in German
/// at the form, the page stays alive with the text in it, and once the database is back the same
/// click saves it, once; a page opened during an outage says so and loads on "Erneut versuchen".
/// On a PostgreSQL cluster of its own, which the test stops.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class DatabaseOutageTests(BrowserFixture browser) : IAsyncLifetime
{
    private ThrowawayPostgres _cluster = default!;
    private PostgresTestDatabase _database = default!;
    private CaseManagementAppFactory _app = default!;

    public async Task InitializeAsync()
    {
        _cluster = await ThrowawayPostgres.StartAsync();
        _database = await PostgresTestDatabase.CreateAsync(_cluster.ServerConnectionString, pooling: true);
        // Few and short retries: the outage is long on purpose, the test need not wait out the default budget.
        _app = new CaseManagementAppFactory(_database.ConnectionString, seedCaseload: false, new Dictionary<string, string>
        {
            ["Database:Retry:MaxRetryCount"] = "2",
            ["Database:Retry:MaxRetryDelay"] = "00:00:01",
        });
    }

    [Fact]
    public async Task A_note_saved_while_the_database_is_down_stays_in_the_form_and_saves_once_it_is_back()
    {
        var address = _app.StartOnRealPort();
        var clientId = await JointCases.WithDraftPlanAsync(_app.Services);
        var page = await browser.NewPageAsync(1280, 900, address);
        await BrowserFixture.SignInAsync(page, JointCases.CaseManager);
        await page.GotoAsync($"/klienten/{clientId}");
        var note = page.GetByLabel("Neue Notiz");
        await Assertions.Expect(note).ToBeEditableAsync();
        // The page has read everything it shows: an outage while a page loads ends it (nothing typed yet to lose).
        await Assertions.Expect(page.GetByText("Termine werden geladen")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("Vermittlungen werden geladen")).ToHaveCountAsync(0);
        var typed = "Termin bei der Schuldnerberatung vereinbart, Unterlagen bringt er am Donnerstag mit. " + Guid.NewGuid().ToString("N")[..8];
        await note.FillAsync(typed);

        await _cluster.StopServerAsync();
        try
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Notiz speichern" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Die Datenbank ist gerade nicht erreichbar" }))
                .ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(note).ToHaveValueAsync(typed);
            await Assertions.Expect(page.Locator("#components-reconnect-modal")).ToBeHiddenAsync();
            await BrowserFixture.ScreenshotAsync(page, "database-unreachable-note");
        }
        finally
        {
            await _cluster.StartServerAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Notiz speichern" }).ClickAsync();
        await Assertions.Expect(page.Locator(".note-list")).ToContainTextAsync(typed);
        await Assertions.Expect(note).ToHaveValueAsync("");
        Assert.Equal(1, await NotesAsync(clientId, typed));
        Assert.DoesNotContain(DatabaseFaults.UnavailableMessage, await page.ContentAsync(), StringComparison.Ordinal);

        // Going to another page while the database is away: that page says so and offers to try
        // again; the menu and the session stay, and trying again after the outage shows the page.
        await _cluster.StopServerAsync();
        try
        {
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Klient:innen" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = DatabaseFaults.PageUnavailableMessage }))
                .ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
            await Assertions.Expect(page.Locator("#components-reconnect-modal")).ToBeHiddenAsync();
            await BrowserFixture.ScreenshotAsync(page, "database-unreachable-page");
        }
        finally
        {
            await _cluster.StartServerAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Erneut versuchen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Meine Klient:innen" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = DatabaseFaults.PageUnavailableMessage })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_change_to_the_case_while_the_database_is_down_hides_the_plan_and_keeps_the_typing()
    {
        var address = _app.StartOnRealPort();
        var clientId = await JointCases.WithDraftPlanAsync(_app.Services);
        var (page, goal) = await OpenPlanAsync(address, clientId);
        const string typed = "Teilzeit in der Lagerlogistik, getippt kurz bevor die Datenbank ausfiel";
        await goal.FillAsync(typed);

        await _cluster.StopServerAsync();
        try
        {
            // A consent revoked or the case handed over (as another page would announce it): the
            // permissions of now cannot be read, so the plan goes and the typing stays, with the reason.
            _app.Services.GetRequiredService<ClientChangeNotifier>().Publish(clientId);
            await Assertions.Expect(page.Locator("section.own-typing")).ToContainTextAsync(typed, new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Ihre Rechte ließen sich nicht neu prüfen" })).ToBeVisibleAsync();
            await Assertions.Expect(goal).ToHaveCountAsync(0);
            // Hidden because the permissions could not be read, not because a consent is missing.
            await Assertions.Expect(page.Locator(".subtitle")).ToContainTextAsync("Name ausgeblendet");
            await Assertions.Expect(page.GetByText(DatabaseFaults.PageUnavailableMessage)).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
            await BrowserFixture.ScreenshotAsync(page, "help-plan-recheck-database-unreachable");
        }
        finally
        {
            await _cluster.StartServerAsync();
        }

        await page.ReloadAsync();
        await Assertions.Expect(goal).ToBeEnabledAsync();
    }

    [Fact]
    public async Task Comparing_versions_while_the_database_is_down_says_so_at_the_form_and_keeps_the_typing()
    {
        var address = _app.StartOnRealPort();
        var clientId = await JointCases.WithDraftPlanAsync(_app.Services);
        // Version 1 agreed, version 2 a draft: the page offers to compare them.
        var caseManager = await StaffMembers.ByEmailAsync(_app.Services, JointCases.CaseManager.Email);
        var commands = _app.Services.GetRequiredService<HelpPlanCommands>();
        var draft = (await _app.Services.GetRequiredService<HelpPlanQuery>().OpenAsync(caseManager, clientId))!.Shown!;
        var agreed = await commands.AgreeAsync(caseManager, clientId, draft.Id,
            new AgreementInput { AgreedOn = GermanCalendar.DateOf(DateTimeOffset.UtcNow), ByCaseManager = true, ByDrugHelpWorker = true, ByClient = true }, draft.Token);
        Assert.True(agreed.Succeeded, agreed.Message);
        var review = await commands.StartReviewAsync(caseManager, clientId, draft.Id, agreed.Value);
        Assert.True(review.Succeeded, review.Message);

        var (page, goal) = await OpenPlanAsync(address, clientId);
        const string typed = "Teilzeit in der Lagerlogistik ab März, bei der Überprüfung neu gefasst";
        await goal.FillAsync(typed);

        await _cluster.StopServerAsync();
        try
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Vergleichen" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Die Datenbank ist gerade nicht erreichbar" }))
                .ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(goal).ToHaveValueAsync(typed);
            await Assertions.Expect(page.GetByText(DatabaseFaults.PageUnavailableMessage)).ToHaveCountAsync(0);
        }
        finally
        {
            await _cluster.StartServerAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Entwurf speichern" }).ClickAsync();
        await Assertions.Expect(page.Locator(".save-bar [role=status]")).ToContainTextAsync("Gespeichert um");
    }

    [Fact]
    public async Task A_change_to_the_case_while_the_database_is_down_keeps_a_note_being_written_on_the_client_page()
    {
        var address = _app.StartOnRealPort();
        var clientId = await JointCases.WithDraftPlanAsync(_app.Services);
        var page = await browser.NewPageAsync(1280, 900, address);
        await BrowserFixture.SignInAsync(page, JointCases.CaseManager);
        await page.GotoAsync($"/klienten/{clientId}");
        var note = page.GetByLabel("Neue Notiz");
        await Assertions.Expect(note).ToBeEditableAsync();
        // Markup typed into a field stays text when it is listed again (the list is written in the browser).
        const string typed = "Hat heute angerufen: <b>Zusage</b> vom Lager, Arbeitsbeginn am Ersten, Fahrkarte fehlt noch. <img src=x>";
        await note.FillAsync(typed);

        await _cluster.StopServerAsync();
        try
        {
            // The page must read the case again (deny by default: what it shows may no longer be
            // allowed) and cannot: the outage notice takes the page, the note being written stays.
            _app.Services.GetRequiredService<ClientChangeNotifier>().Publish(clientId);
            await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = DatabaseFaults.PageUnavailableMessage }))
                .ToBeVisibleAsync(new() { Timeout = 30_000 });
            var kept = page.Locator("section.own-typing");
            await Assertions.Expect(kept).ToBeVisibleAsync();
            await Assertions.Expect(kept.Locator("dt")).ToHaveTextAsync(["Neue Notiz"]);
            await Assertions.Expect(kept.Locator("dd")).ToHaveTextAsync([typed]);
            await Assertions.Expect(kept.Locator("dd *")).ToHaveCountAsync(0);
            // The field being typed into went with the page: the focus goes to the kept typing.
            await Assertions.Expect(page.Locator("#kept-typing-head")).ToBeFocusedAsync();
            await Assertions.Expect(note).ToHaveCountAsync(0);
            await BrowserFixture.ScreenshotAsync(page, "client-page-recheck-database-unreachable");
        }
        finally
        {
            await _cluster.StartServerAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Erneut versuchen" }).ClickAsync();
        await Assertions.Expect(note).ToBeEditableAsync();
        await Assertions.Expect(page.Locator("section.own-typing")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Typing_for_one_case_never_reaches_another_cases_page()
    {
        var address = _app.StartOnRealPort();
        var first = await JointCases.WithDraftPlanAsync(_app.Services);
        var second = await JointCases.SharingAppointmentsAsync(_app.Services);
        var page = await browser.NewPageAsync(1280, 900, address);
        await BrowserFixture.SignInAsync(page, JointCases.CaseManager);
        await page.GotoAsync($"/klienten/{first}");
        var note = page.GetByLabel("Neue Notiz");
        await Assertions.Expect(note).ToBeEditableAsync();
        await note.FillAsync("Gehört in die erste Akte");
        // Leaving with an unsaved note asks first; here the person leaves all the same.
        var questions = 0;
        page.Dialog += async (_, dialog) =>
        {
            questions++;
            await dialog.AcceptAsync();
        };

        // From one case's page to another's within the app (as back, forward or a link does): the
        // page stays, its sections do not, so the second case's note form starts empty.
        await page.EvaluateAsync($"() => Blazor.navigateTo('/klienten/{second}')");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Kovačević");
        await Assertions.Expect(note).ToBeEditableAsync();
        await Assertions.Expect(note).ToHaveValueAsync("");
        Assert.Equal(1, questions);

        // The same for the consent form: what was ticked for one person is not in the other's form.
        await page.EvaluateAsync($"() => Blazor.navigateTo('/klienten/{first}/einwilligung')");
        var helpPlan = page.GetByLabel("Hilfeplan", new() { Exact = true });
        await Assertions.Expect(helpPlan).ToBeEnabledAsync();
        await helpPlan.CheckAsync();
        await page.EvaluateAsync($"() => Blazor.navigateTo('/klienten/{second}/einwilligung')");
        await Assertions.Expect(page.Locator(".breadcrumb a[href$='" + second + "']")).ToHaveCountAsync(1);
        // The form says whose consent it records.
        await Assertions.Expect(page.Locator(".subtitle")).ToContainTextAsync("Kovačević");
        await Assertions.Expect(helpPlan).Not.ToBeCheckedAsync();
        await page.EvaluateAsync($"() => Blazor.navigateTo('/klienten/{second}')");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Kovačević");

        // Typed on the second case, then going back while the database is down: the first case's
        // page cannot be read, and its notice lists nothing typed for the second case.
        await note.FillAsync("Gehört in die zweite Akte");
        await _cluster.StopServerAsync();
        try
        {
            await page.EvaluateAsync($"() => Blazor.navigateTo('/klienten/{first}')");
            await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = DatabaseFaults.PageUnavailableMessage }))
                .ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("section.own-typing")).ToBeHiddenAsync();
            await Assertions.Expect(page.GetByText("Gehört in die zweite Akte")).ToHaveCountAsync(0);
        }
        finally
        {
            await _cluster.StartServerAsync();
        }
    }

    [Fact]
    public async Task A_page_that_cannot_open_during_an_outage_lists_no_typing_of_the_page_before()
    {
        var address = _app.StartOnRealPort();
        var clientId = await JointCases.WithDraftPlanAsync(_app.Services);
        var caseManager = await StaffMembers.ByEmailAsync(_app.Services, JointCases.CaseManager.Email);
        var today = GermanCalendar.DateOf(DateTimeOffset.UtcNow);
        var created = await _app.Services.GetRequiredService<AppointmentCommands>().CreateAsync(caseManager, new AppointmentInput
        {
            Type = AppointmentType.JobcenterOnly, ClientId = clientId, Date = today.AddDays(2),
            StartTime = new TimeOnly(9, 30), DurationMinutes = 45, ParticipantIds = [caseManager.Id],
        }, confirmDoubleBooking: true);
        Assert.True(created.Succeeded, created.Message);
        var page = await browser.NewPageAsync(1280, 900, address);
        await BrowserFixture.SignInAsync(page, JointCases.CaseManager);
        await page.GotoAsync($"/termine/{created.Value}");
        var place = page.Locator("#appointment-place");
        await Assertions.Expect(place).ToBeEditableAsync();
        const string typed = "Jobcenter Ludwigshafen, Raum 214";
        await place.FillAsync(typed);

        await _cluster.StopServerAsync();
        try
        {
            // A change to the appointment's case: the page's typing is listed with the notice.
            _app.Services.GetRequiredService<ClientChangeNotifier>().Publish(clientId);
            var kept = page.Locator("section.own-typing");
            await Assertions.Expect(kept.Locator("dd")).ToHaveTextAsync([typed], new() { Timeout = 30_000 });
            await Assertions.Expect(kept.Locator("dt")).ToHaveTextAsync(["Ort (optional)"]);

            // Going on to a page that cannot open: its notice lists nothing (the typing before was
            // on another page, which the person left of their own accord).
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Klient:innen" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/klienten$"));
            await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = DatabaseFaults.PageUnavailableMessage }))
                .ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("section.own-typing")).ToBeHiddenAsync();
        }
        finally
        {
            await _cluster.StartServerAsync();
        }
    }

    /// <summary>The case manager's help plan of the client, open and ready for typing into its integration goal.</summary>
    private async Task<(IPage Page, ILocator Goal)> OpenPlanAsync(Uri address, Guid clientId)
    {
        var page = await browser.NewPageAsync(1280, 900, address);
        await BrowserFixture.SignInAsync(page, JointCases.CaseManager);
        await page.GotoAsync($"/klienten/{clientId}/hilfeplan");
        var goal = page.GetByLabel("Integrationsziel", new() { Exact = true });
        await Assertions.Expect(goal).ToBeEnabledAsync();
        return (page, goal);
    }

    private async Task<int> NotesAsync(Guid clientId, string text)
    {
        var contexts = _app.Services.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await db.InternalNotes.CountAsync(n => n.ClientId == clientId && n.Text == text);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
        await _cluster.DisposeAsync();
    }
}
