using CaseManagement.Application.Consent;
using CaseManagement.Application.HelpPlans;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests;

/// <summary>
/// The plan is held by the client's owning organisation (here the Jobcenter); the Drogenhilfe reads
/// and writes it only while a valid consent covers the help plan from the Jobcenter to the Drogenhilfe.
/// </summary>
public sealed class HelpPlanAccessTests(AppFixture app) : IClassFixture<AppFixture>
{
    private HelpPlanCommands Commands => app.Service<HelpPlanCommands>();

    private HelpPlanQuery Query => app.Service<HelpPlanQuery>();

    [Fact]
    public async Task Without_a_consent_covering_the_help_plan_the_other_organisation_sees_and_changes_nothing()
    {
        var joint = await app.JointCaseAsync(helpPlanConsent: false, configure: c =>
            c.AddConsent(c.ResponsibleCaseManagerId!, ConsentScope.MasterData | ConsentScope.Appointments | ConsentScope.Referrals | ConsentScope.HealthData,
                ConsentDirections.JobcenterToDrugHelp | ConsentDirections.DrugHelpToJobcenter, app.Today().AddDays(-10)));
        var draft = await app.DraftAsync(joint);
        var deniedBefore = (await app.HelpPlanAuditAsync(joint.ClientId, AuditAction.AccessDenied)).Count;

        var file = await Query.OpenAsync(joint.DrugHelpWorker, joint.ClientId);

        Assert.NotNull(file);
        Assert.False(file.MayRead);
        Assert.False(file.MayWrite);
        Assert.Null(file.Shown);
        Assert.Empty(file.Versions);
        Assert.Equal(Organisation.Jobcenter, file.Holder);
        var denied = await app.HelpPlanAuditAsync(joint.ClientId, AuditAction.AccessDenied);
        Assert.Equal(deniedBefore + 1, denied.Count);
        Assert.Equal((joint.DrugHelpWorker.Id, joint.Client.CaseNumber), (denied[^1].UserId, denied[^1].CaseNumber));
        Assert.DoesNotContain(await app.HelpPlanAuditAsync(joint.ClientId, AuditAction.Viewed), e => e.UserId == joint.DrugHelpWorker.Id);

        var changed = draft.Content.Clone();
        changed.IntegrationGoal = "Von der Drogenhilfe geändert";
        var save = await Commands.SaveAsync(joint.DrugHelpWorker, joint.ClientId, draft.Id, changed, draft.Token);
        Assert.False(save.Succeeded);
        Assert.False(save.Conflict);
        Assert.Equal("Für den Hilfeplan dieses Falls liegt Ihrer Organisation keine gültige Einwilligung vor; Sie können ihn nicht ändern.", save.Message);
        Assert.Equal(HelpPlanData.IntegrationGoal, (await app.StoredPlanAsync(draft.Id)).IntegrationGoal);
        Assert.Null(await Query.CompareAsync(joint.DrugHelpWorker, joint.ClientId, 1, 1));
        var print = await app.Service<HelpPlanPrint>().RenderAsync(joint.DrugHelpWorker, joint.ClientId, 1);
        Assert.False(print.Succeeded);
        Assert.Null(print.Value);
    }

    [Fact]
    public async Task With_a_valid_help_plan_consent_towards_the_drug_help_service_both_read_and_write()
    {
        var joint = await app.JointCaseAsync(helpPlanConsent: false, configure: c =>
            c.AddConsent(c.ResponsibleCaseManagerId!, ConsentScope.HelpPlan, ConsentDirections.JobcenterToDrugHelp, app.Today().AddDays(-1)));
        var draft = await app.DraftAsync(joint);

        var file = await Query.OpenAsync(joint.DrugHelpWorker, joint.ClientId);
        Assert.NotNull(file);
        Assert.True(file.MayRead);
        Assert.True(file.MayWrite);
        Assert.Equal(HelpPlanData.IntegrationGoal, file.Shown?.Content.IntegrationGoal);
        Assert.Null(file.ClientName); // the consent does not cover master data

        var changed = file.Shown!.Content.Clone();
        changed.Goals[0].Steps.Add(new StepInput { Description = "Beratungstermin Drogenhilfe", Responsible = StepParty.DrugHelpService });
        var save = await Commands.SaveAsync(joint.DrugHelpWorker, joint.ClientId, draft.Id, changed, file.Shown.Token);

        Assert.True(save.Succeeded, save.Message);
        var stored = await app.StoredPlanAsync(draft.Id);
        Assert.Contains(stored.Steps, s => s.Description == "Beratungstermin Drogenhilfe");
        Assert.Equal(Organisation.DrugHelpService, stored.ChangedByOrganisation);
    }

