using System.Globalization;
using CaseManagement.Application.Trainings;
using CaseManagement.Domain;
using CaseManagement.Domain.Reports;

namespace CaseManagement.Application.Reports;

// Glossary (German term of art → code):
//   Lenkungsrunde            → steering round (strategic and operational)
//   Kennzahlen               → figures (of the steering report)
//   Vorjahr(eszeitraum)      → previous period (the comparison: the same span a year before)
//   Drehtür(effekt)          → revolving door
//   Integrationsergebnis     → integration outcome (case closed with work, apprenticeship, qualification or rehab)

/// <summary>What the figures of a table count; decides the column label and how people are judged.</summary>
public enum ReportUnit
{
    /// <summary>Personen: one person per count; the figure itself is perturbed and, if small, hidden.</summary>
    People = 1,

    /// <summary>Fälle: case episodes; hidden when few different people stand behind the figure.</summary>
    Cases = 2,

    /// <summary>Ziele: help-plan goals; judged by the people whose plans they are.</summary>
    Goals = 3,

    /// <summary>Termine/Kontakte; judged by people, an anonymous contact counting as a person of its own.</summary>
    Appointments = 4,

    /// <summary>Vermittlungen; judged by the people referred.</summary>
    Referrals = 5,

    /// <summary>Bedarfe ohne Angebot (needs analysis); judged by the people whose needs they are.</summary>
    UnmetNeeds = 6,
}

/// <summary>One table of the report for the period and, computed and perturbed the same way, for the same span a year before.</summary>
/// <param name="Key">Stable name for anchors, tests and the PDF ("klienten", "termine", …).</param>
/// <param name="Explanation">One or two sentences: who or what is counted, and how.</param>
public sealed record ReportSection(string Key, string Title, ReportUnit Unit, string Explanation, PublishedTable Current, PublishedTable Previous)
{
    /// <summary>"Personen", "Fälle", "Ziele", "Termine", "Vermittlungen".</summary>
    public string UnitLabel => SteeringReportLabels.Unit(Unit);
}

/// <summary>
/// A few rows of a section shown once more on their own (the integration outcomes are four closure
/// reasons, the outreach contacts four rows of the appointments). The figures are the section's,
/// already perturbed; their sum is the sum of the shown numbers, and none when a part is hidden
/// (see <see cref="Sum"/>).
/// </summary>
public sealed record ReportExcerpt(string Key, string Title, string Explanation, ReportSection Source, IReadOnlyList<int> Rows)
{
    /// <summary>The sum of the rows' totals when every one of them is shown, else null: a sum of shown figures reveals nothing new.</summary>
    public static int? Sum(PublishedTable table, IEnumerable<int> rows)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Sum(rows.Select(table.RowTotal));
    }

    /// <summary>The sum when every figure is shown, else null.</summary>
    public static int? Sum(IEnumerable<PublishedFigure> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var sum = 0;
        foreach (var figure in figures)
        {
            if (figure.Value is not int value)
            {
                return null;
            }

            sum += value;
        }

        return sum;
    }
}

/// <summary>Median waiting days at the hand-over per partner type, for the period and the same span a year before.</summary>
/// <param name="Current">Null when fewer than 5 people waited (or nobody).</param>
public sealed record WaitingTimeRow(string PartnerType, double? Current, double? Previous);

/// <summary>The steering report: anonymised, perturbed figures only. Nothing in it names or numbers a person.</summary>
public sealed record SteeringReport(
    ReportPeriod Period,
    ReportPeriod PreviousPeriod,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<ReportSection> Sections,
    IReadOnlyList<ReportExcerpt> Excerpts,
    IReadOnlyList<WaitingTimeRow> WaitingTimes)
{
    /// <summary>Medians of waiting days need at least this many people.</summary>
    public const int MedianPeople = CellKeyPerturbation.SmallestShown;

    /// <summary>"Lenkungsrunde – Kennzahlen 2026".</summary>
    public string Title => $"Lenkungsrunde – Kennzahlen {Period.Label}";

    public ReportSection Section(string key) => Sections.Single(s => s.Key == key);

    /// <summary>
    /// Training coverage (Fortbildungen) per active topic and organisation on <see cref="TrainingDay"/>:
    /// figures about staff, not clients, shown as counted (docs/architecture.md, "Joint trainings").
    /// </summary>
    public IReadOnlyList<OrganisationTopicCoverage> Trainings { get; init; } = [];

    /// <summary>The day the training coverage is counted for: the period's last day, today at the latest.</summary>
    public DateOnly TrainingDay { get; init; }
}

