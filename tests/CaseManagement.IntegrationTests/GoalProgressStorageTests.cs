using CaseManagement.Application.HelpPlans;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests;

/// <summary>
/// PlanGoal.Progress is stored so that the steering report need not read every step: it must follow
/// every save of steps through the real commands, and the migration that added it must fill it in
/// for goals that existed before.
/// </summary>
public sealed class GoalProgressStorageTests(AppFixture app) : IClassFixture<AppFixture>
{
    private HelpPlanCommands Commands => app.Service<HelpPlanCommands>();

    [Fact]
    public async Task Recording_step_status_on_an_agreed_plan_moves_the_stored_progress_of_its_goal()
    {
        var joint = await app.JointCaseAsync();
        var agreed = await app.AgreedAsync(joint);
        Assert.Equal([GoalProgress.Open, GoalProgress.Open], await StoredProgressAsync(agreed.Id));

        var token = agreed.Token;
        async Task RecordAsync(params (int Goal, int Step, StepStatus Status)[] changes)
        {
            var input = (await app.ShownAsync(joint.CaseManager, joint.ClientId)).Content.Clone();
            foreach (var (goal, step, status) in changes)
            {
                input.Goals[goal].Steps[step].Status = status;
            }

            var saved = await Commands.SaveAsync(joint.CaseManager, joint.ClientId, agreed.Id, input, token);
            Assert.True(saved.Succeeded, saved.Message);
            token = saved.Value;
        }

        await RecordAsync((0, 0, StepStatus.Achieved));
        Assert.Equal([GoalProgress.InProgress, GoalProgress.Open], await StoredProgressAsync(agreed.Id));

        await RecordAsync((0, 1, StepStatus.Dropped), (1, 0, StepStatus.Dropped));
        Assert.Equal([GoalProgress.Achieved, GoalProgress.Dropped], await StoredProgressAsync(agreed.Id));

        await RecordAsync((0, 0, StepStatus.InProgress), (1, 0, StepStatus.Planned));
        Assert.Equal([GoalProgress.InProgress, GoalProgress.Open], await StoredProgressAsync(agreed.Id));
    }

    [Fact]
    public async Task A_review_copies_the_goals_with_their_progress()
    {
        var joint = await app.JointCaseAsync();
        var input = app.AgreeableInput();
        input.Goals[1].Steps[0].Status = StepStatus.Achieved;
        var agreed = await app.AgreedAsync(joint, input);

        var review = await Commands.StartReviewAsync(joint.CaseManager, joint.ClientId, agreed.Id, agreed.Token);
        Assert.True(review.Succeeded, review.Message);

        var draft = await app.ShownAsync(joint.CaseManager, joint.ClientId);
        Assert.Equal(2, draft.Version);
        Assert.Equal([GoalProgress.Open, GoalProgress.Achieved], await StoredProgressAsync(draft.Id));
    }

    [Fact]
    public async Task A_step_saved_without_its_goal_is_refused_and_nothing_is_written()
    {
        var joint = await app.JointCaseAsync();
        var agreed = await app.AgreedAsync(joint);

        await using (var db = await app.DbAsync())
        {
            var step = await db.PlanSteps.FirstAsync(s => db.PlanGoals.Any(g => g.Id == s.GoalId && g.PlanId == agreed.Id));
            step.Status = StepStatus.Achieved;
            var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains("without its goal", refusal.Message, StringComparison.Ordinal);
        }

        var stored = await app.StoredPlanAsync(agreed.Id);
        Assert.All(stored.Steps, s => Assert.Equal(StepStatus.Planned, s.Status));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task The_migration_gives_existing_goals_the_progress_of_their_steps(DatabaseProvider provider)
    {
        await using var database = await DatabaseBeforeMigration.CreateAsync(provider, "GoalProgressStoredOnGoal");
        var db = database.Db;

        // Goals as the previous schema knew them: no progress column yet.
        var expected = new Dictionary<string, (StepStatus[] Steps, GoalProgress Progress)>
        {
            ["ohne Schritte"] = ([], GoalProgress.Open),
            ["geplant"] = ([StepStatus.Planned, StepStatus.Dropped], GoalProgress.Open),
            ["begonnen"] = ([StepStatus.Planned, StepStatus.Achieved], GoalProgress.InProgress),
            ["in Arbeit"] = ([StepStatus.InProgress, StepStatus.Dropped], GoalProgress.InProgress),
            ["erreicht"] = ([StepStatus.Achieved, StepStatus.Dropped], GoalProgress.Achieved),
            ["entfallen"] = ([StepStatus.Dropped, StepStatus.Dropped], GoalProgress.Dropped),
        };
        // The plan through EF (its table is unchanged since); the client, whose table has gained
        // columns since (the report's record key), and goals and steps in the old shape.
        var clientId = Guid.NewGuid();
        var birthDate = new DateOnly(1990, 5, 1);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Clients" ("Id", "CaseNumber", "OwningOrganisation", "FirstName", "LastName", "SearchName", "BirthDate", "Gender", "PostalCode", "City",
                "Housing", "Schooling", "VocationalTraining", "Employment", "TargetAreaDecision", "YouthEmploymentAgencyInvolved", "CreatedAt", "ConcurrencyStamp")
            VALUES ({clientId}, {CaseNumber.Format(2026, 1)}, {(int)Organisation.Jobcenter}, 'Migra', 'Tion', 'tion migra', {birthDate}, 0, '67059', {TargetArea.CityName},
                0, 0, 0, 0, 0, FALSE, {DateTimeOffset.UtcNow}, {Guid.NewGuid()})
            """);
        var plan = HelpPlan.Start(clientId, 1, new StaffMember("migration-test", "Test", Organisation.Jobcenter, new HashSet<string>()), DateTimeOffset.UtcNow);
        plan.IntegrationGoal = "Arbeit";
        db.HelpPlans.Add(plan);
        await db.SaveChangesAsync();
        var planId = plan.Id;
        var position = 0;
        foreach (var (text, (steps, _)) in expected)
        {
            var goalId = Guid.NewGuid();
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "PlanGoals" ("Id", "PlanId", "Key", "Area", "Position", "Text") VALUES ({goalId}, {planId}, {Guid.NewGuid()}, 1, {position++}, {text})
                """);
            foreach (var (status, index) in steps.Select((s, i) => ((int)s, i)))
            {
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "PlanSteps" ("Id", "GoalId", "Key", "Position", "Description", "Responsible", "Status") VALUES ({Guid.NewGuid()}, {goalId}, {Guid.NewGuid()}, {index}, 'Schritt', 1, {status})
                    """);
            }
        }

        await database.MigrateAsync();

        var stored = await db.PlanGoals.AsNoTracking().ToDictionaryAsync(g => g.Text, g => g.Progress);
        Assert.Equal(expected.ToDictionary(e => e.Key, e => e.Value.Progress), stored);
    }

    private async Task<List<GoalProgress>> StoredProgressAsync(Guid planId)
    {
        var plan = await app.StoredPlanAsync(planId);
        return [.. plan.Goals.OrderBy(g => g.Position).Select(g => g.Progress)];
    }
}
