namespace CaseManagement.Domain.Clients;

/// <summary>Whether a new client probably is someone already registered: same birth date and (nearly) the same name.</summary>
public static class DuplicateCheck
{
    public static bool LooksAlike(string firstName, string lastName, DateOnly birthDate, Client existing)
    {
        if (existing.BirthDate != birthDate)
        {
            return false;
        }

        var candidate = SearchText.Normalize($"{lastName} {firstName}");
        var swapped = SearchText.Normalize($"{firstName} {lastName}");
        return Distance(candidate, existing.SearchName) <= 2 || Distance(swapped, existing.SearchName) <= 2;
    }

    /// <summary>Levenshtein distance.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
