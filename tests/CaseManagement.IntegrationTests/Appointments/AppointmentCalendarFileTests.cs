using System.Text;
using CaseManagement.Application.Appointments;
using CaseManagement.Documents.Tests;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Appointments;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests.Appointments;

/// <summary>
/// The .ics file of a caseworker's own appointments, read back with the strict reader of the
/// document tests: titles name type and case number only, the location is the meeting place, and
/// neither names, accompaniment targets nor notes leave the product.
/// </summary>
public sealed class AppointmentCalendarFileTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string FirstName = "Jörg";
    private const string LastName = "Müßig";
    private const string Target = "Praxis Dr. Sommer, Substitution";
    private const string AwkwardPlace = "Bahnhof; Ausgang Nord, Gleis 1 \\ Süd";

    private sealed record Calendar(JointCase Joint, StaffMember Reader, Guid Counselling, Guid Accompaniment, Guid Attended, Guid Anonymous, Guid TooOld, Guid TooFar, Guid OthersOnly, byte[] File);

    /// <summary>The reader's appointments, exported once for the class.</summary>
    private Task<Calendar> CalendarAsync() => PerFixture<Calendar>.GetAsync(app, async a =>
    {
        var joint = await a.AppointmentCaseAsync(firstName: FirstName, lastName: LastName);
        var cm = joint.CaseManager;
        var today = a.Today();
        var counselling = await a.ScheduleAsync(cm, AppointmentData.Plan(AppointmentType.JobcenterOnly, joint.ClientId, today.AddDays(3), new TimeOnly(9, 30), 45, cm));

        var accompanimentInput = AppointmentData.Plan(AppointmentType.Accompaniment, joint.ClientId, today.AddDays(4), new TimeOnly(8, 0), 180, cm);
        accompanimentInput.Place = AwkwardPlace;
        var accompaniment = await a.ScheduleAsync(cm, accompanimentInput);
        await a.RecordOutcomeAsync(cm, accompaniment, new OutcomeInput { Outcome = AppointmentOutcome.Cancelled, CancelledBy = CancelledBy.OtherParty, Note = AppointmentData.CounsellingNote });

        var attended = await a.AttendedWithNoteAsync(joint, cm);
        var local = GermanCalendar.ToLocal(a.Now().AddHours(-2));
        var anonymous = await a.AppointmentCommands().RecordContactAsync(cm, new QuickContactInput
        {
            Type = AppointmentType.CrisisIntervention,
            Anonymous = true,
            Date = DateOnly.FromDateTime(local.DateTime),
            StartTime = new TimeOnly(local.Hour, local.Minute),
            Place = "Bürgerbüro",
        });
        Assert.True(anonymous.Succeeded, anonymous.Message);
        var tooOld = await a.ScheduleAsync(cm, AppointmentData.Plan(AppointmentType.JobcenterOnly, joint.ClientId, today.AddDays(-(AppointmentCalendarFile.DaysBack + 5)), new TimeOnly(9, 0), 30, cm));
        var tooFar = await a.ScheduleAsync(cm, AppointmentData.Plan(AppointmentType.JobcenterOnly, joint.ClientId, today.AddDays(AppointmentCalendarFile.DaysAhead + 5), new TimeOnly(9, 0), 30, cm));
        var othersOnly = await a.ScheduleAsync(joint.DrugHelpWorker, AppointmentData.Plan(AppointmentType.DrugHelpOnly, joint.ClientId, today.AddDays(3), new TimeOnly(9, 30), 45, joint.DrugHelpWorker));

        var file = await a.Service<AppointmentCalendarFile>().ForAsync(cm, new Uri("https://fallverbund.example/"));
        return new Calendar(joint, cm, counselling, accompaniment, attended, anonymous.Value, tooOld, tooFar, othersOnly, file);
    });

    private static IcsComponent EventOf(IcsComponent calendar, Guid id) =>
        calendar.Components.Single(c => c.Name == "VEVENT" && c.Get("UID").Text == $"{id}@{AppointmentCalendarFile.UidDomain}");

    [Fact]
    public async Task The_file_is_strict_iCalendar_with_exactly_the_readers_appointments_of_the_window()
    {
        var calendar = await CalendarAsync();

        var root = IcsReader.Parse(calendar.File);

        Assert.Equal("VCALENDAR", root.Name);
        Assert.Equal("2.0", root.Get("VERSION").RawValue);
        var uids = root.Components.Where(c => c.Name == "VEVENT").Select(c => c.Get("UID").Text).Order(StringComparer.Ordinal);
        Assert.Equal(
            new[] { calendar.Counselling, calendar.Accompaniment, calendar.Attended, calendar.Anonymous }.Select(id => $"{id}@{AppointmentCalendarFile.UidDomain}").Order(StringComparer.Ordinal),
            uids);
    }

    [Fact]
    public async Task Titles_name_the_type_and_the_case_number_or_anonym_and_the_location_is_the_place()
    {
        var calendar = await CalendarAsync();
        var root = IcsReader.Parse(calendar.File);
        var caseNumber = calendar.Joint.Client.CaseNumber;

        var counselling = EventOf(root, calendar.Counselling);
        Assert.Equal($"Beratung Jobcenter – Fall {caseNumber}", counselling.Get("SUMMARY").Text);
        Assert.Equal(AppointmentData.Room, counselling.Get("LOCATION").Text);
        var start = (await app.StoredAppointmentAsync(calendar.Counselling)).Start;
        Assert.Equal(start.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture), counselling.Get("DTSTART").RawValue);
        Assert.Equal(start.AddMinutes(45).UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture), counselling.Get("DTEND").RawValue);

        var accompaniment = EventOf(root, calendar.Accompaniment);
        Assert.Equal($"Begleitung – Fall {caseNumber}", accompaniment.Get("SUMMARY").Text);
        Assert.Equal(AwkwardPlace, accompaniment.Get("LOCATION").Text);

        Assert.Equal("Krisenintervention (anonym)", EventOf(root, calendar.Anonymous).Get("SUMMARY").Text);
        Assert.Equal("Bürgerbüro", EventOf(root, calendar.Anonymous).Get("LOCATION").Text);
        Assert.Equal($"Beratung Jobcenter – Fall {caseNumber}", EventOf(root, calendar.Attended).Get("SUMMARY").Text);
    }

    [Fact]
    public async Task Neither_names_nor_the_accompaniment_target_nor_notes_are_in_the_file()
    {
        var calendar = await CalendarAsync();
        var root = IcsReader.Parse(calendar.File);
        var text = Unfolded(calendar.File);

        foreach (var secret in new[] { FirstName, LastName, "Sommer", "Substitution", "Vertraulich", "Rückfall", "Vermieter", calendar.Joint.CaseManager.DisplayName })
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task The_description_says_what_kind_of_appointment_it_is_and_links_back_to_it_by_id_only()
    {
        var calendar = await CalendarAsync();
        var root = IcsReader.Parse(calendar.File);

        Assert.Equal(
            "Beratung Jobcenter, 45 Minuten.\n"
            + $"Im Fallverbund öffnen: https://fallverbund.example/termine/{calendar.Counselling}\n"
            + "Namen und Notizen stehen bewusst nicht im Kalender, nur im Fallverbund.",
            EventOf(root, calendar.Counselling).Get("DESCRIPTION").Text);
        Assert.StartsWith("Krisenintervention, ", EventOf(root, calendar.Anonymous).Get("DESCRIPTION").Text, StringComparison.Ordinal);
        Assert.Contains("ohne Akte", EventOf(root, calendar.Anonymous).Get("DESCRIPTION").Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_appointment_is_marked_cancelled_and_changes_raise_the_sequence()
    {
        var calendar = await CalendarAsync();
        var root = IcsReader.Parse(calendar.File);

        var cancelled = EventOf(root, calendar.Accompaniment);
        Assert.Equal("CANCELLED", cancelled.Get("STATUS").RawValue);
        Assert.Equal("1", cancelled.Get("SEQUENCE").RawValue);
        Assert.Equal("0", EventOf(root, calendar.Counselling).Get("SEQUENCE").RawValue);
        Assert.Equal([calendar.Accompaniment.ToString()],
            root.Components.Where(c => c.Find("STATUS") is not null).Select(c => c.Get("UID").Text.Split('@')[0]));
    }

    [Fact]
    public async Task The_export_is_audited_with_the_number_of_appointments_and_in_each_exported_case_without_contents()
    {
        var calendar = await CalendarAsync();
        await using var db = await app.DbAsync();

        var exported = await db.AuditEntries.AsNoTracking()
            .Where(a => a.UserId == calendar.Reader.Id && a.Action == AuditAction.Exported)
            .ToListAsync();

        Assert.Equal(2, exported.Count);
        Assert.All(exported, e => Assert.Equal((DataCategory.Appointments, Organisation.Jobcenter), (e.Category, e.UserOrganisation)));
        var whole = Assert.Single(exported, e => e.ClientId is null);
        Assert.Equal("Kalenderdatei, 4 Termine", whole.Fields);
        // The data-protection officer finds the export in the case's history: three of its appointments left with it.
        var ofCase = Assert.Single(exported, e => e.ClientId == calendar.Joint.ClientId);
        Assert.Equal((calendar.Joint.Client.CaseNumber, "Kalenderdatei, 3 Termine"), (ofCase.CaseNumber, ofCase.Fields));
    }

    [Fact]
    public async Task Someone_without_appointments_gets_an_empty_calendar_and_the_export_is_still_audited()
    {
        var stranger = await app.CreateMemberAsync(StaffRole.DataProtectionOfficer, Organisation.DrugHelpService, "Datenschutz Kalender");

        var root = IcsReader.Parse(await app.Service<AppointmentCalendarFile>().ForAsync(stranger));

        Assert.DoesNotContain(root.Components, c => c.Name == "VEVENT");
        var entry = Assert.Single(await app.AuditOfUserAsync(stranger.Id));
        Assert.Equal((AuditAction.Exported, "Kalenderdatei, 0 Termine"), (entry.Action, entry.Fields));
    }

    /// <summary>The file's text with folds undone, so a name split across two physical lines is still found.</summary>
    private static string Unfolded(byte[] file) =>
        Encoding.UTF8.GetString(file).Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n\t", "", StringComparison.Ordinal);
}
