using CaseManagement.Application.Consent;
using CaseManagement.Application.Referrals;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests.Referrals;

/// <summary>
/// Who sees what of a referral. Here the Drogenhilfe holds the referral (its caseworker made it):
/// its caseworker reads facts and texts; the Jobcenter's responsible caseworker reads the facts only
/// while a consent covers referrals from the Drogenhilfe to the Jobcenter, and never the texts;
/// everybody else reads nothing.
/// </summary>
public sealed class ReferralAccessTests(AppFixture app) : IClassFixture<AppFixture>
{
    private ReferralQuery Query => app.Service<ReferralQuery>();

    private ReferralCommands Commands => app.Service<ReferralCommands>();

    /// <summary>A referral of the Drogenhilfe, requested ten days ago, with a follow-up date.</summary>
    private async Task<(JointCase Joint, Guid ReferralId)> DrugHelpReferralAsync(
        ConsentScope scope = ConsentScope.MasterData | ConsentScope.Referrals, ConsentDirections directions = ReferralData.BothWays,
        DateOnly? validUntil = null, DateTimeOffset? revokedAt = null)
    {
        var joint = await app.ReferralCaseAsync(scope, directions, validUntil, revokedAt);
        var id = await app.ReferAsync(joint.DrugHelpWorker, joint.ClientId, await app.PartnerAsync(PartnerType.SubstitutionPractice), followUpOn: app.Today().AddDays(3));
        await app.AdvanceAsync(joint.DrugHelpWorker, joint.ClientId, id, ReferralStatus.Requested, [10]);
        return (joint, id);
    }

    [Fact]
    public async Task The_holders_caseworker_reads_facts_and_texts_and_every_read_is_audited()
    {
        var (joint, id) = await DrugHelpReferralAsync();
        var viewedBefore = (await app.ReferralAuditAsync(joint.ClientId, AuditAction.Viewed)).Count;

        var list = await Query.ForClientAsync(joint.DrugHelpWorker, joint.ClientId);
        var detail = await app.OpenedAsync(joint.DrugHelpWorker, joint.ClientId, id);

        Assert.NotNull(list);
        Assert.True(list.MayRead);
        Assert.True(list.MayCreate);
        var row = Assert.Single(list.Referrals);
        Assert.Equal(ReferralData.Reason, row.Texts?.Reason);
        Assert.Equal(app.Today().AddDays(3), row.FollowUpOn);
        Assert.Equal(10, row.WaitingDays);
        Assert.True(row.MayWrite);
        Assert.Equal(ReferralData.Reason, detail.Referral.Texts?.Reason);
        Assert.NotEmpty(detail.NextTargets);
        var viewed = await app.ReferralAuditAsync(joint.ClientId, AuditAction.Viewed, joint.DrugHelpWorker.Id);
        Assert.Equal(viewedBefore + 2, viewed.Count);
        Assert.Equal("Vermittlungen (1)", viewed[^2].Fields);
        Assert.Equal($"Vermittlung {id}", viewed[^1].Fields);
    }

    [Fact]
    public async Task With_a_consent_from_the_drug_help_service_the_jobcenter_reads_the_facts_but_never_the_texts_and_changes_nothing()
    {
        var (joint, id) = await DrugHelpReferralAsync(directions: ConsentDirections.DrugHelpToJobcenter);
        var before = await app.StoredReferralAsync(id);

        var list = await Query.ForClientAsync(joint.CaseManager, joint.ClientId);
        var detail = await app.OpenedAsync(joint.CaseManager, joint.ClientId, id);

        Assert.NotNull(list);
        Assert.True(list.MayRead);
        Assert.True(list.OtherSideVisible);
        var row = Assert.Single(list.Referrals);
        Assert.Equal(PartnerType.SubstitutionPractice, row.PartnerType);
        Assert.Equal(ReferralStatus.Requested, row.Status);
        Assert.Equal(app.Today().AddDays(-10), row.StatusOn);
        Assert.Equal(10, row.WaitingDays);
        Assert.Null(row.Texts);
        Assert.Null(row.FollowUpOn);
        Assert.False(row.MayWrite);
        Assert.Null(detail.Referral.Texts);
        Assert.Empty(detail.NextTargets);
        Assert.Equal(2, detail.Steps.Count);
        Assert.Single(await app.ReferralAuditAsync(joint.ClientId, AuditAction.Viewed, joint.CaseManager.Id), a => a.Fields == $"Vermittlung {id}");

        var progress = await Commands.RecordProgressAsync(joint.CaseManager, joint.ClientId, id,
            new ReferralProgressInput { Status = ReferralStatus.Declined, On = app.Today(), Note = "vom Jobcenter" }, before.RowVersion);
        var followUp = await Commands.SetFollowUpAsync(joint.CaseManager, joint.ClientId, id, new FollowUpInput { FollowUpOn = app.Today() }, before.RowVersion);

        Assert.False(progress.Succeeded);
        Assert.False(progress.NotFound);
        Assert.Equal("Diese Vermittlung führt die Drogenhilfe; ändern kann sie nur die dort zuständige Fachkraft.", progress.Message);
        Assert.False(followUp.Succeeded);
        var after = await app.StoredReferralAsync(id);
        Assert.Equal(ReferralStatus.Requested, after.Progress.Status);
        Assert.Equal(before.RowVersion, after.RowVersion);
        Assert.Equal(2, (await app.ReferralAuditAsync(joint.ClientId, AuditAction.AccessDenied, joint.CaseManager.Id)).Count);
    }

