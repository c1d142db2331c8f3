using CaseManagement.Domain.Clients;
using CaseManagement.Infrastructure.Persistence.Workload;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

internal sealed class ClientWorkloadConfiguration : IEntityTypeConfiguration<ClientWorkload>
{
    public void Configure(EntityTypeBuilder<ClientWorkload> workload)
    {
        workload.ToTable("ClientWorkloads");
        workload.HasKey(w => w.ClientId);
        workload.HasOne<Client>().WithMany().HasForeignKey(w => w.ClientId).OnDelete(DeleteBehavior.Cascade);
        workload.Property(w => w.CaseManagerId).HasMaxLength(450);
        workload.Property(w => w.DrugHelpWorkerId).HasMaxLength(450);
        // A team's or the organisation's rows read from the index alone (PostgreSQL; SQLite has no INCLUDE).
        workload.HasIndex(w => w.CaseManagerId)
            .IncludeProperties(w => new { w.ClientId, w.OwningOrganisation, w.DrugHelpWorkerId, w.OpenEpisodes, w.DraftPlans });
        workload.HasIndex(w => w.DrugHelpWorkerId)
            .IncludeProperties(w => new { w.ClientId, w.OwningOrganisation, w.CaseManagerId, w.OpenEpisodes, w.DraftPlans });
    }
}

internal sealed class WorkloadDeadlineConfiguration : IEntityTypeConfiguration<WorkloadDeadline>
{
    public void Configure(EntityTypeBuilder<WorkloadDeadline> deadline)
    {
        deadline.ToTable("WorkloadDeadlines");
        deadline.HasKey(d => new { d.ItemId, d.Kind });
        deadline.HasOne<Client>().WithMany().HasForeignKey(d => d.ClientId).OnDelete(DeleteBehavior.Cascade);
        deadline.Property(d => d.CaseManagerId).HasMaxLength(450);
        deadline.Property(d => d.DrugHelpWorkerId).HasMaxLength(450);
        // Only the passed days of a person's items: a range of each index.
        deadline.HasIndex(d => new { d.CaseManagerId, d.Kind, d.On })
            .IncludeProperties(d => new { d.ClientId, d.OwningOrganisation, d.HolderOrganisation });
        deadline.HasIndex(d => new { d.DrugHelpWorkerId, d.Kind, d.On })
            .IncludeProperties(d => new { d.ClientId, d.OwningOrganisation, d.HolderOrganisation });
        // The whole organisation: only the passed days of each kind.
        deadline.HasIndex(d => new { d.Kind, d.On })
            .IncludeProperties(d => new { d.CaseManagerId, d.DrugHelpWorkerId, d.ClientId, d.OwningOrganisation, d.HolderOrganisation });
    }
}
