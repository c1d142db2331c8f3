using Microsoft.Playwright;

namespace CaseManagement.EndToEndTests;

/// <summary>The help plan with the keyboard only: no focused field hides under the sticky save bar, the skip link reaches the save button, Ctrl+S saves.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class HelpPlanKeyboardTests(BrowserFixture browser)
{
    [Fact]
    public async Task Tabbing_through_the_plan_never_hides_the_focused_field_and_Ctrl_S_saves()
    {
        var clientId = await JointCases.WithDraftPlanAsync(browser.Services);
        var page = await browser.NewPageAsync(1280, 720);
        await BrowserFixture.SignInAsync(page, JointCases.CaseManager);
        await page.GotoAsync($"/klienten/{clientId}/hilfeplan");
        var goal = page.GetByLabel("Integrationsziel", new() { Exact = true });
        await Assertions.Expect(goal).ToBeEnabledAsync();
        await goal.FocusAsync();

        var hidden = new List<string>();
        for (var stop = 0; stop < 40; stop++)
        {
            await page.Keyboard.PressAsync("Tab");
            var overlap = await page.EvaluateAsync<string?>("""
                () => {
                  const focused = document.activeElement;
                  const bar = document.querySelector('.save-bar');
                  if (!focused || !bar || bar.contains(focused)) return null;
                  const f = focused.getBoundingClientRect(), b = bar.getBoundingClientRect();
                  return f.bottom > b.top + 1 && f.top < b.bottom ? (focused.id || focused.tagName) : null;
                }
                """);
            if (overlap is not null)
            {
                hidden.Add(overlap);
            }
        }

        Assert.Empty(hidden);

        await goal.FillAsync("Aufnahme einer Teilzeitarbeit in der Lagerlogistik, gespeichert mit Strg+S");
        await page.Keyboard.PressAsync("Control+s");
        await Assertions.Expect(page.Locator(".save-bar [role=status]").First).ToContainTextAsync("Gespeichert um");

        await page.GetByRole(AriaRole.Link, new() { Name = "Zum Speichern springen" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#plan-save")).ToBeFocusedAsync();
    }
}
