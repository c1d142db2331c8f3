using CaseManagement.Domain.Appointments;

namespace CaseManagement.Web.Components.Pages.Appointments;

/// <summary>Small display helpers of the appointment pages.</summary>
public static class AppointmentLabels
{
    /// <summary>The durations offered in forms, in minutes.</summary>
    public static IReadOnlyList<int> Durations { get; } = [10, 15, 30, 45, 60, 90, 120, 180, 240, 480];

    public static string Duration(int minutes) => minutes switch
    {
        < 60 => $"{minutes} Min.",
        _ when minutes % 60 == 0 => $"{minutes / 60} Std.",
        _ => $"{minutes / 60} Std. {minutes % 60} Min.",
    };

    /// <summary>CSS modifier per type, so a week reads at a glance (colour plus the written type).</summary>
    public static string TypeClass(AppointmentType type) => type switch
    {
        AppointmentType.JointCounselling => "cal-joint",
        AppointmentType.JobcenterOnly => "cal-jobcenter",
        AppointmentType.DrugHelpOnly => "cal-drughelp",
        AppointmentType.Outreach => "cal-outreach",
        AppointmentType.Accompaniment => "cal-accompaniment",
        AppointmentType.CrisisIntervention => "cal-crisis",
        _ => "",
    };

    public static string OutcomeBadge(AppointmentOutcome outcome) => outcome switch
    {
        AppointmentOutcome.Attended => "badge badge-ok",
        AppointmentOutcome.NoShow => "badge badge-warn",
        AppointmentOutcome.Cancelled => "badge badge-muted",
        _ => "badge badge-muted",
    };

    public static string WeekdayShort(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Monday => "Mo",
        DayOfWeek.Tuesday => "Di",
        DayOfWeek.Wednesday => "Mi",
        DayOfWeek.Thursday => "Do",
        DayOfWeek.Friday => "Fr",
        DayOfWeek.Saturday => "Sa",
        _ => "So",
    };

    public static string WeekdayLong(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Monday => "Montag",
        DayOfWeek.Tuesday => "Dienstag",
        DayOfWeek.Wednesday => "Mittwoch",
        DayOfWeek.Thursday => "Donnerstag",
        DayOfWeek.Friday => "Freitag",
        DayOfWeek.Saturday => "Samstag",
        _ => "Sonntag",
    };

    public static int IsoWeek(DateOnly day) => System.Globalization.ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue));
}
