using System.Globalization;
using CaseManagement.Domain;
using Microsoft.Playwright;

namespace CaseManagement.EndToEndTests;

/// <summary>
/// Closing a case's episode and opening the next one on the client page. The closing form is built
/// only when asked for (every open client page would otherwise keep it in the server's memory).
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class EpisodeJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_caseworker_closes_the_episode_with_a_reason_and_opens_the_next_one()
    {
        var clientId = await JointCases.WithDraftPlanAsync(browser.Services);
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, JointCases.CaseManager);
        await page.GotoAsync($"/klienten/{clientId}");
        var episodes = page.GetByRole(AriaRole.Region, new() { Name = "Episoden" });
        await Assertions.Expect(episodes.GetByLabel("Abschlussgrund")).ToHaveCountAsync(0);

        await episodes.GetByRole(AriaRole.Button, new() { Name = "Episode abschließen …" }).ClickAsync();
        var end = episodes.GetByLabel("Ende");
        await Assertions.Expect(end).ToBeFocusedAsync();
        var today = GermanCalendar.DateOf(DateTimeOffset.UtcNow);
        await end.FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await episodes.GetByRole(AriaRole.Button, new() { Name = "Episode abschließen", Exact = true }).ClickAsync();
        await Assertions.Expect(episodes.GetByText("Bitte wählen Sie einen Abschlussgrund.")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "episode-close-form");

        await episodes.GetByLabel("Abschlussgrund").SelectOptionAsync(new SelectOptionValue { Label = "Arbeitsaufnahme" });
        await episodes.GetByRole(AriaRole.Button, new() { Name = "Episode abschließen", Exact = true }).ClickAsync();

        await Assertions.Expect(episodes.GetByText($"bis {today.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)} · Arbeitsaufnahme")).ToBeVisibleAsync();
        await Assertions.Expect(episodes.GetByLabel("Abschlussgrund")).ToHaveCountAsync(0);
        await episodes.GetByRole(AriaRole.Button, new() { Name = "Neue Episode eröffnen" }).ClickAsync();
        await Assertions.Expect(episodes.Locator(".badge-ok", new() { HasText = "laufend" })).ToBeVisibleAsync();
        await Assertions.Expect(episodes.GetByRole(AriaRole.Button, new() { Name = "Episode abschließen …" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Cancelling_the_closing_form_forgets_what_was_chosen()
    {
        var clientId = await JointCases.WithDraftPlanAsync(browser.Services);
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, JointCases.CaseManager);
        await page.GotoAsync($"/klienten/{clientId}");
        var episodes = page.GetByRole(AriaRole.Region, new() { Name = "Episoden" });

        await episodes.GetByRole(AriaRole.Button, new() { Name = "Episode abschließen …" }).ClickAsync();
        await episodes.GetByLabel("Abschlussgrund").SelectOptionAsync(new SelectOptionValue { Label = "Arbeitsaufnahme" });
        await episodes.GetByRole(AriaRole.Button, new() { Name = "Abbrechen" }).ClickAsync();
        await episodes.GetByRole(AriaRole.Button, new() { Name = "Episode abschließen …" }).ClickAsync();

        await Assertions.Expect(episodes.GetByLabel("Abschlussgrund")).ToHaveValueAsync("");
        await Assertions.Expect(episodes.Locator(".badge-ok", new() { HasText = "laufend" })).ToBeVisibleAsync();
    }
}
