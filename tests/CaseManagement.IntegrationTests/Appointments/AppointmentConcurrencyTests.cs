using CaseManagement.Application.Appointments;
using CaseManagement.Domain.Appointments;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Staff;

namespace CaseManagement.IntegrationTests.Appointments;

/// <summary>
/// Optimistic concurrency of appointments on real PostgreSQL (xmin): a change made from a token
/// someone else has moved on is refused as a conflict and writes nothing, audit included.
/// </summary>
public sealed class AppointmentConcurrencyTests(AppFixture app) : IClassFixture<AppFixture>
{
    private AppointmentCommands Commands => app.AppointmentCommands();

    [Fact]
    public async Task A_move_from_a_stale_token_is_a_conflict_and_the_first_change_and_its_audit_entry_survive()
    {
        var joint = await app.AppointmentCaseAsync();
        var day = app.Today().AddDays(10);
        var id = await app.ScheduleAsync(joint.CaseManager, AppointmentData.Plan(AppointmentType.JobcenterOnly, joint.ClientId, day, new TimeOnly(9, 0), 60, joint.CaseManager));
        // Two open forms (two tabs, or a colleague's screen) started from the same version.
        var opened = await app.AppointmentQuery().OpenAsync(joint.CaseManager, id);
        Assert.NotNull(opened);
        var changesBefore = (await app.AppointmentAuditAsync(joint.ClientId, AuditAction.Changed)).Count;

        var mine = AppointmentInput.From(await app.StoredAppointmentAsync(id));
        mine.StartTime = new TimeOnly(11, 0);
        var theirs = AppointmentInput.From(await app.StoredAppointmentAsync(id));
        theirs.Place = "Raum 0.07";
        theirs.DurationMinutes = 30;

        var first = await Commands.UpdateAsync(joint.CaseManager, id, mine, opened.RowVersion, confirmDoubleBooking: false);
        var second = await Commands.UpdateAsync(joint.CaseManager, id, theirs, opened.RowVersion, confirmDoubleBooking: false);

        Assert.True(first.Succeeded, first.Message);
        Assert.True(second.Conflict);
        Assert.False(second.Succeeded);
        Assert.Equal(AppointmentCommands.ConflictMessage, second.Message);
        var stored = await app.StoredAppointmentAsync(id);
        Assert.Equal(AppointmentData.Berlin(day.Year, day.Month, day.Day, 11, 0), stored.Start);
        Assert.Equal((AppointmentData.Room, 60), (stored.Place, stored.DurationMinutes));
        Assert.Equal(first.Value, stored.RowVersion);
        Assert.NotEqual(opened.RowVersion, stored.RowVersion);
        var changes = await app.AppointmentAuditAsync(joint.ClientId, AuditAction.Changed);
        Assert.Equal(changesBefore + 1, changes.Count);
        Assert.Equal($"Beratung Jobcenter, {day:dd.MM.yyyy} 11:00, Zeit", changes[^1].Fields);
    }

    [Fact]
    public async Task An_outcome_recorded_from_a_stale_token_is_a_conflict()
    {
        var joint = await app.AppointmentCaseAsync();
        var id = await app.ScheduleAsync(joint.DrugHelpWorker, AppointmentData.Plan(AppointmentType.DrugHelpOnly, joint.ClientId, app.Today().AddDays(-1), new TimeOnly(15, 0), 45, joint.DrugHelpWorker));
        var token = (await app.StoredAppointmentAsync(id)).RowVersion;

        var first = await Commands.RecordOutcomeAsync(joint.DrugHelpWorker, id, new OutcomeInput { Outcome = AppointmentOutcome.Attended, Note = "Gespräch über Substitution" }, token);
        var second = await Commands.RecordOutcomeAsync(joint.DrugHelpWorker, id, new OutcomeInput { Outcome = AppointmentOutcome.NoShow, Note = "Nicht gekommen" }, token);
        var moveAfter = AppointmentInput.From(await app.StoredAppointmentAsync(id));
        moveAfter.DurationMinutes = 90;
        var third = await Commands.UpdateAsync(joint.DrugHelpWorker, id, moveAfter, token, confirmDoubleBooking: true);

        Assert.True(first.Succeeded, first.Message);
        Assert.True(second.Conflict);
        Assert.True(third.Conflict);
        var stored = await app.StoredAppointmentAsync(id);
        Assert.Equal((AppointmentOutcome.Attended, "Gespräch über Substitution", 45), (stored.Outcome, stored.OutcomeNote, stored.DurationMinutes));
        Assert.Single(await app.AppointmentAuditAsync(joint.ClientId, AuditAction.Changed));
    }

