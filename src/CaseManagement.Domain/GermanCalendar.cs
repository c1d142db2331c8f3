namespace CaseManagement.Domain;

/// <summary>Dates as people in Ludwigshafen read them: "today" is today in Europe/Berlin, whatever the server's zone.</summary>
public static class GermanCalendar
{
    private static readonly TimeZoneInfo Zone = FindZone();

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

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
