using CaseManagement.Infrastructure.Persistence.Workload;
using CaseManagement.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace CaseManagement.IntegrationTests.Team;

/// <summary>
/// The team lead's figures come from a summary the database keeps per client (triggers); these
/// tests change everything the figures depend on, in every way the product writes, and hold the
/// summary's figures equal to the item queries' for every person, figure and several days
/// (<see cref="WorkloadSummaryScenario"/>). A write path the triggers miss makes them fail.
/// </summary>
public sealed class WorkloadSummaryTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Two_transactions_changing_one_client_at_the_same_time_both_commit_and_the_summary_stays_right()
    {
        var joint = await app.JointCaseAsync();
        await using var first = new NpgsqlConnection(app.Database.ConnectionString);
        await using var second = new NpgsqlConnection(app.Database.ConnectionString);
        await first.OpenAsync();
        await second.OpenAsync();

        // A caseworker's episode change holds its transaction open; the other side's responsibility
        // change of the same client comes in meanwhile (a different row, so no row lock orders them).
        await using var firstTransaction = await first.BeginTransactionAsync();
        await ExecuteAsync(first, firstTransaction, """UPDATE "Episodes" SET "EndedOn" = NULL WHERE "ClientId" = @client""", joint.ClientId);
        var secondSave = Task.Run(async () =>
        {
            await using var secondTransaction = await second.BeginTransactionAsync();
            await ExecuteAsync(second, secondTransaction, """UPDATE "Clients" SET "ResponsibleDrugHelpWorkerId" = "ResponsibleDrugHelpWorkerId" WHERE "Id" = @client""", joint.ClientId);
            await secondTransaction.CommitAsync();
        });
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.False(secondSave.IsCompleted, "the second transaction should wait for the first");
        await firstTransaction.CommitAsync();

        await secondSave.WaitAsync(TimeSpan.FromSeconds(30));
        await using var db = await app.DbAsync();
        var kept = await db.Database.SqlQueryRaw<int>(
            """SELECT COUNT(*)::int AS "Value" FROM "ClientWorkloads" w JOIN "ClientWorkloadSource" s USING ("ClientId") WHERE w."ClientId" = {0} AND w."OpenEpisodes" = s."OpenEpisodes" AND w."DrugHelpWorkerId" IS NOT DISTINCT FROM s."DrugHelpWorkerId" """,
            joint.ClientId).SingleAsync();
        Assert.Equal(1, kept);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, Guid clientId)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("client", clientId);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Each_kind_of_change_by_hand_keeps_the_summary_equal_to_the_item_queries()
    {
        var scenario = new WorkloadSummaryScenario(app.Factory.Services);
        await scenario.PrepareAsync();

        await scenario.ByHandAsync();

        Assert.True(scenario.Comparisons >= 100);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Random_changes_keep_the_summary_equal_to_the_item_queries(int seed)
    {
        var scenario = new WorkloadSummaryScenario(app.Factory.Services);
        await scenario.PrepareAsync();

        await scenario.AtRandomAsync(seed, changes: 150);
    }
}

/// <summary>
/// The scenario notices a missing write path: with any one of the triggers switched off, the
/// random changes make the summary and the item queries disagree.
/// </summary>
public sealed class WorkloadSummaryWithoutATriggerTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("Clients", "workload_clients")]
    [InlineData("Episodes", "workload_episodes")]
    [InlineData("HelpPlans", "workload_help_plans")]
    [InlineData("Referrals", "workload_referrals")]
    [InlineData("PlanGoals", "workload_plan_goals")]
    [InlineData("PlanSteps", "workload_plan_steps")]
    public async Task Switching_off_one_trigger_makes_the_comparison_fail(string table, string trigger)
    {
        var scenario = new WorkloadSummaryScenario(app.Factory.Services);
        await scenario.PrepareAsync();
        await scenario.AssertAgreeAsync("nothing switched off");
        await using var db = await app.DbAsync();
        var off = $"ALTER TABLE \"{table}\" DISABLE TRIGGER {trigger}";
        var on = $"ALTER TABLE \"{table}\" ENABLE TRIGGER {trigger}";
        await db.Database.ExecuteSqlRawAsync(off);
        try
        {
            await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(async () =>
            {
                await scenario.ByHandAsync();
                await scenario.AtRandomAsync(seed: 1, changes: 400);
            });
        }
        finally
        {
            // Back on, and the summary copied afresh from its views for the next case.
            await db.Database.ExecuteSqlRawAsync(on);
            await db.Database.ExecuteSqlRawAsync(WorkloadSummaryRebuild.PostgreSql);
        }
    }
}

/// <summary>The same on the embedded SQLite database, whose triggers are written apart.</summary>
public sealed class WorkloadSummaryOnSqliteTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "casemanagement-workload-sqlite-" + Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program> _app = default!;

    public Task InitializeAsync()
    {
        _app = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:CaseManagement", $"Data Source={Path.Combine(_folder, "casemanagement.db")}");
            builder.UseSetting("DemoData:SeedCases", "false");
            builder.UseSetting("Logging:Folder", Path.Combine(_folder, "logs"));
        });
        _ = _app.Server;
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Each_kind_of_change_by_hand_and_at_random_keeps_the_summary_equal_to_the_item_queries()
    {
        var scenario = new WorkloadSummaryScenario(_app.Services);
        await scenario.PrepareAsync();

        await scenario.ByHandAsync();
        await scenario.AtRandomAsync(seed: 7, changes: 200);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
