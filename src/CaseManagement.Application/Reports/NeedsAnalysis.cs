using System.Globalization;
using CaseManagement.Domain.Reports;

namespace CaseManagement.Application.Reports;

// Glossary (German term of art → code):
//   Bedarfsanalyse           → needs analysis (of the partner network, for the operational steering round)
//   Bedarf ohne Angebot      → unmet need (a service needed that no partner in the directory offers)
//   Wartezeit                → waiting days at the hand-over (request → admission)

/// <summary>Median and 90th percentile of the waiting days of one partner type or partner, for the period and the same span a year before.</summary>
/// <param name="Label">The partner type, or the partner's name in the directory.</param>
/// <param name="PartnerType">For a partner: its type; null in the table per type.</param>
/// <param name="Median">Null below <see cref="NeedsAnalysis.MedianPeople"/> people.</param>
/// <param name="Percentile90">Null below <see cref="NeedsAnalysis.PercentilePeople"/> people.</param>
public sealed record WaitingSpread(string Label, string? PartnerType, double? Median, int? Percentile90, double? PreviousMedian, int? PreviousPercentile90);

/// <summary>
/// The needs analysis of the network (Bedarfsanalyse) for the operational steering round: demand per
/// kind of partner service, waiting times per type and per partner, revolving doors and needs no
/// partner could meet. Anonymised and perturbed like the steering report; nothing in it names or
/// numbers a person.
/// </summary>
/// <param name="Sections">The tables of counts: "nachfrage", "drehtuer", "bedarf-ohne-angebot".</param>
/// <param name="ByPartner">Only partners with a shown median in either period; a partner that is not listed had fewer than five people waiting (or none).</param>
public sealed record NeedsAnalysis(
    ReportPeriod Period,
    ReportPeriod PreviousPeriod,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<ReportSection> Sections,
    IReadOnlyList<WaitingSpread> ByType,
    IReadOnlyList<WaitingSpread> ByPartner)
{
    /// <summary>Medians need at least this many people, as in the steering report.</summary>
    public const int MedianPeople = SteeringReport.MedianPeople;

    /// <summary>
    /// The 90th percentile needs at least this many people: from ten on it is never the single longest
    /// wait (nearest rank ⌈0.9·n⌉ &lt; n), so it does not describe one person's case.
    /// </summary>
    public const int PercentilePeople = 10;

    public string Title => $"Bedarfsanalyse des Netzwerks {Period.Label}";

    public ReportSection Section(string key) => Sections.Single(s => s.Key == key);
}

/// <summary>The words of the needs analysis, one place for page and CSV.</summary>
public static class NeedsAnalysisLabels
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public const string WaitingTitle = "Wartezeit bis zur Aufnahme";

    public const string WaitingByPartnerTitle = "Wartezeit bis zur Aufnahme je Stelle";

    public const string WaitingExplanation =
        "Tage von der Anfrage bei der Stelle bis zur Aufnahme, für Vermittlungen, die im Zeitraum vorgeschlagen wurden; wer zum Ende des Zeitraums noch wartet, zählt mit den bis dahin vergangenen Tagen (wie im Kennzahlenbericht). "
        + "Der Median wird ab 5 Personen ausgewiesen, das 90. Perzentil (9 von 10 warteten höchstens so lange) ab 10 Personen, sonst steht „–“.";

    public const string WaitingByPartnerExplanation =
        "Je Stelle aus dem Verzeichnis, wie oben. Aufgeführt sind nur Stellen, bei denen in einem der beiden Zeiträume mindestens 5 Personen gewartet haben.";

    public const string MedianHeader = "Median";

    public const string PercentileHeader = "90. Perzentil";

    /// <summary>"12" or "–" (a percentile is always a whole number of days).</summary>
    public static string Days(int? days) => days is int d ? d.ToString("N0", German) : SteeringReportLabels.NoValue;
}
