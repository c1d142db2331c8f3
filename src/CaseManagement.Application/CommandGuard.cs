using CaseManagement.Infrastructure.Persistence.Faults;
using Microsoft.Extensions.Logging;

namespace CaseManagement.Application;

/// <summary>
/// Runs a page's command so that a database outage answers like any refusal at the form: the
/// German notice, nothing saved, the input still in the form. Without it the fault would end the
/// user's page (the Blazor circuit) and take everything typed with it. Other faults pass through.
/// </summary>
public sealed class CommandGuard(ILogger<CommandGuard> logger)
{
    public async Task<CommandResult> RunAsync(Func<Task<CommandResult>> command)
    {
        try
        {
            return await command();
        }
        catch (Exception exception) when (DatabaseFaults.IsUnavailable(exception))
        {
            return Unavailable(exception);
        }
    }

    public async Task<CommandResult<T>> RunAsync<T>(Func<Task<CommandResult<T>>> command)
    {
        try
        {
            return await command();
        }
        catch (Exception exception) when (DatabaseFaults.IsUnavailable(exception))
        {
            return Unavailable(exception).As<T>();
        }
    }

    /// <summary>For an action without a form (end a session, mark as read): said instead of a result.</summary>
    public const string NotReachedMessage = "Die Datenbank ist gerade nicht erreichbar. Bitte versuchen Sie es in einer Minute noch einmal.";

    /// <summary>
    /// A write that answers something other than a <see cref="CommandResult"/>: its answer, or null
    /// when the database could not be reached (the page then shows <see cref="NotReachedMessage"/>
    /// and does not read itself again).
    /// </summary>
    public async Task<Reached<T>?> TryAsync<T>(Func<Task<T>> write)
    {
        try
        {
            return new Reached<T>(await write());
        }
        catch (Exception exception) when (DatabaseFaults.IsUnavailable(exception))
        {
            Unavailable(exception);
            return null;
        }
    }

    /// <summary>The same for a write that answers nothing.</summary>
    public Task<Reached<bool>?> TryAsync(Func<Task> write) => TryAsync(async () =>
    {
        await write();
        return true;
    });

    private CommandResult Unavailable(Exception exception)
    {
        var mayHaveCommitted = WriteOutcomeWatch.MayHaveCommitted(exception);

        // The fault's type only: messages of a database fault may quote values.
        logger.LogWarning(
            "A command could not reach the database ({Fault}; write may have committed: {MayHaveCommitted}); the page keeps its input",
            exception.GetType().Name,
            mayHaveCommitted);
        return CommandResult.DatabaseUnavailable(mayHaveCommitted ? DatabaseFaults.OutcomeUnknownMessage : DatabaseFaults.UnavailableMessage);
    }
}

/// <summary>The answer of a write that reached the database (<see cref="CommandGuard.TryAsync{T}"/>).</summary>
public sealed record Reached<T>(T Value);
