using CaseManagement.Domain.Reports;

namespace CaseManagement.IntegrationTests.Reports.Differencing;

/// <summary>
/// What the attacker knows about one table of the steering report from its explanation on the page:
/// whether its figures count people or events, which figures add up over consecutive periods, and
/// when the people or events behind a figure of a shorter period are among those of a longer one.
/// Only facts that hold for every possible caseload, so the attacker never reasons from a guess.
/// </summary>
/// <param name="CountsPeople">Personen (one person per count) rather than events (Fälle, Termine, …).</param>
/// <param name="AddsUpOverTime">The figure of a period is the sum of the figures of its parts: events dated in the period whose row and column do not depend on the period's end.</param>
/// <param name="Nests">The people or events behind the figure in the part lie among those of the whole (whole, part).</param>
/// <param name="CoveredByParts">Everyone behind the figure of a period is behind the figure of at least one of its parts (people in care at some time of the period).</param>
internal sealed record TableKnowledge(
    string Key,
    bool CountsPeople,
    Func<FigurePosition, bool> AddsUpOverTime,
    Func<FigurePosition, LatticePeriod, LatticePeriod, bool> Nests,
    bool CoveredByParts)
{
    /// <summary>The tables of the steering report, by the keys of their sections.</summary>
    public static IReadOnlyList<TableKnowledge> SteeringReport { get; } =
    [
        // People with an episode overlapping the period, by age group (at a date fixed for the
        // year) and gender: a part's people are the whole's, and each is in care in some part.
        new("klienten", CountsPeople: true, Never, AnyPart, CoveredByParts: true),
        // Episodes started or ended in the period; appointments starting in it.
        new("neue-faelle", CountsPeople: false, Always, AnyPart, CoveredByParts: false),
        new("abschluesse", CountsPeople: false, Always, AnyPart, CoveredByParts: false),
        new("termine", CountsPeople: false, Always, AnyPart, CoveredByParts: false),
        // Standing at the end of the period: comparable only between periods ending on the same day.
        new("hilfeplaene", CountsPeople: true, Never, SameLastDay, CoveredByParts: false),
        new("ziele", CountsPeople: false, Never, SameLastDay, CoveredByParts: false),
        new("drehtuer", CountsPeople: false, Never, SameLastDay, CoveredByParts: false),
        // Referrals proposed in the period (rows: kind of service) by their status at its end
        // (columns): the row totals add up, the statuses only compare at the same end.
        new("vermittlungen", CountsPeople: false, p => p.Column is null, (p, whole, part) => p.Column is null ? AnyPart(p, whole, part) : SameLastDay(p, whole, part), CoveredByParts: false),
    ];

    /// <summary>
    /// The tables of the needs analysis (Bedarfsanalyse), by the keys of their sections. "drehtuer" is the
    /// steering report's table (same records, same figures), so it is known from <see cref="SteeringReport"/>.
    /// </summary>
    public static IReadOnlyList<TableKnowledge> NeedsAnalysis { get; } =
    [
        // Referrals proposed in the period (rows: kind of service) by their status at its end, in four
        // groups (columns): as "vermittlungen", whose figures they are or add up to.
        new("nachfrage", CountsPeople: false, p => p.Column is null, (p, whole, part) => p.Column is null ? AnyPart(p, whole, part) : SameLastDay(p, whole, part), CoveredByParts: false),
        // Needs without an offer recorded in the period: dated events.
        new("bedarf-ohne-angebot", CountsPeople: false, Always, AnyPart, CoveredByParts: false),
    ];

    private static bool Never(FigurePosition position) => false;

    private static bool Always(FigurePosition position) => true;

    private static bool AnyPart(FigurePosition position, LatticePeriod whole, LatticePeriod part) => whole.Contains(part);

    private static bool SameLastDay(FigurePosition position, LatticePeriod whole, LatticePeriod part) => whole.Contains(part) && whole.To == part.To;
}
