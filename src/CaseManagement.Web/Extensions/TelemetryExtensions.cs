using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CaseManagement.Web.Extensions;

/// <summary>
/// OpenTelemetry traces and metrics (ASP.NET Core, Npgsql, .NET runtime) sent by OTLP, only when
/// an endpoint is configured: <c>OpenTelemetry:OtlpEndpoint</c> or the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>. Without one nothing is registered (no listener, no cost).
/// </summary>
/// <remarks>
/// No personal data in traces: a request span is named by method and route pattern
/// (<c>GET /klienten/{Id:guid}</c>); the path (which carries client ids), the query string and
/// the user agent are removed from its attributes. Database spans carry the SQL text as Npgsql
/// records it: EF Core sends every value as a parameter and Npgsql never records parameter
/// values. Exceptions are not recorded on spans (their messages may quote input). The
/// instrumentation's support for SignalR and Blazor (spans per hub message, circuit, component
/// event) is switched off. Database commands run by a Blazor event therefore appear as traces of
/// their own.
/// docs/operations.md, "Monitoring".
/// </remarks>
public static class TelemetryExtensions
{
    public const string EndpointSetting = "OpenTelemetry:OtlpEndpoint";
    public const string StandardEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ServiceNameSetting = "OpenTelemetry:ServiceName";
    public const string DefaultServiceName = "casemanagement";

    /// <summary>Attributes of a request span that may hold ids, names or search terms.</summary>
    private static readonly string[] RemovedRequestTags = ["url.path", "url.query", "url.full", "user_agent.original"];

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var endpoint = configuration[EndpointSetting];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            endpoint = configuration[StandardEndpointVariable];
        }

        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return builder;
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out _))
        {
            throw new InvalidOperationException(
                $"{EndpointSetting} muss eine absolute Adresse sein, z. B. http://127.0.0.1:4317 (gefunden: '{endpoint}').");
        }

        // The exporter reads the standard key from the configuration and, for http/protobuf
        // (OTEL_EXPORTER_OTLP_PROTOCOL), appends /v1/traces and /v1/metrics itself.
        configuration[StandardEndpointVariable] = endpoint;

        var serviceName = configuration[ServiceNameSetting] is { Length: > 0 } name ? name : DefaultServiceName;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                serviceName,
                serviceVersion: typeof(TelemetryExtensions).Assembly.GetName().Version?.ToString(),
                serviceInstanceId: Environment.MachineName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options =>
                {
                    options.RecordException = false;
                    // Only HTTP requests: no span per SignalR message or Blazor event and circuit
                    // (their attributes have not been reviewed for personal data).
                    options.EnableAspNetCoreSignalRSupport = false;
                    options.EnableRazorComponentsSupport = false;
                    options.EnrichWithHttpResponse = (activity, _) =>
                    {
                        foreach (var tag in RemovedRequestTags)
                        {
                            activity.SetTag(tag, null);
                        }
                    };
                })
                .AddNpgsql()
                .AddOtlpExporter())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddOtlpExporter());
        return builder;
    }
}
