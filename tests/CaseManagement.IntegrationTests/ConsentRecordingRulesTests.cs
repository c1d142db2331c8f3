using CaseManagement.Application.Clients;
using CaseManagement.Application.Consent;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests;

/// <summary>Each organisation records the release of the data it holds; the receiving side cannot open data to itself.</summary>
public sealed class ConsentRecordingRulesTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_drug_help_worker_releases_health_data_to_the_Jobcenter_and_the_Jobcenter_then_sees_it()
    {
        var (caseManager, drugHelpWorker, clientId) = await SharedCaseAsync();
        var release = Consent(ConsentDirections.DrugHelpToJobcenter);
        release.HealthData = true;
        release.HealthDataNamedExplicitly = true;
        release.MasterData = false;

        var recorded = await app.Service<ConsentCommands>().RecordAsync(drugHelpWorker, clientId, release);

        Assert.True(recorded.Succeeded, recorded.Message);
        var file = await app.Service<ClientFileQuery>().OpenAsync(caseManager, clientId);
        Assert.True(file!.Episodes.Single().HealthDataVisible);
    }

    [Fact]
    public async Task The_Jobcenter_cannot_record_a_release_of_drug_help_data_to_itself()
    {
        var (caseManager, _, clientId) = await SharedCaseAsync();
        var selfRelease = Consent(ConsentDirections.DrugHelpToJobcenter);
        selfRelease.HealthData = true;
        selfRelease.HealthDataNamedExplicitly = true;

        var result = await app.Service<ConsentCommands>().RecordAsync(caseManager, clientId, selfRelease);

        Assert.False(result.Succeeded);
        Assert.Contains("erfasst diese selbst", result.Errors[nameof(ConsentInput.DrugHelpToJobcenter)].Single());
        Assert.Equal(0, await ConsentCountAsync(clientId));
        var file = await app.Service<ClientFileQuery>().OpenAsync(caseManager, clientId);
        Assert.False(file!.Episodes.Single().HealthDataVisible);
    }

    [Fact]
    public async Task The_Jobcenter_cannot_release_health_data_it_does_not_hold()
    {
        var (caseManager, _, clientId) = await SharedCaseAsync();
        var input = Consent(ConsentDirections.JobcenterToDrugHelp);
        input.HealthData = true;
        input.HealthDataNamedExplicitly = true;

        var result = await app.Service<ConsentCommands>().RecordAsync(caseManager, clientId, input);

        Assert.False(result.Succeeded);
        Assert.Contains("Drogenhilfe", result.Errors[nameof(ConsentInput.HealthDataNamedExplicitly)].Single());
        Assert.Equal(0, await ConsentCountAsync(clientId));
    }

    [Fact]
    public async Task A_consents_purpose_and_a_revocation_note_are_read_only_by_the_organisation_that_wrote_them()
    {
        var (caseManager, drugHelpWorker, clientId) = await SharedCaseAsync();
        var release = Consent(ConsentDirections.JobcenterToDrugHelp);
        release.Purpose = "Abstimmung zur Arbeitsaufnahme; Klient wünscht keine Weitergabe an den Arbeitgeber";
        Assert.True((await app.Service<ConsentCommands>().RecordAsync(caseManager, clientId, release)).Succeeded);
        var consentId = (await app.Service<ClientFileQuery>().OpenAsync(caseManager, clientId))!.Consents.Single().Id;

        var revoked = await app.Service<ConsentCommands>().RevokeAsync(
            drugHelpWorker, clientId, consentId, new RevocationInput { Note = "Widerruf in der Beratung nach Rückfall" });

        Assert.True(revoked.Succeeded, revoked.Message);
        var jobcenterView = (await app.Service<ClientFileQuery>().OpenAsync(caseManager, clientId))!.Consents.Single();
        var drugHelpView = (await app.Service<ClientFileQuery>().OpenAsync(drugHelpWorker, clientId))!.Consents.Single();
        Assert.Equal(release.Purpose, jobcenterView.Purpose);
        Assert.Null(jobcenterView.RevocationNote);
        Assert.Null(drugHelpView.Purpose);
        Assert.Equal("Widerruf in der Beratung nach Rückfall", drugHelpView.RevocationNote);
        Assert.Equal(Organisation.DrugHelpService, jobcenterView.RevokedBy);
        Assert.Equal(Organisation.Jobcenter, drugHelpView.RecordedBy);
        await using var db = await app.DbAsync();
        var stored = await db.Consents.AsNoTracking().SingleAsync(c => c.Id == consentId);
        Assert.Equal(drugHelpWorker.Id, stored.RevokedById);
    }

    [Fact]
    public async Task The_consent_form_names_the_person_only_to_those_who_may_read_the_name_and_audits_what_it_showed()
    {
        var (caseManager, drugHelpWorker, clientId) = await SharedCaseAsync();
        var stranger = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Fallmanager fremd");
        var files = app.Service<ClientFileQuery>();

        var own = await files.HeadingAsync(caseManager, clientId);
        var otherSide = await files.HeadingAsync(drugHelpWorker, clientId);
        var notResponsible = await files.HeadingAsync(stranger, clientId);

        // The Jobcenter holds the master data; no consent releases them to the drug help service yet.
        Assert.NotNull(own?.Name);
        Assert.Equal(own.CaseNumber, otherSide?.CaseNumber);
        Assert.Null(otherSide!.Name);
        Assert.Null(notResponsible);
        await using var db = await app.DbAsync();
        var shown = await db.AuditEntries.AsNoTracking()
            .Where(a => a.ClientId == clientId && a.Action == AuditAction.Viewed)
            .Select(a => new { a.UserId, a.Fields }).ToListAsync();
        Assert.Contains(shown, a => a.UserId == caseManager.Id && a.Fields == "Name");
        Assert.Contains(shown, a => a.UserId == drugHelpWorker.Id && a.Fields == "Fallnummer");
        Assert.DoesNotContain(shown, a => a.UserId == stranger.Id);

        Assert.True((await app.Service<ConsentCommands>().RecordAsync(caseManager, clientId, Consent(ConsentDirections.JobcenterToDrugHelp))).Succeeded);
        Assert.Equal(own.Name, (await files.HeadingAsync(drugHelpWorker, clientId))?.Name);
    }

    private async Task<(Domain.Access.StaffMember CaseManager, Domain.Access.StaffMember DrugHelpWorker, Guid ClientId)> SharedCaseAsync()
    {
        var caseManager = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Fallmanager Freigabe");
        var drugHelpWorker = await app.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Fachkraft Freigabe");
        var client = CaseData.NewClient(Organisation.Jobcenter, caseManager.Id, drugHelpWorker.Id, "Freigabe");
        client.AddEpisode(app.Today().AddMonths(-2));
        await app.SaveClientsAsync([client]);
        return (caseManager, drugHelpWorker, client.Id);
    }

    private ConsentInput Consent(ConsentDirections directions) => new()
    {
        MasterData = true,
        JobcenterToDrugHelp = directions.HasFlag(ConsentDirections.JobcenterToDrugHelp),
        DrugHelpToJobcenter = directions.HasFlag(ConsentDirections.DrugHelpToJobcenter),
        Purpose = "Gemeinsame Hilfeplanung",
        SignedOn = app.Today(),
    };

    private async Task<int> ConsentCountAsync(Guid clientId)
    {
        await using var db = await app.DbAsync();
        return await db.Consents.CountAsync(c => c.ClientId == clientId);
    }
}
