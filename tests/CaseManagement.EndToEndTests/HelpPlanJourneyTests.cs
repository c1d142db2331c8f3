using System.Text.RegularExpressions;
using CaseManagement.Application.Clients;
using CaseManagement.Application.Consent;
using CaseManagement.Application.HelpPlans;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CaseManagement.EndToEndTests;

/// <summary>
/// The joint help plan in two browsers at once: the Jobcenter and the Drogenhilfe edit the same
/// draft; the later save is refused with the other person's change shown and the input kept; the
/// plan is agreed and printed for the client.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class HelpPlanJourneyTests(BrowserFixture browser)
{
    private static readonly DemoAccount CaseManager = DemoAccounts.All.Single(a => a.Role == StaffRole.CaseManager);
    private static readonly DemoAccount DrugHelpWorker = DemoAccounts.All.Single(a => a.Role == StaffRole.DrugHelpWorker);

    [Fact]
    public async Task Two_editors_the_later_save_shows_the_conflict_and_keeps_its_input_then_the_plan_is_agreed_and_printed()
    {
        var clientId = await JointCases.WithDraftPlanAsync(browser.Services);
        var planUrl = $"/klienten/{clientId}/hilfeplan";

        var jobcenter = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(jobcenter, CaseManager);
        await jobcenter.GotoAsync(planUrl);
        await Assertions.Expect(jobcenter.GetByLabel("Integrationsziel", new() { Exact = true })).ToBeEnabledAsync();

        var drugHelp = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(drugHelp, DrugHelpWorker);
        await drugHelp.GotoAsync(planUrl);
        await Assertions.Expect(drugHelp.GetByLabel("Integrationsziel", new() { Exact = true })).ToBeEnabledAsync();
        await BrowserFixture.ScreenshotAsync(drugHelp, "help-plan-draft");

        // 1. The case manager sharpens the integration goal and saves.
        const string jobcenterGoal = "Aufnahme einer Teilzeitarbeit in der Lagerlogistik bis Sommer – mit Staplerschein";
        await jobcenter.GetByLabel("Integrationsziel", new() { Exact = true }).FillAsync(jobcenterGoal);
        await jobcenter.GetByRole(AriaRole.Button, new() { Name = "Entwurf speichern" }).ClickAsync();
        await Assertions.Expect(jobcenter.Locator(".save-bar [role=status]")).ToContainTextAsync("Gespeichert um");

        // 2. The drug-help worker's open page hears of it at once.
        await Assertions.Expect(drugHelp.Locator(".live-notice")).ToContainTextAsync($"{CaseManager.DisplayName} hat diesen Hilfeplan soeben gespeichert");

        // 3. She had begun typing on the old state; her save is refused, shows his change and keeps her text.
        const string drugHelpStep = "Wöchentliche Gespräche in der Drogenhilfe, dienstags 10 Uhr; bei Krisen auch spontan";
        var stepField = drugHelp.GetByLabel("Schritt 1", new() { Exact = true }).First;
        await stepField.FillAsync(drugHelpStep);
        await drugHelp.GetByRole(AriaRole.Button, new() { Name = "Entwurf speichern" }).ClickAsync();
        var conflict = drugHelp.Locator(".conflict");
        await Assertions.Expect(conflict).ToContainTextAsync("Jemand anderes hat diesen Plan inzwischen gespeichert");
        await Assertions.Expect(conflict).ToContainTextAsync(CaseManager.DisplayName);
        await Assertions.Expect(conflict).ToContainTextAsync("Integrationsziel");
        await Assertions.Expect(conflict).ToContainTextAsync("Lagerlogistik bis Sommer");
        await Assertions.Expect(stepField).ToHaveValueAsync(drugHelpStep);
        await BrowserFixture.ScreenshotAsync(drugHelp, "help-plan-conflict");

        // 4. Having seen his change, she merges: his goal and her step both survive.
        await drugHelp.GetByRole(AriaRole.Button, new() { Name = "Zusammenführen und speichern" }).ClickAsync();
        await Assertions.Expect(drugHelp.Locator(".save-bar [role=status]")).ToContainTextAsync("Gespeichert um");
        await Assertions.Expect(conflict).ToHaveCountAsync(0);
        await Assertions.Expect(drugHelp.GetByLabel("Integrationsziel", new() { Exact = true })).ToHaveValueAsync(jobcenterGoal);
        var stored = await PlanContentAsync(clientId);
        Assert.Equal(jobcenterGoal, stored.IntegrationGoal);
        Assert.Contains(stored.Goals.SelectMany(g => g.Steps), s => s.Description == drugHelpStep);

        // 5. The case manager reloads, records the agreement of all three and prints the plan.
        await Assertions.Expect(jobcenter.Locator(".live-notice")).ToContainTextAsync(DrugHelpWorker.DisplayName);
        await jobcenter.GetByRole(AriaRole.Button, new() { Name = "Neu laden" }).ClickAsync();
        await Assertions.Expect(jobcenter.GetByLabel("Schritt 1", new() { Exact = true }).First).ToHaveValueAsync(drugHelpStep);
        await jobcenter.GetByLabel($"{CaseManager.DisplayName} (Fallmanagement Jobcenter)").CheckAsync();
        await jobcenter.GetByLabel($"{DrugHelpWorker.DisplayName} (Fachkraft Drogenhilfe)").CheckAsync();
        await jobcenter.GetByLabel("die Klientin / der Klient").CheckAsync();
        await jobcenter.GetByRole(AriaRole.Button, new() { Name = "Als vereinbart festhalten" }).ClickAsync();
        await Assertions.Expect(jobcenter.Locator(".page-head .badge")).ToHaveTextAsync("Vereinbart");
        await Assertions.Expect(jobcenter.GetByLabel("Integrationsziel", new() { Exact = true })).ToBeDisabledAsync();
        await BrowserFixture.ScreenshotAsync(jobcenter, "help-plan-agreed");

        var download = await jobcenter.RunAndWaitForDownloadAsync(() =>
            jobcenter.GetByRole(AriaRole.Link, new() { Name = "PDF für die Klientin / den Klienten" }).ClickAsync());
        Assert.Matches(PdfFileName(), download.SuggestedFilename);
        var pdfFolder = Path.Combine(BrowserFixture.ArtifactsFolder, "pdf");
        Directory.CreateDirectory(pdfFolder);
        var pdf = Path.Combine(pdfFolder, "help-plan.pdf");
        await download.SaveAsAsync(pdf);

        var text = await CommandLineTool.RunAsync("pdftotext", "-layout", pdf, "-");
        Assert.Contains("Jürgen Weiß-Özdemir", text, StringComparison.Ordinal);
        Assert.Contains("Lagerlogistik bis Sommer", text, StringComparison.Ordinal);
        Assert.Contains("Wöchentliche Gespräche", text, StringComparison.Ordinal);
        var pages = int.Parse(PageCount().Match(await CommandLineTool.RunAsync("pdfinfo", pdf)).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"Seite {pages} von {pages}", text, StringComparison.Ordinal);

        // PNGs of the first and last page, kept with the screenshots for people to look at.
        await CommandLineTool.RunAsync("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, Path.Combine(pdfFolder, "help-plan-first-page"));
        await CommandLineTool.RunAsync("pdftoppm", "-png", "-r", "80", "-f", $"{pages}", "-l", $"{pages}", "-singlefile", pdf, Path.Combine(pdfFolder, "help-plan-last-page"));
        Assert.True(new FileInfo(Path.Combine(pdfFolder, "help-plan-last-page.png")).Length > 10_000);
        Assert.Empty(browser.CspViolations);
    }

    private async Task<HelpPlanInput> PlanContentAsync(Guid clientId)
    {
        var contexts = browser.Services.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var plan = await db.HelpPlans.AsNoTracking().Include(p => p.Goals).ThenInclude(g => g.Steps)
            .Where(p => p.ClientId == clientId).OrderByDescending(p => p.Version).FirstAsync();
        return HelpPlanInput.From(plan, new NoteReader(Domain.Staff.Organisation.Jobcenter, false));
    }

    [GeneratedRegex(@"^Hilfeplan_LU-\d{4}-\d{5}_Fassung_1\.pdf$")]
    private static partial Regex PdfFileName();

    [GeneratedRegex(@"Pages:\s+(\d+)")]
    private static partial Regex PageCount();
}
