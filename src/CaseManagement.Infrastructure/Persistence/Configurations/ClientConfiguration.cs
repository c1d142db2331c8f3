using CaseManagement.Domain.Clients;
using CaseManagement.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

internal sealed class ClientConfiguration : IEntityTypeConfiguration<Client>
{
    public void Configure(EntityTypeBuilder<Client> client)
    {
        client.HasKey(c => c.Id);
        client.Property(c => c.CaseNumber).HasMaxLength(20).IsRequired();
        client.HasIndex(c => c.CaseNumber).IsUnique();
        client.Property(c => c.FirstName).HasMaxLength(100).IsRequired();
        client.Property(c => c.LastName).HasMaxLength(100).IsRequired();
        // Folding can double a name's length (ß → ss, ä → ae): two names of 100 characters need up to 401.
        client.Property(c => c.SearchName).HasMaxLength(450).IsRequired();
        client.HasIndex(c => c.SearchName);
        client.HasIndex(c => c.BirthDate);
        client.Property(c => c.Street).HasMaxLength(200);
        client.Property(c => c.PostalCode).HasMaxLength(10).IsRequired();
        client.Property(c => c.City).HasMaxLength(100).IsRequired();
        client.Property(c => c.Phone).HasMaxLength(50);
        client.Property(c => c.Email).HasMaxLength(256);
        client.Property(c => c.ConcurrencyStamp).IsConcurrencyToken();
        client.Ignore(c => c.FullName);
        client.Ignore(c => c.OpenEpisode);

        client.HasOne<StaffUser>().WithMany().HasForeignKey(c => c.ResponsibleCaseManagerId).OnDelete(DeleteBehavior.Restrict);
        client.HasOne<StaffUser>().WithMany().HasForeignKey(c => c.ResponsibleDrugHelpWorkerId).OnDelete(DeleteBehavior.Restrict);
        // A caseload in case-number order; with the other side's responsible person included, the
        // people a team shares cases with (the team week) come from the index alone (PostgreSQL).
        client.HasIndex(c => new { c.ResponsibleCaseManagerId, c.CaseNumber }).IncludeProperties(c => new { c.ResponsibleDrugHelpWorkerId });
        client.HasIndex(c => new { c.ResponsibleDrugHelpWorkerId, c.CaseNumber }).IncludeProperties(c => new { c.ResponsibleCaseManagerId });

        client.HasMany(c => c.Episodes).WithOne().HasForeignKey(e => e.ClientId).OnDelete(DeleteBehavior.Cascade);
        client.HasMany(c => c.Consents).WithOne().HasForeignKey(c => c.ClientId).OnDelete(DeleteBehavior.Cascade);
        client.HasMany(c => c.Notes).WithOne().HasForeignKey(n => n.ClientId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseEpisodeConfiguration : IEntityTypeConfiguration<CaseEpisode>
{
    public void Configure(EntityTypeBuilder<CaseEpisode> episode)
    {
        episode.HasKey(e => e.Id);
        episode.Property(e => e.MainDiagnosis).HasMaxLength(10);
        episode.Property(e => e.SecondaryDiagnoses).HasMaxLength(200);
        episode.Property(e => e.ConditionsImposed).HasMaxLength(1000);
        episode.Ignore(e => e.IsOpen);
        episode.HasIndex(e => new { e.ClientId, e.EndedOn });

        // The steering report asks for every new episode whether the client had an earlier one
        // (readmission), and finds the clients in care in a period: both from this index alone
        // (INCLUDE on PostgreSQL), without reading the episode rows, in client order for merge joins.
        episode.HasIndex(e => new { e.ClientId, e.StartedOn }).IncludeProperties(e => new { e.EndedOn });

        // The report's closed cases of a period.
        episode.HasIndex(e => e.EndedOn).IncludeProperties(e => new { e.ClosureReason, e.ClientId, e.ReportKey });
    }
}

internal sealed class InternalNoteConfiguration : IEntityTypeConfiguration<InternalNote>
{
    public void Configure(EntityTypeBuilder<InternalNote> note)
    {
        note.HasKey(n => n.Id);
        note.Property(n => n.AuthorId).HasMaxLength(450).IsRequired();
        note.Property(n => n.AuthorName).HasMaxLength(120).IsRequired();
        note.Property(n => n.Text).HasMaxLength(4000).IsRequired();
        note.HasIndex(n => new { n.ClientId, n.Organisation, n.CreatedAt });
    }
}

internal sealed class DuplicateSuspicionConfiguration : IEntityTypeConfiguration<DuplicateSuspicion>
{
    public void Configure(EntityTypeBuilder<DuplicateSuspicion> suspicion)
    {
        suspicion.HasKey(d => d.Id);
        suspicion.Property(d => d.JobcenterDecidedByName).HasMaxLength(120);
        suspicion.Property(d => d.DrugHelpDecidedByName).HasMaxLength(120);
        suspicion.Property(d => d.ConcurrencyStamp).IsConcurrencyToken();
        suspicion.Ignore(d => d.IsOpen);
        suspicion.Ignore(d => d.IsDisputed);
        suspicion.Ignore(d => d.Agreed);

        // No foreign keys to the clients: a merge removes one of the two records, and the decision
        // stays as history (the audit log names both case numbers).
        suspicion.HasIndex(d => new { d.ResolvedAt, d.RaisedAt });
        suspicion.HasIndex(d => d.NewClientId);
        suspicion.HasIndex(d => d.EarlierClientId);
    }
}
