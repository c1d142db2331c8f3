using CaseManagement.Application.HelpPlans;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests;

/// <summary>
/// A step note belongs to the organisation that wrote it: the other organisation never reads it,
/// consent or not, unless its writer shares it as joint content and a consent covers the plan in
/// that direction. Saving the plan never touches the other organisation's note.
/// </summary>
public sealed class StepNoteVisibilityTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Relapse = "Rückfall am Wochenende, Urinkontrolle positiv";
    private const string Shared = "Termin in der Substitutionspraxis verschoben; Bewerbungsgespräch danach";

    [Fact]
    public async Task A_drug_help_note_stays_with_the_Drogenhilfe_and_survives_the_Jobcenters_saves()
    {
        var joint = await app.JointCaseAsync();
        await app.DraftAsync(joint, WithoutNotes());
        await SaveNoteAsync(joint.DrugHelpWorker, joint, Relapse, isJoint: false);

        var seenByJobcenter = await FirstStepAsync(joint.CaseManager, joint);
        Assert.Null(seenByJobcenter.Note);
        Assert.Null(seenByJobcenter.OtherNote);
        Assert.Equal(Relapse, (await FirstStepAsync(joint.DrugHelpWorker, joint)).Note);

        // The Jobcenter writes its own note and changes the step; the Drogenhilfe's note stays.
        var draft = await app.ShownAsync(joint.CaseManager, joint.ClientId);
        var input = draft.Content.Clone();
        input.Goals[0].Steps[0].Note = "Bewerbungsfotos besprochen";
        input.Goals[0].Steps[0].Description += " (mit Foto)";
        var saved = await app.Service<HelpPlanCommands>().SaveAsync(joint.CaseManager, joint.ClientId, draft.Id, input, draft.Token);
        Assert.True(saved.Succeeded, saved.Message);

        var stored = (await app.StoredPlanAsync(draft.Id)).Steps.Single(s => s.Key == input.Goals[0].Steps[0].Key);
        Assert.Equal(Relapse, stored.DrugHelpNote);
        Assert.Equal("Bewerbungsfotos besprochen", stored.JobcenterNote);
        Assert.Equal(Relapse, (await FirstStepAsync(joint.DrugHelpWorker, joint)).Note);
        Assert.Null((await FirstStepAsync(joint.DrugHelpWorker, joint)).OtherNote); // the Jobcenter's note is internal too
    }

    [Fact]
    public async Task A_note_marked_as_joint_reaches_the_other_organisation_only_with_a_consent_in_that_direction()
    {
        var withConsent = await app.JointCaseAsync();
        await app.DraftAsync(withConsent, WithoutNotes());
        await SaveNoteAsync(withConsent.DrugHelpWorker, withConsent, Shared, isJoint: true);

        Assert.Equal(Shared, (await FirstStepAsync(withConsent.CaseManager, withConsent)).OtherNote);
        Assert.Null((await FirstStepAsync(withConsent.CaseManager, withConsent)).Note);

        // Only from the Jobcenter to the Drogenhilfe: the Drogenhilfe may write the plan, but its notes do not go back.
        var oneWay = await app.JointCaseAsync(helpPlanConsent: false, configure: client => client.AddConsent(
            client.ResponsibleCaseManagerId!, ConsentScope.MasterData | ConsentScope.HelpPlan, ConsentDirections.JobcenterToDrugHelp, app.Today().AddDays(-30)));
        await app.DraftAsync(oneWay, WithoutNotes());
        await SaveNoteAsync(oneWay.DrugHelpWorker, oneWay, Shared, isJoint: true);

        Assert.Null((await FirstStepAsync(oneWay.CaseManager, oneWay)).OtherNote);
        var comparison = await app.Service<HelpPlanQuery>().CompareAsync(oneWay.CaseManager, oneWay.ClientId, 1, 1);
        Assert.DoesNotContain(comparison!, c => (c.Before + c.After + c.What).Contains("Substitutionspraxis", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_version_comparison_shows_a_reader_only_their_own_notes()
    {
        var joint = await app.JointCaseAsync();
        var agreed = await app.AgreedAsync(joint, WithoutNotes());
        await SaveNoteAsync(joint.DrugHelpWorker, joint, Relapse, isJoint: false, version: agreed.Version);
        var review = await app.Service<HelpPlanCommands>().StartReviewAsync(joint.CaseManager, joint.ClientId, agreed.Id, (await app.ShownAsync(joint.CaseManager, joint.ClientId, agreed.Version)).Token);
        Assert.True(review.Succeeded, review.Message);

        var jobcenterView = await app.Service<HelpPlanQuery>().CompareAsync(joint.CaseManager, joint.ClientId, agreed.Version, review.Value);
        Assert.DoesNotContain(jobcenterView!, c => (c.Before + c.After + c.What).Contains("Urinkontrolle", StringComparison.Ordinal));
        var reviewDraft = (await app.StoredPlansAsync(joint.ClientId)).Single(p => p.Version == review.Value);
        var copied = (await app.StoredPlanAsync(reviewDraft.Id)).Steps.Single(s => s.DrugHelpNote is not null);
        Assert.Equal(Relapse, copied.DrugHelpNote);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task The_migration_gives_each_existing_note_to_the_organisation_that_last_saved_its_plan_version(DatabaseProvider provider)
    {
        await using var database = await DatabaseBeforeMigration.CreateAsync(provider, "StepNotesPerOrganisation");
        var db = database.Db;

        // Two plan versions as the previous schema kept them: one step note each, in the one "Note" column.
        // The client in SQL too: today's model has columns (added by later migrations) the old table lacks.
        var client = CaseData.NewClient(Organisation.Jobcenter, null, null, "Notiz", "Migration");
        object createdAt = provider == DatabaseProvider.Sqlite
            ? new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter().ConvertToProvider(client.CreatedAt)!
            : client.CreatedAt;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Clients" ("Id", "ReportKey", "CaseNumber", "OwningOrganisation", "FirstName", "LastName", "BirthDate", "Gender",
                "PostalCode", "City", "Housing", "Schooling", "VocationalTraining", "Employment", "YouthEmploymentAgencyInvolved",
                "TargetAreaDecision", "SearchName", "CreatedAt", "ConcurrencyStamp")
            VALUES ({client.Id}, {client.ReportKey}, {client.CaseNumber}, {(int)client.OwningOrganisation}, {client.FirstName}, {client.LastName},
                {client.BirthDate}, 0, {client.PostalCode}, {client.City}, 0, 0, 0, 0, {false}, 0, {client.SearchName}, {createdAt}, {client.ConcurrencyStamp})
            """);
        var savedByJobcenter = await PlanWithNoteAsync(db, client.Id, 1, Organisation.Jobcenter, "Notiz des Jobcenters");
        var savedByDrugHelp = await PlanWithNoteAsync(db, client.Id, 2, Organisation.DrugHelpService, "Notiz der Drogenhilfe");

        await database.MigrateAsync();

        var steps = await db.PlanSteps.AsNoTracking().ToDictionaryAsync(s => s.GoalId);
        var jobcenter = steps[savedByJobcenter];
        var drugHelp = steps[savedByDrugHelp];
        Assert.Equal(("Notiz des Jobcenters", (string?)null, false), (jobcenter.JobcenterNote, jobcenter.DrugHelpNote, jobcenter.JobcenterNoteIsJoint));
        Assert.Equal(((string?)null, "Notiz der Drogenhilfe", false), (drugHelp.JobcenterNote, drugHelp.DrugHelpNote, drugHelp.DrugHelpNoteIsJoint));
    }

    /// <summary>A plan version last saved by <paramref name="savedBy"/>, with one goal whose step has the note in the old column; returns the goal's id.</summary>
    private static async Task<Guid> PlanWithNoteAsync(CaseManagementDbContext db, Guid clientId, int version, Organisation savedBy, string note)
    {
        var plan = HelpPlan.Start(clientId, version, new StaffMember($"author-{savedBy}", "Autor:in", savedBy, new HashSet<string>()), DateTimeOffset.UtcNow);
        plan.IntegrationGoal = "Arbeit";
        db.HelpPlans.Add(plan);
        await db.SaveChangesAsync();
        var goalId = Guid.NewGuid();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "PlanGoals" ("Id", "PlanId", "Key", "Area", "Position", "Text", "Progress", "ReportKey") VALUES ({goalId}, {plan.Id}, {Guid.NewGuid()}, 1, 0, 'Ziel', 0, 7)
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "PlanSteps" ("Id", "GoalId", "Key", "Position", "Description", "Responsible", "Status", "Note") VALUES ({Guid.NewGuid()}, {goalId}, {Guid.NewGuid()}, 0, 'Schritt', 1, 1, {note})
            """);
        return goalId;
    }

    private HelpPlanInput WithoutNotes()
    {
        var input = app.AgreeableInput();
        foreach (var step in input.Goals.SelectMany(g => g.Steps))
        {
            step.Note = null;
        }

        return input;
    }

    private async Task SaveNoteAsync(StaffMember author, JointCase joint, string note, bool isJoint, int? version = null)
    {
        var shown = await app.ShownAsync(author, joint.ClientId, version);
        var input = shown.Content.Clone();
        input.Goals[0].Steps[0].Note = note;
        input.Goals[0].Steps[0].NoteIsJoint = isJoint;
        var saved = await app.Service<HelpPlanCommands>().SaveAsync(author, joint.ClientId, shown.Id, input, shown.Token);
        Assert.True(saved.Succeeded, saved.Message);
    }

    private async Task<StepInput> FirstStepAsync(StaffMember reader, JointCase joint) =>
        (await app.ShownAsync(reader, joint.ClientId)).Content.Goals[0].Steps[0];
}
