using System.Data.Common;
using CaseManagement.Application;
using CaseManagement.Application.Audit;
using CaseManagement.Application.Clients;
using CaseManagement.Application.HelpPlans;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Persistence.Faults;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CaseManagement.IntegrationTests.Faults;

/// <summary>
/// The moments a restart can hit, made exact: an app instance whose database connection breaks at a
/// chosen point, once. The answer to a COMMIT lost after the server committed (the one case where a
/// retry could apply a change twice); a single statement whose answer is lost; a connection that
/// cannot be opened (nothing sent yet).
/// </summary>
public sealed class LostAnswerTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_plan_save_whose_commit_answer_is_lost_is_repeated_meets_its_own_stamp_and_counts_once()
    {
        var faults = new Faults();
        await using var instance = WithFaults(faults);
        var joint = await app.JointCaseAsync();
        await app.DraftAsync(joint);
        var opened = await app.ShownAsync(joint.CaseManager, joint.ClientId);
        var changedBefore = (await app.HelpPlanAuditAsync(joint.ClientId, AuditAction.Changed)).Count;
        var input = opened.Content.Clone();
        input.IntegrationGoal = "Ausbildung zur Fachkraft für Lagerlogistik";
        input.Goals[0].Steps.RemoveAt(1);

        faults.LoseNextCommitAnswer();
        var saved = await instance.Services.GetRequiredService<HelpPlanCommands>().SaveAsync(joint.CaseManager, joint.ClientId, opened.Id, input, opened.Token);

        Assert.Equal(1, faults.CommitAnswersLost);
        Assert.True(saved.Succeeded, saved.Message);
        Assert.False(saved.Conflict);
        var stored = await app.StoredPlanAsync(opened.Id);
        Assert.Equal(saved.Value, stored.RowVersion);
        Assert.Equal("Ausbildung zur Fachkraft für Lagerlogistik", stored.IntegrationGoal);
        Assert.Equal(2, stored.Goals.Sum(g => g.Steps.Count));
        Assert.Equal(changedBefore + 1, (await app.HelpPlanAuditAsync(joint.ClientId, AuditAction.Changed)).Count);
    }

    [Fact]
    public async Task A_new_plan_whose_commit_answer_is_lost_is_one_version_with_one_audit_entry()
    {
        var faults = new Faults();
        await using var instance = WithFaults(faults);
        var joint = await app.JointCaseAsync();

        faults.LoseNextCommitAnswer();
        var started = await instance.Services.GetRequiredService<HelpPlanCommands>().StartAsync(joint.CaseManager, joint.ClientId);

        Assert.Equal(1, faults.CommitAnswersLost);
        Assert.True(started.Succeeded, started.Message);
        Assert.Equal(1, started.Value);
        Assert.Single(await app.StoredPlansAsync(joint.ClientId));
        Assert.Single(await app.HelpPlanAuditAsync(joint.ClientId, AuditAction.Created));
    }

    [Fact]
    public async Task An_audit_entry_whose_answer_is_lost_is_not_written_again()
    {
        var faults = new Faults();
        await using var instance = WithFaults(faults);
        var actor = await app.CreateMemberAsync(Domain.Staff.StaffRole.CaseManager, Domain.Staff.Organisation.Jobcenter, "Fallmanagerin Verbindung");
        var marker = "Antwort verloren " + Guid.NewGuid().ToString("N");

        faults.LoseNextAnswerTo("INSERT INTO \"AuditEntries\"");
        var failure = await Record(instance, actor, marker);

        Assert.Equal(1, faults.StatementAnswersLost);
        Assert.IsType<NpgsqlException>(Assert.IsType<DbUpdateException>(failure).InnerException);
        Assert.True(DatabaseFaults.IsUnavailable(failure!));
        Assert.Equal(1, await EntriesAsync(marker));
    }

    [Fact]
    public async Task A_connection_that_cannot_be_opened_is_retried_and_the_entry_written_once()
    {
        var faults = new Faults();
        await using var instance = WithFaults(faults);
        var actor = await app.CreateMemberAsync(Domain.Staff.StaffRole.CaseManager, Domain.Staff.Organisation.Jobcenter, "Fallmanagerin Verbindung");
        var marker = "Verbindung später " + Guid.NewGuid().ToString("N");

        faults.FailNextOpen();
        var failure = await Record(instance, actor, marker);

        Assert.Equal(1, faults.OpensFailed);
        Assert.Null(failure);
        Assert.Equal(1, await EntriesAsync(marker));
    }

    [Fact]
    public async Task Work_in_a_transaction_of_its_own_runs_once_and_a_lost_commit_answer_is_not_repeated()
    {
        var faults = new Faults();
        await using var instance = WithFaults(faults);
        var actor = await app.CreateMemberAsync(Domain.Staff.StaffRole.CaseManager, Domain.Staff.Organisation.Jobcenter, "Fallmanagerin Verbindung");
        var marker = "eigene Transaktion " + Guid.NewGuid().ToString("N");
        var contexts = instance.Services.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>();
        var audit = instance.Services.GetRequiredService<AuditTrail>();

        await using var db = await contexts.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        audit.Add(db, actor, AuditAction.Viewed, clientId: null, caseNumber: null, fields: [marker]);
        await db.SaveChangesAsync(); // the retrying strategy lets it run (once) instead of refusing a transaction of one's own
        faults.LoseNextCommitAnswer();
        await Assert.ThrowsAsync<NpgsqlException>(() => transaction.CommitAsync());

        Assert.Equal(1, faults.CommitAnswersLost);
        Assert.Equal(1, await EntriesAsync(marker));
    }

    [Fact]
    public async Task A_note_whose_commit_answer_is_lost_tells_the_page_it_may_be_saved_instead_of_nothing_saved()
    {
        var faults = new Faults();
        await using var instance = WithFaults(faults);
        var joint = await app.JointCaseAsync();
        var text = "Antwort auf COMMIT verloren " + Guid.NewGuid().ToString("N");
        var commands = instance.Services.GetRequiredService<CaseCommands>();

        faults.LoseNextCommitAnswer();
        var answer = await instance.Services.GetRequiredService<CommandGuard>()
            .RunAsync(() => commands.AddNoteAsync(joint.CaseManager, joint.ClientId, new NoteInput { Text = text }));

        Assert.Equal(1, faults.CommitAnswersLost);
        Assert.True(answer.Unavailable);
        Assert.False(answer.Succeeded);
        Assert.Equal(DatabaseFaults.OutcomeUnknownMessage, answer.Message);
        await using var db = await app.DbAsync();
        Assert.Equal(1, await db.InternalNotes.CountAsync(n => n.ClientId == joint.ClientId && n.Text == text));
    }

    /// <summary>A second instance of the app on the same database, its contexts with the fault interceptors; started before a fault is armed.</summary>
    private WebApplicationFactory<Program> WithFaults(Faults faults)
    {
        var instance = app.Factory.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.ConfigureDbContext<CaseManagementDbContext>(options => options.AddInterceptors(faults.Interceptors))));
        _ = instance.Services;
        return instance;
    }

    private static async Task<Exception?> Record(WebApplicationFactory<Program> instance, StaffMember actor, string marker)
    {
        try
        {
            await instance.Services.GetRequiredService<AuditTrail>().RecordAsync(actor, AuditAction.Viewed, clientId: null, caseNumber: null, fields: [marker]);
            return null;
        }
        catch (DbUpdateException exception)
        {
            return exception;
        }
    }

    private async Task<int> EntriesAsync(string marker)
    {
        await using var db = await app.DbAsync();
        return await db.AuditEntries.CountAsync(a => a.Fields == marker);
    }

    /// <summary>Breaks the connection once at the armed point, as a restart would: Npgsql's own transient exception.</summary>
    private sealed class Faults
    {
        private int _loseCommit;
        private int _failOpen;
        private string? _loseAnswerTo;
        private int _commitAnswersLost;
        private int _statementAnswersLost;
        private int _opensFailed;

        public Faults() => Interceptors = [new Commits(this), new Statements(this), new Connections(this)];

        public IInterceptor[] Interceptors { get; }

        public int CommitAnswersLost => Volatile.Read(ref _commitAnswersLost);

        public int StatementAnswersLost => Volatile.Read(ref _statementAnswersLost);

        public int OpensFailed => Volatile.Read(ref _opensFailed);

        public void LoseNextCommitAnswer() => Volatile.Write(ref _loseCommit, 1);

        public void FailNextOpen() => Volatile.Write(ref _failOpen, 1);

        public void LoseNextAnswerTo(string statementStart) => Volatile.Write(ref _loseAnswerTo, statementStart);

        private static NpgsqlException Broken(string when) =>
            new($"Exception while reading from stream ({when}; simulated)", new IOException("Connection reset by peer (simulated)"));

        private sealed class Commits(Faults faults) : DbTransactionInterceptor
        {
            // After the server committed: only the answer is lost.
            public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
            {
                if (Interlocked.Exchange(ref faults._loseCommit, 0) == 1)
                {
                    Interlocked.Increment(ref faults._commitAnswersLost);
                    throw Broken("after COMMIT");
                }

                return Task.CompletedTask;
            }
        }

        private sealed class Statements(Faults faults) : DbCommandInterceptor
        {
            // After the server ran the statement (outside a transaction, so it is committed): only the answer is lost.
            public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
            {
                if (Volatile.Read(ref faults._loseAnswerTo) is { } start && command.CommandText.Contains(start, StringComparison.Ordinal)
                    && Interlocked.CompareExchange(ref faults._loseAnswerTo, null, start) == start)
                {
                    Interlocked.Increment(ref faults._statementAnswersLost);
                    throw Broken("after the statement");
                }

                return ValueTask.FromResult(result);
            }
        }

        private sealed class Connections(Faults faults) : DbConnectionInterceptor
        {
            // Before anything is sent: the server is not there yet.
            public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
            {
                if (Interlocked.Exchange(ref faults._failOpen, 0) == 1)
                {
                    Interlocked.Increment(ref faults._opensFailed);
                    throw new NpgsqlException("Failed to connect (simulated)", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused));
                }

                return ValueTask.FromResult(result);
            }
        }
    }
}
