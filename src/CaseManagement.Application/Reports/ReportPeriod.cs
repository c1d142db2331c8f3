using System.Globalization;
using CaseManagement.Domain;
using FluentValidation;

namespace CaseManagement.Application.Reports;

/// <summary>How a steering-report period was chosen (Zeitraum: Quartal, Jahr, frei).</summary>
public enum ReportPeriodKind
{
    Quarter = 1,
    Year = 2,
    Custom = 3,
}

/// <summary>
/// A period of the steering report: whole days from <see cref="From"/> to <see cref="To"/>,
/// both inclusive, in Ludwigshafen time.
/// </summary>
public sealed record ReportPeriod
{
    private ReportPeriod(ReportPeriodKind kind, DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ArgumentException($"The period ends ({to}) before it starts ({from}).", nameof(to));
        }

        Kind = kind;
        From = from;
        To = to;
    }

    public ReportPeriodKind Kind { get; }

    public DateOnly From { get; }

    public DateOnly To { get; }

    /// <summary>Number of days, both ends included.</summary>
    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>1 to 4 for a quarter; 0 otherwise.</summary>
    public int QuarterNumber => Kind == ReportPeriodKind.Quarter ? ((From.Month - 1) / 3) + 1 : 0;

    public static ReportPeriod Year(int year) => new(ReportPeriodKind.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    public static ReportPeriod Quarter(int year, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        var from = new DateOnly(year, ((quarter - 1) * 3) + 1, 1);
        return new(ReportPeriodKind.Quarter, from, from.AddMonths(3).AddDays(-1));
    }

    public static ReportPeriod Custom(DateOnly from, DateOnly to) => new(ReportPeriodKind.Custom, from, to);

    /// <summary>
    /// The comparison period of the same length right before this one: the previous quarter, the
    /// previous year, or for a free period the same number of days ending the day before it starts.
    /// </summary>
    public ReportPeriod Previous => Kind switch
    {
        ReportPeriodKind.Year => Year(From.Year - 1),
        ReportPeriodKind.Quarter => QuarterNumber == 1 ? Quarter(From.Year - 1, 4) : Quarter(From.Year, QuarterNumber - 1),
        _ => Custom(From.AddDays(-Days), From.AddDays(-1)),
    };

    /// <summary>"2026", "2. Quartal 2026" or "01.03.2026–15.05.2026".</summary>
    public string Label => Kind switch
    {
        ReportPeriodKind.Year => From.Year.ToString(CultureInfo.InvariantCulture),
        ReportPeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{QuarterNumber}. Quartal {From.Year}"),
        _ => DatesText,
    };

    /// <summary>"2026 (01.01.2026–31.12.2026)"; a free period is named by its dates alone.</summary>
    public string LabelWithDates => Kind == ReportPeriodKind.Custom ? DatesText : $"{Label} ({DatesText})";

    /// <summary>"01.01.2026–31.12.2026".</summary>
    public string DatesText => $"{GermanCalendar.Format(From)}–{GermanCalendar.Format(To)}";

    /// <summary>File names without personal data: "kennzahlen-2026", "kennzahlen-2026-q2", "kennzahlen-2026-03-01-bis-2026-05-15".</summary>
    public string FileStem => Kind switch
    {
        ReportPeriodKind.Year => string.Create(CultureInfo.InvariantCulture, $"kennzahlen-{From.Year}"),
        ReportPeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"kennzahlen-{From.Year}-q{QuarterNumber}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"kennzahlen-{From:yyyy-MM-dd}-bis-{To:yyyy-MM-dd}"),
    };

    /// <summary>The query string that selects this period on the page and the download endpoints (see <see cref="ReportPeriodInput"/>).</summary>
    public string QueryString => Kind switch
    {
        ReportPeriodKind.Year => string.Create(CultureInfo.InvariantCulture, $"zeitraum=jahr&jahr={From.Year}"),
        ReportPeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"zeitraum=quartal&jahr={From.Year}&quartal={QuarterNumber}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"zeitraum=frei&von={From:yyyy-MM-dd}&bis={To:yyyy-MM-dd}"),
    };
}

/// <summary>
/// The period chooser's input, also read from the query string (<c>zeitraum</c> = quartal | jahr |
/// frei, <c>jahr</c>, <c>quartal</c>, <c>von</c>, <c>bis</c>), so a report can be bookmarked and
/// downloaded for exactly the period on screen.
/// </summary>
public sealed class ReportPeriodInput
{
    /// <summary>Longest free period: three years (a leap day included).</summary>
    public const int MaxCustomDays = 1096;

    /// <summary>Figures before the cooperation's software existed make no sense.</summary>
    public const int EarliestYear = 2000;

