using CaseManagement.Application.Referrals;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Staff;

namespace CaseManagement.IntegrationTests.Referrals;

/// <summary>A referral through the real commands on PostgreSQL: proposed, entered afterwards with the skipped dates, completed.</summary>
public sealed class ReferralLifecycleTests(AppFixture app) : IClassFixture<AppFixture>
{
    private ReferralCommands Commands => app.Service<ReferralCommands>();

    [Fact]
    public async Task A_referral_is_proposed_then_admitted_with_the_dates_of_the_skipped_steps_then_completed()
    {
        var joint = await app.ReferralCaseAsync();
        var partner = await app.PartnerAsync();

        var created = await Commands.CreateAsync(joint.DrugHelpWorker, joint.ClientId, app.NewReferral(partner, proposedDaysAgo: 40, followUpOn: app.Today().AddDays(7)));

        Assert.True(created.Succeeded, created.Message);
        var stored = await app.StoredReferralAsync(created.Value);
        Assert.Equal(Organisation.DrugHelpService, stored.HolderOrganisation);
        Assert.Equal(PartnerType.DebtCounselling, stored.PartnerType);
        Assert.Equal(ReferralData.Reason, stored.Reason);
        Assert.Equal(ReferralStatus.Proposed, stored.Progress.Status);
        Assert.Equal(app.Today().AddDays(-40), stored.Progress.ProposedOn);
        Assert.Equal(app.Today().AddDays(7), stored.Progress.FollowUpOn);
        var createdAudit = Assert.Single(await app.ReferralAuditAsync(joint.ClientId, AuditAction.Created));
        Assert.Equal(joint.DrugHelpWorker.Id, createdAudit.UserId);
        Assert.Contains($"Vermittlung {created.Value}", createdAudit.Fields, StringComparison.Ordinal);
        Assert.DoesNotContain("Miet", createdAudit.Fields, StringComparison.Ordinal);

        var admitted = new ReferralProgressInput
        {
            Status = ReferralStatus.Admitted,
            On = app.Today().AddDays(-5),
            Skipped =
            [
                new SkippedStepInput { Status = ReferralStatus.Requested, On = app.Today().AddDays(-30) },
                new SkippedStepInput { Status = ReferralStatus.AppointmentAgreed, On = app.Today().AddDays(-12) },
            ],
        };
        var recorded = await Commands.RecordProgressAsync(joint.DrugHelpWorker, joint.ClientId, created.Value, admitted, stored.RowVersion);

        Assert.True(recorded.Succeeded, recorded.Message);
        Assert.NotEqual(stored.RowVersion, recorded.Value);
        stored = await app.StoredReferralAsync(created.Value);
        Assert.Equal(ReferralStatus.Admitted, stored.Progress.Status);
        Assert.Equal(app.Today().AddDays(-30), stored.Progress.RequestedOn);
        Assert.Equal(app.Today().AddDays(-12), stored.Progress.AppointmentAgreedOn);
        Assert.Equal(app.Today().AddDays(-5), stored.Progress.AdmittedOn);
        Assert.Equal(recorded.Value, stored.RowVersion);
        var detail = await app.OpenedAsync(joint.DrugHelpWorker, joint.ClientId, created.Value);
        Assert.Equal(25, detail.Referral.WaitingDays);
        Assert.Equal([ReferralStatus.Completed, ReferralStatus.DroppedOut], detail.NextTargets);
        Assert.Equal(4, detail.Steps.Count);

        var completed = await Commands.RecordProgressAsync(joint.DrugHelpWorker, joint.ClientId, created.Value,
            new ReferralProgressInput { Status = ReferralStatus.Completed, On = app.Today(), Note = ReferralData.Outcome }, detail.Token);

        Assert.True(completed.Succeeded, completed.Message);
        stored = await app.StoredReferralAsync(created.Value);
        Assert.Equal(ReferralStatus.Completed, stored.Progress.Status);
        Assert.Equal(app.Today(), stored.Progress.CompletedOn);
        Assert.Equal(ReferralData.Outcome, stored.Progress.Outcome);
        Assert.Equal(joint.DrugHelpWorker.DisplayName, stored.ChangedByName);
        var changes = await app.ReferralAuditAsync(joint.ClientId, AuditAction.Changed);
        Assert.Equal(2, changes.Count);
        Assert.EndsWith("Stand, Ergebnis", changes[^1].Fields, StringComparison.Ordinal);
        Assert.Empty((await app.OpenedAsync(joint.DrugHelpWorker, joint.ClientId, created.Value)).NextTargets);
    }

