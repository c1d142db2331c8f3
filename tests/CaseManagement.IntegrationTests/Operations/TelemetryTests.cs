using System.Collections.Concurrent;
using System.Diagnostics;
using CaseManagement.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CaseManagement.IntegrationTests.Operations;

/// <summary>
/// OpenTelemetry is off unless an OTLP endpoint is configured; when on, a request's span names
/// the route pattern and carries neither the path with its id nor the query string.
/// </summary>
public sealed class TelemetryTests(AppFixture app) : IClassFixture<AppFixture>
{
    /// <summary>Nothing listens there: the exporter's failed sends must not disturb the app.</summary>
    private static readonly Dictionary<string, string> WithEndpoint = new()
    {
        ["OpenTelemetry:OtlpEndpoint"] = "http://127.0.0.1:4317",
    };

    [Fact]
    public void Without_an_endpoint_no_tracer_or_meter_provider_is_registered()
    {
        Assert.Null(app.Factory.Services.GetService<TracerProvider>());
        Assert.Null(app.Factory.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task With_an_endpoint_traces_and_metrics_are_registered()
    {
        await using var factory = new CaseManagementAppFactory(app.Database.ConnectionString, seedCaseload: false, WithEndpoint);

        Assert.NotNull(factory.Services.GetService<TracerProvider>());
        Assert.NotNull(factory.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task A_request_span_names_the_route_pattern_never_the_id_or_the_query()
    {
        await using var factory = new CaseManagementAppFactory(app.Database.ConnectionString, seedCaseload: false, WithEndpoint);
        _ = factory.Services.GetRequiredService<TracerProvider>();
        var traceId = ActivityTraceId.CreateRandom();
        var stopped = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == traceId)
                {
                    stopped.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var clientId = Guid.NewGuid();
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/klienten/{clientId}?suche=Mustermann");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        using var response = await client.SendAsync(request);

        // The span ends when the server has disposed the request, which may be after the response arrived.
        for (var attempt = 0; attempt < 50 && stopped.IsEmpty; attempt++)
        {
            await Task.Delay(100);
        }

        var span = Assert.Single(stopped);
        Assert.Equal("/klienten/{Id:guid}", span.GetTagItem("http.route"));
        Assert.Null(span.GetTagItem("url.path"));
        Assert.Null(span.GetTagItem("url.query"));
        var recorded = string.Join('\n', span.TagObjects.Select(tag => $"{tag.Key}={tag.Value}").Prepend(span.DisplayName));
        Assert.DoesNotContain(clientId.ToString(), recorded, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Mustermann", recorded, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("suche", recorded, StringComparison.OrdinalIgnoreCase);
    }
}
