using System.Net;
using CaseManagement.Application.HelpPlans;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;

namespace CaseManagement.IntegrationTests;

/// <summary>
/// The plan the client takes home: their name, case number and every goal, with umlauts intact; never
/// the internal notes, the health data (KDS) or the caseworkers' step notes. Also over HTTP.
/// </summary>
public sealed class HelpPlanPrintTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string InternalNote = "Interner Vermerk: Verdacht auf Beikonsum";
    private const string ConsultationNote = "Notiz zum Schritt: Schulden beim Vermieter";

    private static readonly string[] GoalTexts =
    [
        "Bewerbungsunterlagen für Lagerbetriebe vervollständigen",
        "Substitutionsbehandlung regelmäßig wahrnehmen",
        "Schuldnerberatung in Anspruch nehmen",
    ];

    [Fact]
    public async Task The_printed_plan_holds_name_case_number_and_every_goal_but_no_notes_and_no_health_data()
    {
        var joint = await app.JointCaseAsync(firstName: "Jörg", lastName: "Müßig-Özdemir", configure: client =>
        {
            client.AddNote(Organisation.Jobcenter, InternalNote);
            client.AddNote(Organisation.DrugHelpService, "Drogenhilfe intern: Rückfall im März");
        });
        var agreed = await app.AgreedAsync(joint, PlanWithUmlauts());

        var printed = await app.Service<HelpPlanPrint>().RenderAsync(joint.CaseManager, joint.ClientId, agreed.Version);

        Assert.True(printed.Succeeded, printed.Message);
        Assert.Equal($"Hilfeplan_{joint.Client.CaseNumber}_Fassung_1.pdf", printed.Value!.FileName);
        var text = PdfText.Of(printed.Value.Pdf);
        Assert.Contains("Jörg Müßig-Özdemir", text, StringComparison.Ordinal);
        Assert.Contains(joint.Client.CaseNumber, text, StringComparison.Ordinal);
        Assert.All(GoalTexts, goal => Assert.Contains(goal, text, StringComparison.Ordinal));
        Assert.Contains("Substitutionspraxis Süd", text, StringComparison.Ordinal);
        Assert.Contains(HelpPlanData.IntegrationGoal, text, StringComparison.Ordinal);
        Assert.Contains("Hilfeplan – Fassung 1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Entwurf", text, StringComparison.OrdinalIgnoreCase);
        string[] secrets =
        [
            InternalNote, "Beikonsum", "Rückfall", ConsultationNote, "Vermieter", HelpPlanData.StepNote, "Urinkontrollen",
        ];
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase));
        // Diagnosis codes as words: the test account's random e-mail address may hold "f11" in its hex digits.
        Assert.DoesNotMatch(new System.Text.RegularExpressions.Regex(@"\bF1[17](\.\d)?\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase), text);
        var exported = Assert.Single(await app.HelpPlanAuditAsync(joint.ClientId, AuditAction.Exported));
        Assert.Equal("Fassung 1, PDF", exported.Fields);
        Assert.Equal(joint.CaseManager.Id, exported.UserId);
    }

    [Fact]
    public async Task A_draft_can_be_printed_too_and_a_missing_version_is_not_found()
    {
        var joint = await app.JointCaseAsync();
        var draft = await app.DraftAsync(joint, PlanWithUmlauts());

        var printed = await app.Service<HelpPlanPrint>().RenderAsync(joint.DrugHelpWorker, joint.ClientId, draft.Version);
        var missing = await app.Service<HelpPlanPrint>().RenderAsync(joint.CaseManager, joint.ClientId, 7);

        Assert.True(printed.Succeeded, printed.Message);
        var text = PdfText.Of(printed.Value!.Pdf);
        // Marked as a draft (the diagonal "ENTWURF" on every page comes with it; the Documents tests check that).
        Assert.Contains($"Hilfeplan – Fassung {draft.Version} – Entwurf", text, StringComparison.Ordinal);
        Assert.Contains(GoalTexts[2], text, StringComparison.Ordinal);
        Assert.True(missing.NotFound);
    }

    [Fact]
    public async Task The_pdf_download_is_a_pdf_kept_by_no_cache_for_the_responsible_caseworker_and_not_found_for_another()
    {
        var caseManager = await app.DemoMemberAsync(StaffRole.CaseManager);
        var colleagueEmail = $"kollegin-{Guid.NewGuid():N}@test.example";
        await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Kollegin ohne Fall", colleagueEmail);
        var drugHelpWorker = await app.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Fachkraft zum Fall");
        var client = CaseData.NewClient(Organisation.Jobcenter, caseManager.Id, drugHelpWorker.Id, "Özlem", "Träger");
        client.AddEpisode(app.Today().AddDays(-20));
        await app.SaveClientsAsync([client]);
        var joint = new JointCase(caseManager, drugHelpWorker, client);
        var agreed = await app.AgreedAsync(joint, PlanWithUmlauts());
        var path = $"/klienten/{client.Id}/hilfeplan/{agreed.Version}/pdf";

        using var responsible = StaffBrowser.Open(app);
        var demo = DemoAccounts.All.First(a => a.Role == StaffRole.CaseManager);
        Assert.Equal(HttpStatusCode.Redirect, (await responsible.SignInAsync(demo.Email, DemoAccounts.Password)).StatusCode);
        using var download = await responsible.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.True(download.Headers.CacheControl?.NoStore, $"Cache-Control: {download.Headers.CacheControl}");
        var pdf = await download.Content.ReadAsByteArrayAsync();
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
        Assert.Contains("Özlem Träger", PdfText.Of(pdf), StringComparison.Ordinal);

        using var colleague = StaffBrowser.Open(app);
        Assert.Equal(HttpStatusCode.Redirect, (await colleague.SignInAsync(colleagueEmail, CaseData.Password)).StatusCode);
        using var refused = await colleague.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.NotEqual("application/pdf", refused.Content.Headers.ContentType?.MediaType);
        Assert.Single(await app.HelpPlanAuditAsync(client.Id, AuditAction.Exported));
    }

    [Fact]
    public async Task The_pdf_download_needs_a_sign_in()
    {
        using var anonymous = StaffBrowser.Open(app);

        using var response = await anonymous.Client.GetAsync($"/klienten/{Guid.NewGuid()}/hilfeplan/1/pdf");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
    }

    private HelpPlanInput PlanWithUmlauts()
    {
        var input = app.AgreeableInput();
        input.Goals[0].Text = GoalTexts[0];
        input.Goals[1].Text = GoalTexts[1];
        input.Goals[1].Steps[0].PartnerName = "Substitutionspraxis Süd";
        input.Goals.Add(new GoalInput
        {
            Area = PlanArea.PsychosocialCounselling,
            Text = GoalTexts[2],
            Steps = [new StepInput { Description = "Termin vereinbaren", Responsible = StepParty.DrugHelpService, DueOn = app.Today().AddDays(10), Note = ConsultationNote }],
        });
        return input;
    }
}
