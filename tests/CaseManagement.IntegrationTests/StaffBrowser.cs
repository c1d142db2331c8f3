using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CaseManagement.IntegrationTests;

/// <summary>An HttpClient that behaves like a browser on the server-rendered sign-in form: cookies, antiforgery token, no auto-redirects.</summary>
public sealed partial class StaffBrowser(HttpClient client) : IDisposable
{
    public HttpClient Client { get; } = client;

    public static StaffBrowser Open(AppFixture app) => Open(app.Factory);

    /// <param name="forwardedFor">The client address a loopback proxy names (only with <see cref="LoopbackProxy"/>).</param>
    public static StaffBrowser Open(WebApplicationFactory<Program> factory, string? forwardedFor = null)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (forwardedFor is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        return new StaffBrowser(client);
    }

    public async Task<HttpResponseMessage> SignInAsync(string email, string password, string? returnUrl = null)
    {
        var path = "/konto/anmelden" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var token = await AntiforgeryTokenFromAsync(path);
        return await Client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>Signs out as the user menu does, naming no tab.</summary>
    public async Task<HttpResponseMessage> SignOutAsync()
    {
        var token = await AntiforgeryTokenFromAsync("/konto/anmelden");
        return await Client.PostAsync("/konto/abmelden",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
    }

    /// <summary>The cookies the server set, as a browser would send them back (a copy of the sign-in).</summary>
    public static string CookiesOf(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(header => header.Split(';')[0]));

    public async Task<string> AntiforgeryTokenFromAsync(string path)
    {
        var html = await Client.GetStringAsync(path);
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, $"No antiforgery token on {path}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>The page as a reader sees it: Blazor encodes umlauts as character references in the HTML.</summary>
    public static async Task<string> TextOf(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
