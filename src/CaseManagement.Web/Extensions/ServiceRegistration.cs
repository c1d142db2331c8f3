using CaseManagement.Application;
using CaseManagement.Infrastructure;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Web.Account;
using CaseManagement.Web.Authorization;
using CaseManagement.Web.Diagnostics;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.DataProtection;
using FluentValidation;

namespace CaseManagement.Web.Extensions;

public static class ServiceRegistration
{
    public static WebApplicationBuilder AddCaseManagementServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        services.AddRazorComponents()
            .AddInteractiveServerComponents()
            .AddHubOptions(hub =>
            {
                // A resumed circuit brings its persisted state back in one message (a help-plan draft
                // with its base copy can exceed SignalR's default of 32 KB); docs/architecture.md.
                hub.MaximumReceiveMessageSize = 512 * 1024;
            });
        // Retention of disconnected circuits and of their persisted state; defaults of .NET 10
        // unless set in "Circuits" (e.g. Circuits__DisconnectedCircuitRetentionPeriod=00:03:00).
        services.Configure<CircuitOptions>(builder.Configuration.GetSection("Circuits"));
        services.AddCascadingAuthenticationState();

        services.AddCaseManagementPersistence(builder.Configuration, builder.Environment);
        services.AddDataProtection()
            .SetApplicationName("CaseManagement")
            .PersistKeysToDbContext<CaseManagementDbContext>();
        services.AddStaffAccounts(builder.Configuration);
        services.AddCaseManagementAuthorization();
        services.AddCaseManagementApplication();
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton, includeInternalTypes: true);

        services.AddHostedService<DataProtection.RetentionSchedule>();
        services.AddSingleton<Realtime.PostgresInstanceRelay>();
        services.AddHostedService(provider => provider.GetRequiredService<Realtime.PostgresInstanceRelay>());

        services.AddHealthChecks().AddDbContextCheck<CaseManagementDbContext>("database");
        // Off by default: the circuit memory benchmark switches it on (Diagnostics:Memory).
        services.AddMemoryDiagnostics(builder.Configuration, builder.Environment);
        return builder;
    }
}
