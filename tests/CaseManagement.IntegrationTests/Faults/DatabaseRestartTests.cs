using CaseManagement.Application;
using CaseManagement.Application.Clients;
using CaseManagement.Application.HelpPlans;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Infrastructure.Persistence.Faults;
using CaseManagement.Testing;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests.Faults;

/// <summary>The app on a PostgreSQL cluster of its own (connection pooling on, as in production), which the tests restart.</summary>
public sealed class RestartableDatabaseFixture : IAsyncLifetime
{
    public ThrowawayPostgres Cluster { get; private set; } = default!;

    public AppFixture App { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Cluster = await ThrowawayPostgres.StartAsync();
        App = new AppFixture(() => PostgresTestDatabase.CreateAsync(Cluster.ServerConnectionString, pooling: true));
        await App.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Cluster.DisposeAsync();
    }
}

/// <summary>
/// PostgreSQL restarted while a caseworker has the help plan open (loaded through the service the
/// page uses): the save after the restart goes through exactly once, a save while the server is
/// down says so in German, keeps the input and writes nothing. Default retry settings.
/// </summary>
public sealed class DatabaseRestartTests(RestartableDatabaseFixture fixture) : IClassFixture<RestartableDatabaseFixture>
{
    private AppFixture App => fixture.App;

    [Fact]
    public async Task A_plan_opened_before_a_restart_is_saved_after_it_exactly_once()
    {
        var joint = await App.JointCaseAsync();
        await App.DraftAsync(joint);
        var opened = await App.ShownAsync(joint.CaseManager, joint.ClientId);
        var changedBefore = (await App.HelpPlanAuditAsync(joint.ClientId, AuditAction.Changed)).Count;
        var input = Edited(opened);

        await fixture.Cluster.RestartServerAsync();
        var saved = await App.Service<HelpPlanCommands>().SaveAsync(joint.CaseManager, joint.ClientId, opened.Id, input, opened.Token);

        Assert.True(saved.Succeeded, saved.Message);
        var stored = await App.StoredPlanAsync(opened.Id);
        Assert.Equal(saved.Value, stored.RowVersion);
        Assert.Equal("Ausbildung zur Fachkraft für Lagerlogistik", stored.IntegrationGoal);
        Assert.Equal(2, stored.Goals.Count);
        Assert.Equal(4, stored.Goals.Sum(g => g.Steps.Count));
        Assert.Single(await App.StoredPlansAsync(joint.ClientId));
        Assert.Equal(changedBefore + 1, (await App.HelpPlanAuditAsync(joint.ClientId, AuditAction.Changed)).Count);

        // The same save once more with the token the form began with (a second click) is refused, not applied twice.
        var again = await App.Service<HelpPlanCommands>().SaveAsync(joint.CaseManager, joint.ClientId, opened.Id, input, opened.Token);
        Assert.True(again.Conflict);
        Assert.Equal(4, (await App.StoredPlanAsync(opened.Id)).Goals.Sum(g => g.Steps.Count));
        Assert.Equal(changedBefore + 1, (await App.HelpPlanAuditAsync(joint.ClientId, AuditAction.Changed)).Count);
    }

    [Fact]
    public async Task A_save_while_the_database_is_down_says_so_in_German_keeps_the_input_and_writes_nothing()
    {
        var joint = await App.JointCaseAsync();
        await App.DraftAsync(joint);
        var opened = await App.ShownAsync(joint.CaseManager, joint.ClientId);
        var changedBefore = (await App.HelpPlanAuditAsync(joint.ClientId, AuditAction.Changed)).Count;
        var input = Edited(opened);
        var typed = input.Clone();
        var commands = App.Service<HelpPlanCommands>();

        await fixture.Cluster.StopServerAsync();
        Application.CommandResult<uint> refused;
        try
        {
            refused = await commands.SaveAsync(joint.CaseManager, joint.ClientId, opened.Id, input, opened.Token);
        }
        finally
        {
            await fixture.Cluster.StartServerAsync();
        }

        Assert.False(refused.Succeeded);
        Assert.True(refused.Unavailable);
        Assert.False(refused.Conflict);
        Assert.Equal(DatabaseFaults.UnavailableMessage, refused.Message);
        Assert.StartsWith("Die Datenbank ist gerade nicht erreichbar", refused.Message, StringComparison.Ordinal);
        Assert.Empty(HelpPlanComparison.Compare(typed, input));
        var untouched = await App.StoredPlanAsync(opened.Id);
        Assert.Equal(opened.Token, untouched.RowVersion);
        Assert.Equal(opened.Content.IntegrationGoal, untouched.IntegrationGoal);
        Assert.Equal(3, untouched.Goals.Sum(g => g.Steps.Count));
        Assert.Equal(changedBefore, (await App.HelpPlanAuditAsync(joint.ClientId, AuditAction.Changed)).Count);

        // Once the database is back, the kept input saves with the token it began with, once.
        var saved = await commands.SaveAsync(joint.CaseManager, joint.ClientId, opened.Id, input, opened.Token);
        Assert.True(saved.Succeeded, saved.Message);
        Assert.Equal("Ausbildung zur Fachkraft für Lagerlogistik", (await App.StoredPlanAsync(opened.Id)).IntegrationGoal);
        Assert.Equal(changedBefore + 1, (await App.HelpPlanAuditAsync(joint.ClientId, AuditAction.Changed)).Count);
    }

    [Fact]
    public async Task Any_page_command_while_the_database_is_down_answers_in_German_instead_of_ending_the_page()
    {
        var joint = await App.JointCaseAsync();
        var guard = App.Service<CommandGuard>();
        var commands = App.Service<CaseCommands>();
        var text = "Gespräch über Schuldnerberatung " + Guid.NewGuid().ToString("N");

        await fixture.Cluster.StopServerAsync();
        CommandResult refused;
        try
        {
            refused = await guard.RunAsync(() => commands.AddNoteAsync(joint.CaseManager, joint.ClientId, new NoteInput { Text = text }));
        }
        finally
        {
            await fixture.Cluster.StartServerAsync();
        }

        Assert.True(refused.Unavailable);
        Assert.Equal(DatabaseFaults.UnavailableMessage, refused.Message);
        Assert.Equal(0, await NotesAsync(joint.ClientId, text));

        var saved = await guard.RunAsync(() => commands.AddNoteAsync(joint.CaseManager, joint.ClientId, new NoteInput { Text = text }));
        Assert.True(saved.Succeeded, saved.Message);
        Assert.Equal(1, await NotesAsync(joint.ClientId, text));
    }

    [Fact]
    public async Task A_fault_that_is_no_outage_still_surfaces()
    {
        var guard = App.Service<CommandGuard>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => guard.RunAsync(() => throw new InvalidOperationException("programming error")));
    }

    private async Task<int> NotesAsync(Guid clientId, string text)
    {
        await using var db = await App.DbAsync();
        return await db.InternalNotes.CountAsync(n => n.ClientId == clientId && n.Text == text);
    }

    /// <summary>What the caseworker typed into the open form: a new integration goal and one more step.</summary>
    private HelpPlanInput Edited(PlanVersionView opened)
    {
        var input = opened.Content.Clone();
        input.IntegrationGoal = "Ausbildung zur Fachkraft für Lagerlogistik";
        input.Goals[1].Steps.Add(new StepInput { Description = "Aufnahmegespräch vorbereiten", Responsible = StepParty.DrugHelpService, DueOn = App.Today().AddDays(10) });
        return input;
    }
}
