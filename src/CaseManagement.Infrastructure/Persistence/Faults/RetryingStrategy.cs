using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace CaseManagement.Infrastructure.Persistence.Faults;

/// <summary>
/// The execution strategy on PostgreSQL: Npgsql's retries on transient faults, with three rules
/// that keep a retry from applying anything twice (docs/architecture.md, "Transient faults and retries"):
/// <list type="number">
/// <item>A single operation (a query, a <c>SaveChanges</c>, an <c>ExecuteUpdate</c>) is tried
/// again only while no write of it can have reached the database: a failed COMMIT or a failed
/// data-changing statement outside a transaction may have been applied, so it is not repeated
/// (<see cref="WriteOutcomeWatch"/>) and the fault goes to the caller.</item>
/// <item>Work inside a transaction the code began itself runs once: a retry of one statement
/// cannot bring back the transaction the lost connection took with it.</item>
/// <item>A whole unit of work run by <see cref="UnitsOfWork.RetryingAsync{T}"/> starts again from
/// scratch on a fresh context, also after a failed COMMIT: such a unit recognises on its repeat
/// that its earlier attempt was committed (the help plan by its own stamp).</item>
/// </list>
/// </summary>
public sealed class RetryingStrategy : NpgsqlRetryingExecutionStrategy
{
    // Npgsql counts lost connections and "cannot connect now" as transient; a server shutting down
    // (fast or immediate restart) ends sessions with these codes, which are as transient.
    private static readonly string[] ShutdownCodes = ["57P01", "57P02", "57P03"];

    private readonly DatabaseRetryOptions _options;
    private readonly bool _repeatableUnit;
    private bool _single;

    public RetryingStrategy(ExecutionStrategyDependencies dependencies, DatabaseRetryOptions options)
        : this(dependencies, options, repeatableUnit: false)
    {
    }

    private RetryingStrategy(ExecutionStrategyDependencies dependencies, DatabaseRetryOptions options, bool repeatableUnit)
        : base(dependencies, options.MaxRetryCount, options.MaxRetryDelay, ShutdownCodes)
    {
        _options = options;
        _repeatableUnit = repeatableUnit;
    }

    /// <summary>The same settings for a unit of work that starts from scratch on every attempt.</summary>
    internal RetryingStrategy ForRepeatableUnit() => new(Dependencies, _options, repeatableUnit: true);

    protected override void OnFirstExecution()
    {
        var context = Dependencies.CurrentContext.Context;
        // Also what keeps a pooled context from carrying the note of its previous operation.
        WriteOutcomeWatch.Forget(context);
        _single = !_repeatableUnit && context.Database.CurrentTransaction is not null;
        if (_single)
        {
            // Rule 2: EF would refuse the user's transaction here; it runs once instead, on purpose.
            ExceptionsEncountered.Clear();
            return;
        }

        base.OnFirstExecution();
    }

    protected override bool ShouldRetryOn(Exception? exception) =>
        !_single
        && base.ShouldRetryOn(exception)
        && (_repeatableUnit || !WriteOutcomeWatch.MayHaveCommitted(Dependencies.CurrentContext.Context));
}
