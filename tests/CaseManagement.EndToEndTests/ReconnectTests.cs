using CaseManagement.Infrastructure.DemoData;
using Microsoft.Playwright;

namespace CaseManagement.EndToEndTests;

[Collection(BrowserTestGroup.Name)]
public sealed class ReconnectTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_dropped_connection_shows_the_German_reconnect_dialog_and_the_page_works_again_after_reconnecting()
    {
        var page = await browser.NewPageAsync();
        var sockets = new List<IWebSocketRoute>();
        // Every circuit socket passes through the test, so the test can cut it like a flaky network would.
        await page.RouteWebSocketAsync(new System.Text.RegularExpressions.Regex("/_blazor"), socket =>
        {
            socket.ConnectToServer();
            lock (sockets)
            {
                sockets.Add(socket);
            }
        });
        await BrowserFixture.SignInAsync(page, DemoAccounts.All[0]);
        var dialog = page.Locator("#components-reconnect-modal");
        await Assertions.Expect(dialog).ToBeHiddenAsync();

        IWebSocketRoute live;
        lock (sockets)
        {
            live = sockets[^1];
        }

        await live.CloseAsync(new() { Code = 4000, Reason = "test" });

        await Assertions.Expect(dialog.GetByText("Verbindung unterbrochen – wird wiederhergestellt …")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await BrowserFixture.ScreenshotAsync(page, "reconnect-dialog");
        await Assertions.Expect(dialog).ToBeHiddenAsync(new() { Timeout = 30_000 });
        var toggle = page.Locator("button.user-menu-toggle");
        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await page.Context.CloseAsync();
    }
}
