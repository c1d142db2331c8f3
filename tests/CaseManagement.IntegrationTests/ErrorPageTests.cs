using System.Net;
using System.Text.RegularExpressions;
using CaseManagement.Infrastructure.DemoData;
using CaseManagement.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests;

public sealed partial class ErrorPageTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string FailingPath = "/test/fehler-ausloesen";

    [Fact]
    public async Task An_unexpected_error_shows_a_German_page_whose_id_matches_the_log_line()
    {
        await using var failing = (WebApplicationFactory<Program>)app.Factory.WithWebHostBuilder(builder =>
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, FailingPathFilter>()));
        using var browser = new StaffBrowser(failing.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        await browser.SignInAsync(DemoAccounts.All[0].Email, DemoAccounts.Password);

        var response = await browser.Client.GetAsync(FailingPath + "?name=Erika+Mustermann");
        var html = await StaffBrowser.TextOf(response);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Es ist ein Fehler aufgetreten", html);
        var correlationId = CorrelationIdPattern().Match(html).Groups[1].Value;
        Assert.NotEmpty(correlationId);

        var logLines = await WaitForLogLinesAsync(app.Factory.LogFolder, line => line.Contains($"[{correlationId}]") && line.Contains("responded 500"));
        var requestLine = Assert.Single(logLines, line => line.Contains($"[{correlationId}]") && line.Contains("responded 500"));
        Assert.DoesNotContain("Mustermann", string.Join('\n', logLines));
        Assert.DoesNotContain("name=", requestLine);
    }

    /// <summary>The log's lines once one matches (the sinks write asynchronously, after the response).</summary>
    private static async Task<string[]> WaitForLogLinesAsync(string folder, Func<string, bool> expected)
    {
        var lines = ReadLogLines(folder);
        for (var attempt = 0; attempt < 50 && !lines.Any(expected); attempt++)
        {
            await Task.Delay(100);
            lines = ReadLogLines(folder);
        }

        return lines;
    }

    private static string[] ReadLogLines(string folder) => Directory.GetFiles(folder)
        .SelectMany(file =>
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Split('\n');
        })
        .ToArray();

    [GeneratedRegex("<code id=\"correlation-id\">([^<]+)</code>")]
    private static partial Regex CorrelationIdPattern();

    /// <summary>Adds, behind the app's own pipeline, a path that throws: as an unforeseen bug would.</summary>
    private sealed class FailingPathFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate nextMiddleware) =>
                context.Request.Path == FailingPath
                    ? throw new InvalidOperationException("Simulated failure")
                    : nextMiddleware(context));
        };
    }
}
