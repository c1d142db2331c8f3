using CaseManagement.Application.HelpPlans;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests;

/// <summary>A joint case with both caseworkers responsible, and help plans written through the real commands.</summary>
internal sealed record JointCase(StaffMember CaseManager, StaffMember DrugHelpWorker, Client Client)
{
    public Guid ClientId => Client.Id;
}

internal static class HelpPlanData
{
    public const string IntegrationGoal = "Aufnahme einer Tätigkeit als Lagerhelfer";
    public const string FirstGoal = "Bewerbungsmappe erstellen";
    public const string SecondGoal = "Substitutionsbehandlung fortführen";
    public const string StepNote = "Vertraulich: Rückfall am Wochenende besprochen";

    /// <summary>
    /// A client of the Jobcenter with a responsible Fallmanager:in and Fachkraft Drogenhilfe; by
    /// default a valid consent lets the help plan go from the Jobcenter to the Drogenhilfe.
    /// </summary>
    public static async Task<JointCase> JointCaseAsync(
        this AppFixture app, bool helpPlanConsent = true, string firstName = "Jörg", string lastName = "Müßig",
        Action<Client>? configure = null)
    {
        var caseManager = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Fallmanagerin Plan");
        var drugHelpWorker = await app.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Fachkraft Plan");
        var client = CaseData.NewClient(Organisation.Jobcenter, caseManager.Id, drugHelpWorker.Id, firstName, lastName);
        client.AddEpisode(app.Today().AddDays(-60));
        if (helpPlanConsent)
        {
            client.AddConsent(caseManager.Id, ConsentScope.MasterData | ConsentScope.HelpPlan, ConsentDirections.JobcenterToDrugHelp | ConsentDirections.DrugHelpToJobcenter, app.Today().AddDays(-30));
        }

        configure?.Invoke(client);
        await app.SaveClientsAsync([client]);
        return new JointCase(caseManager, drugHelpWorker, client);
    }

    /// <summary>What an agreeable plan holds: two goals in two areas, each with steps; review in two months.</summary>
    public static HelpPlanInput AgreeableInput(this AppFixture app) => new()
    {
        IntegrationGoal = IntegrationGoal,
        TargetJobs = "Lagerhelfer, Kommissionierer",
        OwnEfforts = "Zwei Bewerbungen pro Monat",
        OwnEffortsEvidence = "Kopien der Bewerbungen",
        NextReviewOn = app.Today().AddMonths(2),
        Goals =
        [
            new GoalInput
            {
                Area = PlanArea.JobApplicationSupport,
                Text = FirstGoal,
                Steps =
                [
                    new StepInput { Description = "Lebenslauf schreiben", Responsible = StepParty.Client, DueOn = app.Today().AddDays(14), Note = StepNote },
                    new StepInput { Description = "Bewerbungsfotos", Responsible = StepParty.Jobcenter, DueOn = app.Today().AddDays(21) },
                ],
            },
            new GoalInput
            {
                Area = PlanArea.ReferralToFurtherHelp,
                Text = SecondGoal,
                Steps =
                [
                    new StepInput { Description = "Termin in der Praxis", Responsible = StepParty.Partner, PartnerName = "Substitutionspraxis Mitte", DueOn = app.Today().AddDays(7) },
                ],
            },
        ],
    };

    /// <summary>Starts the client's plan and saves <paramref name="input"/> into the draft.</summary>
    public static async Task<PlanVersionView> DraftAsync(this AppFixture app, JointCase joint, HelpPlanInput? input = null)
    {
        var commands = app.Service<HelpPlanCommands>();
        var started = await commands.StartAsync(joint.CaseManager, joint.ClientId);
        Assert.True(started.Succeeded, started.Message);
        var draft = await app.ShownAsync(joint.CaseManager, joint.ClientId);
        var saved = await commands.SaveAsync(joint.CaseManager, joint.ClientId, draft.Id, input ?? app.AgreeableInput(), draft.Token);
        Assert.True(saved.Succeeded, saved.Message);
        return await app.ShownAsync(joint.CaseManager, joint.ClientId);
    }

    /// <summary>A draft with contents, agreed today by everyone.</summary>
    public static async Task<PlanVersionView> AgreedAsync(this AppFixture app, JointCase joint, HelpPlanInput? input = null)
    {
        var draft = await app.DraftAsync(joint, input);
        var agreed = await app.Service<HelpPlanCommands>().AgreeAsync(joint.CaseManager, joint.ClientId, draft.Id, Everyone(app), draft.Token);
        Assert.True(agreed.Succeeded, agreed.Message);
        return await app.ShownAsync(joint.CaseManager, joint.ClientId, draft.Version);
    }

    public static AgreementInput Everyone(this AppFixture app) =>
        new() { AgreedOn = app.Today(), ByCaseManager = true, ByDrugHelpWorker = true, ByClient = true };

    /// <summary>The version the plan page shows (by default the draft, else the latest), as <paramref name="reader"/> opens it.</summary>
    public static async Task<PlanVersionView> ShownAsync(this AppFixture app, StaffMember reader, Guid clientId, int? version = null)
    {
        var file = await app.Service<HelpPlanQuery>().OpenAsync(reader, clientId, version);
        Assert.NotNull(file);
        Assert.True(file.MayRead);
        Assert.NotNull(file.Shown);
        return file.Shown;
    }

    public static async Task<HelpPlan> StoredPlanAsync(this AppFixture app, Guid planId)
    {
        await using var db = await app.DbAsync();
        return await db.HelpPlans.AsNoTracking().Include(p => p.Goals).ThenInclude(g => g.Steps).AsSplitQuery().SingleAsync(p => p.Id == planId);
    }

    public static async Task<List<HelpPlan>> StoredPlansAsync(this AppFixture app, Guid clientId)
    {
        await using var db = await app.DbAsync();
        return await db.HelpPlans.AsNoTracking().Where(p => p.ClientId == clientId).OrderBy(p => p.Version).ToListAsync();
    }

    public static async Task<List<AuditEntry>> HelpPlanAuditAsync(this AppFixture app, Guid clientId, AuditAction? action = null)
    {
        await using var db = await app.DbAsync();
        return await db.AuditEntries.AsNoTracking()
            .Where(a => a.ClientId == clientId && a.Category == DataCategory.HelpPlan && (action == null || a.Action == action))
            .OrderBy(a => a.Id)
            .ToListAsync();
    }
}
