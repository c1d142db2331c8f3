using System.Globalization;
using CaseManagement.Domain;
using FluentValidation;

namespace CaseManagement.Application.Reports;

/// <summary>How a steering-report period was chosen: a calendar month, quarter, half-year or year.</summary>
public enum ReportPeriodKind
{
    Month = 1,
    Quarter = 2,
    HalfYear = 3,
    Year = 4,
}

/// <summary>
/// A period of the steering report: one of the fixed calendar periods of a year (month, quarter,
/// half-year, the year), whole days from <see cref="From"/> to <see cref="To"/> in Ludwigshafen time.
/// </summary>
/// <remarks>
/// There are no free periods: two free periods a day apart, or a year and three of its quarters,
/// would let a reader subtract one report from another (docs/architecture.md, "Steering report").
/// The fixed periods still overlap (a quarter lies in its half-year and year); the perturbation of
/// the figures is what protects those differences, and it needs the periods to be few and fixed.
/// </remarks>
public sealed record ReportPeriod
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    private ReportPeriod(ReportPeriodKind kind, int year, int number)
    {
        var (months, count) = kind switch
        {
            ReportPeriodKind.Month => (1, 12),
            ReportPeriodKind.Quarter => (3, 4),
            ReportPeriodKind.HalfYear => (6, 2),
            ReportPeriodKind.Year => (12, 1),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, count);
        Kind = kind;
        CalendarYear = year;
        Number = number;
        From = new DateOnly(year, ((number - 1) * months) + 1, 1);
        To = From.AddMonths(months).AddDays(-1);
    }

    public ReportPeriodKind Kind { get; }

    public int CalendarYear { get; }

    /// <summary>Which month (1–12), quarter (1–4) or half (1–2) of the year; 1 for the year itself.</summary>
    public int Number { get; }

    public DateOnly From { get; }

    public DateOnly To { get; }

    public static ReportPeriod Month(int year, int month) => new(ReportPeriodKind.Month, year, month);

    public static ReportPeriod Quarter(int year, int quarter) => new(ReportPeriodKind.Quarter, year, quarter);

    public static ReportPeriod HalfYear(int year, int half) => new(ReportPeriodKind.HalfYear, year, half);

    public static ReportPeriod Year(int year) => new(ReportPeriodKind.Year, year, 1);

    public static ReportPeriod Of(ReportPeriodKind kind, int year, int number) => new(kind, year, kind == ReportPeriodKind.Year ? 1 : number);

    /// <summary>Every period of <paramref name="year"/> a user can choose: the year, its halves, quarters and months.</summary>
    public static IReadOnlyList<ReportPeriod> AllOf(int year) =>
    [
        Year(year),
        .. Enumerable.Range(1, 2).Select(h => HalfYear(year, h)),
        .. Enumerable.Range(1, 4).Select(q => Quarter(year, q)),
        .. Enumerable.Range(1, 12).Select(m => Month(year, m)),
    ];

    /// <summary>The comparison: the same span of the year before (March 2024 for March 2025), itself a period a user can choose.</summary>
    public ReportPeriod SameSpanYearBefore => new(Kind, CalendarYear - 1, Number);

    /// <summary>
    /// Ages are taken on this day, the last of the period's year, whichever span of the year is
    /// reported: a person is in the same age group in every report of a year, so shifting the end of
    /// a period can never reveal a birthday.
    /// </summary>
    public DateOnly AgeReferenceDate => new(CalendarYear, 12, 31);

    /// <summary>"März 2026", "2. Quartal 2026", "1. Halbjahr 2026" or "2026".</summary>
    public string Label => Kind switch
    {
        ReportPeriodKind.Month => $"{German.DateTimeFormat.GetMonthName(Number)} {CalendarYear.ToString(CultureInfo.InvariantCulture)}",
        ReportPeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Number}. Quartal {CalendarYear}"),
        ReportPeriodKind.HalfYear => string.Create(CultureInfo.InvariantCulture, $"{Number}. Halbjahr {CalendarYear}"),
        _ => CalendarYear.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>"2026 (01.01.2026–31.12.2026)".</summary>
    public string LabelWithDates => $"{Label} ({DatesText})";

    /// <summary>"01.01.2026–31.12.2026".</summary>
    public string DatesText => $"{GermanCalendar.Format(From)}–{GermanCalendar.Format(To)}";

    /// <summary>File names without personal data: "kennzahlen-2026", "kennzahlen-2026-h1", "kennzahlen-2026-q2", "kennzahlen-2026-03".</summary>
    public string FileStem => Kind switch
    {
        ReportPeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"kennzahlen-{CalendarYear}-{Number:00}"),
        ReportPeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"kennzahlen-{CalendarYear}-q{Number}"),
        ReportPeriodKind.HalfYear => string.Create(CultureInfo.InvariantCulture, $"kennzahlen-{CalendarYear}-h{Number}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"kennzahlen-{CalendarYear}"),
    };

    /// <summary>The query string that selects this period on the page and the download endpoints (see <see cref="ReportPeriodInput"/>).</summary>
    public string QueryString => Kind switch
    {
        ReportPeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"zeitraum=monat&jahr={CalendarYear}&monat={Number}"),
        ReportPeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"zeitraum=quartal&jahr={CalendarYear}&quartal={Number}"),
        ReportPeriodKind.HalfYear => string.Create(CultureInfo.InvariantCulture, $"zeitraum=halbjahr&jahr={CalendarYear}&halbjahr={Number}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"zeitraum=jahr&jahr={CalendarYear}"),
    };
}

