using CaseManagement.Infrastructure.DemoData;
using CaseManagement.Testing;
using Microsoft.Playwright;

namespace CaseManagement.EndToEndTests;

/// <summary>One app on a real port and one Chromium for all browser tests; each test opens its own context (cookies).</summary>
public sealed partial class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private PostgresTestDatabase? _database;
    private CaseManagementAppFactory? _app;
    private IPlaywright? _playwright;

    public Uri BaseAddress { get; private set; } = default!;

    public System.Collections.Concurrent.ConcurrentQueue<string> CspViolations { get; } = new();

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>The application's services, to set up data a journey starts from.</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("Not started.");

    public static string ArtifactsFolder { get; } = ResolveArtifactsFolder();

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreatePreparedAsync();
        _app = new CaseManagementAppFactory(_database.ConnectionString);
        BaseAddress = _app.StartOnRealPort();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CASEMANAGEMENT_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <param name="app">Another app than the shared one (tests that restart or reconfigure their own).</param>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800, Uri? app = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (app ?? BaseAddress).ToString(),
            Locale = "de-DE",
            TimezoneId = "Europe/Berlin",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        // A Content-Security-Policy violation means the app itself broke its own policy: fail loudly.
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                CspViolations.Enqueue(message.Text);
            }
        };
        return page;
    }

    public static async Task SignInAsync(IPage page, DemoAccount account)
    {
        await page.GotoAsync("/konto/anmelden");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(account.Email);
        await page.GetByLabel("Passwort").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        // Polls the URL: WaitForURL would wait for a load event that may already have passed.
        await Assertions.Expect(page).Not.ToHaveURLAsync(SignInPage());
        await Assertions.Expect(page.Locator("button.user-menu-toggle")).ToBeEnabledAsync();
    }

    [System.Text.RegularExpressions.GeneratedRegex("/konto/anmelden")]
    private static partial System.Text.RegularExpressions.Regex SignInPage();

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(ArtifactsFolder, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private static string ResolveArtifactsFolder() =>
        Environment.GetEnvironmentVariable("CASEMANAGEMENT_ARTIFACTS") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Path.GetTempPath(), "casemanagement-artifacts");
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
