using CaseManagement.Domain.Access;
using CaseManagement.Domain.Concurrency;
using CaseManagement.Domain.Staff;

namespace CaseManagement.Domain.Steering;

// Glossary (German term of art → code):
//   Lenkungsrunde (strategisch / operativ) → steering round (strategic / operational)
//   Sitzung                                → meeting
//   Tagesordnung                           → agenda
//   Protokoll                              → minutes
//   Beschluss                              → decision
//   Maßnahme                               → measure

/// <summary>The two steering rounds of the cooperation agreement.</summary>
public enum SteeringRoundKind
{
    /// <summary>Jobcenter management and the city's head of social affairs.</summary>
    Strategic = 1,

    /// <summary>Head of the drug-help department and the Jobcenter's team lead.</summary>
    Operational = 2,
}

public enum MeasureStatus
{
    Open = 1,
    InProgress = 2,
    Done = 3,
    Dropped = 4,
}

public static class SteeringLabels
{
    public static string German(this SteeringRoundKind kind) => kind switch
    {
        SteeringRoundKind.Strategic => "Strategische Lenkungsrunde",
        SteeringRoundKind.Operational => "Operative Lenkungsrunde",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The round's name in addresses (/lenkungsrunden/{slug}).</summary>
    public static string Slug(this SteeringRoundKind kind) => kind switch
    {
        SteeringRoundKind.Strategic => "strategisch",
        SteeringRoundKind.Operational => "operativ",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static SteeringRoundKind? FromSlug(string? slug) =>
        Enum.GetValues<SteeringRoundKind>().Cast<SteeringRoundKind?>().FirstOrDefault(k => k!.Value.Slug() == slug);

    public static string German(this MeasureStatus status) => status switch
    {
        MeasureStatus.Open => "offen",
        MeasureStatus.InProgress => "in Arbeit",
        MeasureStatus.Done => "erledigt",
        MeasureStatus.Dropped => "verworfen",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static bool IsOpen(this MeasureStatus status) => status is MeasureStatus.Open or MeasureStatus.InProgress;
}

/// <summary>A member of a steering round: may read and write its meetings.</summary>
public class SteeringRoundMember
{
    public Guid Id { get; set; }

    public SteeringRoundKind Round { get; set; }

    public string StaffId { get; set; } = "";
}

/// <summary>
/// Who may read and write a round's meetings. Members write; team leads of either organisation read
/// (the measures often land in their teams). Nothing in a meeting is personal data, but the
/// minutes are the rounds' own working papers, not the whole staff's.
/// </summary>
public static class SteeringAccess
{
    public static bool MayRead(StaffMember reader, bool isMember) => isMember || reader.IsTeamLead;

    public static bool MayWrite(bool isMember) => isMember;

    /// <summary>Who keeps the member lists: Administration (no case data is involved).</summary>
    public static bool MayManageMembers(StaffMember actor) => actor.IsInRole(StaffRole.Administrator);
}

/// <summary>One meeting of a round: date, participants, agenda, minutes and decisions; the figures it discussed, frozen.</summary>
public class SteeringMeeting : IRowVersioned
{
    public const int ParticipantsMaxLength = 1000;
    public const int AgendaMaxLength = 4000;
    public const int MinutesMaxLength = 20000;

    public Guid Id { get; set; }

    public SteeringRoundKind Round { get; set; }

    public DateOnly HeldOn { get; set; }

    /// <summary>Teilnehmende: names and functions of the people present (staff, not clients).</summary>
    public string Participants { get; set; } = "";

    public string Agenda { get; set; } = "";

    public string Minutes { get; set; } = "";

    /// <summary>Beschlüsse, one per line as the minutes list them.</summary>
    public string Decisions { get; set; } = "";

    /// <summary>The steering report figures discussed, as published then (JSON); null until frozen.</summary>
    public string? FrozenFigures { get; set; }

    /// <summary>"Jahr 2026", "2. Quartal 2026": the period of <see cref="FrozenFigures"/>.</summary>
    public string? FrozenPeriodLabel { get; set; }

    public DateTimeOffset? FrozenAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public string ChangedByName { get; set; } = "";

    public uint RowVersion { get; set; }
}

/// <summary>A measure decided by a round: what, who, by when, where it stands, and the figure that motivated it.</summary>
public class SteeringMeasure : IRowVersioned
{
    public const int WhatMaxLength = 1000;
    public const int WhoMaxLength = 200;

    public Guid Id { get; set; }

    public SteeringRoundKind Round { get; set; }

    /// <summary>The meeting that decided it.</summary>
    public Guid MeetingId { get; set; }

    public string What { get; set; } = "";

    public string Who { get; set; } = "";

    public DateOnly? DueBy { get; set; }

    public MeasureStatus Status { get; set; } = MeasureStatus.Open;

    /// <summary>Key of the steering report table that motivated it ("vermittlungen"); null when none did.</summary>
    public string? Figure { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public string ChangedByName { get; set; } = "";

    public uint RowVersion { get; set; }
}

/// <summary>What a meeting's agenda carries over from earlier meetings of its round.</summary>
public static class SteeringAgenda
{
    /// <summary>
    /// The measures still open that earlier meetings of the same round decided: they stand on every
    /// later meeting's agenda until they are done or dropped, without anyone copying them.
    /// </summary>
    /// <param name="meetingDays">The day each meeting of the round was held, by meeting id.</param>
    public static IReadOnlyList<SteeringMeasure> CarriedOver(
        SteeringMeeting meeting, IEnumerable<SteeringMeasure> measures, IReadOnlyDictionary<Guid, DateOnly> meetingDays)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return [.. measures
            .Where(m => m.Round == meeting.Round && m.MeetingId != meeting.Id && m.Status.IsOpen()
                && meetingDays.TryGetValue(m.MeetingId, out var decidedOn) && decidedOn <= meeting.HeldOn)
            .OrderBy(m => m.DueBy ?? DateOnly.MaxValue)
            .ThenBy(m => m.What, StringComparer.CurrentCulture)];
    }
}
