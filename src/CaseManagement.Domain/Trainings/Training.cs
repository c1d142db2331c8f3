using CaseManagement.Domain.Access;
using CaseManagement.Domain.Concurrency;
using CaseManagement.Domain.Staff;

namespace CaseManagement.Domain.Trainings;

// Glossary (German term of art → code):
//   gemeinsame Fortbildung → joint training
//   Thema                  → topic (the training's title)
//   Auffrischung           → refresh interval
//   Termin (einer Fortbildung) → session
//   Teilnahme              → attendance
//   fällig                 → due (not trained within the refresh interval)

/// <summary>For whose staff a training is meant (Zielgruppe).</summary>
[Flags]
public enum TrainingAudience
{
    Jobcenter = 1,
    DrugHelpService = 2,
    Both = Jobcenter | DrugHelpService,
}

/// <summary>Where a person stands in one session: registered beforehand, then attended or absent.</summary>
public enum AttendanceStatus
{
    /// <summary>angemeldet.</summary>
    Registered = 1,

    /// <summary>teilgenommen.</summary>
    Attended = 2,

    /// <summary>nicht teilgenommen.</summary>
    Absent = 3,
}

public static class TrainingLabels
{
    public static string German(this TrainingAudience audience) => audience switch
    {
        TrainingAudience.Jobcenter => "Jobcenter",
        TrainingAudience.DrugHelpService => "Drogenhilfe",
        TrainingAudience.Both => "Jobcenter und Drogenhilfe",
        _ => throw new ArgumentOutOfRangeException(nameof(audience), audience, null),
    };

    public static string German(this AttendanceStatus status) => status switch
    {
        AttendanceStatus.Registered => "angemeldet",
        AttendanceStatus.Attended => "teilgenommen",
        AttendanceStatus.Absent => "nicht teilgenommen",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>"alle 12 Monate", "alle 2 Jahre", "einmalig".</summary>
    public static string RefreshText(int? refreshMonths) => refreshMonths switch
    {
        null => "einmalig",
        1 => "jeden Monat",
        int m when m % 12 == 0 && m > 12 => $"alle {m / 12} Jahre",
        12 => "jährlich",
        int m => $"alle {m} Monate",
    };

    /// <summary>The audience of one organisation.</summary>
    public static TrainingAudience AudienceOf(Organisation organisation) => organisation switch
    {
        Organisation.Jobcenter => TrainingAudience.Jobcenter,
        Organisation.DrugHelpService => TrainingAudience.DrugHelpService,
        _ => throw new ArgumentOutOfRangeException(nameof(organisation), organisation, null),
    };

    /// <summary>Whether the training is meant for the staff of <paramref name="organisation"/>.</summary>
    public static bool Includes(this TrainingAudience audience, Organisation organisation) =>
        (audience & AudienceOf(organisation)) != 0;
}

/// <summary>A topic of the joint training catalogue: for whose staff, and how often it is to be refreshed.</summary>
public class Training : IRowVersioned
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 2000;

    public Guid Id { get; set; }

    public string Title { get; set; } = "";

    public string? Description { get; set; }

    public TrainingAudience Audience { get; set; }

    /// <summary>Months after which an attendance no longer counts; null when once is enough.</summary>
    public int? RefreshMonths { get; set; }

    /// <summary>Inactive topics stay with their sessions but count in no figure and take no new sessions.</summary>
    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public string ChangedByName { get; set; } = "";

    public uint RowVersion { get; set; }
}

/// <summary>One session of a training: the day, who taught it (often someone from outside), where.</summary>
public class TrainingSession : IRowVersioned
{
    public const int TrainerMaxLength = 200;
    public const int PlaceMaxLength = 200;

    public Guid Id { get; set; }

    public Guid TrainingId { get; set; }

    public DateOnly HeldOn { get; set; }

    /// <summary>Referent:in: free text, may be external.</summary>
    public string Trainer { get; set; } = "";

    public string? Place { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public string ChangedByName { get; set; } = "";

    public uint RowVersion { get; set; }
}

/// <summary>One staff account in one session.</summary>
public class TrainingAttendance : IRowVersioned
{
    public Guid Id { get; set; }

    public Guid SessionId { get; set; }

    public string StaffId { get; set; } = "";

    public AttendanceStatus Status { get; set; } = AttendanceStatus.Registered;

    public DateTimeOffset ChangedAt { get; set; }

    public string ChangedByName { get; set; } = "";

    public uint RowVersion { get; set; }
}

/// <summary>Who may do what with trainings. Deny by default.</summary>
public static class TrainingAccess
{
    /// <summary>The catalogue, the sessions and the attendance are kept by Administration (organisational data, no case data).</summary>
    public static bool MayManage(StaffMember actor) => actor.IsInRole(StaffRole.Administrator);

    /// <summary>Team leads see the coverage of their own team and who in it is due.</summary>
    public static bool MaySeeTeamCoverage(StaffMember actor) => actor.IsTeamLead;

    /// <summary>The people who are to be trained: caseworkers and team leads of either organisation; each sees their own.</summary>
    public static bool IsTrainee(StaffMember actor) => actor.IsCaseworker || actor.IsTeamLead;
}

/// <summary>Where one person stands in one topic on a day.</summary>
/// <param name="IsTrained">Attended a session whose date plus the refresh interval is after the day (any past session when there is no interval).</param>
/// <param name="LastAttended">The last session attended on or before the day; null for never.</param>
/// <param name="DueSince">The day the last attendance ran out; null when trained or never attended.</param>
public sealed record TrainingStanding(bool IsTrained, DateOnly? LastAttended, DateOnly? DueSince)
{
    public bool NeverAttended => LastAttended is null;
}

/// <summary>The rules of training coverage: pure functions, the same for the team lead's view, the own view and the steering report.</summary>
public static class TrainingRules
{
    public const int MinRefreshMonths = 1;
    public const int MaxRefreshMonths = 120;

    /// <summary>The day an attendance stops counting; null when it counts for ever.</summary>
    public static DateOnly? ExpiresOn(DateOnly attendedOn, int? refreshMonths) =>
        refreshMonths is int months ? attendedOn.AddMonths(months) : null;

    /// <summary>
    /// A person counts as trained on <paramref name="today"/> when they attended a session of the topic,
    /// held on or before today, whose date plus the refresh interval is after today (or any such
    /// session when the topic has no interval). Registered or absent does not count; nor does a
    /// session still to come.
    /// </summary>
    public static TrainingStanding StandingOf(IEnumerable<(DateOnly HeldOn, AttendanceStatus Status)> attendances, int? refreshMonths, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(attendances);
        var last = attendances
            .Where(a => a.Status == AttendanceStatus.Attended && a.HeldOn <= today)
            .Select(a => (DateOnly?)a.HeldOn)
            .Max();
        if (last is not DateOnly attended)
        {
            return new TrainingStanding(false, null, null);
        }

        var expires = ExpiresOn(attended, refreshMonths);
        return expires is DateOnly end && end <= today
            ? new TrainingStanding(false, attended, end)
            : new TrainingStanding(true, attended, null);
    }

    /// <summary>The share of <paramref name="trained"/> in <paramref name="total"/> as a whole percentage, rounded half up; null when nobody is counted.</summary>
    public static int? SharePercent(int trained, int total) =>
        total <= 0 ? null : (int)Math.Round(100m * trained / total, MidpointRounding.AwayFromZero);
}
