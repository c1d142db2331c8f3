using System.Net;
using CaseManagement.Infrastructure.DemoData;

namespace CaseManagement.IntegrationTests;

/// <summary>A page of another site cannot open a circuit with a signed-in user's cookie (cross-site WebSocket hijacking).</summary>
public sealed class CircuitOriginTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("https://evil.example", HttpStatusCode.Forbidden)]
    [InlineData("http://localhost.evil.example", HttpStatusCode.Forbidden)]
    [InlineData("null", HttpStatusCode.Forbidden)]
    [InlineData("http://localhost", HttpStatusCode.OK)]
    public async Task Only_the_applications_own_origin_may_negotiate_a_circuit(string origin, HttpStatusCode expected)
    {
        using var browser = StaffBrowser.Open(app);
        await browser.SignInAsync(DemoAccounts.All[0].Email, DemoAccounts.Password);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", origin);

        var response = await browser.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }
}
