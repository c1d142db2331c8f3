using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Notifications;
using CaseManagement.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

internal sealed class StaffNotificationConfiguration : IEntityTypeConfiguration<StaffNotification>
{
    public void Configure(EntityTypeBuilder<StaffNotification> notification)
    {
        notification.HasKey(n => n.Id);
        notification.Property(n => n.StaffId).HasMaxLength(450).IsRequired();
        notification.Property(n => n.Text).HasMaxLength(StaffNotification.TextMaxLength).IsRequired();
        notification.Property(n => n.LinkPath).HasMaxLength(StaffNotification.LinkPathMaxLength);
        // The home page asks for one person's unread notifications, newest first.
        notification.HasIndex(n => new { n.StaffId, n.ReadAt, n.CreatedAt });

        // A person's notifications go with their account; notifications about a client go when the client is deleted (retention).
        notification.HasOne<StaffUser>().WithMany().HasForeignKey(n => n.StaffId).OnDelete(DeleteBehavior.Cascade);
        notification.HasOne<Client>().WithMany().HasForeignKey(n => n.ClientId).OnDelete(DeleteBehavior.Cascade);
    }
}