    public static TheoryData<string, ConsentScope, ConsentDirections, int?, bool> WithoutConsentForTheJobcenter => new()
    {
        { "no consent", ConsentScope.None, ConsentDirections.None, null, false },
        { "consent only towards the Drogenhilfe", ConsentScope.MasterData | ConsentScope.Referrals, ConsentDirections.JobcenterToDrugHelp, null, false },
        { "consent without referrals", ConsentScope.MasterData | ConsentScope.HelpPlan | ConsentScope.Appointments, ReferralData.BothWays, null, false },
        { "expired consent", ConsentScope.MasterData | ConsentScope.Referrals, ReferralData.BothWays, -1, false },
        { "revoked consent", ConsentScope.MasterData | ConsentScope.Referrals, ReferralData.BothWays, null, true },
    };

    [Theory]
    [MemberData(nameof(WithoutConsentForTheJobcenter))]
    public async Task Without_a_valid_consent_covering_referrals_towards_it_the_jobcenter_learns_nothing_of_them(
        string situation, ConsentScope scope, ConsentDirections directions, int? expiredDaysAgo, bool revoked)
    {
        var (joint, id) = await DrugHelpReferralAsync(scope, directions,
            validUntil: expiredDaysAgo is { } days ? app.Today().AddDays(days) : null,
            revokedAt: revoked ? app.Now().AddDays(-1) : null);
        var before = await app.StoredReferralAsync(id);

        var list = await Query.ForClientAsync(joint.CaseManager, joint.ClientId);
        var detail = await Query.OpenAsync(joint.CaseManager, joint.ClientId, id);
        var progress = await Commands.RecordProgressAsync(joint.CaseManager, joint.ClientId, id,
            new ReferralProgressInput { Status = ReferralStatus.AppointmentAgreed, On = app.Today() }, before.RowVersion);

        Assert.NotNull(list);
        Assert.Empty(list.Referrals);
        Assert.False(list.OtherSideVisible);
        Assert.True(list.MayCreate, situation); // the Jobcenter may still make referrals of its own
        Assert.Null(detail);
        Assert.True(progress.NotFound, situation);
        Assert.Equal(ReferralStatus.Requested, (await app.StoredReferralAsync(id)).Progress.Status);
        Assert.Empty(await app.ReferralAuditAsync(joint.ClientId, AuditAction.Viewed, joint.CaseManager.Id));
        Assert.NotEmpty(await app.ReferralAuditAsync(joint.ClientId, AuditAction.AccessDenied, joint.CaseManager.Id));
    }

    [Fact]
    public async Task After_the_consent_is_revoked_the_jobcenter_loses_the_facts_at_once()
    {
        var (joint, id) = await DrugHelpReferralAsync();
        Assert.Single((await Query.ForClientAsync(joint.CaseManager, joint.ClientId))!.Referrals);
        var consentId = joint.Client.Consents.Single().Id;

        var revoked = await app.Service<ConsentCommands>().RevokeAsync(joint.DrugHelpWorker, joint.ClientId, consentId, new RevocationInput());
        Assert.True(revoked.Succeeded, revoked.Message);

        Assert.Empty((await Query.ForClientAsync(joint.CaseManager, joint.ClientId))!.Referrals);
        Assert.Null(await Query.OpenAsync(joint.CaseManager, joint.ClientId, id));
        // The holder keeps everything.
        Assert.Equal(ReferralData.Reason, Assert.Single((await Query.ForClientAsync(joint.DrugHelpWorker, joint.ClientId))!.Referrals).Texts?.Reason);
    }

