using CaseManagement.Application.Appointments;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Appointments;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests.Appointments;

/// <summary>Planning, moving and recording appointments through the real commands: field errors, double bookings, outcome rules, participants.</summary>
public sealed class AppointmentCommandTests(AppFixture app) : IClassFixture<AppFixture>
{
    private AppointmentCommands Commands => app.AppointmentCommands();

    private sealed record Setup(JointCase Joint, StaffMember SecondDrugHelpWorker, StaffMember SecondCaseManager);

    /// <summary>One joint case for the whole class; each test books its own staff or dates where bookings could meet.</summary>
    private Task<Setup> SetupAsync() => PerFixture<Setup>.GetAsync(app, async a => new Setup(
        await a.AppointmentCaseAsync(),
        await a.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Zweite Fachkraft"),
        await a.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Zweiter Fallmanager")));

    public enum InvalidPlan
    {
        NoType,
        NoClient,
        NoDate,
        NoTime,
        DurationZero,
        DurationOverADay,
        OutreachWithoutPlace,
        PlaceTooLong,
        AccompanimentWithoutTarget,
        NoParticipant,
        JointCounsellingWithJobcenterOnly,
        JobcenterCounsellingWithDrugHelpWorker,
        UnknownParticipant,
        ParticipantTwice,
    }

    public static TheoryData<InvalidPlan, string, string> InvalidPlans => new()
    {
        { InvalidPlan.NoType, "Type", "Bitte die Art des Termins wählen." },
        { InvalidPlan.NoClient, "ClientId", "Bitte die Klientin oder den Klienten wählen." },
        { InvalidPlan.NoDate, "Date", "Bitte das Datum angeben." },
        { InvalidPlan.NoTime, "StartTime", "Bitte die Uhrzeit angeben." },
        { InvalidPlan.DurationZero, "DurationMinutes", "Die Dauer muss zwischen 5 Minuten und 24 Stunden liegen." },
        { InvalidPlan.DurationOverADay, "DurationMinutes", "Die Dauer muss zwischen 5 Minuten und 24 Stunden liegen." },
        { InvalidPlan.OutreachWithoutPlace, "Place", "Bei einem aufsuchenden Kontakt bitte den Ort angeben." },
        { InvalidPlan.PlaceTooLong, "Place", "„Ort“ darf höchstens 200 Zeichen lang sein; eingegeben sind 201." },
        { InvalidPlan.AccompanimentWithoutTarget, "AccompanimentTarget", "Bei einer Begleitung bitte angeben, wohin begleitet wird (Behörde, Praxis, Klinik)." },
        { InvalidPlan.NoParticipant, "ParticipantIds", "Bitte mindestens eine Mitarbeiterin oder einen Mitarbeiter eintragen." },
        { InvalidPlan.JointCounsellingWithJobcenterOnly, "ParticipantIds", "Eine gemeinsame Beratung braucht Teilnehmende aus Jobcenter und Drogenhilfe." },
        { InvalidPlan.JobcenterCounsellingWithDrugHelpWorker, "ParticipantIds", "Bei einer Beratung nur durch das Jobcenter nehmen keine Fachkräfte der Drogenhilfe teil – dann bitte „Gemeinsame Beratung“ wählen." },
        { InvalidPlan.UnknownParticipant, "ParticipantIds", "Eine der eingetragenen Personen gibt es nicht (mehr)." },
        { InvalidPlan.ParticipantTwice, "ParticipantIds", "Eine Person ist doppelt als Teilnehmende eingetragen." },
    };

    [Theory]
    [MemberData(nameof(InvalidPlans))]
    public async Task An_invalid_plan_names_the_field_in_German_and_stores_nothing(InvalidPlan problem, string field, string message)
    {
        var setup = await SetupAsync();
        var joint = setup.Joint;
        var input = AppointmentData.Plan(AppointmentType.JobcenterOnly, joint.ClientId, app.Today().AddDays(20), new TimeOnly(9, 0), 45, joint.CaseManager);
        switch (problem)
        {
            case InvalidPlan.NoType: input.Type = null; break;
            case InvalidPlan.NoClient: input.ClientId = null; break;
            case InvalidPlan.NoDate: input.Date = null; break;
            case InvalidPlan.NoTime: input.StartTime = null; break;
            case InvalidPlan.DurationZero: input.DurationMinutes = 0; break;
            case InvalidPlan.DurationOverADay: input.DurationMinutes = 24 * 60 + 1; break;
            case InvalidPlan.OutreachWithoutPlace: input.Type = AppointmentType.Outreach; input.Place = "  "; break;
            case InvalidPlan.PlaceTooLong: input.Place = new string('x', 201); break;
            case InvalidPlan.AccompanimentWithoutTarget: input.Type = AppointmentType.Accompaniment; input.AccompanimentTarget = null; break;
            case InvalidPlan.NoParticipant: input.ParticipantIds = []; break;
            case InvalidPlan.JointCounsellingWithJobcenterOnly: input.Type = AppointmentType.JointCounselling; input.ParticipantIds = [joint.CaseManager.Id, setup.SecondCaseManager.Id]; break;
            case InvalidPlan.JobcenterCounsellingWithDrugHelpWorker: input.ParticipantIds = [joint.CaseManager.Id, joint.DrugHelpWorker.Id]; break;
            case InvalidPlan.UnknownParticipant: input.ParticipantIds = [joint.CaseManager.Id, "gibt-es-nicht"]; break;
            case InvalidPlan.ParticipantTwice: input.ParticipantIds = [joint.CaseManager.Id, joint.CaseManager.Id]; break;
            default: throw new ArgumentOutOfRangeException(nameof(problem));
        }

        var before = await app.AppointmentCountAsync(joint.ClientId);
        var auditBefore = (await app.AppointmentAuditAsync(joint.ClientId)).Count;

        var result = await Commands.CreateAsync(joint.CaseManager, input, confirmDoubleBooking: true);

        Assert.False(result.Succeeded);
        Assert.True(result.Errors.TryGetValue(field, out var messages), $"no error on {field}; errors on: {string.Join(", ", result.Errors.Keys)}");
        Assert.Contains(message, messages);
        Assert.Equal(before, await app.AppointmentCountAsync(joint.ClientId));
        Assert.Equal(auditBefore, (await app.AppointmentAuditAsync(joint.ClientId)).Count);
    }

    [Fact]
    public async Task Someone_who_has_left_is_added_to_no_appointment_but_stays_on_one_they_already_take_part_in()
    {
        var joint = (await SetupAsync()).Joint;
        var colleague = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Kollegin vor dem Abschied");
        var withColleague = AppointmentData.Plan(AppointmentType.JobcenterOnly, joint.ClientId, app.Today().AddDays(25), new TimeOnly(11, 0), 30, joint.CaseManager, colleague);
        var planned = await Commands.CreateAsync(joint.CaseManager, withColleague, confirmDoubleBooking: true);
        Assert.True(planned.Succeeded, planned.Message);
        await using (var db = await app.DbAsync())
        {
            (await db.Users.SingleAsync(u => u.Id == colleague.Id)).DeactivatedAt = app.Now();
            await db.SaveChangesAsync();
        }

        // A swapped option in the form: the account that has left, on a new appointment.
        var another = AppointmentData.Plan(AppointmentType.JobcenterOnly, joint.ClientId, app.Today().AddDays(26), new TimeOnly(11, 0), 30, joint.CaseManager, colleague);
        var refused = await Commands.CreateAsync(joint.CaseManager, another, confirmDoubleBooking: true);
        Assert.False(refused.Succeeded);
        Assert.Contains("Eine der eingetragenen Personen gibt es nicht (mehr).", refused.Errors["ParticipantIds"]);

        // The planned one is moved by an hour: whoever already takes part stays.
        withColleague.StartTime = new TimeOnly(12, 0);
        var moved = await Commands.UpdateAsync(joint.CaseManager, planned.Value, withColleague, (await app.StoredAppointmentAsync(planned.Value)).RowVersion, confirmDoubleBooking: true);
        Assert.True(moved.Succeeded, moved.Message);
        Assert.Contains(colleague.Id, (await app.StoredAppointmentAsync(planned.Value)).Participants.Select(p => p.StaffId));
    }

    [Fact]
    public async Task A_joint_counselling_with_both_organisations_is_planned_with_each_participants_organisation_and_audited()
    {
        var joint = (await SetupAsync()).Joint;
        var input = AppointmentData.Plan(AppointmentType.JointCounselling, joint.ClientId, app.Today().AddDays(21), new TimeOnly(14, 30), 90, joint.CaseManager, joint.DrugHelpWorker);

        var created = await Commands.CreateAsync(joint.CaseManager, input, confirmDoubleBooking: false);

        Assert.True(created.Succeeded, created.Message);
        var stored = await app.StoredAppointmentAsync(created.Value);
        Assert.Equal(Organisation.Jobcenter, stored.HolderOrganisation);
        Assert.Equal(AppointmentData.Berlin(input.Date!.Value.Year, input.Date.Value.Month, input.Date.Value.Day, 14, 30), stored.Start);
        Assert.Equal(90, stored.DurationMinutes);
        Assert.Equal(
            new[] { (joint.CaseManager.Id, Organisation.Jobcenter), (joint.DrugHelpWorker.Id, Organisation.DrugHelpService) }.Order(),
            stored.Participants.Select(p => (p.StaffId, p.Organisation)).Order());
        var audit = (await app.AppointmentAuditAsync(joint.ClientId, AuditAction.Created)).Last();
        Assert.Equal((joint.CaseManager.Id, joint.Client.CaseNumber), (audit.UserId, audit.CaseNumber));
        Assert.Equal($"Gemeinsame Beratung, {input.Date.Value:dd.MM.yyyy} 14:30", audit.Fields);
    }

    [Fact]
    public async Task A_double_booking_is_a_warning_naming_who_is_booked_and_saves_once_confirmed()
    {
        var joint = (await SetupAsync()).Joint;
        var day = app.Today().AddDays(30);
        var first = await app.ScheduleAsync(joint.CaseManager, AppointmentData.Plan(AppointmentType.JobcenterOnly, joint.ClientId, day, new TimeOnly(10, 0), 60, joint.CaseManager));
        var clashing = AppointmentData.Plan(AppointmentType.JointCounselling, joint.ClientId, day, new TimeOnly(10, 30), 60, joint.CaseManager, joint.DrugHelpWorker);
        var before = await app.AppointmentCountAsync(joint.ClientId);
        var auditBefore = (await app.AppointmentAuditAsync(joint.ClientId)).Count;

        var warned = await Commands.CreateAsync(joint.CaseManager, clashing, confirmDoubleBooking: false);

        Assert.False(warned.Succeeded);
        Assert.Empty(warned.Errors);
        var warning = Assert.Single(warned.Warnings);
        Assert.Equal(AppointmentCommands.DoubleBookingWarning, warning.Code);
        Assert.Equal($"Doppelbuchung: {joint.CaseManager.DisplayName} hat zu dieser Zeit schon einen Termin von 10:00 bis 11:00 Uhr. Trotzdem speichern?", warning.Message);
        Assert.DoesNotContain(joint.DrugHelpWorker.DisplayName, warning.Message, StringComparison.Ordinal);
        Assert.Equal(before, await app.AppointmentCountAsync(joint.ClientId));
        Assert.Equal(auditBefore, (await app.AppointmentAuditAsync(joint.ClientId)).Count);

        var confirmed = await Commands.CreateAsync(joint.CaseManager, clashing, confirmDoubleBooking: true);

        Assert.True(confirmed.Succeeded, confirmed.Message);
        Assert.NotEqual(first, confirmed.Value);
        Assert.Equal(before + 1, await app.AppointmentCountAsync(joint.ClientId));
    }

    [Fact]
    public async Task Back_to_back_appointments_and_other_peoples_appointments_do_not_clash()
    {
        var joint = (await SetupAsync()).Joint;
        var day = app.Today().AddDays(31);
        await app.ScheduleAsync(joint.CaseManager, AppointmentData.Plan(AppointmentType.JobcenterOnly, joint.ClientId, day, new TimeOnly(10, 0), 60, joint.CaseManager));

        var after = await Commands.CreateAsync(joint.CaseManager, AppointmentData.Plan(AppointmentType.JobcenterOnly, joint.ClientId, day, new TimeOnly(11, 0), 30, joint.CaseManager), false);
        var before = await Commands.CreateAsync(joint.CaseManager, AppointmentData.Plan(AppointmentType.JobcenterOnly, joint.ClientId, day, new TimeOnly(9, 0), 60, joint.CaseManager), false);
        var someoneElse = await Commands.CreateAsync(joint.DrugHelpWorker, AppointmentData.Plan(AppointmentType.DrugHelpOnly, joint.ClientId, day, new TimeOnly(10, 0), 60, joint.DrugHelpWorker), false);

        Assert.True(after.Succeeded, after.Message);
        Assert.True(before.Succeeded, before.Message);
        Assert.True(someoneElse.Succeeded, someoneElse.Message);
    }

    [Fact]
    public async Task Moving_an_appointment_over_its_own_old_slot_is_no_double_booking_but_moving_it_onto_another_is()
    {
        var joint = (await SetupAsync()).Joint;
        var day = app.Today().AddDays(32);
        var id = await app.ScheduleAsync(joint.CaseManager, AppointmentData.Plan(AppointmentType.JobcenterOnly, joint.ClientId, day, new TimeOnly(10, 0), 60, joint.CaseManager));
        await app.ScheduleAsync(joint.CaseManager, AppointmentData.Plan(AppointmentType.JobcenterOnly, joint.ClientId, day, new TimeOnly(13, 0), 60, joint.CaseManager));
        var stored = await app.StoredAppointmentAsync(id);

        var later = AppointmentInput.From(stored);
        later.StartTime = new TimeOnly(10, 30);
        var moved = await Commands.UpdateAsync(joint.CaseManager, id, later, stored.RowVersion, confirmDoubleBooking: false);

        Assert.True(moved.Succeeded, moved.Message);
        Assert.Equal(AppointmentData.Berlin(day.Year, day.Month, day.Day, 10, 30), (await app.StoredAppointmentAsync(id)).Start);

        var ontoOther = AppointmentInput.From(await app.StoredAppointmentAsync(id));
        ontoOther.StartTime = new TimeOnly(12, 30);
        var warned = await Commands.UpdateAsync(joint.CaseManager, id, ontoOther, moved.Value, confirmDoubleBooking: false);

        Assert.Equal(AppointmentCommands.DoubleBookingWarning, Assert.Single(warned.Warnings).Code);
        Assert.Contains("von 13:00 bis 14:00 Uhr", warned.Warnings[0].Message, StringComparison.Ordinal);
        Assert.Equal(AppointmentData.Berlin(day.Year, day.Month, day.Day, 10, 30), (await app.StoredAppointmentAsync(id)).Start);
        var confirmed = await Commands.UpdateAsync(joint.CaseManager, id, ontoOther, moved.Value, confirmDoubleBooking: true);
        Assert.True(confirmed.Succeeded, confirmed.Message);
        Assert.Equal(AppointmentData.Berlin(day.Year, day.Month, day.Day, 12, 30), (await app.StoredAppointmentAsync(id)).Start);
    }

    [Fact]
    public async Task A_cancelled_appointment_blocks_nobody()
    {
        var joint = (await SetupAsync()).Joint;
        var day = app.Today().AddDays(33);
        var id = await app.ScheduleAsync(joint.CaseManager, AppointmentData.Plan(AppointmentType.JobcenterOnly, joint.ClientId, day, new TimeOnly(10, 0), 60, joint.CaseManager));
        await app.RecordOutcomeAsync(joint.CaseManager, id, new OutcomeInput { Outcome = AppointmentOutcome.Cancelled, CancelledBy = CancelledBy.Client });

        var same = await Commands.CreateAsync(joint.CaseManager, AppointmentData.Plan(AppointmentType.JobcenterOnly, joint.ClientId, day, new TimeOnly(10, 0), 60, joint.CaseManager), false);

        Assert.True(same.Succeeded, same.Message);
        Assert.Empty(same.Warnings);
    }

    [Fact]
    public async Task Attended_or_no_show_cannot_be_recorded_before_the_appointment_begins()
    {
        var joint = (await SetupAsync()).Joint;
        var id = await app.ScheduleAsync(joint.CaseManager, AppointmentData.Plan(AppointmentType.JobcenterOnly, joint.ClientId, app.Today().AddDays(2), new TimeOnly(10, 0), 60, joint.CaseManager));
        var token = (await app.StoredAppointmentAsync(id)).RowVersion;

        foreach (var outcome in new[] { AppointmentOutcome.Attended, AppointmentOutcome.NoShow })
        {
            var result = await Commands.RecordOutcomeAsync(joint.CaseManager, id, new OutcomeInput { Outcome = outcome, Note = "zu früh" }, token);
            Assert.False(result.Succeeded);
            Assert.Equal(["Ein Termin, der noch nicht begonnen hat, kann nicht als wahrgenommen oder nicht erschienen erfasst werden."], result.Errors["Outcome"]);
        }

        var stored = await app.StoredAppointmentAsync(id);
        Assert.Equal((AppointmentOutcome.Open, (string?)null, token), (stored.Outcome, stored.OutcomeNote, stored.RowVersion));
    }

    [Fact]
    public async Task An_appointment_recorded_as_attended_cannot_be_moved_to_a_time_that_has_not_begun()
    {
        var joint = (await SetupAsync()).Joint;
        var past = app.Today().AddDays(-6);
        var id = await app.ScheduleAsync(joint.CaseManager, AppointmentData.Plan(AppointmentType.JobcenterOnly, joint.ClientId, past, new TimeOnly(10, 0), 60, joint.CaseManager));
        var token = await app.RecordOutcomeAsync(joint.CaseManager, id, new OutcomeInput { Outcome = AppointmentOutcome.Attended });
        var stored = await app.StoredAppointmentAsync(id);

        var future = AppointmentInput.From(stored);
        future.Date = app.Today().AddDays(6);
        var moved = await Commands.UpdateAsync(joint.CaseManager, id, future, token, confirmDoubleBooking: true);

        Assert.False(moved.Succeeded);
        Assert.Equal(["Ein Termin, der noch nicht begonnen hat, kann nicht als wahrgenommen oder nicht erschienen erfasst werden."], moved.Errors["Date"]);
        Assert.Equal((stored.Start, stored.RowVersion), ((await app.StoredAppointmentAsync(id)).Start, (await app.StoredAppointmentAsync(id)).RowVersion));

        // Corrected within the past it moves; a cancelled one may be put off to a later date.
        var earlier = AppointmentInput.From(stored);
        earlier.StartTime = new TimeOnly(9, 0);
        var corrected = await Commands.UpdateAsync(joint.CaseManager, id, earlier, token, confirmDoubleBooking: true);
        Assert.True(corrected.Succeeded, corrected.Message);
        var cancelled = await app.RecordOutcomeAsync(joint.CaseManager, id, new OutcomeInput { Outcome = AppointmentOutcome.Cancelled, CancelledBy = CancelledBy.Client });
        var putOff = await Commands.UpdateAsync(joint.CaseManager, id, future, cancelled, confirmDoubleBooking: true);
        Assert.True(putOff.Succeeded, putOff.Message);
    }

    [Fact]
    public async Task A_cancellation_says_who_cancelled_and_only_a_cancellation_does()
    {
        var joint = (await SetupAsync()).Joint;
        var id = await app.ScheduleAsync(joint.CaseManager, AppointmentData.Plan(AppointmentType.JobcenterOnly, joint.ClientId, app.Today().AddDays(-3), new TimeOnly(10, 0), 60, joint.CaseManager));
        var token = (await app.StoredAppointmentAsync(id)).RowVersion;

        var withoutWho = await Commands.RecordOutcomeAsync(joint.CaseManager, id, new OutcomeInput { Outcome = AppointmentOutcome.Cancelled }, token);
        var noShowWithWho = await Commands.RecordOutcomeAsync(joint.CaseManager, id, new OutcomeInput { Outcome = AppointmentOutcome.NoShow, CancelledBy = CancelledBy.Client }, token);
        var tooLong = await Commands.RecordOutcomeAsync(joint.CaseManager, id, new OutcomeInput { Outcome = AppointmentOutcome.Attended, Note = new string('n', 501) }, token);

        Assert.Equal(["Bitte angeben, wer den Termin abgesagt hat."], withoutWho.Errors["CancelledBy"]);
        Assert.Equal(["„Abgesagt von“ gilt nur für abgesagte Termine."], noShowWithWho.Errors["CancelledBy"]);
        Assert.Equal(["„Kurznotiz“ darf höchstens 500 Zeichen lang sein; eingegeben sind 501."], tooLong.Errors["Note"]);
        Assert.Equal(AppointmentOutcome.Open, (await app.StoredAppointmentAsync(id)).Outcome);

        var cancelled = await Commands.RecordOutcomeAsync(joint.CaseManager, id, new OutcomeInput { Outcome = AppointmentOutcome.Cancelled, CancelledBy = CancelledBy.OtherParty, Note = "Praxis geschlossen" }, token);
        Assert.True(cancelled.Succeeded, cancelled.Message);
        var stored = await app.StoredAppointmentAsync(id);
        Assert.Equal((AppointmentOutcome.Cancelled, CancelledBy.OtherParty, "Praxis geschlossen", Organisation.Jobcenter),
            (stored.Outcome, stored.CancelledBy!.Value, stored.OutcomeNote, stored.NoteOrganisation!.Value));

        var attended = await Commands.RecordOutcomeAsync(joint.CaseManager, id, new OutcomeInput { Outcome = AppointmentOutcome.Attended, Note = " " }, cancelled.Value);
        Assert.True(attended.Succeeded, attended.Message);
        stored = await app.StoredAppointmentAsync(id);
        Assert.Equal((AppointmentOutcome.Attended, (CancelledBy?)null, (string?)null, (Organisation?)null),
            (stored.Outcome, stored.CancelledBy, stored.OutcomeNote, stored.NoteOrganisation));
    }

    [Fact]
    public async Task Recording_an_outcome_is_audited_without_the_note()
    {
        var joint = (await SetupAsync()).Joint;
        var id = await app.ScheduleAsync(joint.DrugHelpWorker, AppointmentData.Plan(AppointmentType.DrugHelpOnly, joint.ClientId, app.Today().AddDays(-4), new TimeOnly(16, 15), 50, joint.DrugHelpWorker));
        var changesBefore = (await app.AppointmentAuditAsync(joint.ClientId, AuditAction.Changed)).Count;

        await app.RecordOutcomeAsync(joint.DrugHelpWorker, id, new OutcomeInput { Outcome = AppointmentOutcome.Attended, Note = AppointmentData.CounsellingNote });

        var changes = await app.AppointmentAuditAsync(joint.ClientId, AuditAction.Changed);
        Assert.Equal(changesBefore + 1, changes.Count);
        Assert.Equal(joint.DrugHelpWorker.Id, changes[^1].UserId);
        Assert.Equal($"Beratung Drogenhilfe, {app.Today().AddDays(-4):dd.MM.yyyy} 16:15, Ergebnis", changes[^1].Fields);
        Assert.Equal(Organisation.DrugHelpService, (await app.StoredAppointmentAsync(id)).NoteOrganisation);
    }

    [Fact]
    public async Task Updating_replaces_the_participants_and_names_what_changed_in_the_audit()
    {
        var setup = await SetupAsync();
        var joint = setup.Joint;
        var day = app.Today().AddDays(40);
        var id = await app.ScheduleAsync(joint.CaseManager, AppointmentData.Plan(AppointmentType.JointCounselling, joint.ClientId, day, new TimeOnly(9, 0), 60, joint.CaseManager, joint.DrugHelpWorker));
        var stored = await app.StoredAppointmentAsync(id);
        var changesBefore = (await app.AppointmentAuditAsync(joint.ClientId, AuditAction.Changed)).Count;

        var input = AppointmentInput.From(stored);
        input.ParticipantIds = [setup.SecondDrugHelpWorker.Id, joint.CaseManager.Id, setup.SecondCaseManager.Id];
        input.Place = "Raum 3.01";
        var updated = await Commands.UpdateAsync(joint.CaseManager, id, input, stored.RowVersion, confirmDoubleBooking: false);

        Assert.True(updated.Succeeded, updated.Message);
        var after = await app.StoredAppointmentAsync(id);
        Assert.Equal(
            new[] { (joint.CaseManager.Id, Organisation.Jobcenter), (setup.SecondCaseManager.Id, Organisation.Jobcenter), (setup.SecondDrugHelpWorker.Id, Organisation.DrugHelpService) }.Order(),
            after.Participants.Select(p => (p.StaffId, p.Organisation)).Order());
        Assert.Equal("Raum 3.01", after.Place);
        Assert.Equal(updated.Value, after.RowVersion);
        Assert.True(after.Revision > stored.Revision);
        var changes = await app.AppointmentAuditAsync(joint.ClientId, AuditAction.Changed);
        Assert.Equal(changesBefore + 1, changes.Count);
        Assert.Equal($"Gemeinsame Beratung, {day:dd.MM.yyyy} 09:00, Ort, Teilnehmende", changes[^1].Fields);

        // The removed participant no longer has it; the new ones do.
        var from = AppointmentData.Berlin(day.Year, day.Month, day.Day, 0, 0);
        Assert.DoesNotContain(await app.AppointmentQuery().OwnAsync(joint.DrugHelpWorker, from, from.AddDays(1)), e => e.Id == id);
        Assert.Contains(await app.AppointmentQuery().OwnAsync(setup.SecondDrugHelpWorker, from, from.AddDays(1)), e => e.Id == id);

        // Dropping the last Drogenhilfe participant of a joint counselling is refused on the participants field.
        var jobcenterOnly = AppointmentInput.From(after);
        jobcenterOnly.ParticipantIds = [joint.CaseManager.Id];
        var refused = await Commands.UpdateAsync(joint.CaseManager, id, jobcenterOnly, after.RowVersion, confirmDoubleBooking: true);
        Assert.True(refused.Errors.ContainsKey("ParticipantIds"));
        Assert.Equal(3, (await app.StoredAppointmentAsync(id)).Participants.Count);
    }

    [Fact]
    public async Task An_update_without_changes_writes_nothing_and_the_client_of_an_appointment_cannot_be_swapped()
    {
        var setup = await SetupAsync();
        var joint = setup.Joint;
        var id = await app.ScheduleAsync(joint.CaseManager, AppointmentData.Plan(AppointmentType.JobcenterOnly, joint.ClientId, app.Today().AddDays(41), new TimeOnly(9, 0), 60, joint.CaseManager));
        var stored = await app.StoredAppointmentAsync(id);
        var changesBefore = (await app.AppointmentAuditAsync(joint.ClientId, AuditAction.Changed)).Count;

        var same = await Commands.UpdateAsync(joint.CaseManager, id, AppointmentInput.From(stored), stored.RowVersion, confirmDoubleBooking: false);
        var swapped = AppointmentInput.From(stored);
        swapped.ClientId = Guid.NewGuid();
        var swap = await Commands.UpdateAsync(joint.CaseManager, id, swapped, stored.RowVersion, confirmDoubleBooking: false);

        Assert.True(same.Succeeded, same.Message);
        Assert.Equal(stored.RowVersion, same.Value);
        Assert.Equal(["Die Klientin oder der Klient eines Termins wird nicht nachträglich gewechselt. Bitte einen neuen Termin anlegen."], swap.Errors["ClientId"]);
        var after = await app.StoredAppointmentAsync(id);
        Assert.Equal((stored.RowVersion, stored.Revision, joint.ClientId), (after.RowVersion, after.Revision, after.ClientId!.Value));
        Assert.Equal(changesBefore, (await app.AppointmentAuditAsync(joint.ClientId, AuditAction.Changed)).Count);
    }

    [Fact]
    public async Task Past_appointments_without_outcome_are_listed_for_their_participants_until_one_is_recorded()
    {
        var joint = (await SetupAsync()).Joint;
        var id = await app.ScheduleAsync(joint.CaseManager, AppointmentData.Plan(AppointmentType.JointCounselling, joint.ClientId, app.Today().AddDays(-5), new TimeOnly(11, 0), 60, joint.CaseManager, joint.DrugHelpWorker));
        var query = app.AppointmentQuery();

        Assert.Contains(await query.WithoutOutcomeAsync(joint.CaseManager, app.Now()), e => e.Id == id);
        // The Drogenhilfe takes part but may not read the Jobcenter's appointments without consent.
        Assert.DoesNotContain(await query.WithoutOutcomeAsync(joint.DrugHelpWorker, app.Now()), e => e.Id == id);

        await app.RecordOutcomeAsync(joint.CaseManager, id, new OutcomeInput { Outcome = AppointmentOutcome.NoShow });

        Assert.DoesNotContain(await query.WithoutOutcomeAsync(joint.CaseManager, app.Now()), e => e.Id == id);
    }

    [Fact]
    public async Task A_team_lead_cannot_plan_an_appointment_for_a_client_of_their_organisation()
    {
        var joint = (await SetupAsync()).Joint;
        var teamLead = await app.CreateMemberAsync(StaffRole.TeamLeadJobcenter, Organisation.Jobcenter, "Teamleitung Planung");
        var before = await app.AppointmentCountAsync(joint.ClientId);

        var result = await Commands.CreateAsync(teamLead, AppointmentData.Plan(AppointmentType.JobcenterOnly, joint.ClientId, app.Today().AddDays(3), new TimeOnly(9, 0), 30, joint.CaseManager), true);

        Assert.False(result.Succeeded);
        Assert.Equal(["Für diese Akte können Sie keine Termine eintragen."], result.Errors["ClientId"]);
        Assert.Equal(before, await app.AppointmentCountAsync(joint.ClientId));
        Assert.Single(await app.AppointmentAuditAsync(joint.ClientId, AuditAction.AccessDenied, teamLead.Id));
    }
}
