using CaseManagement.Web.Account;
using CaseManagement.Web.Appointments;
using CaseManagement.Web.Components;
using CaseManagement.Web.DataProtection;
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
        // trusted from loopback proxies only (the framework default), so cookies are marked Secure.
        app.UseForwardedHeaders(new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
        });
        app.UseRequestLogging();
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
        app.MapAccountEndpoints();
        app.MapHelpPlanPdf();
        app.MapAppointmentCalendarFile();
        app.MapSteeringReportExports();
        app.MapAuditExport();
        app.MapAccessCopy();
        app.MapConsentScan();
        app.MapConsentForm();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
