using CaseManagement.Application.Clients;
using CaseManagement.Application.Consent;
using CaseManagement.Application.HelpPlans;
using CaseManagement.Domain;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using CaseManagement.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.EndToEndTests;

/// <summary>Joint cases of the two demo caseworkers that journeys start from, set up through the use cases.</summary>
internal static class JointCases
{
    public static readonly DemoAccount CaseManager = DemoAccounts.All.Single(a => a.Role == StaffRole.CaseManager);
    public static readonly DemoAccount DrugHelpWorker = DemoAccounts.All.Single(a => a.Role == StaffRole.DrugHelpWorker);

    /// <summary>A client of the two demo caseworkers whose consent shares the plan, with a draft of two goals.</summary>
    public static async Task<Guid> WithDraftPlanAsync(IServiceProvider services)
    {
        var caseManager = await StaffMembers.ByEmailAsync(services, CaseManager.Email);
        var drugHelpWorker = await StaffMembers.ByEmailAsync(services, DrugHelpWorker.Email);
        var registered = await services.GetRequiredService<ClientRegistration>().RegisterAsync(caseManager, new ClientInput
        {
            FirstName = "Jürgen",
            LastName = "Weiß-Özdemir",
            BirthDate = new DateOnly(1991, 7, 2),
            PostalCode = "67063",
            City = "Ludwigshafen am Rhein",
            CounterpartId = drugHelpWorker.Id,
            // Several journeys start from this same fictitious person in the one test app.
            ConfirmedNotDuplicate = true,
        });
        Assert.True(registered.Succeeded, registered.Message);
        var clientId = registered.Value!.Id;
        var consent = await services.GetRequiredService<ConsentCommands>().RecordAsync(caseManager, clientId, new ConsentInput
        {
            MasterData = true,
            HelpPlan = true,
            JobcenterToDrugHelp = true,
            Purpose = "Gemeinsamer Hilfeplan",
            SignedOn = GermanCalendar.DateOf(DateTimeOffset.UtcNow).AddDays(-1),
        });
        Assert.True(consent.Succeeded, consent.Message);

        var commands = services.GetRequiredService<HelpPlanCommands>();
        Assert.True((await commands.StartAsync(caseManager, clientId)).Succeeded);
        var plan = (await services.GetRequiredService<HelpPlanQuery>().OpenAsync(caseManager, clientId))!.Shown!;
        var today = GermanCalendar.DateOf(DateTimeOffset.UtcNow);
        var input = new HelpPlanInput
        {
            IntegrationGoal = "Aufnahme einer Teilzeitarbeit in der Lagerlogistik",
            TargetJobs = "Lagerhelfer, Kommissionierer",
            OwnEfforts = "Vier Bewerbungen im Monat; Termine wahrnehmen oder rechtzeitig absagen.",
            OwnEffortsEvidence = "Bewerbungsliste zu jedem Termin mitbringen.",
            NextReviewOn = today.AddDays(90),
            Goals =
            [
                new GoalInput
                {
                    Area = PlanArea.PsychosocialCounselling, Text = "Stabilität im Alltag",
                    Steps = [new StepInput { Description = "Wöchentliche Beratungsgespräche", Responsible = StepParty.Client, DueOn = today.AddDays(30) }],
                },
                new GoalInput
                {
                    Area = PlanArea.JobPlacement, Text = "Probearbeit in einem Lager",
                    Steps = [new StepInput { Description = "Betriebe für Probearbeit ansprechen", Responsible = StepParty.Jobcenter, DueOn = today.AddDays(45) }],
                },
            ],
        };
        var saved = await commands.SaveAsync(caseManager, clientId, plan.Id, input, plan.Token);
        Assert.True(saved.Succeeded, saved.Message);
        return clientId;
    }

    /// <summary>A client of the two demo caseworkers whose consent lets appointments and referrals of the Drogenhilfe reach the Jobcenter.</summary>
    public static async Task<Guid> SharingAppointmentsAsync(IServiceProvider services)
    {
        var drugHelpWorker = await StaffMembers.ByEmailAsync(services, DrugHelpWorker.Email);
        var caseManager = await StaffMembers.ByEmailAsync(services, CaseManager.Email);
        var registered = await services.GetRequiredService<ClientRegistration>().RegisterAsync(drugHelpWorker, new ClientInput
        {
            FirstName = "Mirela",
            LastName = "Kovačević",
            BirthDate = new DateOnly(1996, 3, 14),
            PostalCode = "67059",
            City = "Ludwigshafen am Rhein",
            CounterpartId = caseManager.Id,
            ConfirmedNotDuplicate = true,
        });
        Assert.True(registered.Succeeded, registered.Message);
        var clientId = registered.Value!.Id;
        var consent = await services.GetRequiredService<ConsentCommands>().RecordAsync(drugHelpWorker, clientId, new ConsentInput
        {
            MasterData = true,
            Appointments = true,
            Referrals = true,
            DrugHelpToJobcenter = true,
            Purpose = "Teilnahme an Terminen und Vermittlungen für die Eingliederung",
            SignedOn = GermanCalendar.DateOf(DateTimeOffset.UtcNow).AddDays(-1),
        });
        Assert.True(consent.Succeeded, consent.Message);
        return clientId;
    }
}
