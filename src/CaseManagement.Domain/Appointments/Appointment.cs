using CaseManagement.Domain.Access;
using CaseManagement.Domain.Concurrency;
using CaseManagement.Domain.Staff;

namespace CaseManagement.Domain.Appointments;

/// <summary>
/// An appointment or contact (Termin / Kontakt) with a client, or an anonymous outreach contact
/// without a client record. Who may see it follows the single access decision: the record is
/// held by the organisation that entered it (<see cref="HolderOrganisation"/>, category
/// <see cref="DataCategory.Appointments"/>), so the other side sees the facts of participation
/// (when, what, outcome) only while a consent covers appointments in that direction. The outcome
/// note is counselling content and stays with the organisation that wrote it
/// (<see cref="NoteOrganisation"/>, category <see cref="DataCategory.InternalNotes"/>).
/// </summary>
public class Appointment : IRowVersioned
{
    public Guid Id { get; set; }

    /// <summary>Record key of the steering report's cell-key method: random, drawn once, never shown (<see cref="Reports.ReportKeys"/>).</summary>
    public int ReportKey { get; set; } = Reports.ReportKeys.New();

    /// <summary>Null for an anonymous contact (only outreach and crisis intervention; see <see cref="AppointmentRules.MayBeAnonymous"/>).</summary>
    public Guid? ClientId { get; set; }

    public AppointmentType Type { get; set; }

    public DateTimeOffset Start { get; set; }

    public int DurationMinutes { get; set; }

    /// <summary>Ort (meeting point, street corner, office room).</summary>
    public string? Place { get; set; }

    /// <summary>Ziel der Begleitung: the authority, practice or clinic.</summary>
    public string? AccompanimentTarget { get; set; }

    public Organisation HolderOrganisation { get; set; }

    public AppointmentOutcome Outcome { get; set; }

    public CancelledBy? CancelledBy { get; set; }

    /// <summary>Kurznotiz zum Ergebnis: counselling content, read only inside <see cref="NoteOrganisation"/>.</summary>
    public string? OutcomeNote { get; set; }

    public Organisation? NoteOrganisation { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedById { get; set; } = "";

    public DateTimeOffset ChangedAt { get; set; }

    public string ChangedByName { get; set; } = "";

    /// <summary>Revision for calendar files (iCalendar SEQUENCE): raised on every change, so re-imports update the entry.</summary>
    public int Revision { get; set; }

    public uint RowVersion { get; set; }

    public List<AppointmentStaffMember> Participants { get; set; } = [];

    public TimeSpan Duration => TimeSpan.FromMinutes(DurationMinutes);

    public DateTimeOffset End => AppointmentRules.EndOf(Start, Duration);

    public bool IsAnonymous => ClientId is null;

    public AppointmentPlan Plan => new(
        Type, Start, Duration, [.. Participants.Select(p => new AppointmentParticipant(p.StaffId, p.Organisation))], Place, AccompanimentTarget);

    public BookedAppointment Booking => new(Id, Start, Duration, [.. Participants.Select(p => p.StaffId)], Outcome);

    /// <summary>A new appointment; the caller has checked <see cref="AppointmentRules.Check"/>.</summary>
    public static Appointment Schedule(Guid? clientId, AppointmentPlan plan, StaffMember actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(actor);
        if (clientId is null && !AppointmentRules.MayBeAnonymous(plan.Type))
        {
            throw new InvalidOperationException("Nur aufsuchende Kontakte und Kriseninterventionen können anonym erfasst werden.");
        }

        var appointment = new Appointment
        {
            Id = Guid.NewGuid(),
            ClientId = clientId,
            HolderOrganisation = actor.Organisation,
            Outcome = AppointmentOutcome.Open,
            CreatedAt = now,
            CreatedById = actor.Id,
        };
        appointment.Reschedule(plan, actor, now);
        appointment.Revision = 0;
        return appointment;
    }

    /// <summary>Changes what is planned: type, time, place, participants.</summary>
    public void Reschedule(AppointmentPlan plan, StaffMember actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Type = plan.Type;
        Start = plan.Start.ToUniversalTime();
        DurationMinutes = (int)Math.Round(plan.Duration.TotalMinutes);
        Place = Clean(plan.Place);
        AccompanimentTarget = AppointmentRules.RequiresAccompanimentTarget(plan.Type) ? Clean(plan.AccompanimentTarget) : null;
        var wanted = plan.Participants.Select(p => p.StaffId).ToHashSet(StringComparer.Ordinal);
        Participants.RemoveAll(p => !wanted.Contains(p.StaffId));
        foreach (var participant in plan.Participants.Where(p => Participants.All(existing => existing.StaffId != p.StaffId)))
        {
            Participants.Add(new AppointmentStaffMember { AppointmentId = Id, StaffId = participant.StaffId, Organisation = participant.Organisation });
        }

        Participants.ForEach(p => p.Start = Start);

        Touch(actor, now);
    }

    /// <summary>Records what became of it; the caller has checked <see cref="AppointmentRules.CheckOutcome"/>.</summary>
    public void RecordOutcome(AppointmentOutcome outcome, CancelledBy? cancelledBy, string? note, StaffMember actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Outcome = outcome;
        CancelledBy = outcome == AppointmentOutcome.Cancelled ? cancelledBy : null;
        var text = IsAnonymous ? null : Clean(note);
        if (text != OutcomeNote)
        {
            OutcomeNote = text;
            NoteOrganisation = text is null ? null : actor.Organisation;
        }

        Touch(actor, now);
    }

    private void Touch(StaffMember actor, DateTimeOffset now)
    {
        ChangedAt = now;
        ChangedByName = actor.DisplayName;
        Revision++;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>A staff member taking part in an appointment (Teilnehmende), with the organisation they worked for at the time.</summary>
public class AppointmentStaffMember
{
    public Guid AppointmentId { get; set; }

    public string StaffId { get; set; } = "";

    public Organisation Organisation { get; set; }

    /// <summary>
    /// The appointment's start, copied: one person's appointments of a week are then read from one
    /// index (staff, start) instead of every appointment they ever had. Kept by
    /// <see cref="Appointment.Reschedule"/> and, for any other path, on every save.
    /// </summary>
    public DateTimeOffset Start { get; set; }
}
