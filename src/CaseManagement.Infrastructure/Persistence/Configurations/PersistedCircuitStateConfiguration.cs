using CaseManagement.Infrastructure.Persistence.CircuitState;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

internal sealed class PersistedCircuitStateConfiguration : IEntityTypeConfiguration<PersistedCircuitStateEntry>
{
    public void Configure(EntityTypeBuilder<PersistedCircuitStateEntry> entry)
    {
        entry.ToTable("PersistedCircuitStates");
        entry.HasKey(e => e.Key);
        entry.Property(e => e.Key).HasMaxLength(PersistedCircuitStateEntry.KeyLength).IsFixedLength().ValueGeneratedNever();
        entry.Property(e => e.Value).IsRequired();
        // Expired entries are deleted by their expiry.
        entry.HasIndex(e => e.ExpiresAt);
    }
}
