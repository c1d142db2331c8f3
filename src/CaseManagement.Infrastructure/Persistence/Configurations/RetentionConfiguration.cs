using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

internal sealed class RetentionSettingConfiguration : IEntityTypeConfiguration<RetentionSetting>
{
    public void Configure(EntityTypeBuilder<RetentionSetting> setting)
    {
        setting.HasKey(s => s.Id);
        setting.Property(s => s.Id).ValueGeneratedNever();
        setting.Property(s => s.ChangedByName).HasMaxLength(120).IsRequired();
    }
}

internal sealed class RetentionHoldConfiguration : IEntityTypeConfiguration<RetentionHold>
{
    public void Configure(EntityTypeBuilder<RetentionHold> hold)
    {
        hold.HasKey(h => h.Id);
        hold.Property(h => h.Reason).HasMaxLength(RetentionHold.ReasonMaxLength).IsRequired();
        hold.Property(h => h.PlacedById).HasMaxLength(450).IsRequired();
        hold.Property(h => h.PlacedByName).HasMaxLength(120).IsRequired();
        hold.Property(h => h.LiftedByName).HasMaxLength(120);
        hold.HasIndex(h => new { h.ClientId, h.LiftedAt });
        hold.HasOne<Client>().WithMany().HasForeignKey(h => h.ClientId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RetentionRunConfiguration : IEntityTypeConfiguration<RetentionRun>
{
    public void Configure(EntityTypeBuilder<RetentionRun> run)
    {
        run.HasKey(r => r.Id);
        run.Property(r => r.StartedByName).HasMaxLength(120).IsRequired();
        run.Property(r => r.CaseNumbers).HasMaxLength(RetentionRun.CaseNumbersMaxLength).IsRequired();
        run.HasIndex(r => new { r.RunDate, r.Scheduled });
        run.HasIndex(r => r.StartedAt);
    }
}

internal sealed class AuditExpiryPermitConfiguration : IEntityTypeConfiguration<Domain.Audit.AuditExpiryPermit>
{
    public void Configure(EntityTypeBuilder<Domain.Audit.AuditExpiryPermit> permit)
    {
        permit.HasKey(p => p.Id);
        permit.Property(p => p.Id).ValueGeneratedNever();
    }
}
