using System.Text.Json;
using CaseManagement.Application.Access;
using CaseManagement.Application.Audit;
using CaseManagement.Application.Clients;
using CaseManagement.Application.Reports;
using CaseManagement.Documents.HelpPlans;
using CaseManagement.Documents.Steering;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Staff;
using CaseManagement.Domain.Steering;
using CaseManagement.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Steering;

/// <summary>The steering report's tables a measure can point to, by key.</summary>
public static class SteeringFigures
{
    public static IReadOnlyDictionary<string, string> Titles { get; } =
        SteeringReportQuery.Sections.ToDictionary(s => s.Key, s => s.Title, StringComparer.Ordinal);
}

/// <summary>One table of the steering report as a meeting discussed it, frozen as published then.</summary>
public sealed record FrozenTable(string Key, string Title, ReportTableView Table);

/// <summary>The figures a meeting discussed: the period, when they were frozen, the tables.</summary>
public sealed record FrozenFigures(string PeriodLabel, DateTimeOffset FrozenAt, IReadOnlyList<FrozenTable> Tables);

public sealed record MeasureView(
    Guid Id, Guid MeetingId, DateOnly DecidedOn, string What, string Who, DateOnly? DueBy, MeasureStatus Status, string? Figure,
    DateTimeOffset ChangedAt, string ChangedByName, uint Token)
{
    public string? FigureTitle => Figure is null ? null : SteeringFigures.Titles.GetValueOrDefault(Figure);

    public bool IsOverdue(DateOnly today) => Status.IsOpen() && DueBy < today;
}

public sealed record MeetingSummary(Guid Id, DateOnly HeldOn, int MeasuresDecided, bool HasFrozenFigures);

public sealed record MeetingView(
    Guid Id, SteeringRoundKind Round, DateOnly HeldOn, string Participants, string Agenda, string Minutes, string Decisions,
    FrozenFigures? Figures, IReadOnlyList<MeasureView> Decided, IReadOnlyList<MeasureView> CarriedOver,
    DateTimeOffset ChangedAt, string ChangedByName, bool MayWrite, uint Token);

public sealed record RoundView(
    SteeringRoundKind Round, bool MayWrite, bool MayManageMembers, IReadOnlyList<StaffRef> Members,
    IReadOnlyList<MeetingSummary> Meetings, IReadOnlyList<MeasureView> OpenMeasures);

