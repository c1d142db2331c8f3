using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CaseManagement.IntegrationTests;

/// <summary>An HttpClient that behaves like a browser on the server-rendered sign-in form: cookies, antiforgery token, no auto-redirects.</summary>
public sealed partial class StaffBrowser(HttpClient client) : IDisposable
{
    public HttpClient Client { get; } = client;

    public static StaffBrowser Open(AppFixture app) => new(app.Factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
    }));

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
