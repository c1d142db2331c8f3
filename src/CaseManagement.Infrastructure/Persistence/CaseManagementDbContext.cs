using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Consent;
using CaseManagement.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CaseManagement.Infrastructure.Persistence;

/// <summary>
/// The one database of the product: accounts (Identity) and case data live together so that a
/// change and its audit row commit in one transaction. Components never hold an instance:
/// they ask <see cref="IDbContextFactory{TContext}"/> for one per operation.
/// </summary>
public class CaseManagementDbContext(DbContextOptions<CaseManagementDbContext> options)
    : IdentityDbContext<StaffUser, IdentityRole, string>(options)
{
    public DbSet<Client> Clients => Set<Client>();

    public DbSet<CaseEpisode> Episodes => Set<CaseEpisode>();

    public DbSet<ClientConsent> Consents => Set<ClientConsent>();

    public DbSet<InternalNote> InternalNotes => Set<InternalNote>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or sort DateTimeOffset stored as text; store UTC ticks there.
        // PostgreSQL keeps timestamptz (values are written in UTC).
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<StaffUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(120).IsRequired();
            user.Property(u => u.Organisation).HasConversion<int>();
        });

        builder.ApplyConfigurationsFromAssembly(typeof(CaseManagementDbContext).Assembly);
    }
}
