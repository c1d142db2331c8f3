using CaseManagement.Application.Access;
using CaseManagement.Application.Audit;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Appointments;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Appointments;

/// <summary>
/// Every change of an appointment or contact. An appointment is changed by the organisation that
/// entered it (the single access decision, category Appointments, holder = that organisation);
/// each change carries the token the user started from, and a double booking is a warning the
/// user confirms, not a refusal.
/// </summary>
public sealed class AppointmentCommands(
    IDbContextFactory<CaseManagementDbContext> contextFactory,
    IValidator<AppointmentInput> appointmentValidator,
    IValidator<OutcomeInput> outcomeValidator,
    IValidator<QuickContactInput> contactValidator,
    ClientAccess access,
    AuditTrail audit,
    TimeProvider clock)
{
    public const string DoubleBookingWarning = "DoubleBooking";

    public const string ConflictMessage =
        "Jemand anderes hat diesen Termin inzwischen geändert. Ihre Eingaben stehen noch im Formular; bitte laden Sie den Termin neu und prüfen Sie sie.";

    /// <summary>A contact is entered once it has happened; a few minutes ahead allow for a clock that runs fast.</summary>
    private static readonly TimeSpan ContactClockTolerance = TimeSpan.FromMinutes(10);

    /// <summary>Plans an appointment. A double booking returns a warning unless <paramref name="confirmDoubleBooking"/>.</summary>
    public async Task<CommandResult<Guid>> CreateAsync(
        StaffMember actor, AppointmentInput input, bool confirmDoubleBooking, CancellationToken cancellationToken = default)
    {
        var validation = await appointmentValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return CommandResult.Invalid(validation).As<Guid>();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var client = await ClientForNewRecordAsync(db, actor, input.ClientId, cancellationToken);
        if (client.Refusal is not null)
        {
            return client.Refusal.As<Guid>();
        }

        var (plan, problem) = await PlanOfAsync(db, input, alreadyTakingPart: [], cancellationToken);
        if (problem is not null)
        {
            return problem.As<Guid>();
        }

        if (!confirmDoubleBooking && await DoubleBookingAsync(db, new ProposedAppointment(null, plan!.Start, plan.Duration, [.. input.ParticipantIds]), cancellationToken) is { } warning)
        {
            return warning.As<Guid>();
        }

        var now = clock.GetUtcNow();
        var appointment = Appointment.Schedule(input.ClientId, plan!, actor, now);
        db.Appointments.Add(appointment);
        AuditIfClient(db, actor, AuditAction.Created, appointment, client.CaseNumber, [appointment.Type.German(), DateText(appointment)]);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok(appointment.Id);
    }

    /// <summary>Moves or changes a planned appointment. Returns the new token.</summary>
    public async Task<CommandResult<uint>> UpdateAsync(
        StaffMember actor, Guid appointmentId, AppointmentInput input, uint token, bool confirmDoubleBooking, CancellationToken cancellationToken = default)
    {
        var validation = await appointmentValidator.ValidateAsync(input, cancellationToken);
        return await WithAppointmentAsync(actor, appointmentId, token, validation.IsValid ? null : CommandResult.Invalid(validation), async (db, appointment) =>
        {
            if (input.ClientId != appointment.ClientId)
            {
                return CommandResult.Invalid(nameof(AppointmentInput.ClientId), "Die Klientin oder der Klient eines Termins wird nicht nachträglich gewechselt. Bitte einen neuen Termin anlegen.");
            }

            var (plan, problem) = await PlanOfAsync(db, input, [.. appointment.Participants.Select(p => p.StaffId)], cancellationToken);
            if (problem is not null)
            {
                return problem;
            }

            // The recorded outcome must still hold at the new time: "attended" or "no-show" only once it has begun.
            var now = clock.GetUtcNow();
            if (AppointmentRules.CheckOutcome(plan!.Start, appointment.Outcome, appointment.CancelledBy, null, now)
                .FirstOrDefault(p => p.Rule == AppointmentRule.OutcomeBeforeStart) is { } tooEarly)
            {
                return CommandResult.Invalid(nameof(AppointmentInput.Date), tooEarly.Message);
            }

            if (!confirmDoubleBooking && await DoubleBookingAsync(db, new ProposedAppointment(appointment.Id, plan.Start, plan.Duration, [.. input.ParticipantIds]), cancellationToken) is { } warning)
            {
                return warning;
            }

            var before = AppointmentInput.From(appointment);
            appointment.Reschedule(plan, actor, now);
            return CommandResult.Ok<IReadOnlyList<string>>(ChangedFields(before, input));
        }, cancellationToken);
    }

    /// <summary>Records what became of the appointment (wahrgenommen, nicht erschienen, abgesagt) with a short note.</summary>
    public async Task<CommandResult<uint>> RecordOutcomeAsync(
        StaffMember actor, Guid appointmentId, OutcomeInput input, uint token, CancellationToken cancellationToken = default)
    {
        var validation = await outcomeValidator.ValidateAsync(input, cancellationToken);
        return await WithAppointmentAsync(actor, appointmentId, token, validation.IsValid ? null : CommandResult.Invalid(validation), (db, appointment) =>
        {
            var now = clock.GetUtcNow();
            var problems = AppointmentRules.CheckOutcome(appointment.Start, input.Outcome, input.CancelledBy, input.Note, now);
            if (problems.Count > 0)
            {
                return Task.FromResult(FieldErrors(problems.Select(p => (OutcomeField(p.Rule), p.Message))));
            }

            if (appointment.IsAnonymous && !string.IsNullOrWhiteSpace(input.Note))
            {
                return Task.FromResult(CommandResult.Invalid(nameof(OutcomeInput.Note), "Anonyme Kontakte enthalten keine Notiz, damit keine persönlichen Daten gespeichert werden."));
            }

            appointment.RecordOutcome(input.Outcome, input.CancelledBy, input.Note, actor, now);
            return Task.FromResult<CommandResult>(CommandResult.Ok<IReadOnlyList<string>>(["Ergebnis"]));
        }, cancellationToken);
    }

    /// <summary>Quick entry: a contact that has just happened, with the actor as participant and the outcome "wahrgenommen".</summary>
    public async Task<CommandResult<Guid>> RecordContactAsync(StaffMember actor, QuickContactInput input, CancellationToken cancellationToken = default)
    {
        var validation = await contactValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return CommandResult.Invalid(validation).As<Guid>();
        }

        var now = clock.GetUtcNow();
        if (input.Start > now + ContactClockTolerance)
        {
            return CommandResult.Invalid(nameof(QuickContactInput.StartTime), "Ein Kontakt wird erfasst, wenn er stattgefunden hat. Bitte die Uhrzeit prüfen – oder einen Termin planen.").As<Guid>();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var clientId = input.Anonymous ? null : input.ClientId;
        var client = await ClientForNewRecordAsync(db, actor, clientId, cancellationToken);
        if (client.Refusal is not null)
        {
            return client.Refusal.As<Guid>();
        }

        var plan = new AppointmentPlan(input.Type, input.Start!.Value, TimeSpan.FromMinutes(input.DurationMinutes),
            [new AppointmentParticipant(actor.Id, actor.Organisation)], input.Place, input.AccompanimentTarget);
        var problems = AppointmentRules.Check(plan);
        if (problems.Count > 0)
        {
            return FieldErrors(problems.Select(p => (PlanField(p.Rule), p.Message))).As<Guid>();
        }

        var appointment = Appointment.Schedule(clientId, plan, actor, now);
        appointment.RecordOutcome(AppointmentOutcome.Attended, null, input.Note, actor, now);
        db.Appointments.Add(appointment);
        AuditIfClient(db, actor, AuditAction.Created, appointment, client.CaseNumber, ["Kontakt", appointment.Type.German(), DateText(appointment)]);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok(appointment.Id);
    }

    private sealed record ClientCheck(CommandResult? Refusal, string? CaseNumber);

    /// <summary>A new appointment for a client is entered by a caseworker allowed to write the client's appointments for their own organisation.</summary>
    private async Task<ClientCheck> ClientForNewRecordAsync(CaseManagementDbContext db, StaffMember actor, Guid? clientId, CancellationToken cancellationToken)
    {
        if (clientId is not { } id)
        {
            return new(actor.IsCaseworker ? null : CommandResult.Missing(), null);
        }

        var permissions = await access.ForAsync(db, actor, id, DataCategory.Appointments, cancellationToken);
        if (permissions is null || !permissions.Allows(DataCategory.Appointments, actor.Organisation, AccessOperation.Write))
        {
            if (permissions is not null)
            {
                // ForAsync audits only users who may not know of the client; a team lead who may is refused here.
                await access.DeniedAsync(actor, id, DataCategory.Appointments, cancellationToken);
            }

            return new(CommandResult.Invalid(nameof(AppointmentInput.ClientId), "Für diese Akte können Sie keine Termine eintragen."), null);
        }

        var caseNumber = await db.Clients.Where(c => c.Id == id).Select(c => c.CaseNumber).SingleAsync(cancellationToken);
        return new(null, caseNumber);
    }

    /// <summary>
    /// The domain plan of the input, with the participants' organisations from the staff accounts; or
    /// the problems, by field. Someone who has left (a deactivated account) is added to no appointment;
    /// one already taking part stays on it when it is changed.
    /// </summary>
    private static async Task<(AppointmentPlan? Plan, CommandResult? Problem)> PlanOfAsync(
        CaseManagementDbContext db, AppointmentInput input, IReadOnlyCollection<string> alreadyTakingPart, CancellationToken cancellationToken)
    {
        var ids = input.ParticipantIds.Distinct(StringComparer.Ordinal).ToList();
        var staff = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id) && (u.DeactivatedAt == null || alreadyTakingPart.Contains(u.Id)))
            .Select(u => new { u.Id, u.Organisation })
            .ToListAsync(cancellationToken);
        if (staff.Count != ids.Count)
        {
            return (null, CommandResult.Invalid(nameof(AppointmentInput.ParticipantIds), "Eine der eingetragenen Personen gibt es nicht (mehr)."));
        }

        var participants = input.ParticipantIds.Select(id => new AppointmentParticipant(id, staff.Single(s => s.Id == id).Organisation)).ToList();
        var plan = new AppointmentPlan(input.Type!.Value, input.Start!.Value, TimeSpan.FromMinutes(input.DurationMinutes), participants, input.Place, input.AccompanimentTarget);
        var problems = AppointmentRules.Check(plan);
        return problems.Count == 0 ? (plan, null) : (null, FieldErrors(problems.Select(p => (PlanField(p.Rule), p.Message))));
    }

    /// <summary>The warning naming who is already booked then; null when nobody is.</summary>
    private static async Task<CommandResult?> DoubleBookingAsync(CaseManagementDbContext db, ProposedAppointment proposed, CancellationToken cancellationToken)
    {
        var ids = proposed.StaffIds.ToList();
        // Appointments last at most a day, so anything that starts more than a day earlier cannot overlap.
        var from = proposed.Start - AppointmentRules.MaxDuration;
        var nearby = await db.Appointments.AsNoTracking().Include(a => a.Participants)
            .Where(a => a.Start < proposed.End && a.Start > from && a.Participants.Any(p => ids.Contains(p.StaffId)))
            .ToListAsync(cancellationToken);
        var conflicts = DoubleBooking.Find(proposed, nearby.Select(a => a.Booking));
        if (conflicts.Count == 0)
        {
            return null;
        }

        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var lines = conflicts.Select(c => $"{names[c.StaffId]} hat zu dieser Zeit schon {string.Join(" und ", c.Appointments.Select(Slot))}.");
        return new CommandResult
        {
            Warnings = [new Warning(DoubleBookingWarning, "Doppelbuchung: " + string.Join(" ", lines) + " Trotzdem speichern?")],
            Message = "Bitte bestätigen Sie die Doppelbuchung oder wählen Sie eine andere Zeit.",
        };

        static string Slot(BookedAppointment a) =>
            $"einen Termin von {GermanCalendar.ToLocal(a.Start):HH:mm} bis {GermanCalendar.ToLocal(a.End):HH:mm} Uhr";
    }

    /// <summary>
    /// Loads the appointment, checks write access and the token, applies <paramref name="change"/>
    /// (which returns the changed fields for the audit) and saves both in one transaction.
    /// </summary>
    private async Task<CommandResult<uint>> WithAppointmentAsync(
        StaffMember actor, Guid appointmentId, uint token, CommandResult? invalidInput,
        Func<CaseManagementDbContext, Appointment, Task<CommandResult>> change, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var appointment = await db.Appointments.Include(a => a.Participants).SingleOrDefaultAsync(a => a.Id == appointmentId, cancellationToken);
        if (appointment is null)
        {
            return CommandResult.Missing().As<uint>();
        }

        var (refusal, caseNumber) = await CheckWriteAsync(db, actor, appointment, cancellationToken);
        if (refusal is not null)
        {
            return refusal.As<uint>();
        }

        if (invalidInput is not null)
        {
            return invalidInput.As<uint>();
        }

        if (appointment.RowVersion != token)
        {
            return Conflict().As<uint>();
        }

        var result = await change(db, appointment);
        if (!result.Succeeded)
        {
            return result.As<uint>();
        }

        var fields = (result as CommandResult<IReadOnlyList<string>>)?.Value ?? [];
        if (fields.Count == 0)
        {
            return CommandResult.Ok(appointment.RowVersion);
        }

        AuditIfClient(db, actor, AuditAction.Changed, appointment, caseNumber, [appointment.Type.German(), DateText(appointment), .. fields]);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict().As<uint>();
        }

        return CommandResult.Ok(appointment.RowVersion);
    }

    private async Task<(CommandResult? Refusal, string? CaseNumber)> CheckWriteAsync(
        CaseManagementDbContext db, StaffMember actor, Appointment appointment, CancellationToken cancellationToken)
    {
        if (appointment.ClientId is not { } clientId)
        {
            // Anonymous contacts carry no client data: the entering organisation's caseworkers keep them.
            return actor.IsCaseworker && actor.Organisation == appointment.HolderOrganisation ? (null, null) : (CommandResult.Missing(), null);
        }

        // ForAsync audits a user who may not know of the client; every other refusal is audited here.
        var permissions = await access.ForAsync(db, actor, clientId, DataCategory.Appointments, cancellationToken);
        if (permissions is null)
        {
            return (CommandResult.Missing(), null);
        }

        if (!permissions.Allows(DataCategory.Appointments, appointment.HolderOrganisation, AccessOperation.Read))
        {
            await access.DeniedAsync(actor, clientId, DataCategory.Appointments, cancellationToken);
            return (CommandResult.Missing(), null);
        }

        if (!permissions.Allows(DataCategory.Appointments, appointment.HolderOrganisation, AccessOperation.Write))
        {
            await access.DeniedAsync(actor, clientId, DataCategory.Appointments, cancellationToken);
            return (CommandResult.Invalid("", $"Diesen Termin hat {appointment.HolderOrganisation.WithArticle()} eingetragen; ändern kann ihn nur die zuständige Person dort."), null);
        }

        return (null, await db.Clients.Where(c => c.Id == clientId).Select(c => c.CaseNumber).SingleAsync(cancellationToken));
    }

    public static CommandResult Conflict() => new() { Conflict = true, Message = ConflictMessage };

    private void AuditIfClient(CaseManagementDbContext db, StaffMember actor, AuditAction action, Appointment appointment, string? caseNumber, IEnumerable<string> fields)
    {
        if (appointment.ClientId is { } clientId)
        {
            audit.Add(db, actor, action, clientId, caseNumber, DataCategory.Appointments, fields);
        }
    }

    private static string DateText(Appointment appointment) =>
        $"{GermanCalendar.Format(DateOnly.FromDateTime(GermanCalendar.ToLocal(appointment.Start).DateTime))} {GermanCalendar.ToLocal(appointment.Start):HH:mm}";

    private static List<string> ChangedFields(AppointmentInput before, AppointmentInput after)
    {
        var fields = new List<string>();
        if (before.Type != after.Type) { fields.Add("Art"); }
        if (before.Date != after.Date || before.StartTime != after.StartTime) { fields.Add("Zeit"); }
        if (before.DurationMinutes != after.DurationMinutes) { fields.Add("Dauer"); }
        if (Text(before.Place) != Text(after.Place)) { fields.Add("Ort"); }
        if (Text(before.AccompanimentTarget) != Text(after.AccompanimentTarget)) { fields.Add("Ziel der Begleitung"); }
        if (!before.ParticipantIds.Order(StringComparer.Ordinal).SequenceEqual(after.ParticipantIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)))
        {
            fields.Add("Teilnehmende");
        }

        return fields;

        static string Text(string? value) => value?.Trim() ?? "";
    }

    private static CommandResult FieldErrors(IEnumerable<(string Field, string Message)> problems)
    {
        var errors = problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
        return new CommandResult { Errors = errors, Message = errors.Values.First()[0] };
    }

    private static string PlanField(AppointmentRule rule) => rule switch
    {
        AppointmentRule.DurationOutOfRange => nameof(AppointmentInput.DurationMinutes),
        AppointmentRule.PlaceRequired => nameof(AppointmentInput.Place),
        AppointmentRule.AccompanimentTargetRequired => nameof(AppointmentInput.AccompanimentTarget),
        AppointmentRule.JointCounsellingNeedsBothOrganisations or AppointmentRule.OrganisationDoesNotMatchType
            or AppointmentRule.NoParticipant or AppointmentRule.ParticipantListedTwice => nameof(AppointmentInput.ParticipantIds),
        _ => "",
    };

    private static string OutcomeField(AppointmentRule rule) => rule switch
    {
        AppointmentRule.CancelledByRequired or AppointmentRule.CancelledByOnlyWhenCancelled => nameof(OutcomeInput.CancelledBy),
        AppointmentRule.NoteTooLong => nameof(OutcomeInput.Note),
        _ => nameof(OutcomeInput.Outcome),
    };
}
