using CaseManagement.Application.HelpPlans;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.HelpPlans;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests;

/// <summary>
/// Two caseworkers editing the same plan on real PostgreSQL (xmin as concurrency token): the
/// second save over a newer change is refused and the first one's data survives.
/// </summary>
public sealed class HelpPlanConcurrencyTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Of_two_contexts_that_loaded_the_same_plan_the_second_save_is_refused_and_the_first_ones_data_survives()
    {
        var joint = await app.JointCaseAsync();
        var draft = await app.DraftAsync(joint);
        var contexts = app.Service<IDbContextFactory<Infrastructure.Persistence.CaseManagementDbContext>>();
        await using var first = await contexts.CreateDbContextAsync();
        await using var second = await contexts.CreateDbContextAsync();
        var mine = await first.HelpPlans.SingleAsync(p => p.Id == draft.Id);
        var theirs = await second.HelpPlans.SingleAsync(p => p.Id == draft.Id);
        Assert.Equal(mine.RowVersion, theirs.RowVersion);

        mine.IntegrationGoal = "Ausbildung zur Fachkraft für Lagerlogistik";
        theirs.IntegrationGoal = "Helfertätigkeit in der Gastronomie";
        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        var stored = await app.StoredPlanAsync(draft.Id);
        Assert.Equal("Ausbildung zur Fachkraft für Lagerlogistik", stored.IntegrationGoal);
        Assert.NotEqual(draft.Token, stored.RowVersion);
    }

    [Fact]
    public async Task A_save_with_a_stale_token_is_a_conflict_that_writes_nothing_and_the_first_save_and_its_audit_entry_survive()
    {
        var joint = await app.JointCaseAsync();
        var draft = await app.DraftAsync(joint);
        var commands = app.Service<HelpPlanCommands>();
        var changesBefore = (await app.HelpPlanAuditAsync(joint.ClientId, AuditAction.Changed)).Count;

        var mine = draft.Content.Clone();
        mine.IntegrationGoal = "Ausbildung zur Fachkraft für Lagerlogistik";
        var theirs = draft.Content.Clone();
        theirs.IntegrationGoal = "Helfertätigkeit in der Gastronomie";
        theirs.Goals.RemoveAt(1);

        var first = await commands.SaveAsync(joint.CaseManager, joint.ClientId, draft.Id, mine, draft.Token);
        var second = await commands.SaveAsync(joint.DrugHelpWorker, joint.ClientId, draft.Id, theirs, draft.Token);

        Assert.True(first.Succeeded, first.Message);
        Assert.True(second.Conflict);
        Assert.False(second.Succeeded);
        Assert.Equal(HelpPlanCommands.ConflictMessage, second.Message);
        var stored = await app.StoredPlanAsync(draft.Id);
        Assert.Equal("Ausbildung zur Fachkraft für Lagerlogistik", stored.IntegrationGoal);
        Assert.Equal(2, stored.Goals.Count);
        Assert.Equal(joint.CaseManager.Id, stored.ChangedById);
        Assert.Equal(first.Value, stored.RowVersion);
        var changes = await app.HelpPlanAuditAsync(joint.ClientId, AuditAction.Changed);
        Assert.Equal(changesBefore + 1, changes.Count);
        Assert.Equal(joint.CaseManager.Id, changes[^1].UserId);
        Assert.Equal("Fassung 1, Integrationsziel", changes[^1].Fields);
    }

    [Fact]
    public async Task A_save_that_only_changes_a_step_moves_the_token_so_a_stale_save_after_it_is_a_conflict()
    {
        var joint = await app.JointCaseAsync();
        var draft = await app.DraftAsync(joint);
        var commands = app.Service<HelpPlanCommands>();

        var stepOnly = draft.Content.Clone();
        stepOnly.Goals[0].Steps[0].Status = StepStatus.InProgress;
        var first = await commands.SaveAsync(joint.DrugHelpWorker, joint.ClientId, draft.Id, stepOnly, draft.Token);
        Assert.True(first.Succeeded, first.Message);
        Assert.NotEqual(draft.Token, first.Value);
        Assert.Equal(first.Value, (await app.StoredPlanAsync(draft.Id)).RowVersion);

        var stale = draft.Content.Clone();
        stale.TargetJobs = "Gabelstaplerfahrer";
        var second = await commands.SaveAsync(joint.CaseManager, joint.ClientId, draft.Id, stale, draft.Token);

        Assert.True(second.Conflict);
        var stored = await app.StoredPlanAsync(draft.Id);
        Assert.Equal("Lagerhelfer, Kommissionierer", stored.TargetJobs);
        Assert.Equal(StepStatus.InProgress, stored.Goals.OrderBy(g => g.Position).First().Steps.OrderBy(s => s.Position).First().Status);
    }

    [Fact]
    public async Task Progress_on_an_agreed_plan_also_moves_the_token()
    {
        var joint = await app.JointCaseAsync();
        var agreed = await app.AgreedAsync(joint);
        var commands = app.Service<HelpPlanCommands>();

        var progress = agreed.Content.Clone();
        progress.Goals[1].Steps[0].Note = "Erster Termin wahrgenommen";
        var first = await commands.SaveAsync(joint.DrugHelpWorker, joint.ClientId, agreed.Id, progress, agreed.Token);
        var stale = agreed.Content.Clone();
        stale.Goals[0].Steps[0].Status = StepStatus.Achieved;
        var second = await commands.SaveAsync(joint.CaseManager, joint.ClientId, agreed.Id, stale, agreed.Token);

        Assert.True(first.Succeeded, first.Message);
        Assert.True(second.Conflict);
        var stored = await app.StoredPlanAsync(agreed.Id);
        Assert.All(stored.Steps, s => Assert.Equal(StepStatus.Planned, s.Status));
    }

    [Fact]
    public async Task Of_simultaneous_saves_on_the_same_token_exactly_one_wins()
    {
        var joint = await app.JointCaseAsync();
        var draft = await app.DraftAsync(joint);
        var commands = app.Service<HelpPlanCommands>();
        var changesBefore = (await app.HelpPlanAuditAsync(joint.ClientId, AuditAction.Changed)).Count;
        string[] goals = ["Fassung A", "Fassung B", "Fassung C", "Fassung D", "Fassung E"];

        var results = await Task.WhenAll(goals.Select(goal => Task.Run(() =>
        {
            var input = draft.Content.Clone();
            input.IntegrationGoal = goal;
            input.Goals[0].Steps.Add(new StepInput { Description = goal });
            return commands.SaveAsync(joint.CaseManager, joint.ClientId, draft.Id, input, draft.Token);
        })));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.True(r.Conflict, r.Message));
        var winner = goals[Array.FindIndex(results, r => r.Succeeded)];
        var stored = await app.StoredPlanAsync(draft.Id);
        Assert.Equal(winner, stored.IntegrationGoal);
        Assert.Equal([winner], stored.Steps.Where(s => s.Description.StartsWith("Fassung", StringComparison.Ordinal)).Select(s => s.Description));
        Assert.Equal(4, stored.Steps.Count());
        Assert.Equal(changesBefore + 1, (await app.HelpPlanAuditAsync(joint.ClientId, AuditAction.Changed)).Count);
    }

    [Fact]
    public async Task After_a_conflict_saving_again_on_the_current_version_succeeds()
    {
        var joint = await app.JointCaseAsync();
        var draft = await app.DraftAsync(joint);
        var commands = app.Service<HelpPlanCommands>();
        var mine = draft.Content.Clone();
        mine.OwnEfforts = "Drei Bewerbungen pro Monat";
        Assert.True((await commands.SaveAsync(joint.CaseManager, joint.ClientId, draft.Id, mine, draft.Token)).Succeeded);
        var theirs = draft.Content.Clone();
        theirs.TargetJobs = "Kommissionierer";
        Assert.True((await commands.SaveAsync(joint.DrugHelpWorker, joint.ClientId, draft.Id, theirs, draft.Token)).Conflict);

        var reloaded = await app.ShownAsync(joint.DrugHelpWorker, joint.ClientId);
        var retry = reloaded.Content.Clone();
        retry.TargetJobs = "Kommissionierer";
        var saved = await commands.SaveAsync(joint.DrugHelpWorker, joint.ClientId, draft.Id, retry, reloaded.Token);

        Assert.True(saved.Succeeded, saved.Message);
        var stored = await app.StoredPlanAsync(draft.Id);
        Assert.Equal("Drei Bewerbungen pro Monat", stored.OwnEfforts);
        Assert.Equal("Kommissionierer", stored.TargetJobs);
    }

    [Fact]
    public async Task Of_two_people_beginning_the_first_plan_at_the_same_moment_one_gets_it_and_the_other_a_conflict()
    {
        var joint = await app.JointCaseAsync();
        var commands = app.Service<HelpPlanCommands>();

        var results = await Task.WhenAll(
            Task.Run(() => commands.StartAsync(joint.CaseManager, joint.ClientId)),
            Task.Run(() => commands.StartAsync(joint.DrugHelpWorker, joint.ClientId)),
            Task.Run(() => commands.StartAsync(joint.CaseManager, joint.ClientId)));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.True(r.Conflict || r.Errors.Count > 0, r.Message));
        var plan = Assert.Single(await app.StoredPlansAsync(joint.ClientId));
        Assert.Equal((1, HelpPlanStatus.Draft), (plan.Version, plan.Status));
        Assert.Single(await app.HelpPlanAuditAsync(joint.ClientId, AuditAction.Created));
    }

    [Fact]
    public async Task Of_two_reviews_started_from_the_same_token_only_one_is_created()
    {
        var joint = await app.JointCaseAsync();
        var agreed = await app.AgreedAsync(joint);
        var commands = app.Service<HelpPlanCommands>();

        var results = await Task.WhenAll(
            Task.Run(() => commands.StartReviewAsync(joint.CaseManager, joint.ClientId, agreed.Id, agreed.Token)),
            Task.Run(() => commands.StartReviewAsync(joint.DrugHelpWorker, joint.ClientId, agreed.Id, agreed.Token)));

        Assert.Single(results, r => r.Succeeded);
        // The loser either finds the plan changed (conflict) or, when it read the plan just before the
        // winner saved and the versions just after, finds the review already running: both refuse it.
        var refused = results.Single(r => !r.Succeeded);
        Assert.True(
            refused.Conflict || refused.Message == "Fortgeschrieben wird der geltende, vereinbarte Plan; eine Fortschreibung läuft bereits oder der Plan gilt nicht mehr.",
            refused.Message);
        Assert.Equal(
            [(1, HelpPlanStatus.Agreed), (2, HelpPlanStatus.Draft)],
            (await app.StoredPlansAsync(joint.ClientId)).Select(p => (p.Version, p.Status)));
    }
}
