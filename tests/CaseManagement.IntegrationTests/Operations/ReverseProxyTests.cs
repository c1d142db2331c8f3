using System.Net;
using CaseManagement.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests.Operations;

/// <summary>
/// X-Forwarded-* are believed from loopback and from the addresses in ReverseProxy:KnownProxies
/// (nginx's fixed address in deploy/compose.yaml), from nobody else: the sign-in redirect shows
/// which scheme the app took the request for.
/// </summary>
public sealed class ReverseProxyTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("172.30.0.10", "https")] // the configured proxy
    [InlineData("127.0.0.1", "https")]   // loopback, always
    [InlineData("172.30.0.11", "http")]  // anyone else
    public async Task Forwarded_headers_count_only_from_loopback_and_the_configured_proxy(string peer, string scheme)
    {
        await using var factory = new CaseManagementAppFactory(app.Database.ConnectionString, seedCaseload: false,
            new Dictionary<string, string> { ["ReverseProxy:KnownProxies:0"] = "172.30.0.10" });
        await using var behindProxy = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddTransient<IStartupFilter>(_ => new Peer(IPAddress.Parse(peer)))));
        using var client = behindProxy.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/klienten");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "198.18.250.1");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"{scheme}://", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    private sealed class Peer(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
