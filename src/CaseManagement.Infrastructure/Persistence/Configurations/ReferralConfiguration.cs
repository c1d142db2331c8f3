using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

internal sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> partner)
    {
        partner.HasKey(p => p.Id);
        partner.HasIndex(p => new { p.Type, p.Name });
        partner.Property(p => p.Name).HasMaxLength(Partner.NameMaxLength).IsRequired();
        partner.Property(p => p.ContactPerson).HasMaxLength(Partner.ShortTextMaxLength);
        partner.Property(p => p.Phone).HasMaxLength(60);
        partner.Property(p => p.Email).HasMaxLength(Partner.ShortTextMaxLength);
        partner.Property(p => p.Street).HasMaxLength(Partner.ShortTextMaxLength);
        partner.Property(p => p.PostalCode).HasMaxLength(10);
        partner.Property(p => p.City).HasMaxLength(100);
        partner.Property(p => p.Notes).HasMaxLength(Partner.NotesMaxLength);
        partner.Property(p => p.ChangedByName).HasMaxLength(120).IsRequired();
        partner.Ignore(p => p.Address);
    }
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> referral)
    {
        referral.HasKey(r => r.Id);
        referral.HasIndex(r => new { r.ClientId, r.PartnerType });
        referral.Property(r => r.Reason).HasMaxLength(Referral.ReasonMaxLength).IsRequired();
        referral.Property(r => r.CreatedById).HasMaxLength(450).IsRequired();
        referral.Property(r => r.CreatedByName).HasMaxLength(120).IsRequired();
        referral.Property(r => r.ChangedByName).HasMaxLength(120).IsRequired();
        referral.Ignore(r => r.AsEarlier);

        // PostgreSQL also has "IX_Referrals_ProposedOn_Report" for the steering report, created by hand in
        // the migration ReportCoveringIndexes: it covers columns of the referral and of its Progress together.
        // Both providers also have "IX_Referrals_ClientId_Waiting" (referrals at the hand-over per client,
        // for the workload figures), created by hand in the migration WorkloadPartialIndexes.

        // The progress lives in the referral's own row (columns Status, RequestedOn, …).
        referral.OwnsOne(r => r.Progress, progress =>
        {
            progress.Property(p => p.Status).HasColumnName("Status");
            progress.Property(p => p.ProposedOn).HasColumnName("ProposedOn");
            progress.Property(p => p.RequestedOn).HasColumnName("RequestedOn");
            progress.Property(p => p.AppointmentAgreedOn).HasColumnName("AppointmentAgreedOn");
            progress.Property(p => p.AdmittedOn).HasColumnName("AdmittedOn");
            progress.Property(p => p.CompletedOn).HasColumnName("CompletedOn");
            progress.Property(p => p.DeclinedOn).HasColumnName("DeclinedOn");
            progress.Property(p => p.DroppedOutOn).HasColumnName("DroppedOutOn");
            progress.Property(p => p.FailureReason).HasColumnName("FailureReason").HasMaxLength(ReferralProgress.NoteMaxLength);
            progress.Property(p => p.Outcome).HasColumnName("Outcome").HasMaxLength(ReferralProgress.NoteMaxLength);
            progress.Property(p => p.FollowUpOn).HasColumnName("FollowUpOn");
            progress.HasIndex(p => p.FollowUpOn);
            progress.Ignore(p => p.Steps);
        });
        referral.Navigation(r => r.Progress).IsRequired();

        referral.HasOne<Client>().WithMany().HasForeignKey(r => r.ClientId).OnDelete(DeleteBehavior.Cascade);
        referral.HasOne<Partner>().WithMany().HasForeignKey(r => r.PartnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class UnmetNeedConfiguration : IEntityTypeConfiguration<UnmetNeed>
{
    public void Configure(EntityTypeBuilder<UnmetNeed> need)
    {
        need.HasKey(n => n.Id);
        need.HasIndex(n => new { n.ClientId, n.RecordedOn });
        need.HasIndex(n => new { n.RecordedOn, n.ServiceType });
        need.Property(n => n.Description).HasMaxLength(UnmetNeed.DescriptionMaxLength);
        need.Property(n => n.CreatedById).HasMaxLength(450).IsRequired();
        need.Property(n => n.CreatedByName).HasMaxLength(120).IsRequired();
        need.HasOne<Client>().WithMany().HasForeignKey(n => n.ClientId).OnDelete(DeleteBehavior.Cascade);
    }
}