/// <summary>
/// The period chooser's input, also read from the query string (<c>zeitraum</c> = monat | quartal |
/// halbjahr | jahr, <c>jahr</c>, <c>monat</c>, <c>quartal</c>, <c>halbjahr</c>), so a report can be
/// bookmarked and downloaded for exactly the period on screen.
/// </summary>
public sealed class ReportPeriodInput
{
    /// <summary>No report reaches back further, whatever the data say.</summary>
    public const int EarliestYear = 2000;

    /// <summary>Null when the query string names a kind of period that does not exist (an old link to a free period): the validator then says so.</summary>
    public ReportPeriodKind? Kind { get; set; } = ReportPeriodKind.Year;

    public int Year { get; set; }

    public int Month { get; set; } = 1;

    public int Quarter { get; set; } = 1;

    public int Half { get; set; } = 1;

    /// <summary>The default: the last complete year (in January the year before is what a steering round discusses).</summary>
    public static ReportPeriodInput Default(DateOnly today) => new()
    {
        Kind = ReportPeriodKind.Year,
        Year = today.Year - 1,
        Month = today.Month,
        Quarter = ((today.Month - 1) / 3) + 1,
        Half = today.Month <= 6 ? 1 : 2,
    };

    /// <summary>Reads the query-string values; anything unreadable leaves the default in place (the validator then speaks).</summary>
    public static ReportPeriodInput FromQuery(string? kind, string? year, string? month, string? quarter, string? half, DateOnly today)
    {
        var input = Default(today);
        input.Kind = kind?.Trim().ToLowerInvariant() switch
        {
            null or "" or "jahr" => ReportPeriodKind.Year,
            "monat" => ReportPeriodKind.Month,
            "quartal" => ReportPeriodKind.Quarter,
            "halbjahr" => ReportPeriodKind.HalfYear,
            _ => null,
        };
        input.Year = Number(year) ?? input.Year;
        input.Month = Number(month) ?? input.Month;
        input.Quarter = Number(quarter) ?? input.Quarter;
        input.Half = Number(half) ?? input.Half;
        return input;
    }

    /// <summary>Which month, quarter or half the input names for its kind.</summary>
    public int NumberInYear => Kind switch
    {
        ReportPeriodKind.Month => Month,
        ReportPeriodKind.Quarter => Quarter,
        ReportPeriodKind.HalfYear => Half,
        _ => 1,
    };

    /// <summary>The period; call after the validator accepted the input.</summary>
    public ReportPeriod ToPeriod() =>
        ReportPeriod.Of(Kind ?? throw new InvalidOperationException("Kein Zeitraum gewählt."), Year, NumberInYear);

    private static int? Number(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
}

/// <summary>Checks a chosen period; messages in German, next to the field they concern.</summary>
public sealed class ReportPeriodInputValidator : AbstractValidator<ReportPeriodInput>
{
    private const string ChooseKind = "Bitte Monat, Quartal, Halbjahr oder ganzes Jahr wählen.";

    public ReportPeriodInputValidator(TimeProvider clock)
    {
        DateOnly Today() => GermanCalendar.DateOf(clock.GetUtcNow());

        RuleFor(i => i.Kind).NotNull().WithMessage(ChooseKind).IsInEnum().WithMessage(ChooseKind);
        RuleFor(i => i.Year)
            .Must(year => year >= ReportPeriodInput.EarliestYear && year <= Today().Year)
            .WithMessage(_ => string.Create(CultureInfo.InvariantCulture, $"Bitte ein Jahr von {ReportPeriodInput.EarliestYear} bis {Today().Year} angeben."));

        When(i => i.Kind == ReportPeriodKind.Month, () => RuleFor(i => i.Month).InclusiveBetween(1, 12).WithMessage("Bitte einen Monat von Januar bis Dezember wählen."));
        When(i => i.Kind == ReportPeriodKind.Quarter, () => RuleFor(i => i.Quarter).InclusiveBetween(1, 4).WithMessage("Bitte ein Quartal von 1 bis 4 wählen."));
        When(i => i.Kind == ReportPeriodKind.HalfYear, () => RuleFor(i => i.Half).InclusiveBetween(1, 2).WithMessage("Bitte das 1. oder 2. Halbjahr wählen."));

        RuleFor(i => i)
            .Must(i => i.ToPeriod().From <= Today())
            .When(i => i.Kind is not null && Enum.IsDefined(i.Kind.Value) && i.Year >= ReportPeriodInput.EarliestYear && i.Year <= Today().Year && InRange(i))
            .WithMessage("Dieser Zeitraum hat noch nicht begonnen.")
            .OverridePropertyName(nameof(ReportPeriodInput.NumberInYear));
    }

    private static bool InRange(ReportPeriodInput input) => input.Kind switch
    {
        ReportPeriodKind.Month => input.Month is >= 1 and <= 12,
        ReportPeriodKind.Quarter => input.Quarter is >= 1 and <= 4,
        ReportPeriodKind.HalfYear => input.Half is >= 1 and <= 2,
        _ => true,
    };
}
