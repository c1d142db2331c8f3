using CaseManagement.Application.HelpPlans;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.HelpPlans;

namespace CaseManagement.IntegrationTests;

/// <summary>A plan's life through the real commands on PostgreSQL: start, save, agree, review, supersede, close, discard.</summary>
public sealed class HelpPlanLifecycleTests(AppFixture app) : IClassFixture<AppFixture>
{
    private HelpPlanCommands Commands => app.Service<HelpPlanCommands>();

    [Fact]
    public async Task A_plan_goes_from_draft_to_agreed_through_a_review_that_supersedes_it_to_closed()
    {
        var joint = await app.JointCaseAsync();

        var started = await Commands.StartAsync(joint.CaseManager, joint.ClientId);
        Assert.True(started.Succeeded, started.Message);
        Assert.Equal(1, started.Value);
        var draft = await app.ShownAsync(joint.CaseManager, joint.ClientId);
        Assert.Equal(HelpPlanStatus.Draft, draft.Status);

        var saved = await Commands.SaveAsync(joint.DrugHelpWorker, joint.ClientId, draft.Id, app.AgreeableInput(), draft.Token);
        Assert.True(saved.Succeeded, saved.Message);
        var agreed = await Commands.AgreeAsync(joint.CaseManager, joint.ClientId, draft.Id, app.Everyone(), saved.Value);
        Assert.True(agreed.Succeeded, agreed.Message);
        var v1 = await app.StoredPlanAsync(draft.Id);
        Assert.Equal(HelpPlanStatus.Agreed, v1.Status);
        Assert.Equal(app.Today(), v1.AgreedOn);
        Assert.Equal("Fallmanagerin Plan", v1.AgreedByCaseManager);
        Assert.Equal("Fachkraft Plan", v1.AgreedByDrugHelpWorker);
        Assert.True(v1.AgreedByClient);

        var review = await Commands.StartReviewAsync(joint.DrugHelpWorker, joint.ClientId, draft.Id, agreed.Value);
        Assert.True(review.Succeeded, review.Message);
        Assert.Equal(2, review.Value);
        var plans = await app.StoredPlansAsync(joint.ClientId);
        Assert.Equal([(1, HelpPlanStatus.Agreed), (2, HelpPlanStatus.Draft)], plans.Select(p => (p.Version, p.Status)));
        var v2 = await app.ShownAsync(joint.CaseManager, joint.ClientId);
        Assert.Equal(2, v2.Version);
        Assert.Empty(HelpPlanComparison.Compare(HelpPlanInput.From(v1, new NoteReader(joint.CaseManager.Organisation, false)), v2.Content));
        Assert.Equal(v1.Goals.OrderBy(g => g.Position).Select(g => g.Key), v2.Content.Goals.Select(g => g.Key));

        var changed = v2.Content.Clone();
        changed.Goals[0].Text = "Bewerbungen an drei Lagerbetriebe schicken";
        changed.NextReviewOn = app.Today().AddMonths(4);
        var savedV2 = await Commands.SaveAsync(joint.CaseManager, joint.ClientId, v2.Id, changed, v2.Token);
        Assert.True(savedV2.Succeeded, savedV2.Message);
        Assert.Equal(HelpPlanData.FirstGoal, (await app.StoredPlanAsync(v1.Id)).Goals.Single(g => g.Position == 0).Text);
        var comparison = await app.Service<HelpPlanQuery>().CompareAsync(joint.CaseManager, joint.ClientId, 1, 2);
        Assert.NotNull(comparison);
        Assert.Contains(comparison, c => c is { Before: "Bewerbungsmappe erstellen", After: "Bewerbungen an drei Lagerbetriebe schicken" });

        var agreedV2 = await Commands.AgreeAsync(joint.DrugHelpWorker, joint.ClientId, v2.Id, app.Everyone(), savedV2.Value);
        Assert.True(agreedV2.Succeeded, agreedV2.Message);
        plans = await app.StoredPlansAsync(joint.ClientId);
        Assert.Equal([(1, HelpPlanStatus.Superseded), (2, HelpPlanStatus.Agreed)], plans.Select(p => (p.Version, p.Status)));

        var closed = await Commands.CloseAsync(joint.CaseManager, joint.ClientId, v2.Id, new ClosePlanInput { ClosedOn = app.Today() }, agreedV2.Value);
        Assert.True(closed.Succeeded, closed.Message);
        plans = await app.StoredPlansAsync(joint.ClientId);
        Assert.Equal([(1, HelpPlanStatus.Superseded), (2, HelpPlanStatus.Closed)], plans.Select(p => (p.Version, p.Status)));
        Assert.Equal(app.Today(), plans[1].ClosedOn);

        var file = await app.Service<HelpPlanQuery>().OpenAsync(joint.CaseManager, joint.ClientId);
        Assert.NotNull(file);
        Assert.True(file.MayStartNewPlan);
        Assert.False(file.MayStartReview);
        var next = await Commands.StartAsync(joint.CaseManager, joint.ClientId);
        Assert.True(next.Succeeded, next.Message);
        Assert.Equal(3, next.Value);
    }

