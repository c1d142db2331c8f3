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

    [Fact]
    public async Task In_a_shared_browser_a_page_resumed_after_someone_else_signed_in_does_not_get_the_first_persons_typing()
    {
        var first = DemoAccounts.All.First(a => a.Role == Domain.Staff.StaffRole.CaseManager);
        var second = DemoAccounts.AdditionalCaseworkers.First(a => a.Role == Domain.Staff.StaffRole.CaseManager);
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, first);
        await page.GotoAsync("/kontakt");
        var note = page.GetByLabel("Kurznotiz");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Kontakt speichern" })).ToBeEnabledAsync();
        const string typed = "Rückruf wegen der Unterkunft, nur für diese Fallmanagerin";
        await note.FillAsync(typed);
        Assert.True(await page.EvaluateAsync<bool>("Blazor.pauseCircuit()"));
        var dialog = page.Locator("#components-reconnect-modal");
        await Assertions.Expect(dialog.GetByRole(AriaRole.Heading, new() { Name = "Sitzung pausiert" })).ToBeVisibleAsync();

        // Meanwhile, at the same computer: the first person is signed out and a colleague signs in.
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync("/");
        await other.Locator("button.user-menu-toggle").ClickAsync();
        await other.GetByRole(AriaRole.Button, new() { Name = "Abmelden" }).ClickAsync();
        await Assertions.Expect(other.Locator("#login-notice")).ToHaveTextAsync("Sie haben sich abgemeldet.");
        await BrowserFixture.SignInAsync(other, second);

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Fortsetzen" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync(new() { Timeout = 30_000 });
        var colleague = (await Testing.StaffMembers.ByEmailAsync(browser.Services, second.Email)).Id;
        await Assertions.Expect(page.Locator(".user-menu")).ToHaveAttributeAsync("data-account", colleague);
        await page.WaitForTimeoutAsync(2_000);
        await Assertions.Expect(page.GetByLabel("Kurznotiz")).Not.ToHaveValueAsync(typed);
        await page.Context.CloseAsync();
    }
}
