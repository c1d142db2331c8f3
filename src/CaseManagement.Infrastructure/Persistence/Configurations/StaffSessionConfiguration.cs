using CaseManagement.Domain.Sessions;
using CaseManagement.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

internal sealed class StaffSessionConfiguration : IEntityTypeConfiguration<StaffSession>
{
    public void Configure(EntityTypeBuilder<StaffSession> session)
    {
        session.HasKey(s => s.Id);
        session.Property(s => s.Id).ValueGeneratedNever();
        session.Property(s => s.UserId).HasMaxLength(450).IsRequired();
        session.Property(s => s.Device).HasMaxLength(StaffSession.DeviceMaxLength).IsRequired();
        session.Property(s => s.SecurityStamp).HasMaxLength(256);
        session.Ignore(s => s.IsActive);
        // A person's open sessions (ending the others, listing them); retention deletes by last activity.
        session.HasIndex(s => new { s.UserId, s.EndedAt });
        session.HasIndex(s => s.LastSeenAt);

        // Sessions go with their account.
        session.HasOne<StaffUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
