using System.Globalization;
using CaseManagement.Application.Clients;

namespace CaseManagement.Application.Appointments;

/// <summary>
/// One page of the people a team week shows, in name order: a head of department's week of a
/// whole organisation would otherwise be several hundred rows read and rendered at once. The
/// cursor is the id of the last person of the page before.
/// </summary>
public sealed record PeoplePage(IReadOnlyList<StaffRef> Shown, int First, int Total, string? PreviousAfter, string? NextAfter, bool HasPrevious)
{
    public const int Size = 25;

    private static readonly StringComparer German = StringComparer.Create(CultureInfo.GetCultureInfo("de-DE"), ignoreCase: true);

    /// <summary>"Personen 26–50 von 420"; null when everyone fits on one page.</summary>
    public string? Label => Total <= Shown.Count ? null : $"Personen {First + 1}–{First + Shown.Count} von {Total}";

    /// <summary>German name order (umlauts beside their vowel, case ignored), then id: the order of every team week.</summary>
    public static List<StaffRef> InNameOrder(IEnumerable<StaffRef> people) =>
        [.. people.OrderBy(p => p.DisplayName, German).ThenBy(p => p.Id, StringComparer.Ordinal)];

    public static PeoplePage Of(IEnumerable<StaffRef> people, string? after, int size = Size)
    {
        var ordered = InNameOrder(people);
        var first = after is null ? 0 : ordered.FindIndex(p => p.Id == after) + 1;
        if (first >= ordered.Count && ordered.Count > 0)
        {
            // After the last person (an old link, someone left): the last page rather than an empty one.
            first = Math.Max(0, ordered.Count - size);
        }

        var shown = ordered.Skip(first).Take(size).ToList();
        var previousFirst = Math.Max(0, first - size);
        return new PeoplePage(
            shown,
            first,
            ordered.Count,
            PreviousAfter: previousFirst == 0 ? null : ordered[previousFirst - 1].Id,
            NextAfter: first + size < ordered.Count ? ordered[first + size - 1].Id : null,
            HasPrevious: first > 0);
    }
}
