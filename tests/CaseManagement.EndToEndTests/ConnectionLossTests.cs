using System.Text.RegularExpressions;
using CaseManagement.Domain.Appointments;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CaseManagement.EndToEndTests;

/// <summary>
/// What a lost connection does to unsaved typing: a paused circuit (a laptop that sleeps), a phone
/// offline for a minute (long enough for the server to drop the circuit and keep its state), and a
/// server restart. Each test runs its own app, so it can restart or reconfigure it.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class ConnectionLossTests(BrowserFixture browser) : IAsyncLifetime
{
    private PostgresTestDatabase _database = default!;
    private readonly List<CaseManagementAppFactory> _apps = [];

    public async Task InitializeAsync() => _database = await PostgresTestDatabase.CreatePreparedAsync();

    [Fact]
    public async Task A_paused_and_resumed_help_plan_keeps_what_was_typed_and_saves_it()
    {
        var (app, address) = StartApp();
        var clientId = await JointCases.WithDraftPlanAsync(app.Services);
        var page = await browser.NewPageAsync(1280, 900, address);
        await BrowserFixture.SignInAsync(page, JointCases.CaseManager);
        await page.GotoAsync($"/klienten/{clientId}/hilfeplan");
        var goal = page.GetByLabel("Integrationsziel", new() { Exact = true });
        await Assertions.Expect(goal).ToBeEnabledAsync();
        const string typed = "Aufnahme einer Teilzeitarbeit in der Lagerlogistik, zuerst mit einem Praktikum im Frühjahr";
        await goal.FillAsync(typed);

        Assert.True(await page.EvaluateAsync<bool>("Blazor.pauseCircuit()"));
        var dialog = page.Locator("#components-reconnect-modal");
        await Assertions.Expect(dialog.GetByRole(AriaRole.Heading, new() { Name = "Sitzung pausiert" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "circuit-paused");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Fortsetzen" }).ClickAsync();

        await Assertions.Expect(dialog).ToBeHiddenAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByText("Ihre ungespeicherten Eingaben sind wiederhergestellt")).ToBeVisibleAsync();
        await Assertions.Expect(goal).ToHaveValueAsync(typed);
        await goal.PressSequentiallyAsync(" und Staplerschein");
        await page.GetByRole(AriaRole.Button, new() { Name = "Entwurf speichern" }).ClickAsync();
        await Assertions.Expect(page.Locator(".save-bar [role=status]")).ToContainTextAsync("Gespeichert um");

        Assert.Equal(typed + " und Staplerschein", await IntegrationGoalAsync(app, clientId));
    }

    [Fact]
    public async Task A_phone_offline_for_a_minute_comes_back_to_the_contact_form_with_its_input()
    {
        // The server drops a disconnected circuit after 10 s here (3 min by default), so the minute
        // offline ends with a circuit resumed from its persisted state, not a plain reconnect.
        var (app, address) = StartApp(new Dictionary<string, string> { ["Circuits:DisconnectedCircuitRetentionPeriod"] = "00:00:10" });
        var clientId = await JointCases.SharingAppointmentsAsync(app.Services);
        var phone = await browser.NewPageAsync(390, 844, address);
        var sockets = await CircuitSocketsAsync(phone);
        await BrowserFixture.SignInAsync(phone, JointCases.DrugHelpWorker);
        await phone.GotoAsync($"/kontakt?klient={clientId}");
        await Assertions.Expect(phone.GetByRole(AriaRole.Button, new() { Name = "Kontakt speichern" })).ToBeEnabledAsync();
        await phone.Locator("label.chip", new() { HasText = "Krisenintervention" }).ClickAsync();
        await phone.Locator("#contact-place").FillAsync("Berliner Platz, am Brunnen");
        await phone.Locator("label.chip", new() { HasText = "45 Min." }).First.ClickAsync();
        const string note = "Akute Krise nach Wohnungsverlust; Notunterkunft vermittelt, morgen Rückruf";
        await phone.GetByLabel("Kurznotiz").FillAsync(note);

        await phone.Context.SetOfflineAsync(true);
        await sockets.CutAsync();
        var dialog = phone.Locator("#components-reconnect-modal");
        await Assertions.Expect(dialog.GetByText("Verbindung unterbrochen – wird wiederhergestellt …")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Task.Delay(TimeSpan.FromSeconds(60));
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(phone, "quick-contact-offline");
        await phone.Context.SetOfflineAsync(false);

        await Assertions.Expect(dialog).ToBeHiddenAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(phone.GetByText("Ihre Eingaben sind wiederhergestellt")).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator("#contact-place")).ToHaveValueAsync("Berliner Platz, am Brunnen");
        await Assertions.Expect(phone.GetByLabel("Kurznotiz")).ToHaveValueAsync(note);
        await Assertions.Expect(phone.Locator("label.chip", new() { HasText = "Krisenintervention" }).Locator("input")).ToBeCheckedAsync();
        // Chosen from the client's file, not typed: it stays chosen even when the connection went
        // before the page had drawn the name (the picker still empty on the phone's screen).
        await Assertions.Expect(phone.Locator("#contact-client")).ToHaveValueAsync(new Regex("^Kovačević, Mirela \\("));
        await BrowserFixture.ScreenshotAsync(phone, "quick-contact-resumed");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Kontakt speichern" }).ClickAsync();
        await Assertions.Expect(phone.Locator(".alert-info[role=status]").First).ToContainTextAsync("Gespeichert: Krisenintervention");

        var contexts = app.Services.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var stored = await db.Appointments.AsNoTracking().SingleAsync(a => a.ClientId == clientId);
        Assert.Equal(AppointmentType.CrisisIntervention, stored.Type);
        Assert.Equal(note, stored.OutcomeNote);
        Assert.Equal(45, (int)(stored.End - stored.Start).TotalMinutes);
    }

    [Fact]
    public async Task A_server_restarted_under_an_open_help_plan_hands_the_page_over_and_the_typing_comes_back()
    {
        var (app, address) = StartApp();
        var clientId = await JointCases.WithDraftPlanAsync(app.Services);
        var page = await browser.NewPageAsync(1280, 900, address);
        await BrowserFixture.SignInAsync(page, JointCases.CaseManager);
        await page.GotoAsync($"/klienten/{clientId}/hilfeplan");
        var goal = page.GetByLabel("Integrationsziel", new() { Exact = true });
        await Assertions.Expect(goal).ToBeEnabledAsync();
        const string typed = "Umschulung zur Fachkraft für Lagerlogistik; Beginn nach der Entgiftung";
        await goal.FillAsync(typed);

        // The stop hands the open page its state before the server goes; the page resumes on the
        // restarted server by itself, nothing to click, and the typing is there.
        await StopAsync(app);
        var dialog = page.Locator("#components-reconnect-modal");
        await Assertions.Expect(dialog.GetByRole(AriaRole.Heading, new() { Name = "Der Server wird gewechselt" })).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "server-handover");
        var (restarted, _) = StartApp(port: address.Port);
        await Assertions.Expect(dialog).ToBeHiddenAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByText("Ihre ungespeicherten Eingaben sind wiederhergestellt")).ToBeVisibleAsync();
        await Assertions.Expect(goal).ToHaveValueAsync(typed);
        await page.GetByRole(AriaRole.Button, new() { Name = "Entwurf speichern" }).ClickAsync();
        await Assertions.Expect(page.Locator(".save-bar [role=status]")).ToContainTextAsync("Gespeichert um");

        var contexts = restarted.Services.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        Assert.Equal(typed, Assert.Single(await db.HelpPlans.AsNoTracking().Where(p => p.ClientId == clientId).Select(p => p.IntegrationGoal).ToListAsync()));
    }

    [Fact]
    public async Task After_a_server_crash_the_page_says_so_in_German_and_a_reload_finds_the_person_still_signed_in()
    {
        // A crashed server hands nothing over: its stop here is made to behave like one.
        var (app, address) = StartApp(new Dictionary<string, string> { ["Circuits:HandOverOnStop"] = "false" });
        var clientId = await JointCases.WithDraftPlanAsync(app.Services);
        var page = await browser.NewPageAsync(1280, 900, address);
        await BrowserFixture.SignInAsync(page, JointCases.CaseManager);
        var planUrl = $"/klienten/{clientId}/hilfeplan";
        await page.GotoAsync(planUrl);
        await Assertions.Expect(page.GetByLabel("Integrationsziel", new() { Exact = true })).ToBeEnabledAsync();

        await StopAsync(app);
        var dialog = page.Locator("#components-reconnect-modal");
        await Assertions.Expect(dialog.GetByText("Verbindung unterbrochen – wird wiederhergestellt …")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        StartApp(port: address.Port);

        await Assertions.Expect(dialog.GetByRole(AriaRole.Heading, new() { Name = "Der Server wurde neu gestartet" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await BrowserFixture.ScreenshotAsync(page, "server-restarted");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Seite neu laden" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(planUrl) + "$"));
        await Assertions.Expect(page.GetByLabel("Integrationsziel", new() { Exact = true })).ToBeEnabledAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
    }

    private (CaseManagementAppFactory App, Uri Address) StartApp(IReadOnlyDictionary<string, string>? settings = null, int? port = null)
    {
        var app = new CaseManagementAppFactory(_database.ConnectionString, seedCaseload: false, settings);
        _apps.Add(app);
        return (app, app.StartOnRealPort(port));
    }

    private async Task StopAsync(CaseManagementAppFactory app)
    {
        _apps.Remove(app);
        await app.DisposeAsync();
    }

    private static async Task<string> IntegrationGoalAsync(CaseManagementAppFactory app, Guid clientId)
    {
        var contexts = app.Services.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await db.HelpPlans.AsNoTracking().Where(p => p.ClientId == clientId).OrderByDescending(p => p.Version).Select(p => p.IntegrationGoal).FirstAsync();
    }

    /// <summary>Every circuit socket of the page passes through the test, which can cut them as a dead network would.</summary>
    private static async Task<CircuitSockets> CircuitSocketsAsync(IPage page)
    {
        var sockets = new CircuitSockets();
        await page.RouteWebSocketAsync(new Regex("/_blazor"), socket =>
        {
            socket.ConnectToServer();
            sockets.Add(socket);
        });
        return sockets;
    }

    private sealed class CircuitSockets
    {
        private readonly List<IWebSocketRoute> _open = [];

        public void Add(IWebSocketRoute socket)
        {
            lock (_open)
            {
                _open.Add(socket);
            }
        }

        public async Task CutAsync()
        {
            IWebSocketRoute[] open;
            lock (_open)
            {
                open = [.. _open];
                _open.Clear();
            }

            foreach (var socket in open)
            {
                await socket.CloseAsync(new() { Code = 4000, Reason = "Netz weg" });
            }
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        await _database.DisposeAsync();
    }
}