    [Fact]
    public async Task A_jump_ahead_without_the_dates_in_between_is_refused_at_the_target_and_changes_nothing()
    {
        var joint = await app.ReferralCaseAsync();
        var id = await app.ReferAsync(joint.CaseManager, joint.ClientId, await app.PartnerAsync());
        var before = await app.StoredReferralAsync(id);

        var result = await Commands.RecordProgressAsync(joint.CaseManager, joint.ClientId, id,
            new ReferralProgressInput { Status = ReferralStatus.Admitted, On = app.Today() }, before.RowVersion);

        Assert.False(result.Succeeded);
        Assert.False(result.Conflict);
        var error = Assert.Single(result.Errors[nameof(ReferralProgressInput.Status)]);
        Assert.StartsWith("Vor „aufgenommen“ fehlen die Daten für „angefragt“, „Termin vereinbart“.", error, StringComparison.Ordinal);
        var after = await app.StoredReferralAsync(id);
        Assert.Equal(ReferralStatus.Proposed, after.Progress.Status);
        Assert.Null(after.Progress.RequestedOn);
        Assert.Null(after.Progress.AdmittedOn);
        Assert.Equal(before.RowVersion, after.RowVersion);
        Assert.Empty(await app.ReferralAuditAsync(joint.ClientId, AuditAction.Changed));
    }

    [Fact]
    public async Task Refusals_of_the_rules_come_back_next_to_the_field_they_concern()
    {
        var joint = await app.ReferralCaseAsync();
        var id = await app.ReferAsync(joint.CaseManager, joint.ClientId, await app.PartnerAsync(), proposedDaysAgo: 30);
        var token = (await app.StoredReferralAsync(id)).RowVersion;

        // The appointment lies before the request: the second skipped date is wrong.
        var disordered = await Commands.RecordProgressAsync(joint.CaseManager, joint.ClientId, id, new ReferralProgressInput
        {
            Status = ReferralStatus.Admitted,
            On = app.Today(),
            Skipped =
            [
                new SkippedStepInput { Status = ReferralStatus.Requested, On = app.Today().AddDays(-5) },
                new SkippedStepInput { Status = ReferralStatus.AppointmentAgreed, On = app.Today().AddDays(-10) },
            ],
        }, token);
        Assert.StartsWith("Das Datum für „Termin vereinbart“", Assert.Single(disordered.Errors["Skipped[1].On"]), StringComparison.Ordinal);

        // The request lies before the proposal: the target's own date is wrong.
        var early = await Commands.RecordProgressAsync(joint.CaseManager, joint.ClientId, id,
            new ReferralProgressInput { Status = ReferralStatus.Requested, On = app.Today().AddDays(-31) }, token);
        Assert.StartsWith("Das Datum für „angefragt“", Assert.Single(early.Errors[nameof(ReferralProgressInput.On)]), StringComparison.Ordinal);

        // Dropping out needs a reason; a skipped step without its date is named.
        var noReason = await Commands.RecordProgressAsync(joint.CaseManager, joint.ClientId, id, new ReferralProgressInput
        {
            Status = ReferralStatus.DroppedOut,
            On = app.Today(),
            Skipped = [new SkippedStepInput { Status = ReferralStatus.Requested, On = null }],
        }, token);
        Assert.Equal("Bitte geben Sie den Grund an, warum die Vermittlung abgebrochen wurde.", Assert.Single(noReason.Errors[nameof(ReferralProgressInput.Note)]));
        Assert.StartsWith("Bitte geben Sie das Datum für „angefragt“ an", Assert.Single(noReason.Errors["Skipped[0].On"]), StringComparison.Ordinal);

        // A text on a step that takes none.
        var textOnRequest = await Commands.RecordProgressAsync(joint.CaseManager, joint.ClientId, id,
            new ReferralProgressInput { Status = ReferralStatus.Requested, On = app.Today(), Note = "Notiz" }, token);
        Assert.Equal("Ein Grund oder Ergebnis wird nur beim Abschluss, bei Ablehnung oder bei Abbruch erfasst.", Assert.Single(textOnRequest.Errors[nameof(ReferralProgressInput.Note)]));

        Assert.Equal(ReferralStatus.Proposed, (await app.StoredReferralAsync(id)).Progress.Status);
        Assert.Empty(await app.ReferralAuditAsync(joint.ClientId, AuditAction.Changed));

        // Dropping out straight from the proposal records the request on the way.
        await app.AdvanceAsync(joint.CaseManager, joint.ClientId, id, ReferralStatus.DroppedOut, [20, 3], ReferralData.FailureReason);
        var stored = await app.StoredReferralAsync(id);
        Assert.Equal(ReferralStatus.DroppedOut, stored.Progress.Status);
        Assert.Equal(app.Today().AddDays(-20), stored.Progress.RequestedOn);
        Assert.Equal(ReferralData.FailureReason, stored.Progress.FailureReason);
    }