    [Fact]
    public async Task A_second_plan_cannot_begin_while_one_is_running()
    {
        var joint = await app.JointCaseAsync();
        await app.AgreedAsync(joint);

        var again = await Commands.StartAsync(joint.DrugHelpWorker, joint.ClientId);

        Assert.False(again.Succeeded);
        Assert.Equal("Für diesen Fall gibt es bereits einen laufenden Hilfeplan.", again.Message);
        Assert.Single(await app.StoredPlansAsync(joint.ClientId));
    }

    [Fact]
    public async Task When_both_organisations_are_responsible_both_caseworkers_must_have_agreed()
    {
        var joint = await app.JointCaseAsync();
        var draft = await app.DraftAsync(joint);

        var withoutDrugHelp = await Commands.AgreeAsync(joint.CaseManager, joint.ClientId, draft.Id,
            app.Everyone().With(byDrugHelpWorker: false), draft.Token);
        var withoutJobcenter = await Commands.AgreeAsync(joint.CaseManager, joint.ClientId, draft.Id,
            app.Everyone().With(byCaseManager: false), draft.Token);
        var withoutClient = await Commands.AgreeAsync(joint.CaseManager, joint.ClientId, draft.Id,
            app.Everyone().With(byClient: false), draft.Token);

        Assert.Equal("Bitte bestätigen Sie die Zustimmung der Fachkraft der Drogenhilfe.", withoutDrugHelp.Message);
        Assert.Equal("Bitte bestätigen Sie die Zustimmung der Fallmanagerin bzw. des Fallmanagers.", withoutJobcenter.Message);
        Assert.Equal("Ohne Zustimmung der Klientin bzw. des Klienten kann der Plan nicht vereinbart werden.", withoutClient.Message);
        var stored = await app.StoredPlanAsync(draft.Id);
        Assert.Equal(HelpPlanStatus.Draft, stored.Status);
        Assert.Equal(draft.Token, stored.RowVersion);
    }

