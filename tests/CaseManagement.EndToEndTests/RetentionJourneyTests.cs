using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CaseManagement.EndToEndTests;

/// <summary>
/// The data-protection officer's retention page in a real browser: the dry run lists two long-closed
/// cases with what will go, one is held with a reason, the run anonymises the other, the history shows it.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class RetentionJourneyTests(BrowserFixture browser)
{
    private static readonly DemoAccount DataProtection = DemoAccounts.All.Single(a => a.Role == StaffRole.DataProtectionOfficer);

    [Fact]
    public async Task The_officer_reads_the_dry_run_holds_one_case_and_runs_the_rest()
    {
        var (released, held) = await LongClosedCasesAsync();
        var page = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(page, DataProtection);

        await page.GotoAsync("/datenschutz/loeschlaeufe");

        var due = page.GetByRole(AriaRole.Table, new() { Name = "Fällige Fälle mit den Daten, die der nächste Lauf entfernt" });
        var releasedRow = due.GetByRole(AriaRole.Row).Filter(new() { HasText = released });
        var heldRow = due.GetByRole(AriaRole.Row).Filter(new() { HasText = held });
        await Assertions.Expect(releasedRow).ToContainTextAsync("30.06.2016");
        await Assertions.Expect(releasedRow).ToContainTextAsync("Einwilligungen: gelöscht");
        await Assertions.Expect(releasedRow).ToContainTextAsync("Interne Notizen: gelöscht");
        await Assertions.Expect(releasedRow).ToContainTextAsync("wird anonymisiert");
        await Assertions.Expect(page.GetByText("5 Jahre", new() { Exact = false }).First).ToBeVisibleAsync();

        await heldRow.GetByRole(AriaRole.Button, new() { Name = $"Zurückhalten: {held}" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sperre setzen" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Bitte geben Sie den Grund der Löschsperre an")).ToBeVisibleAsync();
        await page.GetByLabel($"Grund der Löschsperre für {held}").FillAsync("Beschwerde beim Landesbeauftragten, noch offen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sperre setzen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Löschsperre für" })).ToContainTextAsync(held);
        await Assertions.Expect(heldRow).ToContainTextAsync("Löschsperre");
        await Assertions.Expect(heldRow).ToContainTextAsync("Beschwerde beim Landesbeauftragten, noch offen");
        await BrowserFixture.ScreenshotAsync(page, "retention-dry-run");

        await page.GetByRole(AriaRole.Button, new() { Name = "Lauf jetzt ausführen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("unwiderruflich anonymisiert");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, jetzt anonymisieren" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Lauf abgeschlossen" })).ToContainTextAsync("mit Löschsperre erhalten");
        await Assertions.Expect(releasedRow).ToHaveCountAsync(0);
        await Assertions.Expect(heldRow).ToContainTextAsync("Löschsperre");
        var history = page.GetByRole(AriaRole.Table, new() { Name = "Bisherige Löschläufe, neueste zuerst" });
        await Assertions.Expect(history.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync($"von Hand: {DataProtection.DisplayName}");
        await history.Locator("summary").First.ClickAsync();
        await Assertions.Expect(history.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync(released);
        await BrowserFixture.ScreenshotAsync(page, "retention-after-run");

        var phone = await browser.NewPageAsync(390, 844);
        await BrowserFixture.SignInAsync(phone, DataProtection);
        await phone.GotoAsync("/datenschutz/loeschlaeufe");
        await Assertions.Expect(phone.GetByRole(AriaRole.Row).Filter(new() { HasText = held })).ToContainTextAsync("Löschsperre");
        await BrowserFixture.ScreenshotAsync(phone, "retention-phone");

        await page.Context.CloseAsync();
        await phone.Context.CloseAsync();
    }

    /// <summary>Two clients whose only episode ended on 30.06.2016, with a consent and an internal note each.</summary>
    private async Task<(string Released, string Held)> LongClosedCasesAsync()
    {
        var numbers = new List<string>();
        var caseManager = await CaseManagement.Testing.StaffMembers.ByEmailAsync(browser.Services, JointCases.CaseManager.Email);
        await using var db = await browser.Services.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>().CreateDbContextAsync();
        foreach (var name in new[] { "Freigabeprobe", "Sperrprobe" })
        {
            var client = new Client
            {
                Id = Guid.NewGuid(), CaseNumber = CaseNumber.Format(1989, Random.Shared.Next(10_000, 99_999)), OwningOrganisation = Organisation.Jobcenter,
                FirstName = "Liesel", LastName = name, BirthDate = new DateOnly(1970, 3, 3), PostalCode = "67059", City = "Ludwigshafen am Rhein",
                CreatedAt = DateTimeOffset.UtcNow, ConcurrencyStamp = Guid.NewGuid(),
            };
            client.RefreshDerivedFields();
            client.OpenNewEpisode(new DateOnly(2015, 1, 5)).Close(new DateOnly(2016, 6, 30), ClosureReason.WorkTakenUp);
            client.Consents.Add(new ClientConsent
            {
                Id = Guid.NewGuid(), ClientId = client.Id, Scope = ConsentScope.MasterData, Directions = ConsentDirections.JobcenterToDrugHelp,
                Purpose = "Gemeinsame Fallarbeit", SignedOn = new DateOnly(2015, 1, 5), RecordedById = caseManager.Id, RecordedByOrganisation = Organisation.Jobcenter,
                RecordedAt = DateTimeOffset.UtcNow,
            });
            client.Notes.Add(new InternalNote
            {
                Id = Guid.NewGuid(), ClientId = client.Id, Organisation = Organisation.Jobcenter, AuthorId = caseManager.Id, AuthorName = "Testautor:in",
                CreatedAt = DateTimeOffset.UtcNow, Text = "Alte Notiz",
            });
            db.Clients.Add(client);
            numbers.Add(client.CaseNumber);
        }

        await db.SaveChangesAsync();
        return (numbers[0], numbers[1]);
    }
}
