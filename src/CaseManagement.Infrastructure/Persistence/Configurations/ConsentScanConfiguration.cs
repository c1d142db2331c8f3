using CaseManagement.Domain.Consent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

internal sealed class ConsentScanConfiguration : IEntityTypeConfiguration<ConsentScan>
{
    public void Configure(EntityTypeBuilder<ConsentScan> scan)
    {
        scan.HasKey(s => s.Id);
        scan.Property(s => s.FileName).HasMaxLength(ConsentScan.FileNameMaxLength).IsRequired();
        scan.Property(s => s.Content).IsRequired();
        scan.Property(s => s.UploadedById).HasMaxLength(450).IsRequired();
        scan.Ignore(s => s.ContentType);
        scan.HasIndex(s => s.ConsentId).IsUnique();
        // The scan goes with its consent (and so with the client, and in a retention run).
        scan.HasOne<ClientConsent>().WithMany().HasForeignKey(s => s.ConsentId).OnDelete(DeleteBehavior.Cascade);
    }
}
