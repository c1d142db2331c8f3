using CaseManagement.Application.Access;
using CaseManagement.Application.Audit;
using CaseManagement.Application.Clients;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Appointments;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Appointments;

/// <summary>One appointment in a week view. What it says about the client depends on the reader.</summary>
/// <param name="CaseNumber">Shown to participants and to readers of the client's appointments.</param>
/// <param name="ClientName">Only where the reader may read the client's master data.</param>
/// <param name="MayOpen">Whether the reader may open the appointment (it is readable for them).</param>
public sealed record CalendarEntry(
    Guid Id, DateTimeOffset Start, DateTimeOffset End, AppointmentType Type, AppointmentOutcome Outcome,
    IReadOnlyList<string> StaffIds, Guid? ClientId, string? CaseNumber, string? ClientName, string? Place, bool IsAnonymous, bool MayOpen);

public sealed record CalendarWeek(DateOnly Monday, IReadOnlyList<StaffRef> Staff, IReadOnlyList<CalendarEntry> Entries)
{
    public IEnumerable<DateOnly> Days => Enumerable.Range(0, 7).Select(Monday.AddDays);

    public IEnumerable<CalendarEntry> On(DateOnly day, string? staffId = null) => Entries
        .Where(e => DateOnly.FromDateTime(GermanCalendar.ToLocal(e.Start).DateTime) == day)
        .Where(e => staffId is null || e.StaffIds.Contains(staffId))
        .OrderBy(e => e.Start);
}

/// <summary>An appointment opened for reading or editing.</summary>
/// <param name="Note">The outcome note, only when the reader may read the notes of the organisation that wrote it.</param>
public sealed record AppointmentDetails(
    Guid Id, Guid? ClientId, string? CaseNumber, string? ClientName, AppointmentInput Plan,
    AppointmentOutcome Outcome, CancelledBy? CancelledBy, string? Note, Organisation HolderOrganisation,
    IReadOnlyList<StaffRef> Participants, bool MayEdit, bool HasStarted, uint RowVersion, DateTimeOffset ChangedAt, string ChangedByName);

/// <summary>An appointment in a client's file: the facts of participation; the note only within the organisation that wrote it.</summary>
public sealed record ClientAppointmentRow(
    Guid Id, DateTimeOffset Start, DateTimeOffset End, AppointmentType Type, AppointmentOutcome Outcome, CancelledBy? CancelledBy,
    string? Place, string? AccompanimentTarget, string? Note, Organisation HolderOrganisation, IReadOnlyList<string> ParticipantNames, bool MayEdit);

/// <summary>A case to choose in a form; <paramref name="Name"/> only where the master data may be read.</summary>
/// <param name="CounterpartId">Who is responsible for the case in the other organisation: a joint counselling invites them.</param>
public sealed record ClientChoice(Guid Id, string CaseNumber, string? Name, string? CounterpartId = null)
{
    public string Label => Name is null ? CaseNumber : $"{Name} ({CaseNumber})";
}

public sealed record ClientAppointments(bool MayAdd, IReadOnlyList<ClientAppointmentRow> Upcoming, IReadOnlyList<ClientAppointmentRow> Past);

