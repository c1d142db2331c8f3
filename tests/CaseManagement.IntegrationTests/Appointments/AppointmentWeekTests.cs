using CaseManagement.Application.Appointments;
using CaseManagement.Domain.Appointments;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests.Appointments;

/// <summary>
/// The week view: Monday to Sunday in Ludwigshafen time, whatever the UTC date; other people's
/// appointments show when and what, never whose.
/// </summary>
public sealed class AppointmentWeekTests(AppFixture app) : IClassFixture<AppFixture>
{
    private AppointmentQuery Query => app.AppointmentQuery();

    /// <summary>Sundays in winter, on the day summer time begins, in summer and on the day it ends (all 2026).</summary>
    public static TheoryData<DateOnly> Sundays => new()
    {
        new DateOnly(2026, 1, 11),
        new DateOnly(2026, 3, 29),
        new DateOnly(2026, 7, 12),
        new DateOnly(2026, 10, 25),
    };

    [Theory]
    [MemberData(nameof(Sundays))]
    public async Task Sunday_late_evening_belongs_to_its_week_and_Monday_just_after_midnight_to_the_next(DateOnly sunday)
    {
        Assert.Equal(DayOfWeek.Sunday, sunday.DayOfWeek);
        var joint = await app.AppointmentCaseAsync();
        var monday = sunday.AddDays(1);
        var cm = joint.CaseManager;
        var lateSunday = await app.ScheduleAsync(cm, AppointmentData.Plan(AppointmentType.JobcenterOnly, joint.ClientId, sunday, new TimeOnly(23, 30), 30, cm));
        var earlyMonday = await app.ScheduleAsync(cm, AppointmentData.Plan(AppointmentType.JobcenterOnly, joint.ClientId, monday, new TimeOnly(0, 15), 30, cm));
        var midnight = await app.ScheduleAsync(cm, AppointmentData.Plan(AppointmentType.JobcenterOnly, joint.ClientId, monday, new TimeOnly(0, 0), 10, cm));
        // In UTC the late Sunday and the early Monday appointment are on the same (Sunday) date.
        Assert.Equal(
            (await app.StoredAppointmentAsync(lateSunday)).Start.UtcDateTime.Date,
            (await app.StoredAppointmentAsync(earlyMonday)).Start.UtcDateTime.Date);

        // Any day of the week opens the same week.
        foreach (var day in new[] { sunday.AddDays(-6), sunday.AddDays(-3), sunday })
        {
            var week = await Query.WeekAsync(cm, day, [cm.Id]);
            Assert.Equal(sunday.AddDays(-6), week.Monday);
            Assert.Equal(sunday, week.Days.Last());
            Assert.Equal([lateSunday], week.Entries.Select(e => e.Id));
            Assert.Equal([lateSunday], week.On(sunday, cm.Id).Select(e => e.Id));
        }

        var next = await Query.WeekAsync(cm, monday.AddDays(2), [cm.Id]);
        Assert.Equal(monday, next.Monday);
        Assert.Equal([midnight, earlyMonday], next.Entries.Select(e => e.Id));
        Assert.Equal([midnight, earlyMonday], next.On(monday).Select(e => e.Id));
        Assert.Empty(next.On(monday.AddDays(1)));
    }

    [Fact]
    public async Task An_appointment_moved_to_another_week_leaves_the_old_week_and_shows_in_the_new_one_for_every_participant()
    {
        var joint = await app.AppointmentCaseAsync();
        var (cm, dh) = (joint.CaseManager, joint.DrugHelpWorker);
        var first = new DateOnly(2026, 5, 12);
        var input = AppointmentData.Plan(AppointmentType.JointCounselling, joint.ClientId, first, new TimeOnly(10, 0), 60, cm, dh);
        var id = await app.ScheduleAsync(cm, input);
        var token = (await app.StoredAppointmentAsync(id)).RowVersion;

        var moved = AppointmentData.Plan(AppointmentType.JointCounselling, joint.ClientId, first.AddDays(14), new TimeOnly(9, 0), 60, cm, dh);
        var result = await app.Service<AppointmentCommands>().UpdateAsync(cm, id, moved, token, confirmDoubleBooking: true);

        Assert.True(result.Succeeded, result.Message);
        foreach (var person in new[] { cm, dh })
        {
            Assert.DoesNotContain((await Query.WeekAsync(person, first, [person.Id])).Entries, e => e.Id == id);
            Assert.Contains((await Query.WeekAsync(person, first.AddDays(14), [person.Id])).Entries, e => e.Id == id);
        }

        // The participants' copies of the start, which the week views read, equal the appointment's.
        await using var db = await app.DbAsync();
        var stored = await db.Appointments.Include(a => a.Participants).SingleAsync(a => a.Id == id);
        Assert.All(stored.Participants, p => Assert.Equal(stored.Start, p.Start));
    }

