using CaseManagement.Application.Consent;
using CaseManagement.Application.Referrals;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Staff;

namespace CaseManagement.IntegrationTests.Referrals;

/// <summary>
/// A need without a fitting partner service (Bedarf ohne Angebot) recorded by the Drogenhilfe: the
/// Jobcenter sees its type and date only while a consent covering referrals towards the Jobcenter is
/// in force, the description never; a revocation takes it away at once, and a consent for other
/// categories never reveals it.
/// </summary>
public sealed class UnmetNeedRevocationTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Description = "Wohnbegleitung nach Entgiftung; keine Stelle im Verzeichnis nimmt vor der Therapie auf";

    private UnmetNeeds Needs => app.Service<UnmetNeeds>();

    private async Task<(JointCase Joint, Guid NeedId)> DrugHelpNeedAsync(ConsentScope scope)
    {
        var joint = await app.ReferralCaseAsync(scope, ConsentDirections.DrugHelpToJobcenter);
        var recorded = await Needs.RecordAsync(joint.DrugHelpWorker, joint.ClientId, new UnmetNeedInput
        {
            ServiceType = PartnerType.ElderCare, Description = Description, RecordedOn = app.Today().AddDays(-3),
        });
        Assert.True(recorded.Succeeded, recorded.Message);
        return (joint, recorded.Value);
    }

    [Fact]
    public async Task The_jobcenter_sees_type_and_date_without_description_only_until_the_referral_consent_is_revoked()
    {
        var (joint, id) = await DrugHelpNeedAsync(ConsentScope.MasterData | ConsentScope.Referrals);

        var whileInForce = await Needs.ForClientAsync(joint.CaseManager, joint.ClientId);

        var row = Assert.Single(whileInForce!.Needs);
        Assert.Equal(id, row.Id);
        Assert.Equal(PartnerType.ElderCare, row.ServiceType);
        Assert.Equal(app.Today().AddDays(-3), row.RecordedOn);
        Assert.Equal(Organisation.DrugHelpService, row.Holder);
        Assert.Null(row.Description);
        var viewed = Assert.Single(await app.ReferralAuditAsync(joint.ClientId, AuditAction.Viewed, joint.CaseManager.Id));
        Assert.Equal("Bedarfe ohne Angebot (1)", viewed.Fields);

        var revoked = await app.Service<ConsentCommands>().RevokeAsync(
            joint.DrugHelpWorker, joint.ClientId, joint.Client.Consents.Single().Id, new RevocationInput { Note = "Widerruf am Telefon" });
        Assert.True(revoked.Succeeded, revoked.Message);

        var afterRevocation = await Needs.ForClientAsync(joint.CaseManager, joint.ClientId);

        Assert.NotNull(afterRevocation);
        Assert.Empty(afterRevocation.Needs);
        Assert.True(afterRevocation.MayRecord); // its own needs the Jobcenter still records
        // Nothing was shown, so no further read is logged; the read while the consent was in force stays logged.
        Assert.Equal(viewed.Id, Assert.Single(await app.ReferralAuditAsync(joint.ClientId, AuditAction.Viewed, joint.CaseManager.Id)).Id);
        // The holder keeps the need with its description.
        Assert.Equal(Description, Assert.Single((await Needs.ForClientAsync(joint.DrugHelpWorker, joint.ClientId))!.Needs).Description);
    }

    [Fact]
    public async Task A_consent_covering_every_category_but_referrals_does_not_reveal_it()
    {
        var (joint, _) = await DrugHelpNeedAsync(ConsentScope.MasterData | ConsentScope.HelpPlan | ConsentScope.Appointments | ConsentScope.HealthData);

        var list = await Needs.ForClientAsync(joint.CaseManager, joint.ClientId);

        Assert.NotNull(list);
        Assert.Empty(list.Needs);
        Assert.Empty(await app.ReferralAuditAsync(joint.ClientId, AuditAction.Viewed, joint.CaseManager.Id));
    }
}
