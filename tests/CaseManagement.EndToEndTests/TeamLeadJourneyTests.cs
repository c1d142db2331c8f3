using CaseManagement.Application.Clients;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CaseManagement.EndToEndTests;

/// <summary>
/// The Jobcenter team lead opens the team view, drills down from a figure to the case behind it
/// and hands the case to another case manager; the new case manager finds the notification on
/// the home page, and so does the previous one.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class TeamLeadJourneyTests(BrowserFixture browser)
{
    private static readonly DemoAccount TeamLead = DemoAccounts.All.Single(a => a.Role == StaffRole.TeamLeadJobcenter);
    private static readonly DemoAccount CaseManager = DemoAccounts.All.Single(a => a.Role == StaffRole.CaseManager);
    private static readonly DemoAccount NewCaseManager = DemoAccounts.AdditionalCaseworkers.First(a => a.Organisation == Organisation.Jobcenter);

    [Fact]
    public async Task The_team_lead_drills_down_to_a_waiting_referral_and_hands_the_case_over_and_the_new_case_manager_is_notified()
    {
        var previous = await MemberAsync(CaseManager.Email);
        var receiver = await MemberAsync(NewCaseManager.Email);
        var (clientId, caseNumber) = await CaseWithLongWaitingReferralAsync(previous);

        // 1. The team view: figures per case manager, charts with their tables.
        var lead = await browser.NewPageAsync(1400, 900);
        await BrowserFixture.SignInAsync(lead, TeamLead);
        await lead.GotoAsync("/team");
        var table = lead.Locator("table.workload-table");
        await Assertions.Expect(table).ToBeVisibleAsync();
        await Assertions.Expect(lead.Locator("figure.bar-chart svg[role=img]").First).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex($"{previous.DisplayName} \\d+"));
        await BrowserFixture.ScreenshotAsync(lead, "team-overview");

        // 2. Drill down from the referral figure of the previous case manager (the demo caseload has waiting referrals too): the case prepared above is among them.
        await lead.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex($"^Vermittlungen über 30 Tage wartend von {previous.DisplayName}: [1-9]\\d* – anzeigen$") }).ClickAsync();
        await Assertions.Expect(lead.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Fälle von {previous.DisplayName}");
        // The search narrows the list to the case asked about.
        await lead.GetByLabel("Fallnummer oder Name").FillAsync("wartmann");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();
        await Assertions.Expect(lead.Locator("table.team-cases tbody tr")).ToHaveCountAsync(1);
        var row = lead.Locator("table.team-cases tbody tr").Filter(new() { HasText = caseNumber });
        await Assertions.Expect(row).ToContainTextAsync("Wartmann, Lena");
        await Assertions.Expect(row).ToContainTextAsync("wartet seit 40 Tagen");

        // The case number leads to the team lead's view of the case: name, who is responsible, what the figures count; no contents.
        await row.GetByRole(AriaRole.Link, new() { Name = caseNumber }).ClickAsync();
        await Assertions.Expect(lead).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/team/faelle/{clientId}$"), new() { Timeout = 15_000 });
        await Assertions.Expect(lead.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Fall {caseNumber}");
        var person = lead.GetByRole(AriaRole.Region, new() { Name = "Person" });
        await Assertions.Expect(person).ToContainTextAsync("Lena Wartmann");
        await Assertions.Expect(person).ToContainTextAsync("11.03.1994");
        await Assertions.Expect(lead.GetByRole(AriaRole.Region, new() { Name = "Zuständig" })).ToContainTextAsync(previous.DisplayName);
        var facts = lead.GetByRole(AriaRole.Region, new() { Name = "Fallbelastung" });
        await Assertions.Expect(facts).ToContainTextAsync("Vermittlung angefragt am");
        await Assertions.Expect(facts).ToContainTextAsync("wartet seit 40 Tagen");
        await Assertions.Expect(lead.GetByText("Schulden klären")).ToHaveCountAsync(0);
        await Assertions.Expect(lead.GetByRole(AriaRole.Button, new() { Name = "Fall übergeben" })).ToBeVisibleAsync();
        await Assertions.Expect(lead.GetByRole(AriaRole.Link, new() { Name = "Hilfeplan" })).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(lead, "team-case");
        await using (var db = await DbAsync())
        {
            Assert.True(await db.AuditEntries.AnyAsync(a => a.ClientId == clientId && a.Action == AuditAction.Viewed && a.UserName == TeamLead.DisplayName));
        }

        await lead.GoBackAsync();
        await Assertions.Expect(lead.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Fälle von {previous.DisplayName}");
        await lead.GetByLabel("Fallnummer oder Name").FillAsync("wartmann");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();
        await Assertions.Expect(lead.Locator("table.team-cases tbody tr")).ToHaveCountAsync(1);

        // 3. Hand it over, by keyboard as far as it goes: the choice gets the focus when the form opens.
        await lead.GetByRole(AriaRole.Button, new() { Name = $"Fall übergeben: {caseNumber}" }).ClickAsync();
        var choice = lead.GetByLabel("Neue zuständige Person");
        await Assertions.Expect(choice).ToBeFocusedAsync();
        await Assertions.Expect(choice.Locator("option", new() { HasText = previous.DisplayName })).ToHaveCountAsync(0);
        await choice.SelectOptionAsync(new SelectOptionValue { Label = receiver.DisplayName });
        // Without a reason the hand-over is refused, the message next to the field.
        await lead.GetByRole(AriaRole.Button, new() { Name = "Übergabe bestätigen" }).ClickAsync();
        var reason = lead.GetByLabel("Grund der Übergabe");
        await Assertions.Expect(reason).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(lead.Locator(".reassign-form .validation-message")).ToContainTextAsync("Bitte geben Sie den Grund der Übergabe an");
        await reason.FillAsync("Ausgleich der Fallbelastung");
        await BrowserFixture.ScreenshotAsync(lead, "team-reassign-form");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Übergabe bestätigen" }).ClickAsync();

        var message = lead.Locator("p.alert");
        await Assertions.Expect(message).ToHaveTextAsync($"Fall {caseNumber} ist jetzt bei {receiver.DisplayName}. Beide wurden auf ihrer Startseite benachrichtigt.");
        await Assertions.Expect(message).ToBeFocusedAsync();
        await Assertions.Expect(lead.Locator("table.team-cases tbody tr").Filter(new() { HasText = caseNumber })).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(lead, "team-reassigned");

        await using (var db = await DbAsync())
        {
            var client = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == clientId);
            Assert.Equal(receiver.Id, client.ResponsibleCaseManagerId);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.ClientId == clientId && a.Action == AuditAction.ResponsibilityChanged));
        }

        // 4. The new case manager sees the notification on the home page and marks it as read.
        var newCaseManager = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(newCaseManager, NewCaseManager);
        var notifications = newCaseManager.GetByRole(AriaRole.Region, new() { Name = "Mitteilungen" });
        var notification = notifications.Locator("li").Filter(new() { HasText = caseNumber });
        await Assertions.Expect(notification).ToContainTextAsync($"Der Fall {caseNumber} wurde Ihnen von {TeamLead.DisplayName} (Teamleitung) zugewiesen; bisher zuständig: {previous.DisplayName}. Grund: Ausgleich der Fallbelastung");
        await Assertions.Expect(notification.GetByRole(AriaRole.Link, new() { Name = "Zum Fall" })).ToHaveAttributeAsync("href", $"/klienten/{clientId}");
        await Assertions.Expect(newCaseManager.Locator(".stat-list")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(newCaseManager, "home-notification");
        await notification.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(notifications.Locator("li").Filter(new() { HasText = caseNumber })).ToHaveCountAsync(0);

        // 5. The previous case manager is told where the case went.
        var previousCaseManager = await browser.NewPageAsync(390, 844);
        await BrowserFixture.SignInAsync(previousCaseManager, CaseManager);
        await Assertions.Expect(previousCaseManager.GetByRole(AriaRole.Region, new() { Name = "Mitteilungen" }))
            .ToContainTextAsync($"Der Fall {caseNumber} wurde von {TeamLead.DisplayName} (Teamleitung) an {receiver.DisplayName} übergeben. Grund: Ausgleich der Fallbelastung");
        await Assertions.Expect(previousCaseManager.Locator(".stat-list")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(previousCaseManager, "home-notification-phone");

        Assert.Empty(browser.CspViolations);
        await lead.Context.CloseAsync();
        await newCaseManager.Context.CloseAsync();
        await previousCaseManager.Context.CloseAsync();
    }

    [Fact]
    public async Task The_team_lead_home_shows_what_needs_a_decision_today_and_leads_to_the_cases_behind_it()
    {
        var services = browser.Services;
        var lead = await StaffMembers.ByEmailAsync(services, TeamLead.Email);
        var team = (await services.GetRequiredService<Application.Team.TeamWorkloadQuery>().ForAsync(lead))!;
        var unstaffed = team.Total(Application.Team.WorkloadFigure.WithoutCounterpart);
        Assert.True(unstaffed > 0, "The demo caseload has joint cases the Drogenhilfe has not staffed yet.");

        var page = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(page, TeamLead);

        var panel = page.GetByRole(AriaRole.Region, new() { Name = $"Andere Seite nicht besetzt {unstaffed}" });
        await Assertions.Expect(panel).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Fortschreibung überfällig \\d+$") })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Wohnort außerhalb – Ihre Entscheidung \\d+$") })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "home-team-lead");

        var busiest = team.Staff.OrderByDescending(p => p[Application.Team.WorkloadFigure.WithoutCounterpart]).First();
        await panel.GetByRole(AriaRole.Link, new() { Name = busiest.Staff.DisplayName }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Fälle von {busiest.Staff.DisplayName}");
        await Assertions.Expect(page.Locator("table.team-cases tbody tr")).ToHaveCountAsync(Math.Min(busiest[Application.Team.WorkloadFigure.WithoutCounterpart], 25));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_the_team_view_keeps_names_in_view_and_the_drill_down_fits()
    {
        var page = await browser.NewPageAsync(390, 844);
        await BrowserFixture.SignInAsync(page, TeamLead);
        await page.GotoAsync("/team");
        await Assertions.Expect(page.Locator("table.workload-table")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "team-overview-phone");

        await page.Locator("table.workload-table tbody th a").First.ClickAsync();
        await Assertions.Expect(page.Locator("table.team-cases")).ToBeVisibleAsync();
        // The handover button is within the screen's width: no sideways scrolling needed to reach it.
        var button = page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Fall übergeben: ") }).First;
        var box = await button.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X + box.Width <= 390, $"button ends at {box.X + box.Width}px");
        await BrowserFixture.ScreenshotAsync(page, "team-cases-phone");

        // A case number leads to the case view, which fits the phone's width too.
        await page.Locator("table.team-cases tbody a.case-number").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Fall "));
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Fallbelastung" })).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the case view scrolls sideways");
        await page.GetByRole(AriaRole.Button, new() { Name = "Fall übergeben" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Neue zuständige Person")).ToBeFocusedAsync();
        await BrowserFixture.ScreenshotAsync(page, "team-case-phone");

        // A case whose master data the Drogenhilfe holds without a consent for the Jobcenter: no name, the reason said.
        await page.GoBackAsync();
        await page.Locator("table.team-cases tbody tr").Filter(new() { HasText = "Name nicht freigegeben" }).First.Locator("a.case-number").ClickAsync();
        var person = page.GetByRole(AriaRole.Region, new() { Name = "Person" });
        await Assertions.Expect(person).ToContainTextAsync("Die Stammdaten hält die Drogenhilfe.");
        await Assertions.Expect(person.Locator("dl")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "team-case-hidden-name-phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task From_the_case_view_the_team_lead_hands_the_case_over_and_a_case_only_the_other_organisation_works_on_is_not_found()
    {
        var from = DemoAccounts.AdditionalCaseworkers.Single(a => a.Email == "joerg.schaefer@jobcenter.example");
        var to = DemoAccounts.AdditionalCaseworkers.Single(a => a.Email == "aylin.kaya@jobcenter.example");
        var drugHelpWorker = DemoAccounts.AdditionalCaseworkers.Single(a => a.Email == "franziska.krueger@drogenhilfe.example");
        var (clientId, caseNumber) = await RegisterAsync(await MemberAsync(from.Email), "Ole", "Übergabeweg");
        var (otherId, _) = await RegisterAsync(await MemberAsync(drugHelpWorker.Email), "Mara", "Nurdrogenweg");

        var page = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(page, TeamLead);
        await page.GotoAsync($"/team/faelle/{clientId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Fall {caseNumber}");
        var responsible = page.GetByRole(AriaRole.Region, new() { Name = "Zuständig" });
        await Assertions.Expect(responsible).ToContainTextAsync(from.DisplayName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Fall übergeben" }).ClickAsync();
        await page.GetByLabel("Neue zuständige Person").SelectOptionAsync(new SelectOptionValue { Label = to.DisplayName });
        await page.GetByLabel("Grund der Übergabe").FillAsync("Urlaubs- oder Krankheitsvertretung");
        await page.GetByRole(AriaRole.Button, new() { Name = "Übergabe bestätigen" }).ClickAsync();

        var message = page.Locator("p.alert");
        await Assertions.Expect(message).ToHaveTextAsync($"Fall {caseNumber} ist jetzt bei {to.DisplayName}. Beide wurden auf ihrer Startseite benachrichtigt.");
        await Assertions.Expect(message).ToBeFocusedAsync();
        await Assertions.Expect(responsible).ToContainTextAsync(to.DisplayName);
        await BrowserFixture.ScreenshotAsync(page, "team-case-handed-over");
        await using (var db = await DbAsync())
        {
            Assert.Equal((await MemberAsync(to.Email)).Id, (await db.Clients.AsNoTracking().SingleAsync(c => c.Id == clientId)).ResponsibleCaseManagerId);
        }

        // Only the Drogenhilfe works on this one: the same answer as for an id nobody has.
        await page.GotoAsync($"/team/faelle/{otherId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Fall nicht gefunden");
        var refused = await page.Locator("main").InnerTextAsync();
        await BrowserFixture.ScreenshotAsync(page, "team-case-not-found");
        await page.GotoAsync($"/team/faelle/{Guid.NewGuid()}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Fall nicht gefunden");
        Assert.Equal(refused, await page.Locator("main").InnerTextAsync());
        await using (var db = await DbAsync())
        {
            Assert.True(await db.AuditEntries.AnyAsync(a => a.ClientId == otherId && a.Action == AuditAction.AccessDenied && a.UserName == TeamLead.DisplayName));
        }

        Assert.Empty(browser.CspViolations);
        await page.Context.CloseAsync();
    }

    private async Task<(Guid ClientId, string CaseNumber)> RegisterAsync(StaffMember caseworker, string firstName, string lastName)
    {
        var registered = await browser.Services.GetRequiredService<ClientRegistration>().RegisterAsync(caseworker, new ClientInput
        {
            FirstName = firstName,
            LastName = lastName,
            BirthDate = new DateOnly(1988, 7, 2),
            PostalCode = "67063",
            City = "Ludwigshafen am Rhein",
            ConfirmedNotDuplicate = true,
        });
        Assert.True(registered.Succeeded, registered.Message);
        return (registered.Value!.Id, registered.Value.CaseNumber);
    }

    /// <summary>A new client of the demo case manager with a referral that the partner was asked for 40 days ago and that still waits.</summary>
    private async Task<(Guid ClientId, string CaseNumber)> CaseWithLongWaitingReferralAsync(StaffMember caseManager)
    {
        var registered = await browser.Services.GetRequiredService<ClientRegistration>().RegisterAsync(caseManager, new ClientInput
        {
            FirstName = "Lena",
            LastName = "Wartmann",
            BirthDate = new DateOnly(1994, 3, 11),
            PostalCode = "67061",
            City = "Ludwigshafen am Rhein",
            ConfirmedNotDuplicate = true,
        });
        Assert.True(registered.Succeeded, registered.Message);
        var today = GermanCalendar.DateOf(DateTimeOffset.UtcNow);
        var partner = new Partner
        {
            Id = Guid.NewGuid(), Name = "Schuldnerberatung Mitte", Type = PartnerType.DebtCounselling,
            ChangedAt = DateTimeOffset.UtcNow, ChangedByName = "Administration",
        };
        var referral = Referral.Propose(registered.Value!.Id, partner, "Schulden klären", null, today.AddDays(-45), today, caseManager, DateTimeOffset.UtcNow);
        referral.Progress.Record(ReferralStatus.Requested, today.AddDays(-40), today);
        await using var db = await DbAsync();
        db.Partners.Add(partner);
        db.Referrals.Add(referral);
        await db.SaveChangesAsync();
        return (registered.Value.Id, registered.Value.CaseNumber);
    }

    private Task<CaseManagementDbContext> DbAsync() =>
        browser.Services.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>().CreateDbContextAsync();

    private Task<StaffMember> MemberAsync(string email) => StaffMembers.ByEmailAsync(browser.Services, email);
}
