using CaseManagement.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Infrastructure.Persistence;

/// <summary>
/// The one database of the product: accounts (Identity) and case data live together so that a
/// change and its audit row commit in one transaction. Components never hold an instance:
/// they ask <see cref="IDbContextFactory{TContext}"/> for one per operation.
/// </summary>
public class CaseManagementDbContext(DbContextOptions<CaseManagementDbContext> options)
    : IdentityDbContext<StaffUser, IdentityRole, string>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<StaffUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(120).IsRequired();
            user.Property(u => u.Organisation).HasConversion<int>();
        });
    }
}
