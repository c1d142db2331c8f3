using System.Text;

namespace CaseManagement.Domain.Staff;

/// <summary>What is wrong with a password beyond its length.</summary>
public enum PasswordProblem
{
    /// <summary>On the list of common passwords, or only decorated with digits and symbols.</summary>
    Common = 1,

    /// <summary>Built from the person's name, e-mail address or the names of the product and its organisations.</summary>
    Personal = 2,

    /// <summary>A run such as "123456789012" or a short piece repeated.</summary>
    Sequence = 3,
}

/// <summary>
/// Password rules after current guidance (NIST SP 800-63B, BSI IT-Grundschutz ORP.4): length
/// counts, composition rules do not (no forced digits or capitals, no expiry); instead passwords
/// that attackers try first are refused: the most common ones and their stems (a list shipped
/// with the product), the person's own name or address, and runs or repetitions. The minimum
/// length itself is Identity's rule (12 characters).
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 12;

    /// <summary>Long enough for any passphrase; the hash function takes the rest.</summary>
    public const int MaxLength = 256;

    /// <summary>Words of the product itself: a password of nothing else is guessed first.</summary>
    private static readonly string[] ProductWords = ["fallverbund", "jobcenter", "drogenhilfe", "ludwigshafen", "lenkungsrunde"];

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommonPasswords);

    // Digits and symbols that stand for letters in "p@ssw0rd".
    private static readonly Dictionary<char, char> LookAlikes = new()
    {
        ['0'] = 'o', ['1'] = 'i', ['3'] = 'e', ['4'] = 'a', ['5'] = 's', ['7'] = 't', ['8'] = 'b', ['@'] = 'a', ['$'] = 's', ['!'] = 'i',
    };

    public static int CommonPasswordCount => Common.Value.Count;

    /// <param name="personalWords">The person's name and e-mail address; split into words here.</param>
    public static PasswordProblem? Check(string password, IEnumerable<string?> personalWords)
    {
        var lower = password.ToLowerInvariant();
        if (IsSequence(lower) || RepeatedUnit(lower) is { Length: <= 4 })
        {
            return PasswordProblem.Sequence;
        }

        if (IsCommon(lower) || (RepeatedUnit(lower) is { } unit && IsCommon(unit)))
        {
            return PasswordProblem.Common;
        }

        var words = personalWords.SelectMany(WordsOf).Concat(ProductWords).Where(w => w.Length >= 4).ToList();
        return ConsistsOf(Stem(lower), words) ? PasswordProblem.Personal : null;
    }

    private static bool IsCommon(string lower) =>
        Common.Value.Contains(lower) || Common.Value.Contains(Stem(lower)) || Common.Value.Contains(ReadLookAlikes(Stem(lower)));

    /// <summary>Without the digits, symbols and spaces before and after the letters: "!Sommer2026!" → "sommer".</summary>
    private static string Stem(string lower)
    {
        var start = 0;
        var end = lower.Length;
        while (start < end && !char.IsLetter(lower[start]))
        {
            start++;
        }

        while (end > start && !char.IsLetter(lower[end - 1]))
        {
            end--;
        }

        return lower[start..end];
    }

    private static string ReadLookAlikes(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            builder.Append(LookAlikes.GetValueOrDefault(character, character));
        }

        return builder.ToString();
    }

    /// <summary>Whether the stem has fewer than four letters left once the given words are taken out.</summary>
    private static bool ConsistsOf(string stem, List<string> words)
    {
        if (words.Count == 0 || stem.Length == 0)
        {
            return false;
        }

        var rest = stem;
        foreach (var word in words.OrderByDescending(w => w.Length))
        {
            rest = rest.Replace(word, "", StringComparison.Ordinal);
        }

        return rest.Count(char.IsLetter) < 4 && rest.Length < stem.Length;
    }

    private static IEnumerable<string> WordsOf(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.ToLowerInvariant().Split([' ', '.', '-', '_', '+', '@', '\''], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Each character one up or one down from the one before, for almost the whole password: "123456789012", "abcdefghijkl".</summary>
    private static bool IsSequence(string lower)
    {
        var steps = 0;
        for (var i = 1; i < lower.Length; i++)
        {
            var difference = lower[i] - lower[i - 1];
            if (difference is 1 or -1 || (lower[i - 1] == '9' && lower[i] == '0') || (lower[i - 1] == '0' && lower[i] == '9'))
            {
                steps++;
            }
        }

        return lower.Length > 1 && steps >= (lower.Length - 1) * 4 / 5;
    }

    /// <summary>The piece the password repeats, if it is nothing but that piece two or more times: "abcabcabcabc" → "abc".</summary>
    private static string? RepeatedUnit(string lower)
    {
        for (var length = 1; length <= lower.Length / 2; length++)
        {
            if (lower.Length % length != 0)
            {
                continue;
            }

            var unit = lower[..length];
            if (string.Concat(Enumerable.Repeat(unit, lower.Length / length)) == lower)
            {
                return unit;
            }
        }

        return null;
    }

    private static HashSet<string> LoadCommonPasswords()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("CaseManagement.Domain.Staff.common-passwords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var entry = line.Trim();
            if (entry.Length > 0 && entry[0] != '#')
            {
                passwords.Add(entry.ToLowerInvariant());
            }
        }

        return passwords;
    }
}
