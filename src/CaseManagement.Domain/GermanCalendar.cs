namespace CaseManagement.Domain;

/// <summary>Dates as people in Ludwigshafen read them: "today" is today in Europe/Berlin, whatever the server's zone.</summary>
public static class GermanCalendar
{
    private static readonly TimeZoneInfo Zone = FindZone();

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>
    /// The instant of a wall-clock time in Ludwigshafen. In the hour the clocks go forward, a time
    /// that does not exist is read with the winter offset (02:30 becomes 03:30 summer time); in the
    /// hour they go back, an ambiguous time is read as the first (summer-time) one.
    /// </summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>A date as people here write it: 03.02.2026.</summary>
    public static string Format(DateOnly date) => date.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);

    // No silent fallback to UTC: consents would stay valid up to two hours past midnight.
    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        }
        catch (TimeZoneNotFoundException exception)
        {
            throw new InvalidOperationException(
                "Zeitzone Europe/Berlin nicht gefunden (time zone data missing): bitte das Paket 'tzdata' installieren.", exception);
        }
    }
}