/// <summary>The words and number formats of the report, one place for page, CSV and PDF.</summary>
public static class SteeringReportLabels
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static string Unit(ReportUnit unit) => unit switch
    {
        ReportUnit.People => "Personen",
        ReportUnit.Cases => "Fälle",
        ReportUnit.Goals => "Ziele",
        ReportUnit.Appointments => "Termine",
        ReportUnit.Referrals => "Vermittlungen",
        ReportUnit.UnmetNeeds => "Bedarfe",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
    };

    /// <summary>The one mark for a figure that is not shown; the footnote <see cref="HiddenNote"/> explains it.</summary>
    public const string Hidden = "•";

    /// <summary>A figure as printed: "1.234", "0" or "•".</summary>
    public static string Figure(PublishedFigure figure) => figure.Value is int value ? Number(value) : Hidden;

    public static string Number(int value) => value.ToString("N0", German);

    /// <summary>The change from the year before: "+3", "−2", "±0"; "–" when either figure is hidden.</summary>
    public static string Change(PublishedFigure current, PublishedFigure previous) =>
        current.Value is int now && previous.Value is int before ? WithSign(now - before) : NoValue;

    public static string WithSign(int difference) => difference switch
    {
        > 0 => "+" + Number(difference),
        < 0 => "−" + Number(-difference),
        _ => "±0",
    };

    /// <summary>Shown where no figure can be given (a change involving a hidden figure, a median of too few people).</summary>
    public const string NoValue = "–";

    public const string ChangeHeader = "Veränderung";

    /// <summary>"Vorjahr (März 2025)".</summary>
    public static string PreviousHeader(ReportPeriod previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        return $"Vorjahr ({previous.Label})";
    }

    /// <summary>"13", "23,5" or "–".</summary>
    public static string Days(double? days) => days is double d ? d.ToString("0.#", German) : NoValue;

    public const string WaitingTitle = "Wartezeit bei der Übergabe";

    public const string WaitingExplanation =
        "Tage von der Anfrage bei der Stelle bis zur Aufnahme, für Vermittlungen, die im Zeitraum vorgeschlagen wurden; wer zum Ende des Zeitraums noch wartet, zählt mit den bis dahin vergangenen Tagen. Ein Median wird erst ab 5 Personen ausgewiesen, sonst steht „–“.";

    /// <summary>The footnote of the mark: neutral, since it stands for any small figure, not for "fewer than five".</summary>
    public const string HiddenNote = "• nicht ausgewiesen: eine kleine Zahl, die zum Schutz der Personen nicht gezeigt wird. 0 heißt: niemand.";

    public const string PerturbationNote =
        "Zum Schutz der Personen ist jede Zahl außer 0 leicht verändert: meist gar nicht oder um 1, höchstens um 4. Dieselben Personen ergeben immer dieselbe Zahl, in jedem Bericht und jedem Zeitraum; deshalb lässt sich durch Vergleichen oder Abziehen von Berichten nichts Verborgenes zurückrechnen. Summen werden für sich verändert und können von der Summe ihrer Zeilen leicht abweichen.";

    public const string EventsNote =
        "Bei Fällen, Zielen, Terminen und Vermittlungen wird gezählt, wie oft etwas vorkam; nicht ausgewiesen wird, wenn nur wenige verschiedene Personen dahinterstehen (jeder anonyme Kontakt gilt als eigene Person).";

    public const string TrainingsTitle = "Fortbildungen";

    /// <summary>What the training table counts, with its reference day.</summary>
    public static string TrainingsExplanation(DateOnly day) =>
        $"Gemeinsame Fortbildungen: je Thema und Organisation, wie viele der Fallmanager:innen, Fachkräfte und Teamleitungen (heute aktive Konten) am {GermanCalendar.Format(day)} geschult sind – sie haben an einem Termin teilgenommen, dessen Auffrischung noch nicht fällig ist. "
        + "Gezählt werden Beschäftigte, nicht Klient:innen; diese Zahlen werden nicht verändert.";

    public const string ComparisonNote =
        "Verglichen wird mit demselben Zeitraum des Vorjahres; eine Veränderung steht nur zwischen zwei ausgewiesenen Zahlen, sonst „–“.";
}
