using CaseManagement.Application.Appointments;
using CaseManagement.Application.Clients;
using CaseManagement.Application.Consent;
using CaseManagement.Application.HelpPlans;
using CaseManagement.Application.Referrals;
using CaseManagement.Domain;
using CaseManagement.Domain.Appointments;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CaseManagement.EndToEndTests;

/// <summary>
/// A consent is revoked while the Jobcenter has the Drogenhilfe's data open in five tabs: the
/// client's file, an appointment, a referral, the help plan with unsaved typing, and the home
/// page. Every tab hides what it may no longer show at once; only the caseworker's own typing stays.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class RevocationOnOpenPagesTests(BrowserFixture browser)
{
    private const string ClientName = "Ilse Nowak";
    private const string DrugHelpGoal = "Substitutionsbehandlung stabil fortführen";
    private const string ContactNote = "Vertraulich: Beikonsum am Wochenende besprochen";
    private static readonly TimeSpan AtOnce = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Pages_already_open_hide_the_other_organisations_data_as_soon_as_the_consent_is_revoked()
    {
        var (clientId, contactId, referralId) = await JointCaseOfTheDrugHelpAsync();

        var file = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(file, JointCases.CaseManager);
        await file.GotoAsync($"/klienten/{clientId}");
        await Assertions.Expect(file.GetByRole(AriaRole.Heading, new() { Name = ClientName })).ToBeVisibleAsync();
        var appointments = file.Locator("section[aria-labelledby=appointments-head]");
        await Assertions.Expect(appointments).ToContainTextAsync("Krisenintervention");

        var contact = await file.Context.NewPageAsync();
        await contact.GotoAsync($"/termine/{contactId}");
        await Assertions.Expect(contact.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Krisenintervention");

        var referral = await file.Context.NewPageAsync();
        await referral.GotoAsync($"/klienten/{clientId}/vermittlungen/{referralId}");
        await Assertions.Expect(referral.Locator("main")).ToContainTextAsync("Schuldnerberatung");

        var plan = await file.Context.NewPageAsync();
        await plan.GotoAsync($"/klienten/{clientId}/hilfeplan");
        var goalOfJobcenter = plan.GetByLabel("Integrationsziel", new() { Exact = true });
        await Assertions.Expect(goalOfJobcenter).ToBeEnabledAsync();
        Assert.True(await ShowsAsync(plan, DrugHelpGoal));
        const string typed = "Praktikum in der Lagerlogistik ab März";
        await goalOfJobcenter.FillAsync(typed);

        var consentForm = await file.Context.NewPageAsync();
        await consentForm.GotoAsync($"/klienten/{clientId}/einwilligung");
        await Assertions.Expect(consentForm.Locator(".subtitle")).ToContainTextAsync(ClientName);

        var home = await file.Context.NewPageAsync();
        await home.GotoAsync("/");
        var agenda = home.Locator("section[aria-labelledby=agenda-head]");
        await Assertions.Expect(agenda).ToContainTextAsync("Nowak");

        // The Jobcenter's team lead has the case manager's cases open, searched by the name, and the case view.
        var lead = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(lead, DemoAccounts.All.Single(a => a.Role == StaffRole.TeamLeadJobcenter));
        var caseManagerId = (await StaffMembers.ByEmailAsync(browser.Services, JointCases.CaseManager.Email)).Id;
        await lead.GotoAsync($"/team/mitarbeitende/{caseManagerId}");
        await lead.GetByLabel("Fallnummer oder Name").FillAsync("Nowak");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();
        await Assertions.Expect(lead.Locator("main")).ToContainTextAsync("Nowak, Ilse");
        var leadCase = await lead.Context.NewPageAsync();
        await leadCase.GotoAsync($"/team/faelle/{clientId}");
        await Assertions.Expect(leadCase.Locator("main")).ToContainTextAsync(ClientName);

        // The Drogenhilfe revokes the consent in its own browser.
        var drugHelp = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(drugHelp, JointCases.DrugHelpWorker);
        await drugHelp.GotoAsync($"/klienten/{clientId}");
        await drugHelp.Locator("li.consent", new() { HasText = "Gemeinsame Fallarbeit" }).GetByRole(AriaRole.Button, new() { Name = "Widerruf erfassen" }).ClickAsync();
        await drugHelp.GetByRole(AriaRole.Button, new() { Name = "Widerruf jetzt wirksam machen" }).ClickAsync();
        await Assertions.Expect(drugHelp.Locator(".consent-list")).ToContainTextAsync("widerrufen am");

        await Assertions.Expect(file.GetByRole(AriaRole.Heading, new() { Name = "Name nicht freigegeben" })).ToBeVisibleAsync(new() { Timeout = (float)AtOnce.TotalMilliseconds });
        await Assertions.Expect(appointments).Not.ToContainTextAsync("Krisenintervention", new() { Timeout = (float)AtOnce.TotalMilliseconds });
        await Assertions.Expect(contact.GetByRole(AriaRole.Heading, new() { Name = "Termin nicht gefunden" })).ToBeVisibleAsync(new() { Timeout = (float)AtOnce.TotalMilliseconds });
        await Assertions.Expect(referral.GetByRole(AriaRole.Heading, new() { Name = "Vermittlung nicht gefunden" })).ToBeVisibleAsync(new() { Timeout = (float)AtOnce.TotalMilliseconds });
        await Assertions.Expect(plan.GetByLabel("Ziel 1", new() { Exact = true })).ToHaveCountAsync(0, new() { Timeout = (float)AtOnce.TotalMilliseconds });
        await Assertions.Expect(plan.Locator(".own-typing")).ToContainTextAsync(typed);
        await Assertions.Expect(agenda).Not.ToContainTextAsync("Nowak", new() { Timeout = (float)AtOnce.TotalMilliseconds });
        await Assertions.Expect(consentForm.Locator(".subtitle")).ToContainTextAsync("Name nicht freigegeben", new() { Timeout = (float)AtOnce.TotalMilliseconds });
        await BrowserFixture.ScreenshotAsync(plan, "help-plan-after-revocation");

        // Only the team lead's own search term is left ("Kein Fall zu „Nowak“").
        await Assertions.Expect(lead.Locator("main")).Not.ToContainTextAsync("Nowak, Ilse", new() { Timeout = (float)AtOnce.TotalMilliseconds });
        await Assertions.Expect(leadCase.Locator("main")).Not.ToContainTextAsync("Nowak", new() { Timeout = (float)AtOnce.TotalMilliseconds });
        foreach (var page in new[] { file, contact, referral, plan, consentForm, home, lead, leadCase })
        {
            Assert.False(await ShowsAsync(page, ClientName), page.Url);
            Assert.False(await ShowsAsync(page, DrugHelpGoal), page.Url);
            Assert.False(await ShowsAsync(page, ContactNote), page.Url);
        }

        await file.Context.CloseAsync();
        await lead.Context.CloseAsync();
        await drugHelp.Context.CloseAsync();
    }

    [Fact]
    public async Task A_plan_the_case_manager_keeps_writing_follows_the_drug_help_note_being_unshared_and_revoked_but_keeps_the_typing()
    {
        // The Jobcenter holds the plan and may write it whatever the Drogenhilfe's consent says;
        // the Drogenhilfe's joint step note reaches it only while that consent covers the plan.
        const string note = "Rückfall im Oktober, seit drei Wochen stabil";
        var services = browser.Services;
        var clientId = await JointCases.WithDraftPlanAsync(services);
        var drugHelpWorker = await StaffMembers.ByEmailAsync(services, JointCases.DrugHelpWorker.Email);
        var today = GermanCalendar.DateOf(DateTimeOffset.UtcNow);
        var consents = services.GetRequiredService<ConsentCommands>();
        var shared = await consents.RecordAsync(drugHelpWorker, clientId, new ConsentInput
        {
            HelpPlan = true, DrugHelpToJobcenter = true, Purpose = "Notizen zum Hilfeplan", SignedOn = today.AddDays(-1),
        });
        Assert.True(shared.Succeeded, shared.Message);
        var draft = (await services.GetRequiredService<HelpPlanQuery>().OpenAsync(drugHelpWorker, clientId))!.Shown!;
        var withNote = draft.Content.Clone();
        withNote.Goals[0].Steps[0].Note = note;
        withNote.Goals[0].Steps[0].NoteIsJoint = true;
        var saved = await services.GetRequiredService<HelpPlanCommands>().SaveAsync(drugHelpWorker, clientId, draft.Id, withNote, draft.Token);
        Assert.True(saved.Succeeded, saved.Message);

        var plan = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(plan, JointCases.CaseManager);
        await plan.GotoAsync($"/klienten/{clientId}/hilfeplan");
        var goal = plan.GetByLabel("Integrationsziel", new() { Exact = true });
        await Assertions.Expect(goal).ToBeEnabledAsync();
        await Assertions.Expect(plan.Locator(".other-note")).ToContainTextAsync(note);

        // The Drogenhilfe keeps the note to itself, then shares it again: the open page follows at once.
        async Task ShareAsync(bool joint)
        {
            var current = (await services.GetRequiredService<HelpPlanQuery>().OpenAsync(drugHelpWorker, clientId))!.Shown!;
            var content = current.Content.Clone();
            content.Goals[0].Steps[0].NoteIsJoint = joint;
            var result = await services.GetRequiredService<HelpPlanCommands>().SaveAsync(drugHelpWorker, clientId, current.Id, content, current.Token);
            Assert.True(result.Succeeded, result.Message);
        }

        await ShareAsync(joint: false);
        await Assertions.Expect(plan.Locator(".other-note")).ToHaveCountAsync(0, new() { Timeout = (float)AtOnce.TotalMilliseconds });
        await ShareAsync(joint: true);
        await Assertions.Expect(plan.Locator(".other-note")).ToContainTextAsync(note, new() { Timeout = (float)AtOnce.TotalMilliseconds });
        const string typed = "Teilzeit in der Lagerlogistik, Beginn nach der Stabilisierung";
        await goal.FillAsync(typed);

        Guid consentId;
        await using (var db = await services.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>().CreateDbContextAsync())
        {
            consentId = await db.Consents.Where(c => c.ClientId == clientId && c.RecordedByOrganisation == Organisation.DrugHelpService).Select(c => c.Id).SingleAsync();
        }

        var revoked = await consents.RevokeAsync(drugHelpWorker, clientId, consentId, new RevocationInput());
        Assert.True(revoked.Succeeded, revoked.Message);

        await Assertions.Expect(plan.Locator(".other-note")).ToHaveCountAsync(0, new() { Timeout = (float)AtOnce.TotalMilliseconds });
        Assert.False(await ShowsAsync(plan, note));
        await Assertions.Expect(goal).ToHaveValueAsync(typed);
        await Assertions.Expect(goal).ToBeEnabledAsync();
        await plan.Context.CloseAsync();
    }

    /// <summary>Whether the page shows the text anywhere: in its text or in a field's value (which the HTML does not carry).</summary>
    private static Task<bool> ShowsAsync(IPage page, string text) => page.EvaluateAsync<bool>(
        "text => document.body.innerText.includes(text) || [...document.querySelectorAll('input, textarea, select')].some(e => (e.value ?? '').includes(text))",
        text);

    /// <summary>
    /// A client of the Drogenhilfe whose consent lets the Jobcenter see master data, appointments,
    /// referrals and the plan: a crisis contact, a referral to debt counselling, a plan of the
    /// Drogenhilfe and a joint counselling tomorrow with the case manager.
    /// </summary>
    private async Task<(Guid Client, Guid Contact, Guid Referral)> JointCaseOfTheDrugHelpAsync()
    {
        var services = browser.Services;
        var drugHelpWorker = await StaffMembers.ByEmailAsync(services, JointCases.DrugHelpWorker.Email);
        var caseManager = await StaffMembers.ByEmailAsync(services, JointCases.CaseManager.Email);
        var today = GermanCalendar.DateOf(DateTimeOffset.UtcNow);
        var registered = await services.GetRequiredService<ClientRegistration>().RegisterAsync(drugHelpWorker, new ClientInput
        {
            FirstName = "Ilse", LastName = "Nowak", BirthDate = new DateOnly(1988, 9, 30),
            PostalCode = "67061", City = "Ludwigshafen am Rhein", CounterpartId = caseManager.Id,
        });
        Assert.True(registered.Succeeded, registered.Message);
        var clientId = registered.Value!.Id;
        var consents = services.GetRequiredService<ConsentCommands>();
        var consent = await consents.RecordAsync(drugHelpWorker, clientId, new ConsentInput
        {
            MasterData = true, Appointments = true, Referrals = true, HelpPlan = true, DrugHelpToJobcenter = true,
            Purpose = "Gemeinsame Fallarbeit", SignedOn = today.AddDays(-7),
        });
        Assert.True(consent.Succeeded, consent.Message);
        var back = await consents.RecordAsync(caseManager, clientId, new ConsentInput
        {
            HelpPlan = true, JobcenterToDrugHelp = true, Purpose = "Gemeinsamer Hilfeplan", SignedOn = today.AddDays(-7),
        });
        Assert.True(back.Succeeded, back.Message);

        var appointments = services.GetRequiredService<AppointmentCommands>();
        var contact = await appointments.RecordContactAsync(drugHelpWorker, new QuickContactInput
        {
            Type = AppointmentType.CrisisIntervention, ClientId = clientId, Date = today.AddDays(-1),
            StartTime = new TimeOnly(15, 0), DurationMinutes = 30, Note = ContactNote,
        });
        Assert.True(contact.Succeeded, contact.Message);
        var joint = await appointments.CreateAsync(drugHelpWorker, new AppointmentInput
        {
            Type = AppointmentType.JointCounselling, ClientId = clientId, Date = today.AddDays(1),
            StartTime = new TimeOnly(10, 0), DurationMinutes = 60, ParticipantIds = [drugHelpWorker.Id, caseManager.Id],
        }, confirmDoubleBooking: true);
        Assert.True(joint.Succeeded, joint.Message);

        var contexts = services.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>();
        Guid partnerId;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            partnerId = await db.Partners.Where(p => p.Name.Contains("Schuldnerberatung")).Select(p => p.Id).FirstAsync();
        }

        var referral = await services.GetRequiredService<ReferralCommands>().CreateAsync(drugHelpWorker, clientId, new ReferralInput
        {
            PartnerId = partnerId, Reason = "Schulden vor Aufnahme der Arbeit klären", ProposedOn = today,
        });
        Assert.True(referral.Succeeded, referral.Message);

        var plans = services.GetRequiredService<HelpPlanCommands>();
        var started = await plans.StartAsync(drugHelpWorker, clientId);
        Assert.True(started.Succeeded, started.Message);
        var draft = (await services.GetRequiredService<HelpPlanQuery>().OpenAsync(drugHelpWorker, clientId))!.Shown!;
        var saved = await plans.SaveAsync(drugHelpWorker, clientId, draft.Id, new HelpPlanInput
        {
            IntegrationGoal = "Stabilisierung, dann Arbeitsaufnahme",
            NextReviewOn = today.AddDays(60),
            Goals =
            [
                new GoalInput
                {
                    Area = PlanArea.ReferralToFurtherHelp, Text = DrugHelpGoal,
                    Steps = [new StepInput { Description = "Termine in der Substitutionspraxis wahrnehmen", Responsible = StepParty.Client, DueOn = today.AddDays(30) }],
                },
            ],
        }, draft.Token);
        Assert.True(saved.Succeeded, saved.Message);
        return (clientId, contact.Value, referral.Value);
    }
}