    public ReportPeriodKind Kind { get; set; } = ReportPeriodKind.Year;

    public int Year { get; set; }

    public int Quarter { get; set; } = 1;

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    /// <summary>The default: the last complete year (in January the year before is what a steering round discusses).</summary>
    public static ReportPeriodInput Default(DateOnly today) => new() { Kind = ReportPeriodKind.Year, Year = today.Year - 1, Quarter = ((today.Month - 1) / 3) + 1 };

    /// <summary>Reads the query-string values; anything unreadable leaves the default in place (the validator then speaks).</summary>
    public static ReportPeriodInput FromQuery(string? kind, string? year, string? quarter, string? from, string? to, DateOnly today)
    {
        var input = Default(today);
        input.Kind = kind?.Trim().ToLowerInvariant() switch
        {
            "quartal" => ReportPeriodKind.Quarter,
            "frei" => ReportPeriodKind.Custom,
            _ => ReportPeriodKind.Year,
        };
        if (int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
        {
            input.Year = y;
        }

        if (int.TryParse(quarter, NumberStyles.None, CultureInfo.InvariantCulture, out var q))
        {
            input.Quarter = q;
        }

        input.From = ParseDate(from);
        input.To = ParseDate(to);
        return input;
    }

    /// <summary>The period; call after the validator accepted the input.</summary>
    public ReportPeriod ToPeriod() => Kind switch
    {
        ReportPeriodKind.Year => ReportPeriod.Year(Year),
        ReportPeriodKind.Quarter => ReportPeriod.Quarter(Year, Quarter),
        _ => ReportPeriod.Custom(From ?? throw new InvalidOperationException("Von fehlt."), To ?? throw new InvalidOperationException("Bis fehlt.")),
    };

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}

/// <summary>Checks a chosen period; messages in German, next to the field they concern.</summary>
public sealed class ReportPeriodInputValidator : AbstractValidator<ReportPeriodInput>
{
    public ReportPeriodInputValidator(TimeProvider clock)
    {
        DateOnly Today() => GermanCalendar.DateOf(clock.GetUtcNow());

        RuleFor(i => i.Kind).IsInEnum().WithMessage("Bitte Quartal, Jahr oder einen freien Zeitraum wählen.");

        When(i => i.Kind is ReportPeriodKind.Year or ReportPeriodKind.Quarter, () =>
        {
            RuleFor(i => i.Year)
                .Must((_, year) => year >= ReportPeriodInput.EarliestYear && year <= Today().Year)
                .WithMessage(_ => string.Create(CultureInfo.InvariantCulture, $"Bitte ein Jahr von {ReportPeriodInput.EarliestYear} bis {Today().Year} angeben."));
        });

        When(i => i.Kind == ReportPeriodKind.Quarter, () =>
        {
            RuleFor(i => i.Quarter).InclusiveBetween(1, 4).WithMessage("Bitte ein Quartal von 1 bis 4 wählen.");
            RuleFor(i => i.Quarter)
                .Must((input, quarter) => input.Year < Today().Year || quarter <= ((Today().Month - 1) / 3) + 1)
                .When(i => i.Quarter is >= 1 and <= 4)
                .WithMessage("Dieses Quartal hat noch nicht begonnen.");
        });

        When(i => i.Kind == ReportPeriodKind.Custom, () =>
        {
            RuleFor(i => i.From).NotNull().WithMessage("Bitte angeben, ab wann gezählt wird.");
            RuleFor(i => i.To).NotNull().WithMessage("Bitte angeben, bis wann gezählt wird.");
            RuleFor(i => i.From)
                .Must(from => from!.Value.Year >= ReportPeriodInput.EarliestYear)
                .When(i => i.From is not null)
                .WithMessage(string.Create(CultureInfo.InvariantCulture, $"Der Zeitraum kann frühestens {ReportPeriodInput.EarliestYear} beginnen."));
            RuleFor(i => i.From)
                .Must(from => from!.Value <= Today())
                .When(i => i.From is not null)
                .WithMessage("Der Zeitraum darf nicht in der Zukunft beginnen.");
            RuleFor(i => i.To)
                .Must((input, to) => to!.Value >= input.From!.Value)
                .When(i => i.From is not null && i.To is not null)
                .WithMessage("Das Ende liegt vor dem Beginn des Zeitraums.");
            RuleFor(i => i.To)
                .Must((input, to) => to!.Value.DayNumber - input.From!.Value.DayNumber + 1 <= ReportPeriodInput.MaxCustomDays)
                .When(i => i.From is not null && i.To is not null && i.To >= i.From)
                .WithMessage("Ein freier Zeitraum darf höchstens drei Jahre umfassen.");
        });
    }
}
