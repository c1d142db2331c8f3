using CaseManagement.Infrastructure.DemoData;
using Microsoft.Playwright;

namespace CaseManagement.EndToEndTests;

[Collection(BrowserTestGroup.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_pages_work_under_the_strict_content_security_policy()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoAccounts.All[0]);
        await page.GotoAsync("/klienten");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Nth(1)).ToBeVisibleAsync();
        await page.GotoAsync("/klienten/neu");
        await Assertions.Expect(page.GetByLabel("Vorname *")).ToBeEnabledAsync();

        Assert.Empty(browser.CspViolations);
        await page.Context.CloseAsync();
    }
}
