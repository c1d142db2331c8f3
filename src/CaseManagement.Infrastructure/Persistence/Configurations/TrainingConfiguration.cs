using CaseManagement.Domain.Trainings;
using CaseManagement.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

internal sealed class TrainingConfiguration : IEntityTypeConfiguration<Training>
{
    public void Configure(EntityTypeBuilder<Training> training)
    {
        training.HasKey(t => t.Id);
        training.Property(t => t.Title).HasMaxLength(Training.TitleMaxLength).IsRequired();
        training.Property(t => t.Description).HasMaxLength(Training.DescriptionMaxLength);
        training.Property(t => t.ChangedByName).HasMaxLength(120).IsRequired();
        training.HasIndex(t => t.Title);
    }
}

internal sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> session)
    {
        session.HasKey(s => s.Id);
        session.Property(s => s.Trainer).HasMaxLength(TrainingSession.TrainerMaxLength).IsRequired();
        session.Property(s => s.Place).HasMaxLength(TrainingSession.PlaceMaxLength);
        session.Property(s => s.ChangedByName).HasMaxLength(120).IsRequired();
        // The sessions of a training newest first, paged by (day, id).
        session.HasIndex(s => new { s.TrainingId, s.HeldOn, s.Id });
        session.HasOne<Training>().WithMany().HasForeignKey(s => s.TrainingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TrainingAttendanceConfiguration : IEntityTypeConfiguration<TrainingAttendance>
{
    public void Configure(EntityTypeBuilder<TrainingAttendance> attendance)
    {
        attendance.HasKey(a => a.Id);
        attendance.Property(a => a.StaffId).HasMaxLength(450).IsRequired();
        attendance.Property(a => a.ChangedByName).HasMaxLength(120).IsRequired();
        attendance.HasIndex(a => new { a.SessionId, a.StaffId }).IsUnique();
        attendance.HasIndex(a => a.StaffId);
        attendance.HasOne<TrainingSession>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        // Accounts are never deleted (they are deactivated); Restrict keeps an attendance from vanishing silently.
        attendance.HasOne<StaffUser>().WithMany().HasForeignKey(a => a.StaffId).OnDelete(DeleteBehavior.Restrict);
    }
}