    [Fact]
    public async Task Other_peoples_appointments_show_time_and_type_but_nothing_about_the_client()
    {
        var mine = await app.AppointmentCaseAsync(firstName: "Erika", lastName: "Eigene");
        var theirs = await app.AppointmentCaseAsync(firstName: "Fritz", lastName: "Fremder");
        var reader = mine.CaseManager;
        var colleague = theirs.CaseManager;
        var day = app.Today().AddDays(-2); // the day AttendedWithNoteAsync books
        var own = await app.AttendedWithNoteAsync(mine, reader);
        var other = await app.AttendedWithNoteAsync(theirs, colleague);
        var planned = await app.ScheduleAsync(colleague, AppointmentData.Plan(AppointmentType.Accompaniment, theirs.ClientId, day, new TimeOnly(14, 0), 120, colleague));
        var listedBefore = await ListViewedAsync(reader.Id);

        var week = await Query.WeekAsync(reader, day, [reader.Id, colleague.Id]);

        Assert.Equal(new[] { colleague.Id, reader.Id }.Order(StringComparer.Ordinal), week.Staff.Select(s => s.Id).Order(StringComparer.Ordinal));
        var ownEntry = week.Entries.Single(e => e.Id == own);
        Assert.Equal((mine.ClientId, mine.Client.CaseNumber, "Eigene, Erika", AppointmentData.Room, true, AppointmentOutcome.Attended),
            (ownEntry.ClientId!.Value, ownEntry.CaseNumber, ownEntry.ClientName, ownEntry.Place, ownEntry.MayOpen, ownEntry.Outcome));
        foreach (var id in new[] { other, planned })
        {
            var entry = week.Entries.Single(e => e.Id == id);
            Assert.Null(entry.ClientId);
            Assert.Null(entry.CaseNumber);
            Assert.Null(entry.ClientName);
            Assert.Null(entry.Place);
            Assert.False(entry.MayOpen);
            Assert.False(entry.IsAnonymous);
            Assert.Equal(AppointmentOutcome.Open, entry.Outcome); // not even whether the client came
            Assert.Equal([colleague.Id], entry.StaffIds);
        }

        Assert.Equal(AppointmentType.Accompaniment, week.Entries.Single(e => e.Id == planned).Type);
        Assert.Equal(TimeSpan.FromHours(2), week.Entries.Single(e => e.Id == planned).End - week.Entries.Single(e => e.Id == planned).Start);

        // The list that showed a name is audited, naming only the case number whose name was shown.
        var listed = await ListViewedAsync(reader.Id);
        Assert.Equal(listedBefore.Count + 1, listed.Count);
        Assert.Equal($"Wochenansicht, {mine.Client.CaseNumber}", listed[^1].Fields);
    }

    [Fact]
    public async Task A_participant_who_may_not_read_the_client_sees_the_case_number_and_place_but_not_the_name()
    {
        var joint = await app.AppointmentCaseAsync();
        var substitute = await app.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Vertretung Drogenhilfe");
        var day = app.Today().AddDays(5);
        var id = await app.ScheduleAsync(joint.CaseManager, AppointmentData.Plan(
            AppointmentType.JointCounselling, joint.ClientId, day, new TimeOnly(10, 0), 60, joint.CaseManager, substitute));

        var entry = (await Query.WeekAsync(substitute, day, [substitute.Id])).Entries.Single(e => e.Id == id);

        Assert.Equal(joint.Client.CaseNumber, entry.CaseNumber);
        Assert.Equal(AppointmentData.Room, entry.Place);
        Assert.Null(entry.ClientName);
        Assert.False(entry.MayOpen);
        Assert.Null(await Query.OpenAsync(substitute, id));
    }

    [Theory]
    [InlineData(ConsentScope.Appointments, false)]
    [InlineData(ConsentScope.Appointments | ConsentScope.MasterData, true)]
    public async Task The_other_side_with_consent_sees_the_case_and_the_name_only_if_master_data_is_covered(ConsentScope scope, bool nameShown)
    {
        var joint = await app.AppointmentCaseAsync(configure: c =>
            c.AddConsent(c.ResponsibleCaseManagerId!, scope, ConsentDirections.JobcenterToDrugHelp, app.Today().AddDays(-7)));
        var id = await app.AttendedWithNoteAsync(joint, joint.CaseManager);

        var entry = (await Query.WeekAsync(joint.DrugHelpWorker, app.Today().AddDays(-2), [joint.CaseManager.Id])).Entries.Single(e => e.Id == id);

        Assert.Equal(joint.Client.CaseNumber, entry.CaseNumber);
        Assert.Equal(nameShown ? "Müßig, Jörg" : null, entry.ClientName);
        Assert.True(entry.MayOpen);
        Assert.Equal(AppointmentOutcome.Attended, entry.Outcome);
    }

    [Fact]
    public async Task The_home_page_lists_only_the_readers_own_appointments_of_the_period()
    {
        var joint = await app.AppointmentCaseAsync();
        var day = app.Today().AddDays(8);
        var inside = await app.ScheduleAsync(joint.CaseManager, AppointmentData.Plan(AppointmentType.JobcenterOnly, joint.ClientId, day, new TimeOnly(9, 0), 30, joint.CaseManager));
        await app.ScheduleAsync(joint.CaseManager, AppointmentData.Plan(AppointmentType.JobcenterOnly, joint.ClientId, day.AddDays(1), new TimeOnly(9, 0), 30, joint.CaseManager));
        await app.ScheduleAsync(joint.DrugHelpWorker, AppointmentData.Plan(AppointmentType.DrugHelpOnly, joint.ClientId, day, new TimeOnly(9, 0), 30, joint.DrugHelpWorker));
        var from = AppointmentData.Berlin(day.Year, day.Month, day.Day, 0, 0);

        var own = await Query.OwnAsync(joint.CaseManager, from, AppointmentData.Berlin(day.AddDays(1).Year, day.AddDays(1).Month, day.AddDays(1).Day, 0, 0));

        Assert.Equal([inside], own.Select(e => e.Id));
        Assert.Equal(joint.Client.CaseNumber, own[0].CaseNumber);
    }

    private async Task<List<AuditEntry>> ListViewedAsync(string userId)
    {
        await using var db = await app.DbAsync();
        return await db.AuditEntries.AsNoTracking().Where(a => a.UserId == userId && a.Action == AuditAction.ListViewed).OrderBy(a => a.Id).ToListAsync();
    }
}
