using CaseManagement.Domain.Concurrency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CaseManagement.Infrastructure.Persistence;

/// <summary>
/// SQLite has no xmin: there, <see cref="IRowVersioned.RowVersion"/> is an ordinary concurrency token
/// that this interceptor raises on every save of such a record, so that the UPDATE's WHERE clause still
/// carries the version the user started from.
/// </summary>
public sealed class SqliteRowVersionCounter : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Raise(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Raise(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Raise(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries<IRowVersioned>().Where(e => e.State == EntityState.Modified))
        {
            var version = entry.Property(nameof(IRowVersioned.RowVersion));
            version.CurrentValue = unchecked((uint)version.OriginalValue! + 1);
        }
    }
}
