using CaseManagement.Application.HelpPlans;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CaseManagement.EndToEndTests;

/// <summary>
/// Two caseworkers extend the same sentence of the same plan at once. The later save is refused,
/// both full texts stand side by side word by word, she combines them, and not one word of either
/// is lost; the first saver's page shows what she changed.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class HelpPlanConflictJourneyTests(BrowserFixture browser)
{
    private const string Original = "Aufnahme einer Teilzeitarbeit in der Lagerlogistik";
    private const string HisSentence = "Zuerst ein Praktikum bei der Spedition Rheinhafen ab März.";
    private const string HerSentence = "Vorher die Substitution stabil halten; Termine in der Praxis nicht verschieben.";

    [Fact]
    public async Task Both_edit_the_integration_goal_the_later_one_combines_the_texts_and_every_word_of_both_is_kept()
    {
        var clientId = await JointCases.WithDraftPlanAsync(browser.Services);
        var planUrl = $"/klienten/{clientId}/hilfeplan";
        var jobcenter = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(jobcenter, JointCases.CaseManager);
        await jobcenter.GotoAsync(planUrl);
        var drugHelp = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(drugHelp, JointCases.DrugHelpWorker);
        await drugHelp.GotoAsync(planUrl);
        var hisGoal = jobcenter.GetByLabel("Integrationsziel", new() { Exact = true });
        var herGoal = drugHelp.GetByLabel("Integrationsziel", new() { Exact = true });
        await Assertions.Expect(hisGoal).ToHaveValueAsync(Original);
        await Assertions.Expect(herGoal).ToHaveValueAsync(Original);

        await hisGoal.FillAsync($"{Original}. {HisSentence}");
        await jobcenter.GetByRole(AriaRole.Button, new() { Name = "Entwurf speichern" }).ClickAsync();
        await Assertions.Expect(jobcenter.Locator(".save-bar [role=status]")).ToContainTextAsync("Gespeichert um");

        await herGoal.FillAsync($"{Original}. {HerSentence}");
        await drugHelp.GetByRole(AriaRole.Button, new() { Name = "Entwurf speichern" }).ClickAsync();
        var conflict = drugHelp.Locator(".conflict");
        await Assertions.Expect(conflict).ToContainTextAsync("Eine Angabe haben Sie beide geändert");
        var field = conflict.Locator("fieldset.merge-conflict", new() { HasText = "Integrationsziel" });
        await Assertions.Expect(field).ToContainTextAsync(HisSentence);
        await Assertions.Expect(field).ToContainTextAsync(HerSentence);
        await Assertions.Expect(conflict.GetByRole(AriaRole.Button, new() { Name = "Zusammenführen und speichern" })).ToBeDisabledAsync();
        await BrowserFixture.ScreenshotAsync(drugHelp, "help-plan-merge-conflict");

        await field.GetByText("Beide selbst zusammenfassen").ClickAsync();
        var combined = field.GetByLabel("Zusammengefasster Text");
        await Assertions.Expect(combined).ToHaveValueAsync($"{Original}. {HerSentence}\n{Original}. {HisSentence}");
        await combined.FillAsync($"{Original}. {HisSentence} {HerSentence}");
        await conflict.GetByRole(AriaRole.Button, new() { Name = "Zusammenführen und speichern" }).ClickAsync();
        await Assertions.Expect(drugHelp.Locator(".save-bar [role=status]")).ToContainTextAsync("Gespeichert um");
        await Assertions.Expect(conflict).ToHaveCountAsync(0);

        var stored = Words((await StoredAsync(clientId)).IntegrationGoal);
        foreach (var word in Words($"{Original} {HisSentence} {HerSentence}"))
        {
            Assert.Contains(word, stored);
        }

        // The first saver is told what changed, word by word, not only that someone saved.
        var notice = jobcenter.Locator(".live-notice");
        await Assertions.Expect(notice).ToContainTextAsync($"{JointCases.DrugHelpWorker.DisplayName} hat diesen Hilfeplan soeben gespeichert");
        await notice.Locator("summary").ClickAsync();
        await Assertions.Expect(notice.Locator("ins")).ToContainTextAsync("Substitution");
        await BrowserFixture.ScreenshotAsync(jobcenter, "help-plan-changed-by-other");
        Assert.Empty(browser.CspViolations);
    }

    private static string[] Words(string text) => [.. System.Text.RegularExpressions.Regex.Matches(text, @"[\p{L}\p{N}]+").Select(m => m.Value)];

    private async Task<HelpPlanInput> StoredAsync(Guid clientId)
    {
        var contexts = browser.Services.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var plan = await db.HelpPlans.AsNoTracking().Include(p => p.Goals).ThenInclude(g => g.Steps)
            .Where(p => p.ClientId == clientId).OrderByDescending(p => p.Version).FirstAsync();
        return HelpPlanInput.From(plan, new NoteReader(Domain.Staff.Organisation.Jobcenter, false));
    }
}
