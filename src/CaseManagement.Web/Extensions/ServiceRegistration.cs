using CaseManagement.Application;
using CaseManagement.Infrastructure;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Web.Account;
using CaseManagement.Web.Authorization;
using CaseManagement.Web.HelpPlans;

namespace CaseManagement.Web.Extensions;

public static class ServiceRegistration
{
    public static WebApplicationBuilder AddCaseManagementServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();

        services.AddCaseManagementPersistence(builder.Configuration, builder.Environment);
        services.AddStaffAccounts();
        services.AddCaseManagementAuthorization();
        services.AddCaseManagementApplication();
        services.AddValidatorsFromAssemblyOf<Program>();
        services.AddSingleton(PdfPrinting.SelectLicence(builder.Configuration));

        services.AddHealthChecks().AddDbContextCheck<CaseManagementDbContext>("database");
        return builder;
    }
}