    [Fact]
    public async Task A_consent_only_in_the_other_direction_does_not_open_the_jobcenters_plan()
    {
        var joint = await app.JointCaseAsync(helpPlanConsent: false, configure: c =>
            c.AddConsent(c.ResponsibleCaseManagerId!, ConsentScope.HelpPlan | ConsentScope.MasterData, ConsentDirections.DrugHelpToJobcenter, app.Today().AddDays(-1)));
        var draft = await app.DraftAsync(joint);

        var file = await Query.OpenAsync(joint.DrugHelpWorker, joint.ClientId);
        var save = await Commands.SaveAsync(joint.DrugHelpWorker, joint.ClientId, draft.Id, draft.Content, draft.Token);

        Assert.NotNull(file);
        Assert.False(file.MayRead);
        Assert.Null(file.Shown);
        Assert.False(save.Succeeded);
    }

    [Theory]
    [InlineData(ConsentDirections.DrugHelpToJobcenter, true)]
    [InlineData(ConsentDirections.JobcenterToDrugHelp, false)]
    public async Task For_a_client_of_the_drug_help_service_the_jobcenter_needs_the_consent_from_the_drug_help_service(
        ConsentDirections directions, bool jobcenterMay)
    {
        var joint = await app.JointCaseAsync(helpPlanConsent: false, configure: c =>
        {
            c.OwningOrganisation = Organisation.DrugHelpService;
            c.AddConsent(c.ResponsibleCaseManagerId!, ConsentScope.HelpPlan, directions, app.Today().AddDays(-3));
        });
        var started = await Commands.StartAsync(joint.DrugHelpWorker, joint.ClientId);
        Assert.True(started.Succeeded, started.Message);
        var draft = await app.ShownAsync(joint.DrugHelpWorker, joint.ClientId);

        var file = await Query.OpenAsync(joint.CaseManager, joint.ClientId);
        var input = app.AgreeableInput();
        var save = await Commands.SaveAsync(joint.CaseManager, joint.ClientId, draft.Id, input, draft.Token);

        Assert.NotNull(file);
        Assert.Equal(Organisation.DrugHelpService, file.Holder);
        Assert.Equal(jobcenterMay, file.MayRead);
        Assert.Equal(jobcenterMay, file.MayWrite);
        Assert.Equal(jobcenterMay, file.Shown is not null);
        Assert.Equal(jobcenterMay, save.Succeeded);
        Assert.Equal(jobcenterMay ? HelpPlanData.IntegrationGoal : "", (await app.StoredPlanAsync(draft.Id)).IntegrationGoal);
    }

    [Fact]
    public async Task An_expired_help_plan_consent_no_longer_opens_the_plan()
    {
        var today = app.Today();
        var joint = await app.JointCaseAsync(helpPlanConsent: false, configure: c =>
            c.AddConsent(c.ResponsibleCaseManagerId!, ConsentScope.HelpPlan, ConsentDirections.JobcenterToDrugHelp, today.AddDays(-400), validUntil: today.AddDays(-2)));
        await app.DraftAsync(joint);

        var file = await Query.OpenAsync(joint.DrugHelpWorker, joint.ClientId);

        Assert.NotNull(file);
        Assert.False(file.MayRead);
        Assert.Null(file.Shown);
    }

