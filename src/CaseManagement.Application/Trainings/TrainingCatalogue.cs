using System.Globalization;
using CaseManagement.Application.Clients;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Staff;
using CaseManagement.Domain.Trainings;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Persistence.Faults;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Trainings;

public sealed record TrainingView(
    Guid Id, string Title, string? Description, TrainingAudience Audience, int? RefreshMonths, bool IsActive,
    DateTimeOffset ChangedAt, string ChangedByName, uint Token);

public sealed record TrainingSummary(Guid Id, string Title, TrainingAudience Audience, int? RefreshMonths, bool IsActive, int Sessions, DateOnly? LastSession);

public sealed record SessionSummary(Guid Id, DateOnly HeldOn, string Trainer, string? Place, int Registered, int Attended);

/// <summary>A page of sessions, newest first; <see cref="Next"/> is the cursor of the following page (null on the last).</summary>
public sealed record SessionPage(IReadOnlyList<SessionSummary> Items, string? Next);

/// <param name="Team">The team written on the account, if any.</param>
public sealed record AttendeeView(Guid AttendanceId, StaffRef Staff, string? Team, AttendanceStatus Status, uint Token);

public sealed record SessionView(
    Guid Id, Guid TrainingId, string TrainingTitle, TrainingAudience Audience, DateOnly HeldOn, string Trainer, string? Place,
    IReadOnlyList<AttendeeView> Attendees, DateTimeOffset ChangedAt, string ChangedByName, uint Token);

