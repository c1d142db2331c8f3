using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Consent;
using CaseManagement.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

internal sealed class ClientConsentConfiguration : IEntityTypeConfiguration<ClientConsent>
{
    public void Configure(EntityTypeBuilder<ClientConsent> consent)
    {
        consent.ToTable("Consents");
        consent.HasKey(c => c.Id);
        consent.Property(c => c.Purpose).HasMaxLength(500).IsRequired();
        consent.Property(c => c.RevocationNote).HasMaxLength(500);
        consent.HasOne<StaffUser>().WithMany().HasForeignKey(c => c.RecordedById).OnDelete(DeleteBehavior.Restrict);
        consent.HasOne<StaffUser>().WithMany().HasForeignKey(c => c.RevokedById).OnDelete(DeleteBehavior.Restrict);
        consent.Property(c => c.RevokedByOrganisation).HasConversion<int?>();
        consent.HasIndex(c => new { c.ClientId, c.SignedOn });
        // The consents that may still share something: every access filter checks these, per client or
        // for a whole caseload, from the index alone.
        consent.HasIndex(c => c.ClientId, "IX_Consents_ClientId_NotRevoked").HasFilter("\"RevokedAt\" IS NULL")
            .IncludeProperties(c => new { c.SignedOn, c.ValidUntil, c.Scope, c.Directions });
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> audit)
    {
        // Deliberately no foreign keys: the log outlives accounts and (anonymised) clients.
        audit.ToTable(AuditLogTable.Name);
        audit.HasKey(a => a.Id);
        audit.Property(a => a.UserId).HasMaxLength(450).IsRequired();
        audit.Property(a => a.UserName).HasMaxLength(120).IsRequired();
        audit.Property(a => a.CaseNumber).HasMaxLength(20);
        audit.Property(a => a.Fields).HasMaxLength(1000);
        // The log is read newest first by (time, id) keyset, filtered by action or by case.
        audit.HasIndex(a => new { a.OccurredAt, a.Id });
        audit.HasIndex(a => new { a.Action, a.OccurredAt, a.Id });
        audit.HasIndex(a => new { a.UserId, a.Id });
        audit.HasIndex(a => new { a.ClientId, a.Id });
        audit.HasIndex(a => new { a.CaseNumber, a.Id });
    }
}
