using CaseManagement.Application.Appointments;
using CaseManagement.Application.Clients;
using CaseManagement.Domain;
using CaseManagement.Domain.Appointments;
using CaseManagement.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CaseManagement.EndToEndTests;

/// <summary>At the desk: what was just done is confirmed on the page, and a page leads with what is due now.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class DeskConfirmationTests(BrowserFixture browser)
{
    [Fact]
    public async Task Staffing_the_other_side_is_confirmed_and_a_future_appointment_leads_with_its_plan()
    {
        var services = browser.Services;
        var caseManager = await StaffMembers.ByEmailAsync(services, JointCases.CaseManager.Email);
        var drugHelpWorker = await StaffMembers.ByEmailAsync(services, JointCases.DrugHelpWorker.Email);
        var registered = await services.GetRequiredService<ClientRegistration>().RegisterAsync(caseManager, new ClientInput
        {
            FirstName = "Ilse",
            LastName = "Ungesetzt",
            BirthDate = new DateOnly(1979, 3, 14),
            PostalCode = "67059",
            City = "Ludwigshafen am Rhein",
            ConfirmedNotDuplicate = true,
        });
        Assert.True(registered.Succeeded, registered.Message);
        var clientId = registered.Value!.Id;
        var tomorrow = GermanCalendar.DateOf(DateTimeOffset.UtcNow).AddDays(1);
        var scheduled = await services.GetRequiredService<AppointmentCommands>().CreateAsync(caseManager, new AppointmentInput
        {
            Type = AppointmentType.JobcenterOnly,
            ClientId = clientId,
            Date = tomorrow,
            StartTime = new TimeOnly(10, 0),
            DurationMinutes = 30,
            ParticipantIds = [caseManager.Id],
        }, confirmDoubleBooking: true);
        Assert.True(scheduled.Succeeded, scheduled.Message);

        var page = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(page, JointCases.CaseManager);
        await page.GotoAsync($"/klienten/{clientId}");
        await page.GetByLabel("Zuständig bei Drogenhilfe festlegen").SelectOptionAsync(new SelectOptionValue { Label = drugHelpWorker.DisplayName });
        await page.GetByRole(AriaRole.Button, new() { Name = "Festlegen" }).ClickAsync();

        await Assertions.Expect(page.Locator(".alert-success[role=status]")).ToHaveTextAsync($"Zuständig bei Drogenhilfe ist jetzt {drugHelpWorker.DisplayName}.");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Zuständig" })).ToContainTextAsync(drugHelpWorker.DisplayName);

        await page.GotoAsync($"/termine/{scheduled.Value}");
        var headings = page.Locator("main h2");
        await Assertions.Expect(headings.First).ToHaveTextAsync("Termin ändern");
        await Assertions.Expect(headings.Nth(1)).ToHaveTextAsync("Ergebnis");
        await Assertions.Expect(page.GetByText("Das Ergebnis tragen Sie nach dem Termin ein.", new() { Exact = false })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "appointment-future");
        await page.Context.CloseAsync();
    }
}
