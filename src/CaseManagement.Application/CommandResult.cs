namespace CaseManagement.Application;

/// <summary>
/// The answer to a command. Field errors name the input property they belong to, so the form can
/// show them next to the field; nothing is saved unless <see cref="Succeeded"/>.
/// </summary>
/// <param name="Code">Stable name the form reacts to, e.g. <see cref="Clients.ClientWarnings.PossibleDuplicate"/>.</param>
public sealed record Warning(string Code, string Message);

public class CommandResult
{
    public bool Succeeded => Errors.Count == 0 && !NotFound && !Conflict && !Unavailable && Warnings.Count == 0;

    public bool NotFound { get; init; }

    /// <summary>Someone else saved in between; nothing was overwritten.</summary>
    public bool Conflict { get; init; }

    /// <summary>The database could not be reached (after its retries); nothing was saved, the form keeps the input.</summary>
    public bool Unavailable { get; init; }

    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();

    /// <summary>Things the user must confirm before saving (e.g. a possible duplicate).</summary>
    public IReadOnlyList<Warning> Warnings { get; init; } = [];

    public string? Message { get; init; }

    public static CommandResult Ok() => new();

    public static CommandResult<T> Ok<T>(T value) => new() { Value = value };

    /// <summary>The same outcome, typed for a command that would have returned a value.</summary>
    public CommandResult<T> As<T>() => new()
    {
        NotFound = NotFound,
        Conflict = Conflict,
        Unavailable = Unavailable,
        Errors = Errors,
        Warnings = Warnings,
        Message = Message,
    };

    public static CommandResult Missing() => new() { NotFound = true, Message = "Der Datensatz wurde nicht gefunden." };

    /// <summary>The database could not be reached; the message stands at the form like any refusal.</summary>
    public static CommandResult DatabaseUnavailable(string message) =>
        new() { Unavailable = true, Errors = new Dictionary<string, string[]> { [""] = [message] }, Message = message };

    public static CommandResult Invalid(string field, string message) =>
        new() { Errors = new Dictionary<string, string[]> { [field] = [message] }, Message = message };

    public static CommandResult Invalid(FluentValidation.Results.ValidationResult result) => new()
    {
        Errors = result.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()),
        Message = "Bitte prüfen Sie die markierten Felder.",
    };
}

public sealed class CommandResult<T> : CommandResult
{
    public T? Value { get; init; }
}
