namespace CaseManagement.Domain.Reports;

/// <summary>
/// Makes the steering report's figures safe to publish with the cell-key method (as the Australian
/// Bureau of Statistics and the German census 2022 use it): every figure other than 0 is moved by a
/// small deviation that depends only on the records behind it, and a figure that ends up below
/// <see cref="SmallestShown"/> is not shown at all ("•"). docs/architecture.md, "Steering report",
/// gives the argument; in short:
/// </summary>
/// <remarks>
/// <para>
/// <b>Same records, same figure.</b> The deviation is looked up in <see cref="Table"/> with the
/// figure's cell key (<see cref="ReportKeys"/>: the sum of the secret random keys of its records). The
/// same people in another report, another period or another table get the same key, hence the
/// same published figure: asking twice never gives a second, differently disturbed look. Different
/// records give unrelated keys, so two overlapping figures are disturbed independently and their
/// difference stays uncertain by up to ±8, a sum of parts by up to ±4 per part.
/// </para>
/// <para>
/// <b>What a reader learns.</b> The table is public. A published 0 means nobody. A number <c>p</c>
/// (never 1 to 4) means a true count from <c>p − 4</c> to <c>p + 4</c>; "•" means a figure that is not
/// 0, for people at most 8. Totals are figures of their own (the union of their cells' records), so
/// cells do not add up exactly to them. Subtracting or adding figures therefore never pins a count
/// unless several independent deviations all sit at their outermost value of ±4 at once, which
/// <see cref="Table"/> makes a one-in-ten-thousand event for each of them.
/// </para>
/// <para>
/// <b>Figures of events.</b> Cases, goals, appointments and referrals are counted as events, but
/// the rule is about people: such a figure is hidden when the people behind it, moved by the same
/// deviation, stay below <see cref="SmallestShown"/>; otherwise its number of events is shown, moved
/// by that deviation. A shown number is then at least 5 as well.
/// </para>
/// </remarks>
public static class CellKeyPerturbation
{
    /// <summary>No published number is smaller: counts from 1 to 4 are never printed.</summary>
    public const int SmallestShown = 5;

    /// <summary>No published number differs from the true count by more.</summary>
    public const int MaxDeviation = 4;

    /// <summary>
    /// Below this, the people behind a figure of events must be counted exactly; from here on a lower
    /// bound is enough, since even the largest deviation downwards leaves it shown.
    /// </summary>
    public const int ExactPeopleBelow = SmallestShown + MaxDeviation;

    private const int Scale = 1_000_000;

    // Millionths for the deviations −4 … +4: symmetric (no figure is too high or too low on
    // average), half of all figures unchanged, 9 in 10 moved by at most 1, ±4 once in 10,000.
    private static readonly int[] Millionths = [100, 9_900, 40_000, 200_000, 500_000, 200_000, 40_000, 9_900, 100];

    /// <summary>The perturbation table: each deviation and its probability in millionths; public like the method itself.</summary>
    public static IReadOnlyList<(int Deviation, int Millionths)> Table { get; } =
        [.. Millionths.Select((share, index) => (index - MaxDeviation, share))];

    /// <summary>The deviation for a cell key: the key, read as a fraction of 2³², picks a place in the cumulative table.</summary>
    public static int Deviation(uint cellKey)
    {
        var place = (int)(((ulong)cellKey * Scale) >> 32);
        var cumulative = 0;
        for (var i = 0; i < Millionths.Length; i++)
        {
            cumulative += Millionths[i];
            if (place < cumulative)
            {
                return i - MaxDeviation;
            }
        }

        throw new InvalidOperationException("The perturbation table does not add up to one.");
    }

    /// <summary>A figure counting people.</summary>
    public static PublishedFigure Publish(int people, uint cellKey) => Publish(people, people, cellKey);

    /// <summary>A figure counting events of <paramref name="people"/> different people (exact below <see cref="ExactPeopleBelow"/>, else any lower bound from there).</summary>
    public static PublishedFigure Publish(int events, int people, uint cellKey)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(events);
        if (people > events || (events > 0 && people < 1))
        {
            throw new ArgumentException($"{events} event(s) of {people} people: every event has one person and every person at least one event.", nameof(people));
        }

        if (events == 0)
        {
            return PublishedFigure.Zero;
        }

        var deviation = Deviation(cellKey);
        return people + deviation < SmallestShown ? PublishedFigure.Hidden : PublishedFigure.Number(events + deviation);
    }

    /// <summary>A table whose figures count people, each figure perturbed on its own.</summary>
    public static PublishedTable Publish(FigureTable table, CellKeys keys)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(keys);
        keys.CheckAgainst(table);
        return new PublishedTable(table, position => Publish(table[position], keys[position]));
    }

    /// <summary>A table whose figures count events, judged by the people behind each of them.</summary>
    public static PublishedTable Publish(FigureTable table, CellKeys keys, PeopleCounts people)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(people);
        keys.CheckAgainst(table);
        people.CheckAgainst(table);
        return new PublishedTable(table, position => Publish(table[position], people[position], keys[position]));
    }
}
