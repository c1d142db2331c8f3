using System.Text.RegularExpressions;

namespace CaseManagement.Application.HelpPlans;

public enum DiffKind
{
    Same,
    Inserted,
    Deleted,
}

/// <summary>A run of words that is the same in both texts, or only in the newer (inserted) or only in the older (deleted).</summary>
public sealed record DiffSegment(DiffKind Kind, string Text);

/// <summary>
/// The difference between two texts word by word, for people to read: nothing is cut short, every
/// inserted and deleted word is shown where it stands. Words and punctuation are compared with the
/// spaces that follow them, so a full stop added after a word marks the stop, not the word.
/// </summary>
public static partial class WordDiff
{
    /// <summary>Above this many word pairs in the changed middle, it is shown as one deletion and one insertion (the table would be too large).</summary>
    private const long MaxCells = 1_000_000;

    public static IReadOnlyList<DiffSegment> Between(string? older, string? newer)
    {
        var a = Words(older ?? "");
        var b = Words(newer ?? "");
        var segments = new List<DiffSegment>();

        // Edits are mostly local: the common start and end need no table.
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }

        Add(segments, DiffKind.Same, string.Concat(a[..prefix]));
        var oldMiddle = a[prefix..(a.Length - suffix)];
        var newMiddle = b[prefix..(b.Length - suffix)];
        if ((long)oldMiddle.Length * newMiddle.Length > MaxCells)
        {
            Add(segments, DiffKind.Deleted, string.Concat(oldMiddle));
            Add(segments, DiffKind.Inserted, string.Concat(newMiddle));
        }
        else
        {
            Middle(segments, oldMiddle, newMiddle);
        }

        Add(segments, DiffKind.Same, string.Concat(a[(a.Length - suffix)..]));
        return segments;
    }

    /// <summary>Longest common subsequence of words, then walked from the start.</summary>
    private static void Middle(List<DiffSegment> segments, string[] a, string[] b)
    {
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                Add(segments, DiffKind.Same, a[x++]);
                y++;
            }
            else if (lcs[x + 1, y] >= lcs[x, y + 1])
            {
                Add(segments, DiffKind.Deleted, a[x++]);
            }
            else
            {
                Add(segments, DiffKind.Inserted, b[y++]);
            }
        }

        while (x < a.Length)
        {
            Add(segments, DiffKind.Deleted, a[x++]);
        }

        while (y < b.Length)
        {
            Add(segments, DiffKind.Inserted, b[y++]);
        }
    }

    /// <summary>The words of a text, each with the whitespace that follows it, so that joining them gives the text back.</summary>
    public static string[] Words(string text) => [.. WordPattern().Matches(text).Select(m => m.Value)];

    private static void Add(List<DiffSegment> segments, DiffKind kind, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (segments.Count > 0 && segments[^1].Kind == kind)
        {
            segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
        }
        else
        {
            segments.Add(new DiffSegment(kind, text));
        }
    }

    // A word (letters, digits, inner hyphens and apostrophes) or a single other character, each with the spaces after it.
    [GeneratedRegex(@"\s+|[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*\s*|[^\s]\s*")]
    private static partial Regex WordPattern();
}
