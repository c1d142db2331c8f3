using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CaseManagement.Reports.Benchmark;

/// <summary>One command EF ran: its text, a copy of its parameters, and how long it took.</summary>
internal sealed record CapturedCommand(string Text, IReadOnlyList<DbParameter> Parameters, double Milliseconds)
{
    public bool IsQuery => Text.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
        || Text.TrimStart().StartsWith("WITH", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Records the commands EF executes while a capture is open (per async flow), so that the slow
/// page's SQL can be explained afterwards with the very same parameters.
/// </summary>
internal sealed class CommandCapture : DbCommandInterceptor
{
    public static readonly CommandCapture Instance = new();

    private static readonly AsyncLocal<List<CapturedCommand>?> Current = new();

    /// <summary>Captures the commands of the current async flow until the returned scope is disposed.</summary>
    public static List<CapturedCommand> Start()
    {
        var list = new List<CapturedCommand>();
        Current.Value = list;
        return list;
    }

    public static void Stop() => Current.Value = null;

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Record(command, eventData);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Record(command, eventData);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Record(command, eventData);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData);
        return ValueTask.FromResult(result);
    }

    private static void Record(DbCommand command, CommandExecutedEventData eventData)
    {
        if (Current.Value is not { } list)
        {
            return;
        }

        // A reader's time here is until the first row; close enough to tell the slow statement.
        var parameters = command.Parameters.Cast<DbParameter>().Select(p => p is ICloneable cloneable ? (DbParameter)cloneable.Clone() : p).ToList();
        lock (list)
        {
            list.Add(new CapturedCommand(command.CommandText, parameters, eventData.Duration.TotalMilliseconds));
        }
    }
}
