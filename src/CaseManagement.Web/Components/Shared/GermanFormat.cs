using System.Globalization;
using CaseManagement.Domain;

namespace CaseManagement.Web.Components.Shared;

/// <summary>Dates and times as people here read them (de-DE, Europe/Berlin), in one place for every page.</summary>
public static class GermanFormat
{
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("de-DE");

    public static string Date(DateOnly date) => GermanCalendar.Format(date);

    public static string Date(DateOnly? date) => date is { } value ? Date(value) : "–";

    /// <summary>"Montag, 12. April 1988".</summary>
    public static string LongDate(DateOnly date) => date.ToString("dddd, d. MMMM yyyy", Culture);

    public static string Time(DateTimeOffset instant) => GermanCalendar.ToLocal(instant).ToString("HH:mm", Culture);

    public static string Date(DateTimeOffset instant) => Date(GermanCalendar.DateOf(instant));

    public static string DateTime(DateTimeOffset instant) => GermanCalendar.ToLocal(instant).ToString("dd.MM.yyyy HH:mm", Culture);

    public static string DateTimeWithSeconds(DateTimeOffset instant) => GermanCalendar.ToLocal(instant).ToString("dd.MM.yyyy HH:mm:ss", Culture);

    public static string TimeWithSeconds(DateTimeOffset instant) => GermanCalendar.ToLocal(instant).ToString("HH:mm:ss", Culture);

    /// <summary>A span in its largest whole unit: "12 Stunden", "30 Minuten", "1 Minute", "20 Sekunden".</summary>
    public static string Duration(TimeSpan span) => span switch
    {
        { TotalHours: >= 1 } when span.TotalHours % 1 == 0 => Count((int)span.TotalHours, "Stunde", "Stunden"),
        { TotalMinutes: >= 1 } when span.TotalMinutes % 1 == 0 => Count((int)span.TotalMinutes, "Minute", "Minuten"),
        _ => Count((int)Math.Round(span.TotalSeconds), "Sekunde", "Sekunden"),
    };

    private static string Count(int count, string one, string many) => count == 1 ? $"1 {one}" : $"{count} {many}";
}