/// <summary>Reads appointments: week views, one appointment, a client's appointments. Every read of client data is audited.</summary>
public sealed class AppointmentQuery(IDbContextFactory<CaseManagementDbContext> contextFactory, ClientAccess access, AuditTrail audit)
{
    /// <summary>How far back a client's file lists past appointments.</summary>
    public const int ClientHistoryMonths = 24;

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>
    /// The week (Monday to Sunday) containing <paramref name="day"/> for the given staff members.
    /// Other people's appointments show when and what, but say nothing about a client the reader
    /// may not know of.
    /// </summary>
    public async Task<CalendarWeek> WeekAsync(StaffMember reader, DateOnly day, IReadOnlyCollection<string> staffIds, CancellationToken cancellationToken = default)
    {
        var monday = MondayOf(day);
        var from = GermanCalendar.At(monday, TimeOnly.MinValue);
        var to = GermanCalendar.At(monday.AddDays(7), TimeOnly.MinValue);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var ids = staffIds.Distinct(StringComparer.Ordinal).ToList();
        // In German name order, as PeoplePage pages them (SQLite and PostgreSQL's collation sort otherwise).
        var staff = PeoplePage.InNameOrder(
            await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new StaffRef(u.Id, u.DisplayName, u.Organisation)).ToListAsync(cancellationToken));
        // The people's appointments are found through the participants' index (which carries the
        // start); the week's range is checked there only: with it on the appointments as well,
        // PostgreSQL read every appointment of the city's week (10,000 rows) to keep the few hundred
        // of a team. The range is checked again on the appointments themselves, in memory.
        var appointments = (await ListedAsync(db.Appointments
            .Where(a => db.AppointmentParticipants.Any(p => p.AppointmentId == a.Id && ids.Contains(p.StaffId) && p.Start >= from && p.Start < to)),
            cancellationToken))
            .Where(a => a.Start >= from && a.Start < to)
            .ToList();
        var entries = await EntriesForAsync(db, reader, appointments, cancellationToken);
        await audit.ListViewedAsync(reader, "Wochenansicht", NamedCases(entries), cancellationToken);
        return new CalendarWeek(monday, staff, entries);
    }

    /// <summary>The reader's own appointments from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), for the home page.</summary>
    public async Task<IReadOnlyList<CalendarEntry>> OwnAsync(StaffMember reader, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var appointments = await ListedAsync(
            db.Appointments.Where(a => a.Start >= from && a.Start < to && a.Participants.Any(p => p.StaffId == reader.Id && p.Start >= from && p.Start < to)),
            cancellationToken);
        var entries = await EntriesForAsync(db, reader, appointments, cancellationToken);
        await audit.ListViewedAsync(reader, "Startseite Termine", NamedCases(entries), cancellationToken);
        return entries;
    }

    /// <summary>The reader's past appointments (up to 60 days back) whose outcome nobody has recorded yet.</summary>
    public async Task<IReadOnlyList<CalendarEntry>> WithoutOutcomeAsync(StaffMember reader, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var since = now.AddDays(-60);
        var appointments = await ListedAsync(
            db.Appointments.Where(a => a.Outcome == AppointmentOutcome.Open && a.Start < now && a.Start >= since
                && a.Participants.Any(p => p.StaffId == reader.Id && p.Start < now && p.Start >= since)),
            cancellationToken);
        var entries = await EntriesForAsync(db, reader, appointments, cancellationToken);
        IReadOnlyList<CalendarEntry> shown = [.. entries.Where(e => e.MayOpen && e.End <= now)];
        await audit.ListViewedAsync(reader, "Startseite Termine ohne Ergebnis", NamedCases(shown), cancellationToken);
        return shown;
    }

    private static IEnumerable<string> NamedCases(IEnumerable<CalendarEntry> entries) =>
        entries.Where(e => e.ClientName is not null).Select(e => e.CaseNumber!).Distinct();

    /// <summary>One appointment; null when it does not exist or the reader may not read it (a refusal is audited).</summary>
    public async Task<AppointmentDetails?> OpenAsync(StaffMember reader, Guid appointmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var appointment = await db.Appointments.AsNoTracking().Include(a => a.Participants).SingleOrDefaultAsync(a => a.Id == appointmentId, cancellationToken);
        if (appointment is null)
        {
            return null;
        }

        string? caseNumber = null;
        string? name = null;
        string? note = null;
        bool mayEdit;
        if (appointment.ClientId is { } clientId)
        {
            var permissions = await access.ForAsync(db, reader, clientId, DataCategory.Appointments, cancellationToken);
            if (permissions is null)
            {
                return null;
            }

            if (!permissions.Allows(DataCategory.Appointments, appointment.HolderOrganisation, AccessOperation.Read))
            {
                await access.DeniedAsync(reader, clientId, DataCategory.Appointments, cancellationToken);
                return null;
            }

            var client = await db.Clients.AsNoTracking().Where(c => c.Id == clientId).Select(c => new { c.CaseNumber, c.FirstName, c.LastName }).SingleAsync(cancellationToken);
            caseNumber = client.CaseNumber;
            name = permissions.MayRead(DataCategory.MasterData) ? $"{client.FirstName} {client.LastName}" : null;
            note = appointment.NoteOrganisation is { } noteHolder && permissions.MayReadNotesOf(noteHolder) ? appointment.OutcomeNote : null;
            mayEdit = permissions.Allows(DataCategory.Appointments, appointment.HolderOrganisation, AccessOperation.Write);
            audit.Add(db, reader, AuditAction.Viewed, clientId, caseNumber, DataCategory.Appointments, [appointment.Type.German()]);
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            var ownSide = reader.IsCaseworker && reader.Organisation == appointment.HolderOrganisation;
            if (!ownSide && appointment.Participants.All(p => p.StaffId != reader.Id))
            {
                return null;
            }

            mayEdit = ownSide;
        }

        var participants = await StaffNamesAsync(db, appointment.Participants.Select(p => p.StaffId), cancellationToken);
        return new AppointmentDetails(
            appointment.Id, appointment.ClientId, caseNumber, name, AppointmentInput.From(appointment), appointment.Outcome, appointment.CancelledBy, note,
            appointment.HolderOrganisation, participants, mayEdit, appointment.Start <= access.Now, appointment.RowVersion, appointment.ChangedAt, appointment.ChangedByName);
    }

    /// <summary>
    /// A client's appointments the reader may read: those their own organisation entered, and the
    /// other organisation's while a consent covers appointments in that direction. Null when the
    /// reader may not know of the client.
    /// </summary>
    public async Task<ClientAppointments?> ForClientAsync(StaffMember reader, Guid clientId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var permissions = await access.ForAsync(db, reader, clientId, DataCategory.Appointments, cancellationToken);
        if (permissions is null)
        {
            return null;
        }

        var readableHolders = Enum.GetValues<Organisation>().Where(o => permissions.Allows(DataCategory.Appointments, o, AccessOperation.Read)).ToList();
        var mayAdd = permissions.Allows(DataCategory.Appointments, reader.Organisation, AccessOperation.Write);
        if (readableHolders.Count == 0)
        {
            // A team lead knows of the client but reads no appointments: a refusal like any other.
            await access.DeniedAsync(reader, clientId, DataCategory.Appointments, cancellationToken);
            return new ClientAppointments(false, [], []);
        }

        var since = access.Now.AddMonths(-ClientHistoryMonths);
        // Flat rows, one per participant, as the week views read them (no entities, no Include).
        var participations = await db.Appointments.AsNoTracking()
            .Where(a => a.ClientId == clientId && a.Start >= since && readableHolders.Contains(a.HolderOrganisation))
            .SelectMany(a => a.Participants.DefaultIfEmpty(), (a, p) => new
            {
                a.Id, a.Start, a.DurationMinutes, a.Type, a.Outcome, a.CancelledBy, a.Place, a.AccompanimentTarget,
                a.OutcomeNote, a.NoteOrganisation, a.HolderOrganisation, StaffId = p == null ? null : p.StaffId,
            })
            .ToListAsync(cancellationToken);
        var names = await StaffNamesAsync(db, participations.Select(p => p.StaffId).OfType<string>(), cancellationToken);
        var rows = participations.GroupBy(p => p.Id)
            .Select(g => (Appointment: g.First(), StaffIds: g.Select(p => p.StaffId).OfType<string>()))
            .OrderBy(x => x.Appointment.Start).ThenBy(x => x.Appointment.Id)
            .Select(x =>
            {
                var a = x.Appointment;
                return new ClientAppointmentRow(
                    a.Id, a.Start, AppointmentRules.EndOf(a.Start, TimeSpan.FromMinutes(a.DurationMinutes)), a.Type, a.Outcome, a.CancelledBy, a.Place, a.AccompanimentTarget,
                    a.NoteOrganisation is { } noteHolder && permissions.MayReadNotesOf(noteHolder) ? a.OutcomeNote : null,
                    a.HolderOrganisation,
                    ParticipantNames(x.StaffIds.Select(id => names.FirstOrDefault(n => n.Id == id))),
                    permissions.Allows(DataCategory.Appointments, a.HolderOrganisation, AccessOperation.Write));
            })
            .ToList();
        if (rows.Count > 0)
        {
            var caseNumber = await db.Clients.Where(c => c.Id == clientId).Select(c => c.CaseNumber).SingleAsync(cancellationToken);
            await audit.RecordAsync(reader, AuditAction.Viewed, clientId, caseNumber, DataCategory.Appointments, ["Terminübersicht"], cancellationToken);
        }

        var now = access.Now;
        return new ClientAppointments(
            mayAdd,
            [.. rows.Where(r => r.End > now)],
            [.. rows.Where(r => r.End <= now).Reverse()]);
    }

    /// <summary>The reader's active cases to choose from in a form: case number, and the name where allowed.</summary>
    public async Task<IReadOnlyList<ClientChoice>> ClientChoicesAsync(StaffMember reader, CancellationToken cancellationToken = default)
    {
        if (!reader.IsCaseworker)
        {
            return [];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var ids = await db.Clients.AsNoTracking().Where(AccessFilters.OwnCases(reader)).Where(c => c.Episodes.Any(e => e.EndedOn == null))
            .Select(c => c.Id).ToListAsync(cancellationToken);
        var clients = await ClientAccess.LoadFactsAsync(db, ids, cancellationToken);
        // The people the reader met most recently come first (the next contact is often with them again), then by name.
        var lastContacts = await db.Appointments.AsNoTracking()
            .Where(a => a.ClientId != null && ids.Contains(a.ClientId.Value) && a.Participants.Any(p => p.StaffId == reader.Id))
            .GroupBy(a => a.ClientId!.Value)
            .Select(g => new { ClientId = g.Key, Last = g.Max(a => a.Start) })
            .ToDictionaryAsync(g => g.ClientId, g => g.Last, cancellationToken);
        var choices = clients
            .Select(c => new ClientChoice(
                c.Key, c.Value.CaseNumber, access.For(reader, c.Value.Facts).MayRead(DataCategory.MasterData) ? c.Value.SortName : null,
                c.Value.Facts.ResponsibleIn(reader.Organisation.Other())))
            .OrderByDescending(c => lastContacts.TryGetValue(c.Id, out var last) ? last : DateTimeOffset.MinValue)
            .ThenBy(c => c.Name ?? "\uffff", StringComparer.CurrentCulture).ThenBy(c => c.CaseNumber, StringComparer.Ordinal)
            .ToList();
        await audit.ListViewedAsync(reader, "Auswahl Klient:in", choices.Where(c => c.Name is not null).Select(c => c.CaseNumber), cancellationToken);
        return choices;
    }

    /// <summary>What a list of appointments shows of each: no notes, no change history.</summary>
    private sealed record ListedAppointment(
        Guid Id, DateTimeOffset Start, DateTimeOffset End, AppointmentType Type, AppointmentOutcome Outcome,
        Guid? ClientId, Organisation HolderOrganisation, string? Place, IReadOnlyList<string> StaffIds);

    /// <summary>
    /// The given appointments with their participants, by start (one without any still comes). One flat row per participant, put
    /// together here: loading the entities with their participants (Include) cost the week of 25
    /// people of the other side several milliseconds of CPU for materialising what a list never shows.
    /// </summary>
    private static async Task<List<ListedAppointment>> ListedAsync(IQueryable<Appointment> appointments, CancellationToken cancellationToken)
    {
        var rows = await appointments.AsNoTracking()
            .SelectMany(a => a.Participants.DefaultIfEmpty(), (a, p) => new { a.Id, a.Start, a.DurationMinutes, a.Type, a.Outcome, a.ClientId, a.HolderOrganisation, a.Place, StaffId = p == null ? null : p.StaffId })
            .ToListAsync(cancellationToken);
        return [.. rows.GroupBy(r => r.Id)
            .Select(g =>
            {
                var a = g.First();
                return new ListedAppointment(
                    a.Id, a.Start, AppointmentRules.EndOf(a.Start, TimeSpan.FromMinutes(a.DurationMinutes)), a.Type, a.Outcome, a.ClientId, a.HolderOrganisation, a.Place,
                    [.. g.Select(r => r.StaffId).OfType<string>().Order(StringComparer.Ordinal)]);
            })
            .OrderBy(a => a.Start).ThenBy(a => a.Id)];
    }

    private async Task<List<CalendarEntry>> EntriesForAsync(
        CaseManagementDbContext db, StaffMember reader, List<ListedAppointment> appointments, CancellationToken cancellationToken)
    {
        var clients = await ClientAccess.LoadFactsAsync(db, [.. appointments.Where(a => a.ClientId is not null).Select(a => a.ClientId!.Value).Distinct()], cancellationToken);
        var entries = new List<CalendarEntry>(appointments.Count);
        foreach (var a in appointments)
        {
            var participates = a.StaffIds.Contains(reader.Id, StringComparer.Ordinal);
            var staffIds = a.StaffIds;
            if (a.ClientId is not { } clientId || !clients.TryGetValue(clientId, out var client))
            {
                var ownSide = reader.Organisation == a.HolderOrganisation;
                entries.Add(new CalendarEntry(a.Id, a.Start, a.End, a.Type, a.Outcome, staffIds, null, null, null,
                    participates || ownSide ? a.Place : null, true, participates || (ownSide && reader.IsCaseworker)));
                continue;
            }

            var permissions = access.For(reader, client.Facts);
            var readable = permissions.Allows(DataCategory.Appointments, a.HolderOrganisation, AccessOperation.Read);
            var showCase = readable || participates;
            entries.Add(new CalendarEntry(
                a.Id, a.Start, a.End, a.Type, readable ? a.Outcome : AppointmentOutcome.Open, staffIds,
                showCase ? clientId : null,
                showCase ? client.CaseNumber : null,
                showCase && permissions.MayRead(DataCategory.MasterData) ? client.SortName : null,
                showCase ? a.Place : null,
                false,
                readable));
        }

        return entries;
    }

    /// <summary>In the team week's name order; people whose account is gone last.</summary>
    private static List<string> ParticipantNames(IEnumerable<StaffRef?> people)
    {
        var listed = people.ToList();
        return
        [
            .. PeoplePage.InNameOrder(listed.OfType<StaffRef>()).Select(p => p.DisplayName),
            .. listed.Where(p => p is null).Select(_ => "ehemalige:r Mitarbeiter:in"),
        ];
    }

    private static async Task<List<StaffRef>> StaffNamesAsync(CaseManagementDbContext db, IEnumerable<string> staffIds, CancellationToken cancellationToken)
    {
        var ids = staffIds.Distinct(StringComparer.Ordinal).ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).OrderBy(u => u.DisplayName)
            .Select(u => new StaffRef(u.Id, u.DisplayName, u.Organisation)).ToListAsync(cancellationToken);
    }
}
