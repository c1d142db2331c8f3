using System.Reflection;
using System.Text.RegularExpressions;
using CaseManagement.Application;
using CaseManagement.Application.HelpPlans;

namespace CaseManagement.Web.Tests.Faults;

/// <summary>
/// Every command a page runs goes through <see cref="CommandGuard"/>: a database outage must
/// answer at the form with the German notice, not end the page and take the typed input with it.
/// The help plan's commands answer an outage themselves.
/// </summary>
public sealed partial class CommandsAreGuardedTests
{
    [Fact]
    public void Every_command_called_from_a_component_runs_through_the_guard()
    {
        var commands = typeof(CommandResult).Assembly.GetTypes()
            .Where(t => t.IsPublic && t != typeof(HelpPlanCommands) && t != typeof(CommandGuard))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => ReturnsCommandResult(m.ReturnType))
            .Select(m => m.Name)
            .ToHashSet(StringComparer.Ordinal);
        Assert.Contains("AddNoteAsync", commands);
        // Writes that answer something else than a CommandResult (CommandGuard.TryAsync).
        commands.UnionWith(OtherWrites);

        var components = Directory.GetFiles(Path.Combine(RepositoryRoot(), "src", "CaseManagement.Web"), "*.razor", SearchOption.AllDirectories);
        var unguarded = (
            from file in components
            from line in File.ReadLines(file).Select((text, index) => (Text: text, Number: index + 1))
            from Match call in CallPattern().Matches(line.Text)
            where commands.Contains(call.Groups["method"].Value)
                && !line.Text.Contains("Guard.RunAsync(", StringComparison.Ordinal) && !line.Text.Contains("Guard.TryAsync(", StringComparison.Ordinal)
            select $"{Path.GetFileName(file)}:{line.Number}: {line.Text.Trim()}").ToList();

        Assert.True(components.Length > 50, "the components were not found");
        Assert.True(unguarded.Count == 0, string.Join(Environment.NewLine, unguarded));
    }

    private static readonly string[] OtherWrites =
    [
        nameof(Application.Sessions.StaffSessions.EndAsync),
        nameof(Application.Sessions.StaffSessions.EndOthersAsync),
        nameof(Application.Notifications.StaffNotifications.MarkReadAsync),
        nameof(Application.Notifications.StaffNotifications.MarkAllReadAsync),
        nameof(Application.Retention.RetentionRuns.RunNowAsync),
    ];

    private static bool ReturnsCommandResult(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>) && typeof(CommandResult).IsAssignableFrom(type.GetGenericArguments()[0]);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CaseManagement.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CaseManagement.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\b[A-Z][A-Za-z]*\.(?<method>[A-Z][A-Za-z]*Async)\(")]
    private static partial Regex CallPattern();
}