    [Fact]
    public async Task The_revolving_door_hint_counts_only_referrals_the_reader_may_read()
    {
        // The Jobcenter's own earlier referral to a substitution practice, and one of the Drogenhilfe
        // that the Jobcenter may not see (the consent only goes towards the Drogenhilfe).
        var joint = await app.ReferralCaseAsync(directions: ConsentDirections.JobcenterToDrugHelp);
        var practice = await app.PartnerAsync(PartnerType.SubstitutionPractice);
        var hidden = await app.ReferAsync(joint.DrugHelpWorker, joint.ClientId, practice, proposedDaysAgo: 200);
        await app.AdvanceAsync(joint.DrugHelpWorker, joint.ClientId, hidden, ReferralStatus.DroppedOut, [190, 150], ReferralData.FailureReason);
        var fresh = await app.ReferAsync(joint.CaseManager, joint.ClientId, practice, proposedDaysAgo: 5);

        var jobcenterView = await Query.ForClientAsync(joint.CaseManager, joint.ClientId);
        var drugHelpView = await Query.ForClientAsync(joint.DrugHelpWorker, joint.ClientId);

        var jobcenterRow = Assert.Single(jobcenterView!.Referrals);
        Assert.Equal(fresh, jobcenterRow.Id);
        Assert.False(jobcenterRow.IsPossibleRevolvingDoor);
        Assert.Empty((await app.OpenedAsync(joint.CaseManager, joint.ClientId, fresh)).Referral.RevolvingDoor);

        var seenByDrugHelp = drugHelpView!.Referrals.Single(r => r.Id == fresh);
        var earlier = Assert.Single(seenByDrugHelp.RevolvingDoor);
        Assert.Equal(hidden, earlier.Id);
        Assert.Equal(ReferralStatus.DroppedOut, earlier.Status);
        Assert.Equal(app.Today().AddDays(-200), earlier.StartedOn);
        Assert.Null(seenByDrugHelp.Texts); // facts of the Jobcenter's referral only
        Assert.NotNull(drugHelpView.Referrals.Single(r => r.Id == hidden).Texts);
    }

    [Fact]
    public async Task A_caseworker_not_responsible_for_the_client_learns_nothing()
    {
        var (joint, id) = await DrugHelpReferralAsync();
        var colleague = await app.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Kollegin ohne Fall");
        var otherSide = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Kollege ohne Fall");
        var token = (await app.StoredReferralAsync(id)).RowVersion;

        foreach (var stranger in new[] { colleague, otherSide })
        {
            Assert.Null(await Query.ForClientAsync(stranger, joint.ClientId));
            Assert.Null(await Query.OpenAsync(stranger, joint.ClientId, id));
            Assert.Empty(await Query.PlanStepOptionsAsync(stranger, joint.ClientId));
            Assert.True((await Commands.CreateAsync(stranger, joint.ClientId, app.NewReferral(await app.PartnerAsync()))).NotFound);
            Assert.True((await Commands.RecordProgressAsync(stranger, joint.ClientId, id,
                new ReferralProgressInput { Status = ReferralStatus.AppointmentAgreed, On = app.Today() }, token)).NotFound);
            Assert.Empty((await Query.FollowUpsAsync(stranger)).Due);
        }

        Assert.Equal(ReferralStatus.Requested, (await app.StoredReferralAsync(id)).Progress.Status);
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
    public async Task Team_leads_steering_data_protection_and_administration_read_and_change_no_referral(string role, Organisation organisation)
    {
        var (joint, id) = await DrugHelpReferralAsync();
        var member = await app.CreateMemberAsync(role, organisation, "Ohne Fallarbeit");
        var token = (await app.StoredReferralAsync(id)).RowVersion;

        var list = await Query.ForClientAsync(member, joint.ClientId);
        var detail = await Query.OpenAsync(member, joint.ClientId, id);
        var steps = await Query.PlanStepOptionsAsync(member, joint.ClientId);
        var created = await Commands.CreateAsync(member, joint.ClientId, app.NewReferral(await app.PartnerAsync()));
        var progress = await Commands.RecordProgressAsync(member, joint.ClientId, id,
            new ReferralProgressInput { Status = ReferralStatus.AppointmentAgreed, On = app.Today() }, token);
        var followUp = await Commands.SetFollowUpAsync(member, joint.ClientId, id, new FollowUpInput { FollowUpOn = app.Today() }, token);
        var home = await Query.FollowUpsAsync(member);

        Assert.True(list is null || (!list.MayRead && !list.MayCreate && list.Referrals.Count == 0), $"{role} must not read referrals");
        Assert.Null(detail);
        Assert.Empty(steps);
        Assert.False(created.Succeeded);
        Assert.False(progress.Succeeded);
        Assert.False(followUp.Succeeded);
        Assert.Empty(home.Due);
        var stored = await app.StoredReferralAsync(id);
        Assert.Equal(ReferralStatus.Requested, stored.Progress.Status);
        Assert.Equal(token, stored.RowVersion);
        await using var db = await app.DbAsync();
        Assert.False(await db.Referrals.AnyAsync(r => r.ClientId == joint.ClientId && r.CreatedById == member.Id));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.UserId == member.Id && a.Category == DataCategory.Referrals && a.Action != AuditAction.AccessDenied));
    }
}