    [Fact]
    public async Task A_review_cannot_be_agreed_on_a_date_before_the_version_it_replaces_was_agreed()
    {
        var joint = await app.JointCaseAsync();
        var agreed = await app.AgreedAsync(joint);
        Assert.True((await Commands.StartReviewAsync(joint.CaseManager, joint.ClientId, agreed.Id, agreed.Token)).Succeeded);
        var v2 = await app.ShownAsync(joint.CaseManager, joint.ClientId);

        var backdated = app.Everyone();
        backdated.AgreedOn = app.Today().AddDays(-10);
        var earlier = await Commands.AgreeAsync(joint.CaseManager, joint.ClientId, v2.Id, backdated, v2.Token);
        var sameDay = await Commands.AgreeAsync(joint.CaseManager, joint.ClientId, v2.Id, app.Everyone(), v2.Token);

        Assert.False(earlier.Succeeded);
        var agreedOn = app.Today().ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"Die Fortschreibung kann nicht vor der Vereinbarung der bisherigen Fassung ({agreedOn}) vereinbart worden sein.", earlier.Message);
        Assert.True(sameDay.Succeeded, sameDay.Message);
        Assert.Equal(
            [(1, HelpPlanStatus.Superseded), (2, HelpPlanStatus.Agreed)],
            (await app.StoredPlansAsync(joint.ClientId)).Select(p => (p.Version, p.Status)));
    }

    [Fact]
    public async Task An_incomplete_draft_cannot_be_agreed()
    {
        var joint = await app.JointCaseAsync();
        var input = app.AgreeableInput();
        input.Goals[1].Steps.Clear();
        var draft = await app.DraftAsync(joint, input);

        var result = await Commands.AgreeAsync(joint.CaseManager, joint.ClientId, draft.Id, app.Everyone(), draft.Token);

        Assert.False(result.Succeeded);
        Assert.Equal("Vor der Vereinbarung braucht der Plan mindestens ein Ziel, und jedes Ziel mindestens einen Schritt.", result.Message);
        Assert.Equal(HelpPlanStatus.Draft, (await app.StoredPlanAsync(draft.Id)).Status);
    }

    [Fact]
    public async Task A_draft_can_be_discarded_and_the_plan_in_force_stays()
    {
        var joint = await app.JointCaseAsync();
        var agreed = await app.AgreedAsync(joint);
        var review = await Commands.StartReviewAsync(joint.CaseManager, joint.ClientId, agreed.Id, agreed.Token);
        Assert.True(review.Succeeded, review.Message);
        var v2 = await app.ShownAsync(joint.CaseManager, joint.ClientId);

        var discarded = await Commands.DiscardDraftAsync(joint.DrugHelpWorker, joint.ClientId, v2.Id, v2.Token);

        Assert.True(discarded.Succeeded, discarded.Message);
        var plan = Assert.Single(await app.StoredPlansAsync(joint.ClientId));
        Assert.Equal((1, HelpPlanStatus.Agreed), (plan.Version, plan.Status));
        var again = await Commands.DiscardDraftAsync(joint.DrugHelpWorker, joint.ClientId, agreed.Id, (await app.ShownAsync(joint.CaseManager, joint.ClientId)).Token);
        Assert.Equal("Nur ein Entwurf kann verworfen werden.", again.Message);
        Assert.Single(await app.StoredPlansAsync(joint.ClientId));
    }

    [Fact]
    public async Task A_review_cannot_start_twice_and_the_plan_in_force_cannot_be_closed_while_a_review_runs()
    {
        var joint = await app.JointCaseAsync();
        var agreed = await app.AgreedAsync(joint);
        Assert.True((await Commands.StartReviewAsync(joint.CaseManager, joint.ClientId, agreed.Id, agreed.Token)).Succeeded);
        var current = await app.ShownAsync(joint.CaseManager, joint.ClientId, 1);

        var second = await Commands.StartReviewAsync(joint.DrugHelpWorker, joint.ClientId, agreed.Id, current.Token);
        var close = await Commands.CloseAsync(joint.CaseManager, joint.ClientId, agreed.Id, new ClosePlanInput { ClosedOn = app.Today() }, current.Token);

        Assert.False(second.Succeeded);
        Assert.Equal("Es läuft noch eine Fortschreibung. Bitte vereinbaren oder verwerfen Sie sie zuerst.", close.Message);
        Assert.Equal(2, (await app.StoredPlansAsync(joint.ClientId)).Count);
        Assert.Equal(HelpPlanStatus.Agreed, (await app.StoredPlanAsync(agreed.Id)).Status);
    }

    [Fact]
    public async Task An_agreed_plan_takes_step_status_and_notes_but_refuses_changes_of_its_contents()
    {
        var joint = await app.JointCaseAsync();
        var agreed = await app.AgreedAsync(joint);

        // The Drogenhilfe records progress on the plan as it sees it (its own notes, none of the Jobcenter's).
        var progress = (await app.ShownAsync(joint.DrugHelpWorker, joint.ClientId, agreed.Version)).Content.Clone();
        progress.Goals[0].Steps[0].Status = StepStatus.Achieved;
        progress.Goals[0].Steps[1].Note = "  Fototermin am Montag  ";
        var saved = await Commands.SaveAsync(joint.DrugHelpWorker, joint.ClientId, agreed.Id, progress, agreed.Token);
        Assert.True(saved.Succeeded, saved.Message);

        var content = (await app.ShownAsync(joint.CaseManager, joint.ClientId)).Content.Clone();
        content.Goals[0].Text = "Ganz anderes Ziel";
        var refusedText = await Commands.SaveAsync(joint.CaseManager, joint.ClientId, agreed.Id, content, saved.Value);
        var withNewStep = (await app.ShownAsync(joint.CaseManager, joint.ClientId)).Content.Clone();
        withNewStep.Goals[1].Steps.Add(new StepInput { Description = "Neuer Schritt" });
        var refusedStep = await Commands.SaveAsync(joint.CaseManager, joint.ClientId, agreed.Id, withNewStep, saved.Value);
        var moved = (await app.ShownAsync(joint.CaseManager, joint.ClientId)).Content.Clone();
        moved.Goals[0].Steps[1].DueOn = app.Today().AddDays(60);
        var refusedDue = await Commands.SaveAsync(joint.CaseManager, joint.ClientId, agreed.Id, moved, saved.Value);

        const string Refusal = "Ein vereinbarter Plan wird nur in einer Fortschreibung inhaltlich geändert. Stand und Notizen der Schritte können Sie direkt speichern.";
        Assert.All([refusedText, refusedStep, refusedDue], r =>
        {
            Assert.False(r.Succeeded);
            Assert.False(r.Conflict);
            Assert.Equal(Refusal, r.Message);
        });
        var stored = await app.StoredPlanAsync(agreed.Id);
        var firstGoal = stored.Goals.Single(g => g.Position == 0);
        Assert.Equal(HelpPlanData.FirstGoal, firstGoal.Text);
        Assert.Equal(StepStatus.Achieved, firstGoal.Steps.Single(s => s.Position == 0).Status);
        Assert.Equal("Fototermin am Montag", firstGoal.Steps.Single(s => s.Position == 1).DrugHelpNote);
        Assert.Equal(HelpPlanData.StepNote, firstGoal.Steps.Single(s => s.Position == 0).JobcenterNote);
        Assert.Equal(app.Today().AddDays(21), firstGoal.Steps.Single(s => s.Position == 1).DueOn);
        Assert.Equal(3, stored.Steps.Count());
        Assert.Equal(saved.Value, stored.RowVersion);
    }

    [Fact]
    public async Task Closed_and_superseded_versions_cannot_be_changed()
    {
        var joint = await app.JointCaseAsync();
        var agreed = await app.AgreedAsync(joint);
        var closed = await Commands.CloseAsync(joint.CaseManager, joint.ClientId, agreed.Id, new ClosePlanInput { ClosedOn = app.Today() }, agreed.Token);
        Assert.True(closed.Succeeded, closed.Message);

        var progress = agreed.Content.Clone();
        progress.Goals[0].Steps[0].Status = StepStatus.Achieved;
        var refused = await Commands.SaveAsync(joint.CaseManager, joint.ClientId, agreed.Id, progress, closed.Value);

        Assert.Equal("Diese Fassung ist abgeschlossen und kann nicht mehr geändert werden.", refused.Message);
        Assert.Equal(StepStatus.Planned, (await app.StoredPlanAsync(agreed.Id)).Steps.First(s => s.Position == 0).Status);
    }

    [Fact]
    public async Task Every_change_is_audited_under_the_help_plan_with_field_names_but_no_contents()
    {
        var joint = await app.JointCaseAsync();
        var agreed = await app.AgreedAsync(joint);
        var progress = agreed.Content.Clone();
        progress.Goals[1].Steps[0].Note = "Klient berichtet von Beikonsum";
        var saved = await Commands.SaveAsync(joint.DrugHelpWorker, joint.ClientId, agreed.Id, progress, agreed.Token);
        var review = await Commands.StartReviewAsync(joint.CaseManager, joint.ClientId, agreed.Id, saved.Value);
        var v2 = await app.ShownAsync(joint.CaseManager, joint.ClientId);
        Assert.True((await Commands.DiscardDraftAsync(joint.CaseManager, joint.ClientId, v2.Id, v2.Token)).Succeeded);
        Assert.True(review.Succeeded, review.Message);
        var current = await app.ShownAsync(joint.CaseManager, joint.ClientId, 1);
        Assert.True((await Commands.CloseAsync(joint.CaseManager, joint.ClientId, agreed.Id, new ClosePlanInput { ClosedOn = app.Today() }, current.Token)).Succeeded);

        var entries = await app.HelpPlanAuditAsync(joint.ClientId);
        var writes = entries.Where(e => e.Action != AuditAction.Viewed).ToList();

        Assert.Equal(
            [
                (AuditAction.Created, "Fassung 1"),
                (AuditAction.Changed, "Fassung 1, Integrationsziel, Zielberufe, Eigenbemühungen, Nachweis der Eigenbemühungen, Nächste Überprüfung, Ziele"),
                (AuditAction.Changed, "Fassung 1, Vereinbarung"),
                (AuditAction.Changed, "Fassung 1, Schritte"),
                (AuditAction.Created, "Fassung 2, Fortschreibung"),
                (AuditAction.Changed, "Fassung 2, Entwurf verworfen"),
                (AuditAction.Changed, "Fassung 1, Abschluss"),
            ],
            writes.Select(e => (e.Action, e.Fields)));
        Assert.All(writes, e => Assert.Equal(joint.Client.CaseNumber, e.CaseNumber));
        Assert.Equal(joint.DrugHelpWorker.Id, writes[3].UserId);
        string[] contents =
        [
            HelpPlanData.IntegrationGoal, HelpPlanData.FirstGoal, HelpPlanData.SecondGoal, HelpPlanData.StepNote,
            "Beikonsum", "Lebenslauf", "Lagerhelfer", "Substitutionspraxis", "Bewerbungen",
        ];
        Assert.All(entries, e => Assert.All(contents, text => Assert.DoesNotContain(text, e.Fields ?? "", StringComparison.OrdinalIgnoreCase)));
        Assert.Contains(entries, e => e.Action == AuditAction.Viewed);
    }
}

internal static class AgreementInputExtensions
{
    public static AgreementInput With(this AgreementInput input, bool byCaseManager = true, bool byDrugHelpWorker = true, bool byClient = true) =>
        new() { AgreedOn = input.AgreedOn, ByCaseManager = byCaseManager, ByDrugHelpWorker = byDrugHelpWorker, ByClient = byClient };
}
