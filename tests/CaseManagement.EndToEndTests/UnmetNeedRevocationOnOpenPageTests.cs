using CaseManagement.Application.Clients;
using CaseManagement.Application.Consent;
using CaseManagement.Application.Referrals;
using CaseManagement.Domain;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.Referrals;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CaseManagement.EndToEndTests;

/// <summary>
/// The Jobcenter has the client page open showing a need without a fitting partner service
/// (Bedarf ohne Angebot) of the Drogenhilfe; the Drogenhilfe revokes the consent covering
/// referrals. Without a reload, the open page stops showing the need; the master data, shared by
/// a separate consent still in force, stay.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class UnmetNeedRevocationOnOpenPageTests(BrowserFixture browser)
{
    private const string ClientName = "Waltraud Lindqvist";
    private const string Description = "Betreutes Wohnen für Ältere mit Substitution; keine Stelle im Verzeichnis nimmt auf";
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task An_open_client_page_stops_showing_the_unmet_need_as_soon_as_the_referral_consent_is_revoked()
    {
        var (clientId, referralConsentId, recordedOn) = await UnmetNeedOfTheDrugHelpAsync();

        var page = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(page, JointCases.CaseManager);
        await page.GotoAsync($"/klienten/{clientId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = ClientName })).ToBeVisibleAsync();
        var needs = page.Locator("section[aria-labelledby=unmet-needs-title]");
        await Assertions.Expect(needs.Locator(".unmet-needs li")).ToContainTextAsync("Altenhilfe");
        await Assertions.Expect(needs).ToContainTextAsync($"festgestellt am {GermanCalendar.Format(recordedOn)}");
        await Assertions.Expect(needs).ToContainTextAsync("erfasst von der Drogenhilfe");
        Assert.False(await ShowsAsync(page, Description));
        await page.EvaluateAsync("() => { window.stillTheSamePage = true; }");

        var revoked = await browser.Services.GetRequiredService<ConsentCommands>().RevokeAsync(
            await StaffMembers.ByEmailAsync(browser.Services, JointCases.DrugHelpWorker.Email), clientId, referralConsentId, new RevocationInput { Note = "Widerruf am Telefon" });
        Assert.True(revoked.Succeeded, revoked.Message);

        await Assertions.Expect(needs).ToContainTextAsync("Kein Bedarf ohne Angebot erfasst.", new() { Timeout = (float)Soon.TotalMilliseconds });
        await Assertions.Expect(needs.Locator(".unmet-needs li")).ToHaveCountAsync(0, new() { Timeout = (float)Soon.TotalMilliseconds });
        Assert.True(await page.EvaluateAsync<bool>("() => window.stillTheSamePage === true"), "the page must not have been reloaded");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = ClientName })).ToBeVisibleAsync();
        Assert.False(await ShowsAsync(page, Description));

        await page.Context.CloseAsync();
    }

    /// <summary>Whether the page shows the text anywhere: in its text or in a field's value (which the HTML does not carry).</summary>
    private static Task<bool> ShowsAsync(IPage page, string text) => page.EvaluateAsync<bool>(
        "text => document.body.innerText.includes(text) || [...document.querySelectorAll('input, textarea, select')].some(e => (e.value ?? '').includes(text))",
        text);

    /// <summary>
    /// A client of the Drogenhilfe with the Jobcenter's case manager as counterpart, two consents
    /// towards the Jobcenter (master data; referrals) and an unmet need recorded by the Drogenhilfe.
    /// Returns the client, the referral consent and the day the need was recorded.
    /// </summary>
    private async Task<(Guid Client, Guid ReferralConsent, DateOnly RecordedOn)> UnmetNeedOfTheDrugHelpAsync()
    {
        var services = browser.Services;
        var drugHelpWorker = await StaffMembers.ByEmailAsync(services, JointCases.DrugHelpWorker.Email);
        var caseManager = await StaffMembers.ByEmailAsync(services, JointCases.CaseManager.Email);
        var today = GermanCalendar.DateOf(DateTimeOffset.UtcNow);
        var registered = await services.GetRequiredService<ClientRegistration>().RegisterAsync(drugHelpWorker, new ClientInput
        {
            FirstName = "Waltraud", LastName = "Lindqvist", BirthDate = new DateOnly(1961, 4, 11),
            PostalCode = "67059", City = "Ludwigshafen am Rhein", CounterpartId = caseManager.Id, ConfirmedNotDuplicate = true,
        });
        Assert.True(registered.Succeeded, registered.Message);
        var clientId = registered.Value!.Id;

        var consents = services.GetRequiredService<ConsentCommands>();
        var masterData = await consents.RecordAsync(drugHelpWorker, clientId, new ConsentInput
        {
            MasterData = true, DrugHelpToJobcenter = true, Purpose = "Stammdaten für die Eingliederung", SignedOn = today.AddDays(-7),
        });
        Assert.True(masterData.Succeeded, masterData.Message);
        var referrals = await consents.RecordAsync(drugHelpWorker, clientId, new ConsentInput
        {
            Referrals = true, DrugHelpToJobcenter = true, Purpose = "Vermittlungen an Hilfestellen", SignedOn = today.AddDays(-7),
        });
        Assert.True(referrals.Succeeded, referrals.Message);

        var recordedOn = today.AddDays(-2);
        var need = await services.GetRequiredService<UnmetNeeds>().RecordAsync(drugHelpWorker, clientId, new UnmetNeedInput
        {
            ServiceType = PartnerType.ElderCare, Description = Description, RecordedOn = recordedOn,
        });
        Assert.True(need.Succeeded, need.Message);

        await using var db = await services.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>().CreateDbContextAsync();
        var referralConsentId = await db.Consents
            .Where(c => c.ClientId == clientId && c.Scope == ConsentScope.Referrals)
            .Select(c => c.Id)
            .SingleAsync();
        return (clientId, referralConsentId, recordedOn);
    }
}
