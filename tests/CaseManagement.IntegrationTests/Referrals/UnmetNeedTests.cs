using CaseManagement.Application.AccessCopies;
using CaseManagement.Application.Referrals;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests.Referrals;

/// <summary>
/// Needs without a fitting partner service (Bedarf ohne Angebot): recorded by the responsible
/// caseworker of the holder organisation, read like a referral (facts for the other side only under a
/// consent covering referrals, the description never), audited, validated with the free-text rule.
/// </summary>
public sealed class UnmetNeedTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Description = "Tagesstruktur für eine Klientin über 60 mit Substitution; keine Stelle im Verzeichnis nimmt auf";

    private UnmetNeeds Needs => app.Service<UnmetNeeds>();

    private UnmetNeedInput Input(string? description = Description) =>
        new() { ServiceType = PartnerType.ElderCare, Description = description, RecordedOn = app.Today().AddDays(-2) };

    private async Task<(JointCase Joint, Guid NeedId)> DrugHelpNeedAsync(
        ConsentScope scope = ConsentScope.MasterData | ConsentScope.Referrals, ConsentDirections directions = ReferralData.BothWays)
    {
        var joint = await app.ReferralCaseAsync(scope, directions);
        var recorded = await Needs.RecordAsync(joint.DrugHelpWorker, joint.ClientId, Input());
        Assert.True(recorded.Succeeded, recorded.Message);
        return (joint, recorded.Value);
    }

    [Fact]
    public async Task The_holders_caseworker_records_and_reads_it_and_both_are_audited()
    {
        var (joint, id) = await DrugHelpNeedAsync();

        var list = await Needs.ForClientAsync(joint.DrugHelpWorker, joint.ClientId);

        Assert.NotNull(list);
        Assert.True(list.MayRead);
        Assert.True(list.MayRecord);
        var row = Assert.Single(list.Needs);
        Assert.Equal(id, row.Id);
        Assert.Equal(PartnerType.ElderCare, row.ServiceType);
        Assert.Equal(Description, row.Description);
        Assert.Equal(Organisation.DrugHelpService, row.Holder);
        Assert.True(row.MayRemove);
        var audit = await app.ReferralAuditAsync(joint.ClientId, userId: joint.DrugHelpWorker.Id);
        Assert.Contains(audit, a => a.Action == AuditAction.Created && a.Fields!.StartsWith($"Bedarf ohne Angebot {id}", StringComparison.Ordinal) && !a.Fields.Contains(Description, StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Action == AuditAction.Viewed && a.Fields == "Bedarfe ohne Angebot (1)");
    }

    [Fact]
    public async Task With_a_consent_the_other_side_reads_the_facts_but_not_the_description_and_cannot_remove_it()
    {
        var (joint, id) = await DrugHelpNeedAsync(directions: ConsentDirections.DrugHelpToJobcenter);

        var list = await Needs.ForClientAsync(joint.CaseManager, joint.ClientId);
        var removed = await Needs.RemoveAsync(joint.CaseManager, joint.ClientId, id);

        var row = Assert.Single(list!.Needs);
        Assert.Equal(PartnerType.ElderCare, row.ServiceType);
        Assert.Null(row.Description);
        Assert.False(row.MayRemove);
        Assert.False(removed.Succeeded);
        Assert.False(removed.NotFound);
        Assert.Equal("Diesen Bedarf hat die Drogenhilfe erfasst; entfernen kann ihn nur die dort zuständige Fachkraft.", removed.Message);
        await using var db = await app.DbAsync();
        Assert.True(await db.UnmetNeeds.AnyAsync(n => n.Id == id));
        Assert.NotEmpty(await app.ReferralAuditAsync(joint.ClientId, AuditAction.AccessDenied, joint.CaseManager.Id));
    }

    public static TheoryData<string, ConsentScope, ConsentDirections> WithoutConsentForTheJobcenter => new()
    {
        { "no consent", ConsentScope.None, ConsentDirections.None },
        { "consent only towards the Drogenhilfe", ConsentScope.MasterData | ConsentScope.Referrals, ConsentDirections.JobcenterToDrugHelp },
        { "consent without referrals", ConsentScope.MasterData | ConsentScope.HelpPlan, ReferralData.BothWays },
    };

    [Theory]
    [MemberData(nameof(WithoutConsentForTheJobcenter))]
    public async Task Without_a_consent_covering_referrals_the_other_organisation_learns_nothing(string situation, ConsentScope scope, ConsentDirections directions)
    {
        var (joint, id) = await DrugHelpNeedAsync(scope, directions);

        var list = await Needs.ForClientAsync(joint.CaseManager, joint.ClientId);
        var removed = await Needs.RemoveAsync(joint.CaseManager, joint.ClientId, id);

        Assert.NotNull(list);
        Assert.Empty(list.Needs);
        Assert.True(list.MayRecord, situation); // its own needs it may still record
        Assert.True(removed.NotFound, situation);
        Assert.Empty(await app.ReferralAuditAsync(joint.ClientId, AuditAction.Viewed, joint.CaseManager.Id));
    }

    public static TheoryData<string, Organisation> NonCaseworkers => new()
    {
        { StaffRole.TeamLeadJobcenter, Organisation.Jobcenter },
        { StaffRole.TeamLeadDrugHelp, Organisation.DrugHelpService },
        { StaffRole.SteeringCommittee, Organisation.Jobcenter },
        { StaffRole.DataProtectionOfficer, Organisation.DrugHelpService },
        { StaffRole.Administrator, Organisation.DrugHelpService },
    };

    [Theory]
    [MemberData(nameof(NonCaseworkers))]
    public async Task Team_leads_steering_data_protection_and_administration_neither_read_nor_record_nor_remove(string role, Organisation organisation)
    {
        var (joint, id) = await DrugHelpNeedAsync();
        var member = await app.CreateMemberAsync(role, organisation, "Ohne Fallarbeit");

        var list = await Needs.ForClientAsync(member, joint.ClientId);
        var recorded = await Needs.RecordAsync(member, joint.ClientId, Input());
        var removed = await Needs.RemoveAsync(member, joint.ClientId, id);

        Assert.True(list is null || (!list.MayRead && !list.MayRecord && list.Needs.Count == 0), $"{role} must not read unmet needs");
        Assert.False(recorded.Succeeded);
        Assert.False(removed.Succeeded);
        await using var db = await app.DbAsync();
        Assert.Equal(1, await db.UnmetNeeds.CountAsync(n => n.ClientId == joint.ClientId));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.UserId == member.Id && a.Category == DataCategory.Referrals && a.Action != AuditAction.AccessDenied));
    }

    [Fact]
    public async Task A_caseworker_not_responsible_for_the_client_learns_nothing()
    {
        var (joint, id) = await DrugHelpNeedAsync();
        var colleague = await app.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Kollegin ohne Fall");

        Assert.Null(await Needs.ForClientAsync(colleague, joint.ClientId));
        Assert.True((await Needs.RecordAsync(colleague, joint.ClientId, Input())).NotFound);
        Assert.True((await Needs.RemoveAsync(colleague, joint.ClientId, id)).NotFound);
    }

    [Fact]
    public async Task A_description_of_100000_characters_or_with_a_NUL_byte_is_refused_with_a_German_message_next_to_the_field()
    {
        var joint = await app.ReferralCaseAsync();

        var tooLong = await Needs.RecordAsync(joint.DrugHelpWorker, joint.ClientId, Input(new string('x', 100_000)));
        var withNul = await Needs.RecordAsync(joint.DrugHelpWorker, joint.ClientId, Input("Tagesstruktur\0"));
        var withoutType = await Needs.RecordAsync(joint.DrugHelpWorker, joint.ClientId, new UnmetNeedInput { RecordedOn = app.Today() });
        var future = await Needs.RecordAsync(joint.DrugHelpWorker, joint.ClientId, new UnmetNeedInput { ServiceType = PartnerType.ElderCare, RecordedOn = app.Today().AddDays(1) });

        Assert.Equal("„Beschreibung des Bedarfs“ darf höchstens 1.000 Zeichen lang sein; eingegeben sind 100.000.", Assert.Single(tooLong.Errors[nameof(UnmetNeedInput.Description)]));
        Assert.StartsWith("„Beschreibung des Bedarfs“ enthält unzulässige Steuerzeichen", Assert.Single(withNul.Errors[nameof(UnmetNeedInput.Description)]), StringComparison.Ordinal);
        Assert.Equal("Bitte wählen Sie, welche Art von Stelle gebraucht wurde.", Assert.Single(withoutType.Errors[nameof(UnmetNeedInput.ServiceType)]));
        Assert.Equal("Das Datum darf nicht in der Zukunft liegen.", Assert.Single(future.Errors[nameof(UnmetNeedInput.RecordedOn)]));
        await using var db = await app.DbAsync();
        Assert.False(await db.UnmetNeeds.AnyAsync(n => n.ClientId == joint.ClientId));
    }

    [Fact]
    public async Task The_holder_removes_a_wrong_entry_and_the_removal_is_audited()
    {
        var (joint, id) = await DrugHelpNeedAsync();

        var removed = await Needs.RemoveAsync(joint.DrugHelpWorker, joint.ClientId, id);

        Assert.True(removed.Succeeded, removed.Message);
        Assert.Empty((await Needs.ForClientAsync(joint.DrugHelpWorker, joint.ClientId))!.Needs);
        Assert.Contains(await app.ReferralAuditAsync(joint.ClientId, AuditAction.Changed, joint.DrugHelpWorker.Id), a => a.Fields == $"Bedarf ohne Angebot {id}, entfernt");
    }

    [Fact]
    public async Task The_copy_under_Art_15_lists_it_with_its_description_unless_the_holders_notes_are_withheld()
    {
        var (joint, _) = await DrugHelpNeedAsync();
        var officer = await app.CreateMemberAsync(StaffRole.DataProtectionOfficer, Organisation.Jobcenter, "Datenschutz");

        var copy = await app.Service<AccessCopyQuery>().CompileAsync(officer, joint.ClientId, new AccessCopyOptions(true, true), "JSON");

        var need = Assert.Single(copy!.UnmetNeeds);
        Assert.Equal(Description, need.Description);
        Assert.Equal(app.Today().AddDays(-2), need.RecordedOn);

        // The description is the Drogenhilfe's internal note: withheld with the Drogenhilfe's notes, the need itself stays listed.
        var withheld = await app.Service<AccessCopyQuery>().CompileAsync(officer, joint.ClientId, new AccessCopyOptions(JobcenterNotes: true, DrugHelpNotes: false), "JSON");
        var listed = Assert.Single(withheld!.UnmetNeeds);
        Assert.Null(listed.Description);
        Assert.Equal(app.Today().AddDays(-2), listed.RecordedOn);
    }
}
