using System.Text.RegularExpressions;
using CaseManagement.Domain.Clients;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Steering;

/// <summary>A client the text names: the register's case number (for the audit) and the words as written.</summary>
public sealed record NamedClient(Guid ClientId, string CaseNumber, string Written);

/// <summary>What a steering text seems to hold of a person: case numbers and addressed names as written, clients named.</summary>
public sealed record PersonalDataFindings(IReadOnlyList<string> CaseNumbers, IReadOnlyList<string> AddressedNames, IReadOnlyList<NamedClient> Clients)
{
    public bool Any => CaseNumbers.Count > 0 || AddressedNames.Count > 0 || Clients.Count > 0;
}

/// <summary>
/// Finds what must not stand in the minutes of a steering round: case numbers (by their pattern,
/// whether or not such a case exists), a name after "Frau", "Herr", "Klient", "Klientin" (by the
/// pattern alone), and the full names of clients in the register (two or three neighbouring words,
/// either order, spelled with or without umlauts). The caller keeps only the clients the writer may
/// read anyway: the warning must never tell a steering member who is a client.
/// </summary>
public static partial class PersonalDataCheck
{
    public static async Task<PersonalDataFindings> FindAsync(CaseManagementDbContext db, IEnumerable<string?> texts, CancellationToken cancellationToken)
    {
        var all = texts.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!).ToList();
        var caseNumbers = all.SelectMany(t => CaseNumberLike().Matches(t).Select(m => m.Value)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var addressed = all.SelectMany(t => AddressedName().Matches(t).Select(m => m.Value)).Distinct(StringComparer.Ordinal).ToList();

        var candidates = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var text in all)
        {
            var words = Word().Matches(text).Select(m => m.Value).ToList();
            for (var i = 0; i + 1 < words.Count; i++)
            {
                Add(candidates, $"{words[i]} {words[i + 1]}", words[i], words[i + 1]);
                Add(candidates, $"{words[i]} {words[i + 1]}", words[i + 1], words[i]);
                if (i + 2 < words.Count)
                {
                    var written = $"{words[i]} {words[i + 1]} {words[i + 2]}";
                    Add(candidates, written, words[i + 2], $"{words[i]} {words[i + 1]}");
                    Add(candidates, written, words[i], $"{words[i + 1]} {words[i + 2]}");
                }
            }
        }

        var keys = candidates.Keys.ToList();
        var clients = keys.Count == 0
            ? []
            : await db.Clients.AsNoTracking()
                .Where(c => keys.Contains(c.SearchName))
                .Select(c => new { c.Id, c.CaseNumber, c.SearchName })
                .ToListAsync(cancellationToken);
        return new PersonalDataFindings(
            caseNumbers,
            addressed,
            [.. clients.Select(c => new NamedClient(c.Id, c.CaseNumber, candidates[c.SearchName])).DistinctBy(c => c.ClientId)]);
    }

    /// <summary>The register's search name is "last first", folded (<see cref="SearchText"/>).</summary>
    private static void Add(Dictionary<string, string> candidates, string written, string last, string first)
    {
        var key = SearchText.Normalize($"{last} {first}");
        if (key.Length >= 5)
        {
            candidates.TryAdd(key, written);
        }
    }

    /// <summary>"LU-2026-00042", also written with spaces, slashes, without separators, in small letters or with more digits.</summary>
    [GeneratedRegex(@"\bLU[\s\-/]?\d{4}[\s\-/]?\d{5,}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaseNumberLike();

    /// <summary>"Frau Müller", "Herrn Yılmaz", "Klientin K.": a person addressed by name, whoever it is.</summary>
    [GeneratedRegex(@"\b(?:Frau|Herrn?|Klient(?:in)?)\s+\p{Lu}[\p{L}\p{M}'’\-]*\.?", RegexOptions.CultureInvariant)]
    private static partial Regex AddressedName();

    /// <summary>Words of letters (names with hyphens or apostrophes as one word); numbers and punctuation separate them.</summary>
    [GeneratedRegex(@"\p{L}[\p{L}\p{M}'’\-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