    [Fact]
    public async Task A_new_referral_is_refused_for_an_archived_partner_a_future_date_and_a_step_outside_the_current_plan()
    {
        var joint = await app.ReferralCaseAsync();
        var archived = await app.PartnerAsync(archived: true);
        var input = app.NewReferral(archived, proposedDaysAgo: -1, planStepKey: Guid.NewGuid());
        input.Reason = " ";

        var invalid = await Commands.CreateAsync(joint.CaseManager, joint.ClientId, input);
        Assert.Equal("Bitte beschreiben Sie den Anlass der Vermittlung.", Assert.Single(invalid.Errors[nameof(ReferralInput.Reason)]));
        Assert.Equal("Das Datum des Vorschlags darf nicht in der Zukunft liegen.", Assert.Single(invalid.Errors[nameof(ReferralInput.ProposedOn)]));

        var toArchived = await Commands.CreateAsync(joint.CaseManager, joint.ClientId, app.NewReferral(archived));
        Assert.Equal(ReferralCommands.ArchivedPartnerMessage, Assert.Single(toArchived.Errors[nameof(ReferralInput.PartnerId)]));

        var unknownStep = await Commands.CreateAsync(joint.CaseManager, joint.ClientId, app.NewReferral(await app.PartnerAsync(), planStepKey: Guid.NewGuid()));
        Assert.Equal(ReferralCommands.UnknownPlanStepMessage, Assert.Single(unknownStep.Errors[nameof(ReferralInput.PlanStepKey)]));

        var pastFollowUp = await Commands.CreateAsync(joint.CaseManager, joint.ClientId, app.NewReferral(await app.PartnerAsync(), followUpOn: app.Today().AddDays(-1)));
        Assert.Equal("Die Wiedervorlage darf nicht in der Vergangenheit liegen.", Assert.Single(pastFollowUp.Errors[nameof(ReferralInput.FollowUpOn)]));

        await using var db = await app.DbAsync();
        Assert.False(db.Referrals.Any(r => r.ClientId == joint.ClientId));
        Assert.Empty(await app.ReferralAuditAsync(joint.ClientId, AuditAction.Created));
    }

    [Fact]
    public async Task A_referral_from_a_help_plan_step_keeps_the_steps_key_and_shows_its_text()
    {
        var joint = await app.JointCaseAsync(configure: c =>
            c.AddConsent(c.ResponsibleCaseManagerId!, Domain.Consent.ConsentScope.Referrals, ReferralData.BothWays, app.Today().AddDays(-30)));
        var plan = await app.AgreedAsync(joint);
        var step = plan.Content.Goals.SelectMany(g => g.Steps).Single(s => s.Responsible == StepParty.Partner);
        var options = await app.Service<ReferralQuery>().PlanStepOptionsAsync(joint.DrugHelpWorker, joint.ClientId);
        Assert.Contains(options, o => o.Key == step.Key && o.IsPartnerStep && o.PartnerName == "Substitutionspraxis Mitte");
        Assert.Equal(plan.Content.Goals.Sum(g => g.Steps.Count), options.Count);

        var partner = await app.PartnerAsync(PartnerType.SubstitutionPractice);
        var created = await Commands.CreateAsync(joint.DrugHelpWorker, joint.ClientId, app.NewReferral(partner, planStepKey: step.Key));

        Assert.True(created.Succeeded, created.Message);
        Assert.Equal(step.Key, (await app.StoredReferralAsync(created.Value)).PlanStepKey);
        var list = await app.Service<ReferralQuery>().ForClientAsync(joint.DrugHelpWorker, joint.ClientId);
        Assert.Equal("Termin in der Praxis", Assert.Single(list!.Referrals).PlanStepText);
    }

    [Fact]
    public async Task The_follow_up_date_is_set_and_cleared_but_never_put_in_the_past()
    {
        var joint = await app.ReferralCaseAsync();
        var id = await app.ReferAsync(joint.CaseManager, joint.ClientId, await app.PartnerAsync());
        var token = (await app.StoredReferralAsync(id)).RowVersion;

        var past = await Commands.SetFollowUpAsync(joint.CaseManager, joint.ClientId, id, new FollowUpInput { FollowUpOn = app.Today().AddDays(-1) }, token);
        Assert.Equal("Die Wiedervorlage darf nicht in der Vergangenheit liegen.", Assert.Single(past.Errors[nameof(FollowUpInput.FollowUpOn)]));

        var set = await Commands.SetFollowUpAsync(joint.CaseManager, joint.ClientId, id, new FollowUpInput { FollowUpOn = app.Today() }, token);
        Assert.True(set.Succeeded, set.Message);
        Assert.Equal(app.Today(), (await app.StoredReferralAsync(id)).Progress.FollowUpOn);

        var cleared = await Commands.SetFollowUpAsync(joint.CaseManager, joint.ClientId, id, new FollowUpInput { FollowUpOn = null }, set.Value);
        Assert.True(cleared.Succeeded, cleared.Message);
        Assert.Null((await app.StoredReferralAsync(id)).Progress.FollowUpOn);
        var changes = await app.ReferralAuditAsync(joint.ClientId, AuditAction.Changed);
        Assert.Equal(2, changes.Count);
        Assert.All(changes, c => Assert.EndsWith("Wiedervorlage", c.Fields, StringComparison.Ordinal));
    }
}
