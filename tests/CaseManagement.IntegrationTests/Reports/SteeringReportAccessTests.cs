using System.Net;
using System.Text;
using CaseManagement.Application.Reports;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests.Reports;

/// <summary>
/// Who gets the steering report and what its files hold, through the real sign-in, the real
/// endpoints and the hand-built caseload of <see cref="SteeringReportData"/>: the Lenkungsrunde and
/// both team leads download CSV and PDF (the same joint figures); nobody else does; the files
/// carry no name and no case number; the Lenkungsrunde reaches no page or file about a client.
/// </summary>
public sealed class SteeringReportAccessTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Csv = "/kennzahlen/export/csv?zeitraum=jahr&jahr=2025";
    private const string Pdf = "/kennzahlen/export/pdf?zeitraum=jahr&jahr=2025";

    public static TheoryData<string> ReportRoles => [StaffRole.SteeringCommittee, StaffRole.TeamLeadJobcenter, StaffRole.TeamLeadDrugHelp];

    public static TheoryData<string> OtherRoles => [StaffRole.CaseManager, StaffRole.DrugHelpWorker, StaffRole.DataProtectionOfficer, StaffRole.Administrator];

    [Theory]
    [MemberData(nameof(ReportRoles))]
    public async Task Steering_and_team_leads_download_the_csv_in_utf8_with_bom_and_semicolons_without_any_name_or_case_number(string role)
    {
        var (names, caseNumbers) = await SeedAsync();
        using var browser = await SignedInAsync(role);

        var response = await browser.Client.GetAsync(Csv);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("kennzahlen-2025.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("Lenkungsrunde – Kennzahlen 2025\r\nZeitraum;01.01.2025–31.12.2025\r\n", text);
        Assert.Contains("\"Klient:innen nach Altersgruppe und Geschlecht – 2025 (01.01.2025–31.12.2025); Anzahl: Personen\"\r\nAltersgruppe;weiblich;männlich;divers;keine Angabe;Gesamt\r\n", text);
        // Two adolescent boys: a small figure; zeros stay zeros; other figures are perturbed by at most 4.
        Assert.Contains("Jugendliche (unter 18);0;•;0;0;•\r\n", text);
        Assert.Matches(@"\r\nErwachsene \(25\+\);(•|[5-9]|10);(1[0-8]);0;0;(1[6-9]|2[0-4])\r\n", text);
        Assert.Contains("Klient:innen nach Altersgruppe und Geschlecht – Vorjahr 2024 (01.01.2024–31.12.2024); Anzahl: Personen", text);
        Assert.Contains("Substitutionspraxis;13;–\r\n", text);
        Assert.Contains(SteeringReportLabels.HiddenNote, text);
        Assert.Contains(SteeringReportLabels.PerturbationNote, text);
        Assert.DoesNotContain("< 5", text);
        AssertNoPersonalData(text, names, caseNumbers);
    }

    [Theory]
    [MemberData(nameof(ReportRoles))]
    public async Task Steering_and_team_leads_download_the_pdf_with_the_figures_and_without_any_name_or_case_number(string role)
    {
        var (names, caseNumbers) = await SeedAsync();
        using var browser = await SignedInAsync(role);

        var response = await browser.Client.GetAsync(Pdf);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("kennzahlen-2025.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        var text = PdfText.Of(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Lenkungsrunde – Kennzahlen 2025", text);
        Assert.Contains("Seite 1 von", text);
        Assert.Contains("•", text);
        Assert.DoesNotContain("< 5", text);
        Assert.Contains("Klient:innen nach Altersgruppe und Geschlecht", text);
        Assert.Contains("Integrationsergebnisse", text);
        AssertNoPersonalData(text, names, caseNumbers);
    }

    [Fact]
    public async Task A_team_lead_gets_the_same_joint_figures_as_the_steering_round_not_a_share_of_them()
    {
        await SeedAsync();
        using var steering = await SignedInAsync(StaffRole.SteeringCommittee);
        using var teamLead = await SignedInAsync(StaffRole.TeamLeadDrugHelp);

        var forSteering = WithoutCreationTime(await steering.Client.GetStringAsync(Csv));
        var forTeamLead = WithoutCreationTime(await teamLead.Client.GetStringAsync(Csv));

        Assert.Equal(forSteering, forTeamLead);
        // Clients of both organisations: 34 people, published within 4 of that.
        Assert.Matches(@"\nGesamt;([7-9]|1[0-5]);(19|2[0-7]);0;0;(3[0-8])\r", forTeamLead);
    }

    [Fact]
    public async Task Every_download_is_audited_without_a_client()
    {
        await SeedAsync();
        var steering = await app.DemoMemberAsync(StaffRole.SteeringCommittee);
        using var browser = await SignedInAsync(StaffRole.SteeringCommittee);
        var before = await ExportsAsync(steering.Id);

        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync(Csv)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync(Pdf)).StatusCode);

        var added = (await ExportsAsync(steering.Id)).Skip(before.Count).ToList();
        Assert.Equal(2, added.Count);
        Assert.All(added, e => Assert.Null(e.ClientId));
        Assert.All(added, e => Assert.Null(e.CaseNumber));
        Assert.Equal(["Kennzahlen, 2025, CSV", "Kennzahlen, 2025, PDF"], added.Select(e => e.Fields));
    }

    [Theory]
    [MemberData(nameof(OtherRoles))]
    public async Task Caseworkers_data_protection_and_administration_get_neither_file_nor_page(string role)
    {
        await SeedAsync();
        using var browser = await SignedInAsync(role);

        foreach (var path in new[] { Csv, Pdf, "/kennzahlen" })
        {
            var response = await browser.Client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{role} must not get {path}, got {response.StatusCode}");
            Assert.StartsWith("/konto/kein-zugriff", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Nobody_signed_out_gets_a_file()
    {
        using var browser = StaffBrowser.Open(app);

        var response = await browser.Client.GetAsync(Csv);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/anmelden", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_steering_round_reaches_no_page_and_no_file_about_a_client()
    {
        await SeedAsync();
        Guid clientId;
        await using (var db = await app.DbAsync())
        {
            clientId = await db.Clients.Where(c => c.LastName == SteeringReportData.Surname).Select(c => c.Id).FirstAsync();
        }

        using var browser = await SignedInAsync(StaffRole.SteeringCommittee);
        string[] clientPaths =
        [
            "/klienten", "/klienten/neu", $"/klienten/{clientId}", $"/klienten/{clientId}/bearbeiten", $"/klienten/{clientId}/einwilligung",
            $"/klienten/{clientId}/hilfeplan", $"/klienten/{clientId}/hilfeplan/fassung/1", $"/klienten/{clientId}/hilfeplan/1/pdf",
            "/termine", "/termine/neu", $"/termine/{Guid.NewGuid()}", "/termine/kalender.ics", "/kontakt", "/team", "/datenschutz",
        ];

        foreach (var path in clientPaths)
        {
            var response = await browser.Client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"the steering round must not reach {path}, got {response.StatusCode}");
            Assert.StartsWith("/konto/kein-zugriff", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("zeitraum=jahr&jahr=1999", "Bitte ein Jahr von 2000 bis")]
    [InlineData("zeitraum=jahr&jahr=2999", "Bitte ein Jahr von 2000 bis")]
    [InlineData("zeitraum=frei&von=2025-05-01&bis=2025-05-02", "Bitte Monat, Quartal, Halbjahr oder ganzes Jahr wählen.")]
    [InlineData("zeitraum=monat&jahr=2025&monat=13", "Bitte einen Monat von Januar bis Dezember wählen.")]
    [InlineData("zeitraum=quartal&jahr=2025&quartal=5", "Bitte ein Quartal von 1 bis 4 wählen.")]
    [InlineData("zeitraum=halbjahr&jahr=2025&halbjahr=3", "Bitte das 1. oder 2. Halbjahr wählen.")]
    public async Task An_impossible_period_is_refused_with_a_German_reason(string query, string reason)
    {
        using var browser = await SignedInAsync(StaffRole.SteeringCommittee);

        var response = await browser.Client.GetAsync($"/kennzahlen/export/csv?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_month_a_quarter_and_a_half_year_get_file_names_of_their_own_and_compare_with_the_same_span_a_year_before()
    {
        await SeedAsync();
        using var browser = await SignedInAsync(StaffRole.SteeringCommittee);

        var month = await browser.Client.GetAsync("/kennzahlen/export/csv?zeitraum=monat&jahr=2025&monat=3");
        var quarter = await browser.Client.GetAsync("/kennzahlen/export/csv?zeitraum=quartal&jahr=2025&quartal=2");
        var half = await browser.Client.GetAsync("/kennzahlen/export/pdf?zeitraum=halbjahr&jahr=2025&halbjahr=1");

        Assert.Equal("kennzahlen-2025-03.csv", month.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("kennzahlen-2025-q2.csv", quarter.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("kennzahlen-2025-h1.pdf", half.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains("Vorjahr März 2024 (01.03.2024–31.03.2024); Anzahl: Personen\"", await month.Content.ReadAsStringAsync());
        Assert.Contains("Vorjahr 2. Quartal 2024 (01.04.2024–30.06.2024)", await quarter.Content.ReadAsStringAsync());
        Assert.Contains("Lenkungsrunde – Kennzahlen 1. Halbjahr 2025", PdfText.Of(await half.Content.ReadAsByteArrayAsync()));
    }

    private static void AssertNoPersonalData(string text, IReadOnlyList<string> names, IReadOnlyList<string> caseNumbers)
    {
        Assert.DoesNotContain(SteeringReportData.Surname, text, StringComparison.OrdinalIgnoreCase);
        Assert.All(names, n => Assert.DoesNotContain($"{n} ", text, StringComparison.Ordinal));
        Assert.All(caseNumbers, n => Assert.DoesNotContain(n, text, StringComparison.Ordinal));
        Assert.DoesNotContain("LU-", text, StringComparison.Ordinal);
        Assert.DoesNotContain("F12.2", text, StringComparison.Ordinal); // a diagnosis of the data set
    }

    private static string WithoutCreationTime(string csv) =>
        string.Join("\n", csv.Split('\n').Where(line => !line.StartsWith("Erstellt am;", StringComparison.Ordinal)));

    private async Task<List<AuditEntry>> ExportsAsync(string userId)
    {
        await using var db = await app.DbAsync();
        return await db.AuditEntries.AsNoTracking().Where(a => a.UserId == userId && a.Action == AuditAction.Exported).OrderBy(a => a.Id).ToListAsync();
    }

    private async Task<StaffBrowser> SignedInAsync(string role)
    {
        var browser = StaffBrowser.Open(app);
        var account = DemoAccounts.All.Single(a => a.Role == role);
        var signIn = await browser.SignInAsync(account.Email, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return browser;
    }

    /// <summary>The caseload once per fixture; returns the first names (unique markers like "AW1") and case numbers it holds.</summary>
    private async Task<(IReadOnlyList<string> Names, IReadOnlyList<string> CaseNumbers)> SeedAsync()
    {
        var seeded = await PerFixture<SeededNames>.GetAsync(app, async fixture =>
        {
            await using var db = await fixture.DbAsync();
            await SteeringReportData.SeedAsync(db);
            var clients = await db.Clients.AsNoTracking().Where(c => c.LastName == SteeringReportData.Surname).Select(c => new { c.FirstName, c.CaseNumber }).ToListAsync();
            return new SeededNames([.. clients.Select(c => c.FirstName)], [.. clients.Select(c => c.CaseNumber)]);
        });
        return (seeded.Names, seeded.CaseNumbers);
    }

    private sealed record SeededNames(IReadOnlyList<string> Names, IReadOnlyList<string> CaseNumbers);
}