    [Fact]
    public async Task Two_colleagues_changing_an_anonymous_contact_from_the_same_token_one_gets_a_conflict()
    {
        var first = await app.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Streetworker Nord");
        var second = await app.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Streetworkerin Süd");
        var local = Domain.GermanCalendar.ToLocal(app.Now().AddHours(-1));
        var contact = await Commands.RecordContactAsync(first, new QuickContactInput
        {
            Anonymous = true,
            Date = DateOnly.FromDateTime(local.DateTime),
            StartTime = new TimeOnly(local.Hour, local.Minute),
            Place = "Hauptbahnhof",
        });
        Assert.True(contact.Succeeded, contact.Message);
        var stored = await app.StoredAppointmentAsync(contact.Value);

        var northInput = AppointmentInput.From(stored);
        northInput.Place = "Hauptbahnhof, Vorplatz";
        var southInput = AppointmentInput.From(stored);
        southInput.Place = "Hauptbahnhof, Gleis 1";
        var north = await Commands.UpdateAsync(first, stored.Id, northInput, stored.RowVersion, confirmDoubleBooking: true);
        var south = await Commands.UpdateAsync(second, stored.Id, southInput, stored.RowVersion, confirmDoubleBooking: true);

        Assert.True(north.Succeeded, north.Message);
        Assert.True(south.Conflict);
        Assert.Equal("Hauptbahnhof, Vorplatz", (await app.StoredAppointmentAsync(stored.Id)).Place);
    }

    [Fact]
    public async Task Of_simultaneous_changes_on_the_same_token_exactly_one_wins_with_its_participants()
    {
        var joint = await app.AppointmentCaseAsync();
        var colleagues = new List<Domain.Access.StaffMember>();
        for (var i = 0; i < 4; i++)
        {
            colleagues.Add(await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, $"Vertretung {i}"));
        }

        var day = app.Today().AddDays(12);
        var id = await app.ScheduleAsync(joint.CaseManager, AppointmentData.Plan(AppointmentType.JobcenterOnly, joint.ClientId, day, new TimeOnly(8, 0), 60, joint.CaseManager));
        var stored = await app.StoredAppointmentAsync(id);
        var changesBefore = (await app.AppointmentAuditAsync(joint.ClientId, AuditAction.Changed)).Count;

        var results = await Task.WhenAll(colleagues.Select((colleague, i) => Task.Run(() =>
        {
            var input = AppointmentInput.From(stored);
            input.Place = $"Raum {i}";
            input.ParticipantIds = [joint.CaseManager.Id, colleague.Id];
            return Commands.UpdateAsync(joint.CaseManager, id, input, stored.RowVersion, confirmDoubleBooking: true);
        })));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.True(r.Conflict, r.Message));
        var winner = Array.FindIndex(results, r => r.Succeeded);
        var after = await app.StoredAppointmentAsync(id);
        Assert.Equal($"Raum {winner}", after.Place);
        Assert.Equal(new[] { joint.CaseManager.Id, colleagues[winner].Id }.Order(StringComparer.Ordinal), after.Participants.Select(p => p.StaffId).Order(StringComparer.Ordinal));
        Assert.Equal(changesBefore + 1, (await app.AppointmentAuditAsync(joint.ClientId, AuditAction.Changed)).Count);
    }

    [Fact]
    public async Task After_a_conflict_changing_again_from_the_current_token_succeeds()
    {
        var joint = await app.AppointmentCaseAsync();
        var id = await app.ScheduleAsync(joint.CaseManager, AppointmentData.Plan(AppointmentType.JobcenterOnly, joint.ClientId, app.Today().AddDays(14), new TimeOnly(9, 0), 60, joint.CaseManager));
        var stale = (await app.StoredAppointmentAsync(id)).RowVersion;
        var first = AppointmentInput.From(await app.StoredAppointmentAsync(id));
        first.DurationMinutes = 30;
        Assert.True((await Commands.UpdateAsync(joint.CaseManager, id, first, stale, false)).Succeeded);
        var retry = AppointmentInput.From(await app.StoredAppointmentAsync(id));
        retry.Place = "Raum 4.10";
        Assert.True((await Commands.UpdateAsync(joint.CaseManager, id, retry, stale, false)).Conflict);

        var reopened = await app.AppointmentQuery().OpenAsync(joint.CaseManager, id);
        var saved = await Commands.UpdateAsync(joint.CaseManager, id, retry, reopened!.RowVersion, false);

        Assert.True(saved.Succeeded, saved.Message);
        var stored = await app.StoredAppointmentAsync(id);
        Assert.Equal((30, "Raum 4.10"), (stored.DurationMinutes, stored.Place));
    }
}