/// <summary>
/// The joint training catalogue (gemeinsame Fortbildungen): topics, their sessions and who attended.
/// Only Administration keeps it (<see cref="TrainingAccess.MayManage"/>); every other caller is refused
/// here, whatever the page did. Staff data only: no client is involved, so nothing is audited per read.
/// </summary>
public sealed class TrainingCatalogue(
    IDbContextFactory<CaseManagementDbContext> contextFactory,
    IValidator<TrainingInput> trainingValidator,
    IValidator<SessionInput> sessionValidator,
    IValidator<RegistrationInput> registrationValidator,
    IValidator<AttendanceInput> attendanceValidator,
    TimeProvider clock)
{
    public const int SessionPageSize = 20;

    public const string OnlyAdministrationMessage = "Den Fortbildungskatalog, die Termine und die Teilnahme pflegt die Administration.";

    public const string ConflictMessage =
        "Eine andere Person hat diesen Eintrag inzwischen geändert. Ihre Eingaben sind nicht gespeichert, aber noch im Formular.";

    /// <summary>The whole catalogue, active topics first, then by title; null unless Administration asks.</summary>
    public async Task<IReadOnlyList<TrainingSummary>?> ListAsync(StaffMember actor, CancellationToken cancellationToken = default)
    {
        if (!TrainingAccess.MayManage(actor))
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var list = await db.Trainings.AsNoTracking()
            .Select(t => new TrainingSummary(
                t.Id, t.Title, t.Audience, t.RefreshMonths, t.IsActive,
                db.TrainingSessions.Count(s => s.TrainingId == t.Id),
                db.TrainingSessions.Where(s => s.TrainingId == t.Id).Max(s => (DateOnly?)s.HeldOn)))
            .ToListAsync(cancellationToken);
        return [.. list.OrderByDescending(t => t.IsActive).ThenBy(t => t.Title, StringComparer.Create(CultureInfo.GetCultureInfo("de-DE"), ignoreCase: true))];
    }

    public async Task<TrainingView?> GetAsync(StaffMember actor, Guid trainingId, CancellationToken cancellationToken = default)
    {
        if (!TrainingAccess.MayManage(actor))
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var t = await db.Trainings.AsNoTracking().SingleOrDefaultAsync(x => x.Id == trainingId, cancellationToken);
        return t is null ? null : new TrainingView(t.Id, t.Title, t.Description, t.Audience, t.RefreshMonths, t.IsActive, t.ChangedAt, t.ChangedByName, t.RowVersion);
    }

    public async Task<CommandResult<Guid>> CreateAsync(StaffMember actor, TrainingInput input, CancellationToken cancellationToken = default)
    {
        if (await RefusalAsync(actor, trainingValidator, input, cancellationToken) is { } refused)
        {
            return refused.As<Guid>();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var training = new Training { Id = Guid.NewGuid(), CreatedAt = now };
        Apply(training, input, actor, now);
        db.Trainings.Add(training);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok(training.Id);
    }

    public async Task<CommandResult<uint>> UpdateAsync(StaffMember actor, Guid trainingId, TrainingInput input, uint token, CancellationToken cancellationToken = default)
    {
        if (await RefusalAsync(actor, trainingValidator, input, cancellationToken) is { } refused)
        {
            return refused.As<uint>();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var training = await db.Trainings.SingleOrDefaultAsync(t => t.Id == trainingId, cancellationToken);
        if (training is null)
        {
            return CommandResult.Missing().As<uint>();
        }

        if (training.RowVersion != token)
        {
            return Conflict().As<uint>();
        }

        Apply(training, input, actor, clock.GetUtcNow());
        return await SaveAsync(db, () => training.RowVersion, cancellationToken);
    }

    /// <summary>The sessions of a training newest first, paged by keyset on (day, id); null unless Administration asks.</summary>
    public async Task<SessionPage?> SessionsAsync(StaffMember actor, Guid trainingId, string? after = null, int pageSize = SessionPageSize, CancellationToken cancellationToken = default)
    {
        if (!TrainingAccess.MayManage(actor))
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var sessions = db.TrainingSessions.AsNoTracking().Where(s => s.TrainingId == trainingId);
        if (SessionCursor.Parse(after) is { } cursor)
        {
            var (day, id) = (cursor.HeldOn, cursor.Id);
            sessions = sessions.Where(s => s.HeldOn < day || (s.HeldOn == day && s.Id.CompareTo(id) < 0));
        }

        var rows = await sessions.OrderByDescending(s => s.HeldOn).ThenByDescending(s => s.Id)
            .Take(pageSize + 1)
            .Select(s => new SessionSummary(
                s.Id, s.HeldOn, s.Trainer, s.Place,
                db.TrainingAttendances.Count(a => a.SessionId == s.Id),
                db.TrainingAttendances.Count(a => a.SessionId == s.Id && a.Status == AttendanceStatus.Attended)))
            .ToListAsync(cancellationToken);
        var more = rows.Count > pageSize;
        var items = rows.Take(pageSize).ToList();
        return new SessionPage(items, more ? new SessionCursor(items[^1].HeldOn, items[^1].Id).ToString() : null);
    }

    public async Task<SessionView?> SessionAsync(StaffMember actor, Guid sessionId, CancellationToken cancellationToken = default)
    {
        if (!TrainingAccess.MayManage(actor))
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var found = await (
            from row in db.TrainingSessions.AsNoTracking()
            join t in db.Trainings.AsNoTracking() on row.TrainingId equals t.Id
            where row.Id == sessionId
            select new { Session = row, t.Title, t.Audience }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var attendees = await (
            from a in db.TrainingAttendances.AsNoTracking()
            join u in db.Users.AsNoTracking() on a.StaffId equals u.Id
            where a.SessionId == sessionId
            select new { a.Id, u.DisplayName, StaffId = u.Id, u.Organisation, u.Team, a.Status, a.RowVersion })
            .ToListAsync(cancellationToken);
        var s = found.Session;
        return new SessionView(
            s.Id, s.TrainingId, found.Title, found.Audience, s.HeldOn, s.Trainer, s.Place,
            [.. attendees.OrderBy(a => a.DisplayName, StringComparer.CurrentCulture)
                .Select(a => new AttendeeView(a.Id, new StaffRef(a.StaffId, a.DisplayName, a.Organisation), a.Team, a.Status, a.RowVersion))],
            s.ChangedAt, s.ChangedByName, s.RowVersion);
    }

    public async Task<CommandResult<Guid>> CreateSessionAsync(StaffMember actor, Guid trainingId, SessionInput input, CancellationToken cancellationToken = default)
    {
        if (await RefusalAsync(actor, sessionValidator, input, cancellationToken) is { } refused)
        {
            return refused.As<Guid>();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var training = await db.Trainings.AsNoTracking().SingleOrDefaultAsync(t => t.Id == trainingId, cancellationToken);
        if (training is null)
        {
            return CommandResult.Missing().As<Guid>();
        }

        if (!training.IsActive)
        {
            return CommandResult.Invalid("", "Diese Fortbildung ist nicht mehr aktiv; neue Termine sind nicht möglich.").As<Guid>();
        }

        var session = new TrainingSession { Id = Guid.NewGuid(), TrainingId = trainingId };
        Apply(session, input, actor, clock.GetUtcNow());
        db.TrainingSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok(session.Id);
    }

    public async Task<CommandResult<uint>> UpdateSessionAsync(StaffMember actor, Guid sessionId, SessionInput input, uint token, CancellationToken cancellationToken = default)
    {
        if (await RefusalAsync(actor, sessionValidator, input, cancellationToken) is { } refused)
        {
            return refused.As<uint>();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.TrainingSessions.SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return CommandResult.Missing().As<uint>();
        }

        if (session.RowVersion != token)
        {
            return Conflict().As<uint>();
        }

        Apply(session, input, actor, clock.GetUtcNow());
        return await SaveAsync(db, () => session.RowVersion, cancellationToken);
    }

    /// <summary>Active accounts of either organisation who are not yet on the session's list: whom the form offers.</summary>
    public async Task<IReadOnlyList<StaffRef>?> CandidatesAsync(StaffMember actor, Guid sessionId, CancellationToken cancellationToken = default)
    {
        if (!TrainingAccess.MayManage(actor))
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var listed = db.TrainingAttendances.Where(a => a.SessionId == sessionId).Select(a => a.StaffId);
        var audience = await AudienceOfSessionAsync(db, sessionId, cancellationToken);
        var people = await db.Users.AsNoTracking()
            .Where(u => u.DeactivatedAt == null && !listed.Contains(u.Id))
            .OrderBy(u => u.Organisation).ThenBy(u => u.DisplayName)
            .Select(u => new StaffRef(u.Id, u.DisplayName, u.Organisation))
            .ToListAsync(cancellationToken);
        return [.. people.Where(p => audience is { } a && a.Includes(p.Organisation))];
    }

    private static Task<TrainingAudience?> AudienceOfSessionAsync(CaseManagementDbContext db, Guid sessionId, CancellationToken cancellationToken) =>
        (from s in db.TrainingSessions
         where s.Id == sessionId
         join t in db.Trainings on s.TrainingId equals t.Id
         select (TrainingAudience?)t.Audience).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Puts a person on the session's list as registered.</summary>
    public async Task<CommandResult<Guid>> RegisterAsync(StaffMember actor, Guid sessionId, RegistrationInput input, CancellationToken cancellationToken = default)
    {
        if (await RefusalAsync(actor, registrationValidator, input, cancellationToken) is { } refused)
        {
            return refused.As<Guid>();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await AudienceOfSessionAsync(db, sessionId, cancellationToken) is not { } audience)
        {
            return CommandResult.Missing().As<Guid>();
        }

        var staffId = input.StaffId!.Trim();
        var organisation = await db.Users.Where(u => u.Id == staffId && u.DeactivatedAt == null).Select(u => (Organisation?)u.Organisation).SingleOrDefaultAsync(cancellationToken);
        if (organisation is null)
        {
            return CommandResult.Invalid(nameof(RegistrationInput.StaffId), "Dieses Konto gibt es nicht oder es ist deaktiviert.").As<Guid>();
        }

        // A choice swapped in the browser: the topic is meant for the other organisation only.
        if (!audience.Includes(organisation.Value))
        {
            return CommandResult.Invalid(nameof(RegistrationInput.StaffId), $"Diese Fortbildung ist nur für {audience.German()} vorgesehen.").As<Guid>();
        }

        if (await db.TrainingAttendances.AnyAsync(a => a.SessionId == sessionId && a.StaffId == staffId, cancellationToken))
        {
            return CommandResult.Invalid(nameof(RegistrationInput.StaffId), "Diese Person steht schon auf der Liste des Termins.").As<Guid>();
        }

        var attendance = new TrainingAttendance
        {
            Id = Guid.NewGuid(),
            SessionId = sessionId,
            StaffId = staffId,
            Status = AttendanceStatus.Registered,
            ChangedAt = clock.GetUtcNow(),
            ChangedByName = actor.DisplayName,
        };
        db.TrainingAttendances.Add(attendance);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (!DatabaseFaults.IsUnavailable(exception))
        {
            // Someone registered the same person in between (the unique index on session and person);
            // an outage goes on to the page's guard, which says so instead.
            return CommandResult.Invalid(nameof(RegistrationInput.StaffId), "Diese Person steht schon auf der Liste des Termins.").As<Guid>();
        }

        return CommandResult.Ok(attendance.Id);
    }

    /// <summary>Records whether the person attended (or is registered again).</summary>
    public async Task<CommandResult<uint>> SetAttendanceAsync(StaffMember actor, Guid attendanceId, AttendanceInput input, uint token, CancellationToken cancellationToken = default)
    {
        if (await RefusalAsync(actor, attendanceValidator, input, cancellationToken) is { } refused)
        {
            return refused.As<uint>();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var attendance = await db.TrainingAttendances.SingleOrDefaultAsync(a => a.Id == attendanceId, cancellationToken);
        if (attendance is null)
        {
            return CommandResult.Missing().As<uint>();
        }

        if (attendance.RowVersion != token)
        {
            return Conflict().As<uint>();
        }

        attendance.Status = input.Status!.Value;
        attendance.ChangedAt = clock.GetUtcNow();
        attendance.ChangedByName = actor.DisplayName;
        return await SaveAsync(db, () => attendance.RowVersion, cancellationToken);
    }

    /// <summary>Takes a person off the session's list (registered by mistake).</summary>
    public async Task<CommandResult> RemoveAttendanceAsync(StaffMember actor, Guid attendanceId, uint token, CancellationToken cancellationToken = default)
    {
        if (!TrainingAccess.MayManage(actor))
        {
            return CommandResult.Invalid("", OnlyAdministrationMessage);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var attendance = await db.TrainingAttendances.SingleOrDefaultAsync(a => a.Id == attendanceId, cancellationToken);
        if (attendance is null)
        {
            return CommandResult.Missing();
        }

        if (attendance.RowVersion != token)
        {
            return Conflict();
        }

        db.TrainingAttendances.Remove(attendance);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict();
        }

        return CommandResult.Ok();
    }

    public static CommandResult Conflict() => new() { Conflict = true, Message = ConflictMessage };

    /// <summary>Not Administration, or invalid input; null when the command may go ahead.</summary>
    private static async Task<CommandResult?> RefusalAsync<T>(StaffMember actor, IValidator<T> validator, T input, CancellationToken cancellationToken)
    {
        if (!TrainingAccess.MayManage(actor))
        {
            return CommandResult.Invalid("", OnlyAdministrationMessage);
        }

        var validation = await validator.ValidateAsync(input, cancellationToken);
        return validation.IsValid ? null : CommandResult.Invalid(validation);
    }

    private static async Task<CommandResult<uint>> SaveAsync(CaseManagementDbContext db, Func<uint> version, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict().As<uint>();
        }

        return CommandResult.Ok(version());
    }

    private static void Apply(Training training, TrainingInput input, StaffMember actor, DateTimeOffset now)
    {
        training.Title = input.Title!.Trim();
        training.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        training.Audience = input.Audience!.Value;
        training.RefreshMonths = input.RefreshMonths;
        training.IsActive = input.IsActive;
        training.ChangedAt = now;
        training.ChangedByName = actor.DisplayName;
    }

    private static void Apply(TrainingSession session, SessionInput input, StaffMember actor, DateTimeOffset now)
    {
        session.HeldOn = input.HeldOn!.Value;
        session.Trainer = input.Trainer!.Trim();
        session.Place = string.IsNullOrWhiteSpace(input.Place) ? null : input.Place.Trim();
        session.ChangedAt = now;
        session.ChangedByName = actor.DisplayName;
    }

    /// <summary>Keyset cursor of the session list: "dayNumber.id".</summary>
    private sealed record SessionCursor(DateOnly HeldOn, Guid Id)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{HeldOn.DayNumber}.{Id:N}");

        public static SessionCursor? Parse(string? value)
        {
            var parts = value?.Split('.');
            return parts is [var day, var id]
                && int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                && number >= DateOnly.MinValue.DayNumber && number <= DateOnly.MaxValue.DayNumber
                && Guid.TryParseExact(id, "N", out var sessionId)
                    ? new SessionCursor(DateOnly.FromDayNumber(number), sessionId)
                    : null;
        }
    }
}
