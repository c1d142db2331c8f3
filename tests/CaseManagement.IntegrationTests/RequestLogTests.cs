using CaseManagement.Infrastructure.DemoData;

namespace CaseManagement.IntegrationTests;

/// <summary>One log line per request with the route pattern, never the path with its ids or the query string.</summary>
public sealed class RequestLogTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_request_for_a_client_is_logged_by_its_route_pattern_without_the_id_or_the_query()
    {
        using var browser = StaffBrowser.Open(app);
        await browser.SignInAsync(DemoAccounts.All[0].Email, DemoAccounts.Password);
        var clientId = Guid.NewGuid();

        await browser.Client.GetAsync($"/klienten/{clientId}?suche=Mustermann");

        var log = await LogText.WaitForAsync(app.Factory.LogFolder, "GET /klienten/{Id:guid} responded");
        Assert.DoesNotContain(clientId.ToString(), log, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Mustermann", log, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoAccounts.All[0].Email, log, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>Reads an app's log files while it writes them.</summary>
internal static class LogText
{
    public static string Read(string folder) => string.Join('\n', Directory.GetFiles(folder).Select(file =>
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }));

    /// <summary>The whole log once it contains <paramref name="expected"/> (the request line is written after the response).</summary>
    public static async Task<string> WaitForAsync(string folder, string expected)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var text = Read(folder);
            if (text.Contains(expected, StringComparison.Ordinal))
            {
                return text;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"The log never contained '{expected}':\n{Read(folder)}");
        return "";
    }
}
