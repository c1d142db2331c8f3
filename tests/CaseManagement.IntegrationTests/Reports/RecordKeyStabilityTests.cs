using CaseManagement.Application.HelpPlans;
using CaseManagement.Domain.HelpPlans;

namespace CaseManagement.IntegrationTests.Reports;

/// <summary>
/// The steering report's cell-key method needs every counted record to keep its record key: a
/// record that got a new key on every save would give the same figure a fresh deviation each time,
/// and a reader who asks again and again could average the deviations away. Goals are the records
/// that saving rewrites (a plan's goals are replaced as edited), so they carry their keys over.
/// </summary>
public sealed class RecordKeyStabilityTests(AppFixture app) : IClassFixture<AppFixture>
{
    private HelpPlanCommands Commands => app.Service<HelpPlanCommands>();

    [Fact]
    public async Task A_goal_keeps_its_report_key_through_saves_and_into_the_next_version_and_a_new_goal_gets_one_of_its_own()
    {
        var joint = await app.JointCaseAsync();
        var agreed = await app.AgreedAsync(joint);
        var before = await ReportKeysAsync(agreed.Id);

        var input = (await app.ShownAsync(joint.CaseManager, joint.ClientId)).Content.Clone();
        input.Goals[0].Steps[0].Status = StepStatus.Achieved;
        var saved = await Commands.SaveAsync(joint.CaseManager, joint.ClientId, agreed.Id, input, agreed.Token);
        Assert.True(saved.Succeeded, saved.Message);
        Assert.Equal(before, await ReportKeysAsync(agreed.Id));

        var review = await Commands.StartReviewAsync(joint.CaseManager, joint.ClientId, agreed.Id, saved.Value);
        Assert.True(review.Succeeded, review.Message);
        var draft = await app.ShownAsync(joint.CaseManager, joint.ClientId);
        Assert.Equal(before, await ReportKeysAsync(draft.Id));

        var extended = draft.Content.Clone();
        var newGoal = extended.Goals[0].Clone();
        newGoal.Key = Guid.NewGuid();
        newGoal.Steps.ForEach(s => s.Key = Guid.NewGuid());
        extended.Goals.Add(newGoal);
        var withNewGoal = await Commands.SaveAsync(joint.CaseManager, joint.ClientId, draft.Id, extended, draft.Token);
        Assert.True(withNewGoal.Succeeded, withNewGoal.Message);
        var after = await ReportKeysAsync(draft.Id);
        Assert.Equal(before, after.Where(k => before.ContainsKey(k.Key)).ToDictionary());
        Assert.DoesNotContain(after.Single(k => !before.ContainsKey(k.Key)).Value, before.Values);
    }

    private async Task<Dictionary<Guid, int>> ReportKeysAsync(Guid planId)
    {
        var plan = await app.StoredPlanAsync(planId);
        return plan.Goals.ToDictionary(g => g.Key, g => g.ReportKey);
    }
}
