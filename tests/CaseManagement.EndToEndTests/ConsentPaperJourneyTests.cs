using System.Text;
using CaseManagement.Application.Clients;
using CaseManagement.Application.Consent;
using CaseManagement.Domain;
using CaseManagement.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CaseManagement.EndToEndTests;

/// <summary>
/// The paper side of a consent on the client page: the form printed as PDF, and the scan of the signed
/// form uploaded, refused next to the field when it is not what its name says or too large, and opened.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ConsentPaperJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_case_manager_prints_the_form_and_stores_the_scan_of_the_signed_paper()
    {
        var clientId = await ClientWithConsentAsync();
        var page = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(page, JointCases.CaseManager);
        await page.GotoAsync($"/klienten/{clientId}");
        var section = page.Locator("section[aria-labelledby=consent-title]");
        await Assertions.Expect(section.Locator(".consent .badge")).ToHaveTextAsync("gültig");

        // The form to print: a PDF for this consent.
        var print = section.GetByRole(AriaRole.Link, new() { Name = "Formular drucken (PDF)" });
        var form = await page.Context.APIRequest.GetAsync((await print.GetAttributeAsync("href"))!);
        Assert.Equal(200, form.Status);
        Assert.Equal("application/pdf", form.Headers["content-type"]);
        var pdf = await form.BodyAsync();
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(pdf[..5]), StringComparison.Ordinal);
        Directory.CreateDirectory(Path.Combine(BrowserFixture.ArtifactsFolder, "pdf"));
        await File.WriteAllBytesAsync(Path.Combine(BrowserFixture.ArtifactsFolder, "pdf", "consent-form-from-app.pdf"), pdf);

        await section.GetByRole(AriaRole.Button, new() { Name = "Scan hochladen …" }).ClickAsync();
        var field = section.GetByLabel("Scan des unterschriebenen Formulars hochladen");
        await Assertions.Expect(field).ToBeFocusedAsync();
        await Assertions.Expect(section.GetByText("PDF, JPEG oder PNG, höchstens 5 MB.")).ToBeVisibleAsync();
        var save = section.GetByRole(AriaRole.Button, new() { Name = "Scan speichern" });
        await Assertions.Expect(save).ToBeDisabledAsync();

        // A text file that calls itself a PDF is refused, next to the field.
        await field.SetInputFilesAsync(new FilePayload { Name = "einwilligung.pdf", MimeType = "application/pdf", Buffer = Encoding.UTF8.GetBytes("Unterschrieben am Küchentisch.") });
        await save.ClickAsync();
        var error = section.Locator(".consent-scan-upload .validation-message");
        await Assertions.Expect(error).ToContainTextAsync("Der Inhalt der Datei ist kein PDF, auch wenn der Name es sagt.");
        await Assertions.Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(section.GetByRole(AriaRole.Link, new() { Name = "Unterschriebenes Formular ansehen" })).ToHaveCountAsync(0);
        Assert.Empty(await AccessibilitySweepTests.SeriousFindingsAsync(page));
        await BrowserFixture.ScreenshotAsync(page, "consent-scan-refused");

        // Too large: refused before anything is sent.
        await field.SetInputFilesAsync(new FilePayload { Name = "scan.png", MimeType = "image/png", Buffer = new byte[6 * 1024 * 1024] });
        await Assertions.Expect(error).ToContainTextAsync("Die Datei ist zu groß (6 MB); höchstens 5 MB sind möglich.");
        await Assertions.Expect(save).ToBeDisabledAsync();

        // Near the limit, the file still goes through the page's connection whole (a PNG by its first bytes).
        byte[] large = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[(int)(4.8 * 1024 * 1024)]];
        await field.SetInputFilesAsync(new FilePayload { Name = "scan-gross.png", MimeType = "image/png", Buffer = large });
        await save.ClickAsync();
        await Assertions.Expect(section.GetByRole(AriaRole.Status)).ToHaveTextAsync("Der Scan ist gespeichert.", new() { Timeout = 60_000 });
        await section.GetByRole(AriaRole.Button, new() { Name = "Neuen Scan hochladen …" }).ClickAsync();
        field = section.GetByLabel("Neuen Scan des unterschriebenen Formulars hochladen");

        // A real PNG (a picture of the form's link, taken here) is stored; the link to open it appears with its date.
        var png = await print.ScreenshotAsync();
        await field.SetInputFilesAsync(new FilePayload { Name = "einwilligung-unterschrieben.png", MimeType = "image/png", Buffer = png });
        await save.ClickAsync();
        await Assertions.Expect(section.GetByRole(AriaRole.Status)).ToHaveTextAsync("Der Scan ist gespeichert.");
        await Assertions.Expect(error).ToHaveCountAsync(0);
        var open = section.GetByRole(AriaRole.Link, new() { Name = "Unterschriebenes Formular ansehen" });
        await Assertions.Expect(open).ToBeVisibleAsync();
        await Assertions.Expect(section.Locator(".consent-paper-links")).ToContainTextAsync($"hochgeladen am {GermanCalendar.Format(GermanCalendar.DateOf(DateTimeOffset.UtcNow))}");
        var scan = await page.Context.APIRequest.GetAsync((await open.GetAttributeAsync("href"))!);
        Assert.Equal(200, scan.Status);
        Assert.Equal("image/png", scan.Headers["content-type"]);
        Assert.Equal(png, await scan.BodyAsync());
        Assert.Empty(await AccessibilitySweepTests.SeriousFindingsAsync(page));
        await section.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "screenshots", "consent-section-with-scan.png") });
        await BrowserFixture.ScreenshotAsync(page, "client-page-consent-with-scan");

        // At phone width the section still reads and works.
        await page.SetViewportSizeAsync(390, 844);
        await section.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "screenshots", "consent-section-phone.png") });
        await page.Context.CloseAsync();
    }

    /// <summary>A client of the demo case manager with a consent the Jobcenter recorded.</summary>
    private async Task<Guid> ClientWithConsentAsync()
    {
        var services = browser.Services;
        var caseManager = await StaffMembers.ByEmailAsync(services, JointCases.CaseManager.Email);
        var registered = await services.GetRequiredService<ClientRegistration>().RegisterAsync(caseManager, new ClientInput
        {
            FirstName = "Sönke",
            LastName = "Bärwald",
            BirthDate = new DateOnly(1989, 11, 23),
            PostalCode = "67061",
            City = "Ludwigshafen am Rhein",
            ConfirmedNotDuplicate = true,
        });
        Assert.True(registered.Succeeded, registered.Message);
        var consent = await services.GetRequiredService<ConsentCommands>().RecordAsync(caseManager, registered.Value!.Id, new ConsentInput
        {
            MasterData = true,
            Referrals = true,
            JobcenterToDrugHelp = true,
            Purpose = "Vermittlung in die Schuldnerberatung und gemeinsame Termine",
            SignedOn = GermanCalendar.DateOf(DateTimeOffset.UtcNow),
        });
        Assert.True(consent.Succeeded, consent.Message);
        return registered.Value.Id;
    }
}
