using System.Net;
using CaseManagement.Web.Account;
using CaseManagement.Web.Appointments;
using CaseManagement.Web.Components;
using CaseManagement.Web.DataProtection;
using CaseManagement.Web.Diagnostics;
using CaseManagement.Web.HelpPlans;
using CaseManagement.Web.Logging;
using CaseManagement.Web.Reports;
using Microsoft.AspNetCore.HttpOverrides;

namespace CaseManagement.Web.Extensions;

public static class PipelineExtensions
{
    public static WebApplication UseCaseManagementPipeline(this WebApplication app)
    {
        // Behind the TLS proxy (deploy/README.md): scheme and client address from X-Forwarded-*,
        // trusted from loopback proxies (the framework default) and from the addresses named in
        // ReverseProxy:KnownProxies (the proxy's fixed address in deploy/compose.yaml), so cookies
        // are marked Secure and sign-in throttling sees each client's own address.
        var forwarded = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
        };
        foreach (var proxy in app.Configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [])
        {
            forwarded.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new InvalidOperationException($"ReverseProxy:KnownProxies: '{proxy}' ist keine IP-Adresse."));
        }

        app.UseForwardedHeaders(forwarded);
        app.UseRequestLogging();
        app.UseMiddleware<Realtime.RefuseWhileHandingOver>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler("/fehler", createScopeForErrors: true);
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/nicht-gefunden");
        app.UseMiddleware<CircuitOriginCheck>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapCaseManagementEndpoints(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapMemoryDiagnostics();
        app.MapAccountEndpoints();
        app.MapHelpPlanPdf();
        app.MapAppointmentCalendarFile();
        app.MapSteeringReportExports();
        app.MapNeedsAnalysisExport();
        app.MapSteeringMinutes();
        app.MapMunicipalReport();
        app.MapAuditExport();
        app.MapAccessCopy();
        app.MapConsentScan();
        app.MapConsentForm();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
