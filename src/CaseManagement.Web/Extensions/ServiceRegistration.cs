using CaseManagement.Application;
using CaseManagement.Infrastructure;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Persistence.CircuitState;
using CaseManagement.Web.Account;
using CaseManagement.Web.Authorization;
using CaseManagement.Web.Diagnostics;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using FluentValidation;
using Microsoft.Extensions.Caching.Distributed;

namespace CaseManagement.Web.Extensions;

public static class ServiceRegistration
{
    /// <summary>How long the state of a dropped circuit is kept (memory and database): the session's idle limit.</summary>
    public static readonly TimeSpan PersistedCircuitRetention = TimeSpan.FromMinutes(30);

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
        // Retention of disconnected circuits and of their persisted state: .NET 10's defaults for
        // the circuits, 30 minutes (the session's idle limit) for the persisted state, unless set in
        // "Circuits" (e.g. Circuits__DisconnectedCircuitRetentionPeriod=00:03:00).
        services.Configure<CircuitOptions>(circuits =>
        {
            circuits.PersistedCircuitInMemoryRetentionPeriod = PersistedCircuitRetention;
            circuits.PersistedCircuitDistributedRetentionPeriod = PersistedCircuitRetention;
        });
        services.Configure<CircuitOptions>(builder.Configuration.GetSection("Circuits"));
        // Persisted circuit state goes to the database through HybridCache (which .NET 10's circuits
        // pick up on their own when it is registered), so a circuit dropped on one instance resumes
        // on any instance, also after a restart: encrypted, expiring, docs/architecture.md.
        services.AddSingleton<IDistributedCache, DatabaseDistributedCache>();
        services.AddHybridCache();
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
        // A stopping instance hands its open pages over instead of dropping their unsaved input.
        services.AddSingleton<Realtime.CircuitHandOver>();
        services.AddScoped<CircuitHandler, Realtime.CircuitHandOverTracker>();

        services.AddHealthChecks().AddDbContextCheck<CaseManagementDbContext>("database");
        // Off by default: the circuit memory benchmark switches it on (Diagnostics:Memory).
        services.AddMemoryDiagnostics(builder.Configuration, builder.Environment);
        return builder;
    }
}
