using CaseManagement.Domain.Appointments;

namespace CaseManagement.Domain.Tests;

public class DoubleBookingTests
{
    private static readonly TimeSpan Summer = TimeSpan.FromHours(2);
    private static readonly DateTimeOffset Ten = new(2026, 6, 15, 10, 0, 0, Summer);

    private static BookedAppointment Booked(DateTimeOffset start, int minutes, AppointmentOutcome outcome = AppointmentOutcome.Open, params string[] staff) =>
        new(Guid.NewGuid(), start, TimeSpan.FromMinutes(minutes), staff, outcome);

    private static ProposedAppointment Proposal(DateTimeOffset start, int minutes, params string[] staff) =>
        new(null, start, TimeSpan.FromMinutes(minutes), staff);

    [Fact]
    public void An_overlapping_appointment_of_the_same_staff_member_is_a_conflict()
    {
        var existing = Booked(Ten, 60, staff: "jc-1");

        var conflicts = DoubleBooking.Find(Proposal(Ten.AddMinutes(30), 60, "jc-1"), [existing]);

        var conflict = Assert.Single(conflicts);
        Assert.Equal("jc-1", conflict.StaffId);
        Assert.Same(existing, Assert.Single(conflict.Appointments));
    }

    [Fact]
    public void Back_to_back_appointments_do_not_conflict()
    {
        var existing = Booked(Ten, 60, staff: "jc-1");

        Assert.Empty(DoubleBooking.Find(Proposal(Ten.AddMinutes(60), 30, "jc-1"), [existing]));
        Assert.Empty(DoubleBooking.Find(Proposal(Ten.AddMinutes(-30), 30, "jc-1"), [existing]));
        Assert.Single(DoubleBooking.Find(Proposal(Ten.AddMinutes(59), 30, "jc-1"), [existing]));
        Assert.Single(DoubleBooking.Find(Proposal(Ten.AddMinutes(-30), 31, "jc-1"), [existing]));
    }

    [Fact]
    public void An_appointment_inside_or_around_another_is_a_conflict()
    {
        var existing = Booked(Ten, 60, staff: "dh-1");
        Assert.Single(DoubleBooking.Find(Proposal(Ten.AddMinutes(15), 15, "dh-1"), [existing]));
        Assert.Single(DoubleBooking.Find(Proposal(Ten.AddHours(-1), 180, "dh-1"), [existing]));
        Assert.Single(DoubleBooking.Find(Proposal(Ten, 60, "dh-1"), [existing]));
    }

    [Fact]
    public void Cancelled_appointments_block_nobody_but_no_shows_and_attended_ones_do()
    {
        var cancelled = Booked(Ten, 60, AppointmentOutcome.Cancelled, "jc-1");
        Assert.Empty(DoubleBooking.Find(Proposal(Ten, 60, "jc-1"), [cancelled]));

        foreach (var outcome in new[] { AppointmentOutcome.Open, AppointmentOutcome.Attended, AppointmentOutcome.NoShow })
        {
            Assert.Single(DoubleBooking.Find(Proposal(Ten, 60, "jc-1"), [Booked(Ten, 60, outcome, "jc-1")]));
        }
    }

    [Fact]
    public void Other_staff_members_appointments_do_not_conflict()
    {
        Assert.Empty(DoubleBooking.Find(Proposal(Ten, 60, "jc-1"), [Booked(Ten, 60, staff: "jc-2")]));
    }

    [Fact]
    public void Conflicts_are_reported_per_staff_member_in_the_proposals_order_and_by_start()
    {
        var early = Booked(Ten, 45, staff: ["jc-1", "dh-1"]);
        var late = Booked(Ten.AddMinutes(30), 60, staff: "jc-1");
        var other = Booked(Ten, 60, staff: "dh-2");

        var conflicts = DoubleBooking.Find(Proposal(Ten.AddMinutes(20), 60, "jc-1", "dh-1", "dh-2", "dh-3"), [late, other, early]);

        Assert.Equal(["jc-1", "dh-1", "dh-2"], conflicts.Select(c => c.StaffId));
        Assert.Equal([early, late], conflicts[0].Appointments);
        Assert.Equal([early], conflicts[1].Appointments);
        Assert.Equal([other], conflicts[2].Appointments);
    }

    [Fact]
    public void A_staff_member_listed_twice_in_the_proposal_is_reported_once()
    {
        var conflicts = DoubleBooking.Find(Proposal(Ten, 60, "jc-1", "jc-1"), [Booked(Ten, 60, staff: "jc-1")]);
        Assert.Single(conflicts);
    }

    [Fact]
    public void Moving_an_appointment_does_not_clash_with_itself()
    {
        var existing = Booked(Ten, 60, staff: "jc-1");
        var moved = new ProposedAppointment(existing.Id, Ten.AddMinutes(30), TimeSpan.FromMinutes(60), ["jc-1"]);

        Assert.Empty(DoubleBooking.Find(moved, [existing]));
        Assert.Single(DoubleBooking.Find(moved with { Id = Guid.NewGuid() }, [existing]));
    }

    [Fact]
    public void Instants_are_compared_across_UTC_offsets()
    {
        // 08:00 UTC written as 10:00+02:00 and as 08:00Z: the same moment.
        var existing = Booked(new DateTimeOffset(2026, 6, 15, 8, 0, 0, TimeSpan.Zero), 60, staff: "dh-1");

        Assert.Single(DoubleBooking.Find(Proposal(Ten, 30, "dh-1"), [existing]));
        Assert.Empty(DoubleBooking.Find(Proposal(Ten.AddHours(1), 30, "dh-1"), [existing]));
        Assert.Empty(DoubleBooking.Find(Proposal(new DateTimeOffset(2026, 6, 15, 9, 0, 0, Summer), 60, "dh-1"), [existing]));
    }

    [Fact]
    public void Staff_ids_are_compared_exactly()
    {
        Assert.Empty(DoubleBooking.Find(Proposal(Ten, 60, "JC-1"), [Booked(Ten, 60, staff: "jc-1")]));
    }

    [Fact]
    public void A_proposal_without_duration_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DoubleBooking.Find(Proposal(Ten, 0, "jc-1"), []));
    }
}
