using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CaseManagement.Migrations.PostgreSql;

/// <summary>Used only by <c>dotnet ef</c> when generating migrations; never at run time.</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<CaseManagementDbContext>
{
    public CaseManagementDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CaseManagementDbContext>();
        options.UseCaseManagementDatabase(DatabaseProvider.PostgreSql, "Host=localhost;Database=design_time;Username=postgres");
        return new CaseManagementDbContext(options.Options);
    }
}
