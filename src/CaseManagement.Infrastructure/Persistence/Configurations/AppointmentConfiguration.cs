using CaseManagement.Domain.Appointments;
using CaseManagement.Domain.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> appointment)
    {
        appointment.HasKey(a => a.Id);
        appointment.HasIndex(a => new { a.ClientId, a.Start });
        // The steering report counts a year of appointments by type, outcome and client and adds up their
        // record keys (cell-key method): on PostgreSQL the index carries those columns (INCLUDE), so the
        // count reads the index alone instead of visiting several hundred thousand table rows scattered
        // over the heap. The id lets the team lead's appointment figures (a week ahead, no-shows of a
        // month) join the participants from this index alone too. SQLite ignores INCLUDE.
        appointment.HasIndex(a => a.Start).IncludeProperties(a => new { a.Type, a.Outcome, a.ClientId, a.ReportKey, a.Id });
        // The no-shows of the last 30 days for the team lead: about one appointment in ten of the month.
        appointment.HasIndex(a => a.Start, "IX_Appointments_Start_NoShow")
            .HasFilter($"\"Outcome\" = {(int)AppointmentOutcome.NoShow}")
            .IncludeProperties(a => new { a.Id });
        appointment.Property(a => a.Place).HasMaxLength(AppointmentRules.PlaceMaxLength);
        appointment.Property(a => a.AccompanimentTarget).HasMaxLength(AppointmentRules.PlaceMaxLength);
        appointment.Property(a => a.OutcomeNote).HasMaxLength(AppointmentRules.NoteMaxLength);
        appointment.Property(a => a.CreatedById).HasMaxLength(450).IsRequired();
        appointment.Property(a => a.ChangedByName).HasMaxLength(120).IsRequired();
        appointment.Ignore(a => a.Duration);
        appointment.Ignore(a => a.End);
        appointment.Ignore(a => a.IsAnonymous);
        appointment.Ignore(a => a.Plan);
        appointment.Ignore(a => a.Booking);

        appointment.HasOne<Client>().WithMany().HasForeignKey(a => a.ClientId).OnDelete(DeleteBehavior.Cascade);
        appointment.HasMany(a => a.Participants).WithOne().HasForeignKey(p => p.AppointmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AppointmentStaffMemberConfiguration : IEntityTypeConfiguration<AppointmentStaffMember>
{
    public void Configure(EntityTypeBuilder<AppointmentStaffMember> participant)
    {
        participant.HasKey(p => new { p.AppointmentId, p.StaffId });
        // A person's appointments in a period (own week, team week, the team lead's figures).
        participant.HasIndex(p => new { p.StaffId, p.Start }).IncludeProperties(p => new { p.AppointmentId, p.Organisation });
        // The team lead's appointment figures for the whole organisation: its participants of a week or a month.
        participant.HasIndex(p => new { p.Organisation, p.Start }).IncludeProperties(p => new { p.StaffId, p.AppointmentId });
        participant.Property(p => p.StaffId).HasMaxLength(450);
    }
}
