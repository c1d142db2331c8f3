using CaseManagement.Application.Appointments;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Appointments;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests.Appointments;

/// <summary>Appointments written through the real commands, and what the database then holds.</summary>
internal static class AppointmentData
{
    /// <summary>Counselling content: it must never leave the organisation that wrote it.</summary>
    public const string CounsellingNote = "Vertraulich: Rückfall nach Streit mit dem Vermieter";

    public const string Room = "Raum 1.12";

    public const ConsentScope EveryShareableCategory =
        ConsentScope.MasterData | ConsentScope.HelpPlan | ConsentScope.Appointments | ConsentScope.Referrals | ConsentScope.HealthData;

    public const ConsentDirections BothWays = ConsentDirections.JobcenterToDrugHelp | ConsentDirections.DrugHelpToJobcenter;

    public static AppointmentCommands AppointmentCommands(this AppFixture app) => app.Service<AppointmentCommands>();

    public static AppointmentQuery AppointmentQuery(this AppFixture app) => app.Service<AppointmentQuery>();

    /// <summary>A joint case (Fallmanager:in and Fachkraft Drogenhilfe responsible) with only the consents <paramref name="configure"/> adds.</summary>
    public static Task<JointCase> AppointmentCaseAsync(
        this AppFixture app, Action<Client>? configure = null, string firstName = "Jörg", string lastName = "Müßig") =>
        app.JointCaseAsync(helpPlanConsent: false, firstName, lastName, configure);

    public static StaffMember CaseworkerOf(this JointCase joint, Organisation organisation) =>
        organisation == Organisation.Jobcenter ? joint.CaseManager : joint.DrugHelpWorker;

    public static Organisation Other(this Organisation organisation) =>
        organisation == Organisation.Jobcenter ? Organisation.DrugHelpService : Organisation.Jobcenter;

    /// <summary>The counselling type only staff of <paramref name="organisation"/> take part in.</summary>
    public static AppointmentType OwnCounselling(Organisation organisation) =>
        organisation == Organisation.Jobcenter ? AppointmentType.JobcenterOnly : AppointmentType.DrugHelpOnly;

    public static AppointmentInput Plan(
        AppointmentType type, Guid? clientId, DateOnly date, TimeOnly time, int minutes, params StaffMember[] participants) => new()
        {
            Type = type,
            ClientId = clientId,
            Date = date,
            StartTime = time,
            DurationMinutes = minutes,
            Place = Room,
            AccompanimentTarget = type == AppointmentType.Accompaniment ? "Praxis Dr. Sommer, Substitution" : null,
            ParticipantIds = [.. participants.Select(p => p.Id)],
        };

    /// <summary>Plans the appointment (double booking confirmed) and returns its id.</summary>
    public static async Task<Guid> ScheduleAsync(this AppFixture app, StaffMember actor, AppointmentInput input)
    {
        var created = await app.AppointmentCommands().CreateAsync(actor, input, confirmDoubleBooking: true);
        Assert.True(created.Succeeded, created.Message + " " + string.Join("; ", created.Errors.SelectMany(e => e.Value)));
        return created.Value;
    }

    /// <summary>
    /// An appointment of the holder's own counselling type two days ago, attended, with the
    /// counselling note: all the holder's caseworker <paramref name="holder"/> can write.
    /// </summary>
    public static async Task<Guid> AttendedWithNoteAsync(this AppFixture app, JointCase joint, StaffMember holder, string note = CounsellingNote)
    {
        var id = await app.ScheduleAsync(holder, Plan(OwnCounselling(holder.Organisation), joint.ClientId, app.Today().AddDays(-2), new TimeOnly(10, 0), 60, holder));
        await app.RecordOutcomeAsync(holder, id, new OutcomeInput { Outcome = AppointmentOutcome.Attended, Note = note });
        return id;
    }

    /// <summary>Records the outcome on the current token and asserts it worked.</summary>
    public static async Task<uint> RecordOutcomeAsync(this AppFixture app, StaffMember actor, Guid id, OutcomeInput input)
    {
        var stored = await app.StoredAppointmentAsync(id);
        var recorded = await app.AppointmentCommands().RecordOutcomeAsync(actor, id, input, stored.RowVersion);
        Assert.True(recorded.Succeeded, recorded.Message);
        return recorded.Value;
    }

    public static async Task<Appointment> StoredAppointmentAsync(this AppFixture app, Guid id)
    {
        await using var db = await app.DbAsync();
        return await db.Appointments.AsNoTracking().Include(a => a.Participants).SingleAsync(a => a.Id == id);
    }

    public static async Task<Appointment?> FindAppointmentAsync(this AppFixture app, Guid id)
    {
        await using var db = await app.DbAsync();
        return await db.Appointments.AsNoTracking().Include(a => a.Participants).SingleOrDefaultAsync(a => a.Id == id);
    }

    public static async Task<int> AppointmentCountAsync(this AppFixture app, Guid? clientId)
    {
        await using var db = await app.DbAsync();
        return await db.Appointments.CountAsync(a => a.ClientId == clientId);
    }

    /// <summary>The appointment audit entries of a client (category Appointments), oldest first.</summary>
    public static async Task<List<AuditEntry>> AppointmentAuditAsync(this AppFixture app, Guid clientId, AuditAction? action = null, string? userId = null)
    {
        await using var db = await app.DbAsync();
        return await db.AuditEntries.AsNoTracking()
            .Where(a => a.ClientId == clientId && a.Category == DataCategory.Appointments)
            .Where(a => action == null || a.Action == action)
            .Where(a => userId == null || a.UserId == userId)
            .OrderBy(a => a.Id)
            .ToListAsync();
    }

    /// <summary>Every audit entry a user caused, oldest first.</summary>
    public static async Task<List<AuditEntry>> AuditOfUserAsync(this AppFixture app, string userId)
    {
        await using var db = await app.DbAsync();
        return await db.AuditEntries.AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.Id).ToListAsync();
    }

    /// <summary>A wall-clock time in Ludwigshafen as an instant.</summary>
    public static DateTimeOffset Berlin(int year, int month, int day, int hour, int minute) =>
        GermanCalendar.At(new DateOnly(year, month, day), new TimeOnly(hour, minute));
}
