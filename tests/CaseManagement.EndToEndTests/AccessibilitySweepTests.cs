using System.Text.Json;
using CaseManagement.Domain;
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
/// Every page of every role, on the demo caseload, checked by axe-core (from npm, injected with
/// page.evaluate because the Content-Security-Policy refuses injected script tags): no critical
/// and no serious finding anywhere, on a desktop and at phone width, and no content outside a
/// landmark (axe's "region", moderate by its own scale, kept here because screen-reader users
/// navigate by landmarks).
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AccessibilitySweepTests(BrowserFixture browser)
{
    private static readonly Lazy<string> AxeSource = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "browser-helpers", "axe.min.js")));

    public static TheoryData<string> Roles => new(StaffRole.All);

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_page_of_the_role_has_no_serious_or_critical_accessibility_finding(string role)
    {
        var account = DemoAccounts.All.Single(a => a.Role == role);
        var paths = await PagesOfAsync(account);
        // Desktop and phone width side by side: two signed-in sessions of one person, as at work.
        var findings = await Task.WhenAll(new[] { (1280, 900), (390, 844) }.Select(async size =>
        {
            var (width, height) = size;
            var found = new List<string>();
            var page = await browser.NewPageAsync(width, height);
            try
            {
                await BrowserFixture.SignInAsync(page, account);
                foreach (var path in paths)
                {
                    await page.GotoAsync(path);
                    await SettledAsync(page);
                    found.AddRange((await SeriousFindingsAsync(page)).Select(f => $"{width}px {path}: {f}"));
                    await BrowserFixture.ScreenshotAsync(page, $"pages/{role}-{width}{Slug(path)}");
                }
            }
            finally
            {
                await page.Context.CloseAsync();
            }

            return found;
        }));

        var all = findings.SelectMany(f => f).ToList();
        Assert.True(all.Count == 0, string.Join(Environment.NewLine, all));
    }

    [Fact]
    public async Task The_sign_in_page_has_no_serious_or_critical_accessibility_finding()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/konto/anmelden");
        await SettledAsync(page);

        Assert.Empty(await SeriousFindingsAsync(page));
        await page.Context.CloseAsync();
    }

    private static string Slug(string path) =>
        System.Text.RegularExpressions.Regex.Replace(path, "[0-9a-f]{8}-[0-9a-f-]{27}", "id").Replace('/', '-');

    private static async Task SettledAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("h1").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Wird geladen …")).ToHaveCountAsync(0);
        // Every page names itself in the title (WCAG 2.4.2). Checked here, with waiting, rather than
        // by axe: the interactive HeadOutlet briefly replaces the prerendered title as the circuit starts.
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex(".+ – Fallverbund$"));
    }

    /// <summary>axe-core's serious and critical findings on the page as it is now (and "region"); used by other journeys too.</summary>
    internal static async Task<IReadOnlyList<string>> SeriousFindingsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(AxeSource.Value);
        }

        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'], rules: { 'document-title': { enabled: false } } });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical' || v.id === 'region')
                .map(v => `${v.impact} ${v.id} (${v.help}): ` + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
            }
            """);
        return [.. violations.EnumerateArray().Select(v => v.GetString()!)];
    }

    /// <summary>The role's pages with real records of the demo caseload behind every id.</summary>
    private async Task<IReadOnlyList<string>> PagesOfAsync(DemoAccount account)
    {
        string[] common = ["/", "/konto/kein-zugriff", "/nicht-gefunden"];
        var staff = await StaffMembers.ByEmailAsync(browser.Services, account.Email);
        var contexts = browser.Services.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        switch (account.Role)
        {
            case StaffRole.CaseManager or StaffRole.DrugHelpWorker:
                var own = account.Role == StaffRole.CaseManager
                    ? db.Clients.Where(c => c.ResponsibleCaseManagerId == staff.Id)
                    : db.Clients.Where(c => c.ResponsibleDrugHelpWorkerId == staff.Id);
                var client = await own
                    .Where(c => db.Referrals.Any(r => r.ClientId == c.Id && r.HolderOrganisation == staff.Organisation)
                        && db.HelpPlans.Any(p => p.ClientId == c.Id && p.Status != HelpPlanStatus.Draft)
                        && db.Appointments.Any(a => a.ClientId == c.Id && a.HolderOrganisation == staff.Organisation))
                    .OrderBy(c => c.CaseNumber)
                    .FirstAsync();
                var referral = await db.Referrals.Where(r => r.ClientId == client.Id && r.HolderOrganisation == staff.Organisation).Select(r => r.Id).FirstAsync();
                var version = await db.HelpPlans.Where(p => p.ClientId == client.Id && p.Status != HelpPlanStatus.Draft).MinAsync(p => p.Version);
                var appointment = await db.Appointments.Where(a => a.ClientId == client.Id && a.HolderOrganisation == staff.Organisation).Select(a => a.Id).FirstAsync();
                var draft = await JointCases.WithDraftPlanAsync(browser.Services);
                return
                [
                    .. common, "/klienten", "/klienten/neu", $"/klienten/{client.Id}", $"/klienten/{client.Id}/bearbeiten",
                    $"/klienten/{client.Id}/einwilligung", $"/klienten/{client.Id}/hilfeplan", $"/klienten/{client.Id}/hilfeplan/fassung/{version}",
                    $"/klienten/{client.Id}/vermittlungen/neu", $"/klienten/{client.Id}/vermittlungen/{referral}",
                    $"/klienten/{draft}/hilfeplan", "/kontakt", "/termine", "/termine/neu", $"/termine/{appointment}", "/netzwerkpartner",
                    "/fortbildungen",
                ];
            case StaffRole.TeamLeadJobcenter or StaffRole.TeamLeadDrugHelp:
                var colleague = DemoAccounts.All.Single(a => a.Role == (account.Organisation == Organisation.Jobcenter ? StaffRole.CaseManager : StaffRole.DrugHelpWorker));
                var colleagueId = (await StaffMembers.ByEmailAsync(browser.Services, colleague.Email)).Id;
                var colleagueCase = await (account.Organisation == Organisation.Jobcenter
                        ? db.Clients.Where(c => c.ResponsibleCaseManagerId == colleagueId)
                        : db.Clients.Where(c => c.ResponsibleDrugHelpWorkerId == colleagueId))
                    .Where(c => c.Episodes.Any(e => e.EndedOn == null))
                    .OrderBy(c => c.CaseNumber)
                    .Select(c => c.Id)
                    .FirstAsync();
                return [.. common, "/team", $"/team/mitarbeitende/{colleagueId}", $"/team/faelle/{colleagueCase}", "/team/dubletten", "/kennzahlen", "/lenkungsrunden", "/team/fortbildungen", "/fortbildungen"];
            case StaffRole.SteeringCommittee:
                var meeting = await db.SteeringMeetings.OrderBy(m => m.HeldOn).Select(m => m.Id).FirstAsync();
                return [.. common, "/kennzahlen", "/kennzahlen/bedarfsanalyse", "/lenkungsrunden", "/lenkungsrunden/strategisch", $"/lenkungsrunden/sitzungen/{meeting}", "/lenkungsrunden/operativ/neu", "/lenkungsrunden/suchtbericht"];
            case StaffRole.DataProtectionOfficer:
                return [.. common, "/datenschutz", "/datenschutz/verlauf", "/datenschutz/loeschlaeufe", "/datenschutz/auskunft", "/datenschutz/einwilligungen"];
            case StaffRole.Administrator:
                var partner = await db.Partners.OrderBy(p => p.Name).Select(p => p.Id).FirstAsync();
                var session = await db.TrainingSessions.Where(s => db.TrainingAttendances.Any(a => a.SessionId == s.Id)).OrderBy(s => s.HeldOn).FirstAsync();
                return
                [
                    .. common, "/verwaltung/konten", "/verwaltung/netzwerkpartner", "/verwaltung/aufbewahrung", "/verwaltung/netzwerkpartner/neu", $"/verwaltung/netzwerkpartner/{partner}", "/verwaltung/lenkungsrunden",
                    "/verwaltung/fortbildungen", "/verwaltung/fortbildungen/neu", $"/verwaltung/fortbildungen/{session.TrainingId}", $"/verwaltung/fortbildungen/termine/{session.Id}",
                ];
            default:
                throw new InvalidOperationException($"No pages listed for the role {account.Role}: add them here.");
        }
    }
}