    [Fact]
    public async Task After_the_consent_is_revoked_the_other_organisation_is_refused_again()
    {
        var joint = await app.JointCaseAsync();
        var draft = await app.DraftAsync(joint);
        var opened = await Query.OpenAsync(joint.DrugHelpWorker, joint.ClientId);
        Assert.True(opened?.MayRead);
        var consentId = joint.Client.Consents.Single().Id;

        var revoked = await app.Service<ConsentCommands>().RevokeAsync(joint.CaseManager, joint.ClientId, consentId, new RevocationInput { Note = "Widerruf mündlich" });
        Assert.True(revoked.Succeeded, revoked.Message);

        var file = await Query.OpenAsync(joint.DrugHelpWorker, joint.ClientId);
        Assert.NotNull(file);
        Assert.False(file.MayRead);
        Assert.Null(file.Shown);
        var changed = opened!.Shown!.Content.Clone();
        changed.TargetJobs = "Nach dem Widerruf";
        var save = await Commands.SaveAsync(joint.DrugHelpWorker, joint.ClientId, draft.Id, changed, opened.Shown.Token);
        Assert.False(save.Succeeded);
        Assert.NotEqual("Nach dem Widerruf", (await app.StoredPlanAsync(draft.Id)).TargetJobs);

        // The organisation that holds the plan keeps it.
        var own = await Query.OpenAsync(joint.CaseManager, joint.ClientId);
        Assert.True(own?.MayRead);
        Assert.True(own?.MayWrite);
    }

    [Fact]
    public async Task A_caseworker_not_responsible_for_the_client_does_not_learn_of_the_plan()
    {
        var joint = await app.JointCaseAsync();
        var draft = await app.DraftAsync(joint);
        var colleague = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Kollegin ohne Fall");
        var otherSide = await app.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Kollege ohne Fall");

        foreach (var stranger in new[] { colleague, otherSide })
        {
            Assert.Null(await Query.OpenAsync(stranger, joint.ClientId));
            Assert.Null(await Query.CompareAsync(stranger, joint.ClientId, 1, 1));
            var changed = draft.Content.Clone();
            changed.IntegrationGoal = "Fremd geändert";
            var save = await Commands.SaveAsync(stranger, joint.ClientId, draft.Id, changed, draft.Token);
            Assert.True(save.NotFound);
            var start = await Commands.StartAsync(stranger, joint.ClientId);
            Assert.True(start.NotFound);
            var print = await app.Service<HelpPlanPrint>().RenderAsync(stranger, joint.ClientId, 1);
            Assert.True(print.NotFound);
        }

        Assert.Equal(HelpPlanData.IntegrationGoal, (await app.StoredPlanAsync(draft.Id)).IntegrationGoal);
    }

    public static TheoryData<string, Organisation> NonCaseworkers => new()
    {
        { StaffRole.TeamLeadJobcenter, Organisation.Jobcenter },
        { StaffRole.TeamLeadDrugHelp, Organisation.DrugHelpService },
        { StaffRole.SteeringCommittee, Organisation.Jobcenter },
        { StaffRole.DataProtectionOfficer, Organisation.Jobcenter },
        { StaffRole.Administrator, Organisation.Jobcenter },
    };

    [Theory]
    [MemberData(nameof(NonCaseworkers))]
    public async Task Team_leads_steering_data_protection_and_administration_cannot_read_or_change_the_plan(string role, Organisation organisation)
    {
        var joint = await app.JointCaseAsync();
        var draft = await app.DraftAsync(joint);
        var member = await app.CreateMemberAsync(role, organisation, "Ohne Fallarbeit");

        var file = await Query.OpenAsync(member, joint.ClientId);
        var save = await Commands.SaveAsync(member, joint.ClientId, draft.Id, draft.Content, draft.Token);
        var print = await app.Service<HelpPlanPrint>().RenderAsync(member, joint.ClientId, 1);
        var deadlines = await app.Service<PlanDeadlines>().ForAsync(member);

        Assert.True(file is null || (!file.MayRead && file.Shown is null && file.Versions.Count == 0), $"{role} must not read the plan");
        Assert.False(save.Succeeded);
        Assert.False(print.Succeeded);
        Assert.Null(print.Value);
        Assert.Empty(deadlines.Drafts);
        await using var db = await app.DbAsync();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.UserId == member.Id && a.Action == AuditAction.Viewed && a.Category == DataCategory.HelpPlan));
    }
}
