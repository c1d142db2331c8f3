using CaseManagement.Application.Appointments;
using CaseManagement.Domain.Appointments;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.Staff;

namespace CaseManagement.IntegrationTests.Appointments;

/// <summary>
/// Every read of a client's appointments, every change and every refusal leaves one audit entry
/// (category Termine) naming what was touched, never the contents.
/// </summary>
public sealed class AppointmentAuditTests(AppFixture app) : IClassFixture<AppFixture>
{
    private AppointmentQuery Query => app.AppointmentQuery();

    private AppointmentCommands Commands => app.AppointmentCommands();

    [Fact]
    public async Task Planning_moving_recording_and_reading_each_leave_exactly_one_entry_in_order()
    {
        var joint = await app.AppointmentCaseAsync();
        var cm = joint.CaseManager;
        var day = app.Today().AddDays(-1);
        var id = await app.ScheduleAsync(cm, AppointmentData.Plan(AppointmentType.JobcenterOnly, joint.ClientId, day, new TimeOnly(13, 0), 60, cm));
        var moved = AppointmentInput.From(await app.StoredAppointmentAsync(id));
        moved.StartTime = new TimeOnly(13, 30);
        moved.DurationMinutes = 45;
        Assert.True((await Commands.UpdateAsync(cm, id, moved, (await app.StoredAppointmentAsync(id)).RowVersion, false)).Succeeded);
        await app.RecordOutcomeAsync(cm, id, new OutcomeInput { Outcome = AppointmentOutcome.Attended, Note = AppointmentData.CounsellingNote });
        Assert.NotNull(await Query.OpenAsync(cm, id));
        Assert.NotNull(await Query.ForClientAsync(cm, joint.ClientId));

        var entries = await app.AppointmentAuditAsync(joint.ClientId);

        var date = $"{day:dd.MM.yyyy}";
        Assert.Equal(
            new (AuditAction, string?)[]
            {
                (AuditAction.Created, $"Beratung Jobcenter, {date} 13:00"),
                (AuditAction.Changed, $"Beratung Jobcenter, {date} 13:30, Zeit, Dauer"),
                (AuditAction.Changed, $"Beratung Jobcenter, {date} 13:30, Ergebnis"),
                (AuditAction.Viewed, "Beratung Jobcenter"),
                (AuditAction.Viewed, "Terminübersicht"),
            },
            entries.Select(e => (e.Action, e.Fields)));
        Assert.All(entries, e => Assert.Equal((cm.Id, Organisation.Jobcenter, joint.Client.CaseNumber), (e.UserId, e.UserOrganisation, e.CaseNumber)));
    }

    [Fact]
    public async Task Refused_attempts_and_invalid_input_change_nothing_and_only_refusals_are_audited()
    {
        var joint = await app.AppointmentCaseAsync(configure: c =>
            c.AddConsent(c.ResponsibleCaseManagerId!, ConsentScope.Appointments, ConsentDirections.JobcenterToDrugHelp, app.Today().AddDays(-3)));
        var id = await app.AttendedWithNoteAsync(joint, joint.CaseManager);
        var stored = await app.StoredAppointmentAsync(id);
        var before = await app.AppointmentAuditAsync(joint.ClientId);

        // Invalid input from the holder: no entry.
        var invalid = AppointmentInput.From(stored);
        invalid.DurationMinutes = 0;
        Assert.False((await Commands.UpdateAsync(joint.CaseManager, id, invalid, stored.RowVersion, true)).Succeeded);
        Assert.Equal(before.Count, (await app.AppointmentAuditAsync(joint.ClientId)).Count);

        // The Drogenhilfe may read (consent) but not change: refused and audited, one entry per attempt.
        var moved = AppointmentInput.From(stored);
        moved.Place = "Anderswo";
        var update = await Commands.UpdateAsync(joint.DrugHelpWorker, id, moved, stored.RowVersion, true);
        var outcome = await Commands.RecordOutcomeAsync(joint.DrugHelpWorker, id, new OutcomeInput { Outcome = AppointmentOutcome.NoShow }, stored.RowVersion);

        Assert.False(update.Succeeded);
        Assert.False(outcome.Succeeded);
        var denied = await app.AppointmentAuditAsync(joint.ClientId, AuditAction.AccessDenied, joint.DrugHelpWorker.Id);
        Assert.Equal(2, denied.Count);
        Assert.All(denied, d => Assert.Equal(Organisation.DrugHelpService, d.UserOrganisation));
        Assert.Equal(stored.RowVersion, (await app.StoredAppointmentAsync(id)).RowVersion);
    }

    [Fact]
    public async Task A_team_lead_asking_for_a_clients_appointments_is_refused_and_audited()
    {
        var joint = await app.AppointmentCaseAsync();
        await app.AttendedWithNoteAsync(joint, joint.CaseManager);
        var teamLead = await app.CreateMemberAsync(StaffRole.TeamLeadJobcenter, Organisation.Jobcenter, "Teamleitung Übersicht");

        var list = await Query.ForClientAsync(teamLead, joint.ClientId);

        Assert.True(list is null || (list.Upcoming.Count == 0 && list.Past.Count == 0 && !list.MayAdd));
        var entry = Assert.Single(await app.AppointmentAuditAsync(joint.ClientId, userId: teamLead.Id));
        Assert.Equal(AuditAction.AccessDenied, entry.Action);
    }

    [Fact]
    public async Task Reading_a_client_without_appointments_or_the_other_sides_list_without_consent_writes_no_viewed_entry()
    {
        var joint = await app.AppointmentCaseAsync();
        await app.AttendedWithNoteAsync(joint, joint.CaseManager);

        var drugHelpView = await Query.ForClientAsync(joint.DrugHelpWorker, joint.ClientId);

        Assert.NotNull(drugHelpView);
        Assert.Empty(drugHelpView.Past);
        Assert.True(drugHelpView.MayAdd); // its own appointments it may enter
        Assert.Empty(await app.AppointmentAuditAsync(joint.ClientId, AuditAction.Viewed));
    }
}
