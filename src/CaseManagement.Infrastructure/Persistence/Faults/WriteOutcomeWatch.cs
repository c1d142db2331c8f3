using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CaseManagement.Infrastructure.Persistence.Faults;

/// <summary>
/// Notes on a context when a fault hit a write whose outcome is unknown: a COMMIT that failed, or
/// a data-changing statement that failed outside a transaction (PostgreSQL may have applied it
/// before the connection went). <see cref="RetryingStrategy"/> does not repeat such an operation.
/// A fault before that point (opening the connection, any statement inside an open transaction)
/// leaves nothing behind: the server rolls an interrupted transaction back.
/// </summary>
public static class WriteOutcomeWatch
{
    private const string DataKey = "CaseManagement.WriteOutcomeUnknown";
    private static readonly ConditionalWeakTable<DbContext, object> Unknown = [];
    private static readonly object Marker = new();

    public static IInterceptor Commands { get; } = new CommandWatch();

    public static IInterceptor Transactions { get; } = new TransactionWatch();

    public static bool MayHaveCommitted(DbContext context) => Unknown.TryGetValue(context, out _);

    /// <summary>
    /// True when the fault (or one it wraps) hit such a write: the context is gone by the time the
    /// fault reaches a page, so the fault itself carries the note.
    /// </summary>
    public static bool MayHaveCommitted(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e.Data.Contains(DataKey))
            {
                return true;
            }
        }

        return false;
    }

    internal static void Forget(DbContext context) => Unknown.Remove(context);

    private static void Note(DbContext? context, Exception exception)
    {
        exception.Data[DataKey] = true;
        if (context is not null)
        {
            Unknown.AddOrUpdate(context, Marker);
        }
    }

    // Reads cannot change anything; everything else (SaveChanges, ExecuteUpdate/Delete, raw SQL,
    // migrations, and what EF cannot name) counts as a write.
    private static bool IsWrite(CommandSource source) =>
        source is not (CommandSource.LinqQuery or CommandSource.FromSqlQuery or CommandSource.ValueGenerator or CommandSource.Scaffolding);

    private sealed class CommandWatch : DbCommandInterceptor
    {
        public override void CommandFailed(DbCommand command, CommandErrorEventData eventData)
        {
            if (command.Transaction is null && IsWrite(eventData.CommandSource))
            {
                Note(eventData.Context, eventData.Exception);
            }
        }

        public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            CommandFailed(command, eventData);
            return Task.CompletedTask;
        }
    }

    private sealed class TransactionWatch : DbTransactionInterceptor
    {
        public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData)
        {
            if (eventData.Action == "Commit")
            {
                Note(eventData.Context, eventData.Exception);
            }
        }

        public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            TransactionFailed(transaction, eventData);
            return Task.CompletedTask;
        }
    }
}
