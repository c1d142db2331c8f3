namespace CaseManagement.Domain.Appointments;

/// <summary>An appointment already in the calendar, as far as double-booking cares.</summary>
public sealed record BookedAppointment(
    Guid Id, DateTimeOffset Start, TimeSpan Duration, IReadOnlyCollection<string> StaffIds, AppointmentOutcome Outcome)
{
    public DateTimeOffset End => AppointmentRules.EndOf(Start, Duration);
}

/// <summary>The appointment being planned. <paramref name="Id"/> is set when an existing appointment is moved, so it does not clash with itself.</summary>
public sealed record ProposedAppointment(Guid? Id, DateTimeOffset Start, TimeSpan Duration, IReadOnlyCollection<string> StaffIds)
{
    public DateTimeOffset End => AppointmentRules.EndOf(Start, Duration);
}

/// <summary>One staff member who already has appointments at the proposed time.</summary>
public sealed record StaffConflict(string StaffId, IReadOnlyList<BookedAppointment> Appointments);

/// <summary>
/// Finds double bookings (Doppelbuchung). It warns, it does not forbid: staff sometimes book over a
/// slot on purpose (a crisis comes first).
/// </summary>
/// <remarks>
/// Appointments are half-open intervals [start, end): one ending at 10:00 and one starting at 10:00
/// do not clash. Cancelled appointments block nobody; open, attended and no-show ones do. Instants
/// are compared as instants, so different UTC offsets (summer and winter time) compare correctly.
/// </remarks>
public static class DoubleBooking
{
    /// <summary>The conflicts per staff member of the proposal, in the proposal's order; each staff member's appointments by start.</summary>
    public static IReadOnlyList<StaffConflict> Find(ProposedAppointment proposed, IEnumerable<BookedAppointment> existing)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        ArgumentNullException.ThrowIfNull(existing);
        if (proposed.Duration <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(proposed), proposed.Duration, "Die Dauer muss größer als null sein.");
        }

        var overlapping = existing
            .Where(a => a.Outcome != AppointmentOutcome.Cancelled)
            .Where(a => proposed.Id is null || a.Id != proposed.Id)
            .Where(a => Overlap(proposed.Start, proposed.End, a.Start, a.End))
            .OrderBy(a => a.Start)
            .ThenBy(a => a.Id)
            .ToList();

        var conflicts = new List<StaffConflict>();
        foreach (var staffId in proposed.StaffIds.Distinct(StringComparer.Ordinal))
        {
            var theirs = overlapping.Where(a => a.StaffIds.Contains(staffId, StringComparer.Ordinal)).ToList();
            if (theirs.Count > 0)
            {
                conflicts.Add(new StaffConflict(staffId, theirs));
            }
        }

        return conflicts;
    }

    /// <summary>Whether [aStart, aEnd) and [bStart, bEnd) share a moment.</summary>
    public static bool Overlap(DateTimeOffset aStart, DateTimeOffset aEnd, DateTimeOffset bStart, DateTimeOffset bEnd) =>
        aStart < bEnd && bStart < aEnd;
}
