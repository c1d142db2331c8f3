using System.Net;
using System.Text.Json;
using CaseManagement.Application.AccessCopies;
using CaseManagement.Application.Clients;
using CaseManagement.Domain.Appointments;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using CaseManagement.IntegrationTests.Referrals;
using CaseManagement.IntegrationTests.Reports;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests.DataProtection;

/// <summary>
/// The Art. 15 copy as JSON: a client with data in every category, checked field by field, with the
/// drug-help service's internal notes withheld by the officer's decision, and not a word of another
/// client whose data sits beside it. Compiling it is audited; only the officer may.
/// </summary>
public sealed class AccessCopyTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_JSON_copy_holds_every_category_of_the_client_field_by_field_and_nothing_of_another_client()
    {
        var (client, other) = await SeedAsync();
        using var browser = await OfficerBrowserAsync();
        var response = await browser.Client.GetAsync($"/datenschutz/auskunft/{client.Client.Id}/json?notizen=jobcenter");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"auskunft-{client.Client.CaseNumber}.json", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;

        var person = root.GetProperty("person");
        Assert.Equal(client.Client.CaseNumber, person.GetProperty("caseNumber").GetString());
        Assert.Equal("Agathe", person.GetProperty("firstName").GetString());
        Assert.Equal("Auskunftsprobe", person.GetProperty("lastName").GetString());
        Assert.Equal("1990-05-17", person.GetProperty("birthDate").GetString());
        Assert.Equal("Bismarckstraße 1", person.GetProperty("street").GetString());
        Assert.Equal("67059", person.GetProperty("postalCode").GetString());
        Assert.Equal("0621 A-Telefon", person.GetProperty("phone").GetString());
        Assert.Equal("weiblich", person.GetProperty("gender").GetString());
        Assert.Equal("Jobcenter", person.GetProperty("registeredBy").GetString());

        var episode = Assert.Single(root.GetProperty("episodes").EnumerateArray());
        Assert.Equal(("2024-02-01", "F11.2", "F17.2", "A-Auflage Urinkontrollen"), (episode.GetProperty("startedOn").GetString(), episode.GetProperty("mainDiagnosis").GetString(), episode.GetProperty("secondaryDiagnoses").GetString(), episode.GetProperty("conditionsImposed").GetString()));

        var consents = root.GetProperty("consents").EnumerateArray().ToList();
        Assert.Equal(2, consents.Count);
        Assert.Equal(("A-Zweck gemeinsame Fallarbeit", "widerrufen", "A-Widerruf am Telefon"), (consents[0].GetProperty("purpose").GetString(), consents[0].GetProperty("state").GetString(), consents[0].GetProperty("revocationNote").GetString()));
        Assert.Equal("gültig", consents[1].GetProperty("state").GetString());
        Assert.Contains("Stammdaten", consents[1].GetProperty("scope").GetString(), StringComparison.Ordinal);

        var plans = root.GetProperty("plans").EnumerateArray().ToList();
        Assert.Equal([1, 2], plans.Select(p => p.GetProperty("version").GetInt32()));
        Assert.Equal(["A-Ziel Lagerarbeit v1", "A-Ziel Lagerarbeit v2"], plans.Select(p => p.GetProperty("integrationGoal").GetString()));
        var step = plans[1].GetProperty("goals")[0].GetProperty("steps")[0];
        Assert.Equal("A-Schritt Bewerbung schreiben", step.GetProperty("description").GetString());
        Assert.Equal("A-Schrittnotiz Jobcenter", step.GetProperty("jobcenterNote").GetString());
        // The drug-help service's notes were not handed out.
        Assert.Equal(JsonValueKind.Null, step.GetProperty("drugHelpNote").ValueKind);

        var appointment = Assert.Single(root.GetProperty("appointments").EnumerateArray());
        Assert.Equal(("Begleitung", "A-Hausarztpraxis", "wahrgenommen"), (appointment.GetProperty("type").GetString(), appointment.GetProperty("accompanimentTarget").GetString(), appointment.GetProperty("outcome").GetString()));

        var referral = Assert.Single(root.GetProperty("referrals").EnumerateArray());
        Assert.Equal(("Schuldnerberatung Auskunft", "A-Grund Schulden", "2025-01-10"), (referral.GetProperty("partner").GetString(), referral.GetProperty("reason").GetString(), referral.GetProperty("proposedOn").GetString()));

        var note = Assert.Single(root.GetProperty("internalNotes").EnumerateArray());
        Assert.Equal(("Jobcenter", "A-Notiz Jobcenter"), (note.GetProperty("organisation").GetString(), note.GetProperty("text").GetString()));
        Assert.Equal(["Drogenhilfe"], root.GetProperty("notesWithheld").EnumerateArray().Select(e => e.GetString()));

        var access = root.GetProperty("accessHistory").EnumerateArray().ToList();
        Assert.Contains(access, a => a.GetProperty("who").GetString() == "Fallmanagerin Auskunft" && a.GetProperty("action").GetString() == "geöffnet");

        // Nothing of the other client, nor the withheld notes.
        Assert.DoesNotContain("Fremdprobe", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Fritz", text, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Client.CaseNumber, text, StringComparison.Ordinal);
        Assert.DoesNotContain("F-", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Drogenhilfe-Notiz", text, StringComparison.Ordinal);

        await using (var db = await app.DbAsync())
        {
            var entry = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditAction.AccessCopyCompiled && a.ClientId == client.Client.Id);
            Assert.Equal((client.Client.CaseNumber, "Auskunft nach Art. 15 DSGVO (JSON), ohne interne Notizen: Drogenhilfe"), (entry.CaseNumber, entry.Fields));
        }

        foreach (var role in StaffRole.All.Where(r => r != StaffRole.DataProtectionOfficer))
        {
            Assert.Null(await app.Service<AccessCopyQuery>().CompileAsync(await app.DemoMemberAsync(role), client.Client.Id, new AccessCopyOptions(true, true), "JSON"));
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await browser.Client.GetAsync($"/datenschutz/auskunft/{client.Client.Id}/json?notizen=alles")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync($"/datenschutz/auskunft/{Guid.NewGuid()}/json")).StatusCode);
    }

    [Fact]
    public async Task The_PDF_copy_reads_every_category_in_plain_German_names_what_was_withheld_and_holds_nothing_of_another_client()
    {
        var (client, other) = await SeedAsync();
        using var browser = await OfficerBrowserAsync();
        var response = await browser.Client.GetAsync($"/datenschutz/auskunft/{client.Client.Id}/pdf?notizen=jobcenter");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"auskunft-{client.Client.CaseNumber}.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var text = PdfText.Of(await response.Content.ReadAsByteArrayAsync());

        foreach (var expected in new[]
        {
            "Auskunft über Ihre gespeicherten Daten", $"Agathe Auskunftsprobe, geboren 17.05.1990 – Fallnummer {client.Client.CaseNumber}",
            "Bismarckstraße 1", "0621 A-Telefon",
            "F11.2", "F17.2", "A-Auflage Urinkontrollen",
            "A-Zweck gemeinsame Fallarbeit", "A-Widerruf am Telefon", "widerrufen",
            "Hilfeplan, Fassung 1", "Hilfeplan, Fassung 2", "A-Ziel Lagerarbeit v1", "A-Ziel Lagerarbeit v2", "A-Ziel Bewerbungen",
            "A-Schritt Bewerbung schreiben", "Notiz des Jobcenters: A-Schrittnotiz Jobcenter",
            "Begleitung", "A-Hausarztpraxis", "wahrgenommen",
            "Schuldnerberatung Auskunft", "A-Grund Schulden", "10.01.2025",
            "A-Notiz Jobcenter", "Nicht beigefügt sind die internen Notizen: der Stelle „Drogenhilfe“",
            "Fallmanagerin Auskunft (Jobcenter): geöffnet",
            "Ihre Rechte", "Artikel 77 DSGVO",
        })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Fremdprobe", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Fritz", text, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Client.CaseNumber, text, StringComparison.Ordinal);
        Assert.DoesNotContain("F-", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Drogenhilfe-Notiz", text, StringComparison.Ordinal);

        await using var db = await app.DbAsync();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditAction.AccessCopyCompiled && a.ClientId == client.Client.Id);
        Assert.Equal("Auskunft nach Art. 15 DSGVO (PDF), ohne interne Notizen: Drogenhilfe", entry.Fields);
    }

    /// <summary>Two clients with data in every category, both opened once by the case manager ("Fallmanagerin Auskunft").</summary>
    private async Task<(Holding Client, Holding Other)> SeedAsync()
    {
        var caseManager = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Fallmanagerin Auskunft");
        var drugHelpWorker = await app.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Fachkraft Auskunft");
        var partner = await app.PartnerAsync(PartnerType.DebtCounselling, "Schuldnerberatung Auskunft");
        var (client, other) = (Full("Agathe", "Auskunftsprobe", caseManager, drugHelpWorker, partner, "A"), Full("Fritz", "Fremdprobe", caseManager, drugHelpWorker, partner, "F"));
        await using (var db = await app.DbAsync())
        {
            db.Clients.AddRange(client.Client, other.Client);
            db.HelpPlans.AddRange(client.Plans);
            db.HelpPlans.AddRange(other.Plans);
            db.Appointments.AddRange(client.Appointment, other.Appointment);
            db.Referrals.AddRange(client.Referral, other.Referral);
            await db.SaveChangesAsync();
        }

        Assert.NotNull(await app.Service<ClientFileQuery>().OpenAsync(caseManager, client.Client.Id));
        Assert.NotNull(await app.Service<ClientFileQuery>().OpenAsync(caseManager, other.Client.Id));
        return (client, other);
    }

    private async Task<StaffBrowser> OfficerBrowserAsync()
    {
        var browser = StaffBrowser.Open(app);
        var officer = DemoAccounts.All.Single(a => a.Role == StaffRole.DataProtectionOfficer);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(officer.Email, DemoAccounts.Password)).StatusCode);
        return browser;
    }

    private sealed record Holding(Client Client, List<HelpPlan> Plans, Appointment Appointment, Referral Referral);

    /// <summary>A client with data in every category, every text marked with <paramref name="mark"/>.</summary>
    private static Holding Full(string firstName, string lastName, Domain.Access.StaffMember caseManager, Domain.Access.StaffMember drugHelpWorker, Partner partner, string mark)
    {
        var client = CaseData.NewClient(Organisation.Jobcenter, caseManager.Id, drugHelpWorker.Id, firstName, lastName);
        client.Phone = $"0621 {mark}-Telefon";
        var episode = client.AddEpisode(new DateOnly(2024, 2, 1));
        episode.ConditionsImposed = $"{mark}-Auflage Urinkontrollen";
        var revoked = client.AddConsent(caseManager.Id, ConsentScope.MasterData | ConsentScope.HelpPlan, ConsentDirections.JobcenterToDrugHelp, new DateOnly(2024, 2, 1));
        revoked.Purpose = $"{mark}-Zweck gemeinsame Fallarbeit";
        revoked.Revoke(DateTimeOffset.UtcNow.AddDays(-30), $"{mark}-Widerruf am Telefon", caseManager.Id, Organisation.Jobcenter);
        client.AddConsent(caseManager.Id, ConsentScope.MasterData, ConsentDirections.JobcenterToDrugHelp, new DateOnly(2024, 6, 1));
        client.AddNote(Organisation.Jobcenter, $"{mark}-Notiz Jobcenter");
        client.AddNote(Organisation.DrugHelpService, $"{mark}-Drogenhilfe-Notiz");
        var plans = new List<HelpPlan>();
        foreach (var version in new[] { 1, 2 })
        {
            var plan = SteeringReportData.Plan(client, version, SteeringReportData.At(2024, 2 + version, 1), agreedOn: version == 1 ? new DateOnly(2024, 3, 5) : null);
            plan.IntegrationGoal = $"{mark}-Ziel Lagerarbeit v{version}";
            SteeringReportData.Goal(plan, PlanArea.JobApplicationSupport, StepStatus.InProgress);
            plan.Goals[0].Text = $"{mark}-Ziel Bewerbungen";
            plan.Goals[0].Steps[0].Description = $"{mark}-Schritt Bewerbung schreiben";
            plan.Goals[0].Steps[0].SetNote(Organisation.Jobcenter, new StepNote($"{mark}-Schrittnotiz Jobcenter", false));
            plan.Goals[0].Steps[0].SetNote(Organisation.DrugHelpService, new StepNote($"{mark}-Drogenhilfe-Notiz zum Schritt", false));
            plans.Add(plan);
        }

        var appointment = SteeringReportData.Appointment(client.Id, AppointmentType.Accompaniment, SteeringReportData.At(2024, 4, 2), AppointmentOutcome.Attended);
        appointment.AccompanimentTarget = $"{mark}-Hausarztpraxis";
        var referral = Referral.Propose(client.Id, partner, $"{mark}-Grund Schulden", null, new DateOnly(2025, 1, 10), new DateOnly(2025, 1, 10), SteeringReportData.Actor, DateTimeOffset.UtcNow);
        return new Holding(client, plans, appointment, referral);
    }
}
