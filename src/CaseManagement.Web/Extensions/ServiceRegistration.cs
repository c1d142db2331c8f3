using CaseManagement.Application;
using CaseManagement.Infrastructure;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Web.Account;
using CaseManagement.Web.Authorization;
using Microsoft.AspNetCore.DataProtection;
using FluentValidation;

namespace CaseManagement.Web.Extensions;

public static class ServiceRegistration
{
    public static WebApplicationBuilder AddCaseManagementServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();

        services.AddCaseManagementPersistence(builder.Configuration, builder.Environment);
        services.AddDataProtection()
            .SetApplicationName("CaseManagement")
            .PersistKeysToDbContext<CaseManagementDbContext>();
        services.AddStaffAccounts();
        services.AddCaseManagementAuthorization();
        services.AddCaseManagementApplication();
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton, includeInternalTypes: true);

        services.AddHealthChecks().AddDbContextCheck<CaseManagementDbContext>("database");
        return builder;
    }
}
