using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CaseManagement.Infrastructure.Persistence.Faults;

/// <summary>
/// The two ways to run work that spans more than one operation (see <see cref="RetryingStrategy"/>).
/// </summary>
public static class UnitsOfWork
{
    /// <summary>
    /// Runs <paramref name="unit"/> on a fresh context and, after a transient fault, again from the
    /// start on another fresh context, so nothing tracked or read by a failed attempt carries over.
    /// Also a failed COMMIT is repeated: the unit must recognise that an earlier attempt of its own
    /// was committed (and then report success without writing again). On SQLite it runs once.
    /// </summary>
    public static async Task<T> RetryingAsync<T>(
        this IDbContextFactory<CaseManagementDbContext> contextFactory,
        Func<CaseManagementDbContext, CancellationToken, Task<T>> unit,
        CancellationToken cancellationToken = default)
    {
        await using var strategyContext = await contextFactory.CreateDbContextAsync(cancellationToken);
        var strategy = strategyContext.Database.CreateExecutionStrategy();
        if (strategy is RetryingStrategy retrying)
        {
            strategy = retrying.ForRepeatableUnit();
        }

        return await strategy.ExecuteAsync(async attemptCancellation =>
        {
            await using var db = await contextFactory.CreateDbContextAsync(attemptCancellation);
            return await unit(db, attemptCancellation);
        }, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="work"/> exactly once, with every operation inside (also those of other
    /// contexts and of nested units) unretried: for work that holds something a new connection
    /// would not have (a session's advisory lock) or that cannot start again from scratch.
    /// </summary>
    public static Task<T> RunOnceAsync<T>(
        this CaseManagementDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken = default) =>
        new SingleAttempt(db).ExecuteAsync(work, cancellationToken);

    private sealed class SingleAttempt(DbContext context) : ExecutionStrategy(context, maxRetryCount: 0, maxRetryDelay: TimeSpan.Zero)
    {
        protected override bool ShouldRetryOn(Exception exception) => false;
    }
}