/// <summary>
/// The steering rounds' meetings and measures (Lenkungsrunden). Members of a round write, team leads
/// read (<see cref="SteeringAccess"/>); everyone else is refused as if the meeting did not exist.
/// Texts are checked for personal data before they are saved (<see cref="PersonalDataCheck"/>).
/// </summary>
public sealed class SteeringRounds(
    IDbContextFactory<CaseManagementDbContext> contextFactory,
    IValidator<MeetingInput> meetingValidator,
    IValidator<MeasureInput> measureValidator,
    ISteeringReportSource reports,
    ClientAccess access,
    AuditTrail audit,
    TimeProvider clock)
{
    public const string PersonalDataWarning = "personal-data";

    public const string ConflictMessage =
        "Eine andere Person hat diesen Eintrag inzwischen geändert. Ihre Eingaben sind nicht gespeichert, aber noch im Formular.";

    public const string OnlyMembersMessage = "Nur Mitglieder dieser Lenkungsrunde können hier etwas eintragen.";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<RoundView?> RoundAsync(StaffMember reader, SteeringRoundKind round, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var isMember = await IsMemberAsync(db, reader, round, cancellationToken);
        if (!Enum.IsDefined(round) || !SteeringAccess.MayRead(reader, isMember))
        {
            return null;
        }

        var meetings = await db.SteeringMeetings.AsNoTracking().Where(m => m.Round == round)
            .OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.CreatedAt)
            .Select(m => new { m.Id, m.HeldOn, Frozen = m.FrozenFigures != null })
            .ToListAsync(cancellationToken);
        var days = meetings.ToDictionary(m => m.Id, m => m.HeldOn);
        var measures = (await db.SteeringMeasures.AsNoTracking().Where(m => m.Round == round).ToListAsync(cancellationToken))
            .Select(m => View(m, days)).ToList();
        var memberIds = await db.SteeringRoundMembers.AsNoTracking().Where(m => m.Round == round).Select(m => m.StaffId).ToListAsync(cancellationToken);
        var members = await db.Users.AsNoTracking().Where(u => memberIds.Contains(u.Id)).OrderBy(u => u.DisplayName)
            .Select(u => new StaffRef(u.Id, u.DisplayName, u.Organisation)).ToListAsync(cancellationToken);
        return new RoundView(
            round, SteeringAccess.MayWrite(isMember), SteeringAccess.MayManageMembers(reader), members,
            [.. meetings.Select(m => new MeetingSummary(m.Id, m.HeldOn, measures.Count(x => x.MeetingId == m.Id), m.Frozen))],
            [.. measures.Where(m => m.Status.IsOpen()).OrderBy(m => m.DueBy ?? DateOnly.MaxValue)]);
    }

    public async Task<MeetingView?> MeetingAsync(StaffMember reader, Guid meetingId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await db.SteeringMeetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
        {
            return null;
        }

        var isMember = await IsMemberAsync(db, reader, meeting.Round, cancellationToken);
        if (!SteeringAccess.MayRead(reader, isMember))
        {
            return null;
        }

        var days = await db.SteeringMeetings.AsNoTracking().Where(m => m.Round == meeting.Round)
            .ToDictionaryAsync(m => m.Id, m => m.HeldOn, cancellationToken);
        var stored = await db.SteeringMeasures.AsNoTracking().Where(m => m.Round == meeting.Round).ToListAsync(cancellationToken);
        var carried = SteeringAgenda.CarriedOver(meeting, stored, days);
        return new MeetingView(
            meeting.Id, meeting.Round, meeting.HeldOn, meeting.Participants, meeting.Agenda, meeting.Minutes, meeting.Decisions,
            meeting.FrozenFigures is { } json ? JsonSerializer.Deserialize<FrozenFigures>(json, Json) : null,
            [.. stored.Where(m => m.MeetingId == meeting.Id).OrderBy(m => m.DueBy ?? DateOnly.MaxValue).Select(m => View(m, days))],
            [.. carried.Select(m => View(m, days))],
            meeting.ChangedAt, meeting.ChangedByName, SteeringAccess.MayWrite(isMember), meeting.RowVersion);
    }

    public async Task<CommandResult<Guid>> CreateMeetingAsync(StaffMember actor, SteeringRoundKind round, MeetingInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!Enum.IsDefined(round) || !await IsMemberAsync(db, actor, round, cancellationToken))
        {
            return CommandResult.Invalid("", OnlyMembersMessage).As<Guid>();
        }

        if (await RefusalAsync(db, actor, meetingValidator, input, input.ConfirmedNoPersonalData,
                [input.Participants, input.Agenda, input.Minutes, input.Decisions], cancellationToken) is { } refused)
        {
            return refused.As<Guid>();
        }

        var now = clock.GetUtcNow();
        var meeting = new SteeringMeeting { Id = Guid.NewGuid(), Round = round, CreatedAt = now };
        Apply(meeting, input, actor, now);
        db.SteeringMeetings.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok(meeting.Id);
    }

    public async Task<CommandResult<uint>> UpdateMeetingAsync(
        StaffMember actor, Guid meetingId, MeetingInput input, uint token, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await db.SteeringMeetings.SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null || !await IsMemberAsync(db, actor, meeting.Round, cancellationToken))
        {
            return (meeting is null ? CommandResult.Missing() : CommandResult.Invalid("", OnlyMembersMessage)).As<uint>();
        }

        if (await RefusalAsync(db, actor, meetingValidator, input, input.ConfirmedNoPersonalData,
                [input.Participants, input.Agenda, input.Minutes, input.Decisions], cancellationToken) is { } refused)
        {
            return refused.As<uint>();
        }

        if (meeting.RowVersion != token)
        {
            return Conflict().As<uint>();
        }

        Apply(meeting, input, actor, clock.GetUtcNow());
        return await SaveAsync(db, meeting, cancellationToken);
    }

    /// <summary>
    /// Freezes the steering report of <paramref name="period"/> into the meeting as published now:
    /// later corrections of the data change the report, never the minutes. Freezing again replaces
    /// the tables (the meeting discussed another period).
    /// </summary>
    public async Task<CommandResult<uint>> FreezeFiguresAsync(
        StaffMember actor, Guid meetingId, ReportPeriod period, uint token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        await using (var check = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            var round = await check.SteeringMeetings.AsNoTracking().Where(m => m.Id == meetingId).Select(m => (SteeringRoundKind?)m.Round).SingleOrDefaultAsync(cancellationToken);
            if (round is null || !await IsMemberAsync(check, actor, round.Value, cancellationToken))
            {
                return (round is null ? CommandResult.Missing() : CommandResult.Invalid("", OnlyMembersMessage)).As<uint>();
            }
        }

        var report = await reports.RunAsync(period, cancellationToken);
        var now = clock.GetUtcNow();
        var frozen = new FrozenFigures(
            report.Period.Label, now,
            [.. report.Sections.Select(s => new FrozenTable(s.Key, s.Title, SteeringReportExport.Table(report, s)))]);

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await db.SteeringMeetings.SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
        {
            return CommandResult.Missing().As<uint>();
        }

        if (meeting.RowVersion != token)
        {
            return Conflict().As<uint>();
        }

        meeting.FrozenFigures = JsonSerializer.Serialize(frozen, Json);
        meeting.FrozenPeriodLabel = frozen.PeriodLabel;
        meeting.FrozenAt = now;
        Touch(meeting, actor, now);
        return await SaveAsync(db, meeting, cancellationToken);
    }

    public async Task<CommandResult<Guid>> AddMeasureAsync(StaffMember actor, Guid meetingId, MeasureInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await db.SteeringMeetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null || !await IsMemberAsync(db, actor, meeting.Round, cancellationToken))
        {
            return (meeting is null ? CommandResult.Missing() : CommandResult.Invalid("", OnlyMembersMessage)).As<Guid>();
        }

        if (await RefusalAsync(db, actor, measureValidator, input, input.ConfirmedNoPersonalData, [input.What, input.Who], cancellationToken) is { } refused)
        {
            return refused.As<Guid>();
        }

        var measure = new SteeringMeasure { Id = Guid.NewGuid(), Round = meeting.Round, MeetingId = meeting.Id };
        Apply(measure, input, actor, clock.GetUtcNow());
        db.SteeringMeasures.Add(measure);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok(measure.Id);
    }

    public async Task<CommandResult<uint>> UpdateMeasureAsync(
        StaffMember actor, Guid measureId, MeasureInput input, uint token, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var measure = await db.SteeringMeasures.SingleOrDefaultAsync(m => m.Id == measureId, cancellationToken);
        if (measure is null || !await IsMemberAsync(db, actor, measure.Round, cancellationToken))
        {
            return (measure is null ? CommandResult.Missing() : CommandResult.Invalid("", OnlyMembersMessage)).As<uint>();
        }

        if (await RefusalAsync(db, actor, measureValidator, input, input.ConfirmedNoPersonalData, [input.What, input.Who], cancellationToken) is { } refused)
        {
            return refused.As<uint>();
        }

        if (measure.RowVersion != token)
        {
            return Conflict().As<uint>();
        }

        Apply(measure, input, actor, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict().As<uint>();
        }

        return CommandResult.Ok(measure.RowVersion);
    }

    /// <summary>The minutes as PDF for whoever may read the meeting; null otherwise. The file name says round and day only.</summary>
    public async Task<ReportFile?> MinutesPdfAsync(StaffMember reader, Guid meetingId, CancellationToken cancellationToken = default)
    {
        if (await MeetingAsync(reader, meetingId, cancellationToken) is not { } meeting)
        {
            return null;
        }

        static MinutesMeasure Printed(MeasureView m) => new(m.What, m.Who, m.DueBy, m.Status.German(), m.FigureTitle);
        var document = new MinutesDocument(
            meeting.Round.German(), meeting.HeldOn, meeting.Participants, meeting.Agenda, meeting.Minutes, meeting.Decisions,
            [.. meeting.CarriedOver.Select(Printed)], [.. meeting.Decided.Select(Printed)],
            meeting.Figures?.PeriodLabel,
            [.. (meeting.Figures?.Tables ?? []).Select(t => new MinutesTable(
                t.Title, t.Table.Header, [.. t.Table.Rows.Select(r => (r.Label, r.Cells))]))],
            GermanCalendar.DateOf(clock.GetUtcNow()),
            HelpPlanDocument.DefaultJobcenterName, HelpPlanDocument.DefaultDrugHelpServiceName);
        var name = $"protokoll-{meeting.Round.Slug()}-{meeting.HeldOn:yyyy-MM-dd}.pdf";
        var file = new ReportFile(MinutesPdf.Render(document), name, SteeringReportExport.PdfContentType);
        // Like the steering report's downloads: who took which minutes home is on record.
        await audit.RecordAsync(reader, AuditAction.Exported, clientId: null, caseNumber: null, category: null,
            ["Protokoll", meeting.Round.German(), GermanCalendar.Format(meeting.HeldOn), "PDF"], cancellationToken);
        return file;
    }

    /// <summary>Administration names the members of a round (accounts of either organisation).</summary>
    public async Task<CommandResult> SetMembersAsync(StaffMember actor, SteeringRoundKind round, IReadOnlyCollection<string> staffIds, CancellationToken cancellationToken = default)
    {
        if (!SteeringAccess.MayManageMembers(actor) || !Enum.IsDefined(round))
        {
            return CommandResult.Invalid("", "Die Mitglieder der Lenkungsrunden pflegt die Administration.");
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var wanted = staffIds.Distinct(StringComparer.Ordinal).ToList();
        var known = await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id) && u.DeactivatedAt == null).Select(u => u.Id).ToListAsync(cancellationToken);
        if (known.Count != wanted.Count)
        {
            return CommandResult.Invalid("", "Mindestens ein gewähltes Konto gibt es nicht oder es ist deaktiviert.");
        }

        var current = await db.SteeringRoundMembers.Where(m => m.Round == round).ToListAsync(cancellationToken);
        db.SteeringRoundMembers.RemoveRange(current.Where(m => !wanted.Contains(m.StaffId)));
        foreach (var id in wanted.Where(id => current.All(m => m.StaffId != id)))
        {
            db.SteeringRoundMembers.Add(new SteeringRoundMember { Id = Guid.NewGuid(), Round = round, StaffId = id });
        }

        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok();
    }

    /// <summary>Who can be named a member (active steering and team-lead accounts) and who is one now, per round; null unless Administration asks.</summary>
    public async Task<(IReadOnlyList<StaffRef> Candidates, IReadOnlyDictionary<SteeringRoundKind, IReadOnlySet<string>> Members)?> MembershipAsync(
        StaffMember actor, CancellationToken cancellationToken = default)
    {
        if (!SteeringAccess.MayManageMembers(actor))
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        string[] roles = [StaffRole.SteeringCommittee, StaffRole.TeamLeadJobcenter, StaffRole.TeamLeadDrugHelp];
        var candidates = await (
            from user in db.Users.AsNoTracking()
            where user.DeactivatedAt == null
                && db.UserRoles.Any(ur => ur.UserId == user.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!)))
            orderby user.DisplayName
            select new StaffRef(user.Id, user.DisplayName, user.Organisation)).ToListAsync(cancellationToken);
        var members = await db.SteeringRoundMembers.AsNoTracking().ToListAsync(cancellationToken);
        return (candidates, Enum.GetValues<SteeringRoundKind>().ToDictionary(
            r => r, r => (IReadOnlySet<string>)members.Where(m => m.Round == r).Select(m => m.StaffId).ToHashSet(StringComparer.Ordinal)));
    }

    public static CommandResult Conflict() => new() { Conflict = true, Message = ConflictMessage };

    internal static Task<bool> IsMemberAsync(CaseManagementDbContext db, StaffMember staff, SteeringRoundKind round, CancellationToken cancellationToken) =>
        db.SteeringRoundMembers.AsNoTracking().AnyAsync(m => m.Round == round && m.StaffId == staff.Id, cancellationToken);

    /// <summary>Invalid input, or personal data not yet confirmed by the writer (each client found is audited); null when the texts may be saved.</summary>
    /// <param name="where">Where the text stands, for the audit entry ("Lenkungsrunde", "Suchtbericht").</param>
    /// <param name="whatHoldsNoNames">The warning's rule, e.g. "Protokolle der Lenkungsrunden enthalten".</param>
    internal async Task<CommandResult?> RefusalAsync<T>(
        CaseManagementDbContext db, StaffMember actor, IValidator<T> validator, T input, bool confirmed, IEnumerable<string?> texts, CancellationToken cancellationToken,
        string where = "Lenkungsrunde", string whatHoldsNoNames = "Protokolle der Lenkungsrunden enthalten")
    {
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return CommandResult.Invalid(validation);
        }

        var found = await PersonalDataCheck.FindAsync(db, texts, cancellationToken);
        // Only clients the writer may read anyway: the warning must not tell anyone who is a client.
        var subjects = await ClientAccess.LoadFactsAsync(db, [.. found.Clients.Select(c => c.ClientId)], cancellationToken);
        var findings = found with
        {
            Clients = [.. found.Clients.Where(c => subjects.TryGetValue(c.ClientId, out var subject)
                && access.For(actor, subject.Facts).MayRead(DataCategory.MasterData))],
        };
        if (findings.Clients.Count > 0)
        {
            // In a context of its own: recorded whether or not the text is saved after the warning.
            await using var auditDb = await contextFactory.CreateDbContextAsync(cancellationToken);
            foreach (var client in findings.Clients)
            {
                audit.Add(auditDb, actor, AuditAction.SteeringTextNamedClient, client.ClientId, client.CaseNumber, DataCategory.MasterData, [where]);
            }

            await auditDb.SaveChangesAsync(cancellationToken);
        }

        if (confirmed || !findings.Any)
        {
            return null;
        }

        var named = findings.CaseNumbers.Select(n => $"die Fallnummer „{n}“")
            .Concat(findings.AddressedNames.Select(n => $"„{n}“"))
            .Concat(findings.Clients.Select(c => $"„{c.Written}“ (der Name einer Person in Ihren Fällen)"));
        return new CommandResult
        {
            Warnings =
            [
                new Warning(PersonalDataWarning,
                    $"Der Text enthält möglicherweise personenbezogene Daten: {string.Join(", ", named)}. "
                    + $"{whatHoldsNoNames} keine Namen oder Fallnummern von Klient:innen; bitte entfernen Sie sie "
                    + "oder bestätigen Sie, dass es keine sind (z. B. der Name einer Kollegin)."),
            ],
        };
    }

    private static async Task<CommandResult<uint>> SaveAsync(CaseManagementDbContext db, SteeringMeeting meeting, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict().As<uint>();
        }

        return CommandResult.Ok(meeting.RowVersion);
    }

    private static MeasureView View(SteeringMeasure m, IReadOnlyDictionary<Guid, DateOnly> days) =>
        new(m.Id, m.MeetingId, days.GetValueOrDefault(m.MeetingId), m.What, m.Who, m.DueBy, m.Status, m.Figure, m.ChangedAt, m.ChangedByName, m.RowVersion);

    private static void Apply(SteeringMeeting meeting, MeetingInput input, StaffMember actor, DateTimeOffset now)
    {
        meeting.HeldOn = input.HeldOn!.Value;
        meeting.Participants = input.Participants?.Trim() ?? "";
        meeting.Agenda = input.Agenda?.Trim() ?? "";
        meeting.Minutes = input.Minutes?.Trim() ?? "";
        meeting.Decisions = input.Decisions?.Trim() ?? "";
        Touch(meeting, actor, now);
    }

    private static void Apply(SteeringMeasure measure, MeasureInput input, StaffMember actor, DateTimeOffset now)
    {
        measure.What = input.What!.Trim();
        measure.Who = input.Who!.Trim();
        measure.DueBy = input.DueBy;
        measure.Status = input.Status;
        measure.Figure = string.IsNullOrEmpty(input.Figure) ? null : input.Figure;
        measure.ChangedAt = now;
        measure.ChangedByName = actor.DisplayName;
    }

    private static void Touch(SteeringMeeting meeting, StaffMember actor, DateTimeOffset now)
    {
        meeting.ChangedAt = now;
        meeting.ChangedByName = actor.DisplayName;
    }
}
