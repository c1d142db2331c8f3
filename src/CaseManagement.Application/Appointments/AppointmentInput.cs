using CaseManagement.Domain;
using CaseManagement.Domain.Appointments;
using FluentValidation;

namespace CaseManagement.Application.Appointments;

/// <summary>What the appointment form holds: the plan of a Termin, in Ludwigshafen wall-clock time.</summary>
public sealed class AppointmentInput
{
    public AppointmentType? Type { get; set; }

    /// <summary>Null only for an anonymous contact.</summary>
    public Guid? ClientId { get; set; }

    public DateOnly? Date { get; set; }

    public TimeOnly? StartTime { get; set; }

    public int DurationMinutes { get; set; } = 60;

    public string? Place { get; set; }

    public string? AccompanimentTarget { get; set; }

    public List<string> ParticipantIds { get; set; } = [];

    public DateTimeOffset? Start => Date is { } date && StartTime is { } time ? GermanCalendar.At(date, time) : null;

    public static AppointmentInput From(Appointment appointment)
    {
        var local = GermanCalendar.ToLocal(appointment.Start);
        return new()
        {
            Type = appointment.Type,
            ClientId = appointment.ClientId,
            Date = DateOnly.FromDateTime(local.DateTime),
            StartTime = TimeOnly.FromDateTime(local.DateTime),
            DurationMinutes = appointment.DurationMinutes,
            Place = appointment.Place,
            AccompanimentTarget = appointment.AccompanimentTarget,
            ParticipantIds = [.. appointment.Participants.Select(p => p.StaffId)],
        };
    }
}

/// <summary>The outcome of an appointment (Ergebnis), with the short note.</summary>
public sealed class OutcomeInput
{
    public AppointmentOutcome Outcome { get; set; } = AppointmentOutcome.Attended;

    public CancelledBy? CancelledBy { get; set; }

    public string? Note { get; set; }
}

/// <summary>
/// The quick entry of a contact that has just happened (Kontakt erfassen), made for a phone on the
/// street: the person entering it is the participant and the client came (wahrgenommen).
/// </summary>
public sealed class QuickContactInput
{
    public AppointmentType Type { get; set; } = AppointmentType.Outreach;

    /// <summary>Anonym: no client record; only outreach and crisis intervention.</summary>
    public bool Anonymous { get; set; }

    public Guid? ClientId { get; set; }

    public DateOnly? Date { get; set; }

    public TimeOnly? StartTime { get; set; }

    public int DurationMinutes { get; set; } = 15;

    public string? Place { get; set; }

    public string? AccompanimentTarget { get; set; }

    /// <summary>Short note on the contact; not for anonymous contacts (they carry no personal data).</summary>
    public string? Note { get; set; }

    public DateTimeOffset? Start => Date is { } date && StartTime is { } time ? GermanCalendar.At(date, time) : null;
}

/// <summary>Field rules shared by the appointment form and the quick entry.</summary>
internal static class AppointmentFieldRules
{
    public const int MinDurationMinutes = 5;
    public const int MaxDurationMinutes = 24 * 60;

    public static void DurationInRange<T>(IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(MinDurationMinutes, MaxDurationMinutes)
            .WithMessage($"Die Dauer muss zwischen {MinDurationMinutes} Minuten und 24 Stunden liegen.");
}

public sealed class AppointmentInputValidator : AbstractValidator<AppointmentInput>
{
    public AppointmentInputValidator()
    {
        RuleFor(i => i.Type).NotNull().WithMessage("Bitte die Art des Termins wählen.")
            .IsInEnum().WithMessage("Bitte die Art des Termins wählen.");
        RuleFor(i => i.ClientId).NotNull()
            .When(i => i.Type is not { } type || !AppointmentRules.MayBeAnonymous(type))
            .WithMessage("Bitte die Klientin oder den Klienten wählen.");
        RuleFor(i => i.Date).NotNull().WithMessage("Bitte das Datum angeben.");
        RuleFor(i => i.StartTime).NotNull().WithMessage("Bitte die Uhrzeit angeben.");
        AppointmentFieldRules.DurationInRange(RuleFor(i => i.DurationMinutes));
        RuleFor(i => i.Place).NotEmpty().When(i => i.Type is { } type && AppointmentRules.RequiresPlace(type))
            .WithMessage("Bei einem aufsuchenden Kontakt bitte den Ort angeben.");
        RuleFor(i => i.Place).FreeText("Ort", AppointmentRules.PlaceMaxLength);
        RuleFor(i => i.AccompanimentTarget).NotEmpty().When(i => i.Type is { } type && AppointmentRules.RequiresAccompanimentTarget(type))
            .WithMessage("Bei einer Begleitung bitte angeben, wohin begleitet wird (Behörde, Praxis, Klinik).");
        RuleFor(i => i.AccompanimentTarget).FreeText("Begleitung zu", AppointmentRules.PlaceMaxLength);
        RuleFor(i => i.ParticipantIds).NotEmpty().WithMessage("Bitte mindestens eine Mitarbeiterin oder einen Mitarbeiter eintragen.");
    }
}

public sealed class OutcomeInputValidator : AbstractValidator<OutcomeInput>
{
    public OutcomeInputValidator()
    {
        RuleFor(i => i.Outcome).IsInEnum().WithMessage("Bitte das Ergebnis wählen.");
        RuleFor(i => i.CancelledBy).NotNull().When(i => i.Outcome == AppointmentOutcome.Cancelled)
            .WithMessage("Bitte angeben, wer den Termin abgesagt hat.");
        RuleFor(i => i.Note).FreeText("Kurznotiz", AppointmentRules.NoteMaxLength);
    }
}

public sealed class QuickContactInputValidator : AbstractValidator<QuickContactInput>
{
    public QuickContactInputValidator()
    {
        RuleFor(i => i.Type).Must(type => type is AppointmentType.Outreach or AppointmentType.Accompaniment or AppointmentType.CrisisIntervention)
            .WithMessage("Schnell erfasst werden aufsuchende Kontakte, Begleitungen und Kriseninterventionen.");
        RuleFor(i => i.ClientId).NotNull().When(i => !i.Anonymous)
            .WithMessage("Bitte die Klientin oder den Klienten wählen – oder „anonym“ ankreuzen.");
        RuleFor(i => i.Anonymous).Equal(false).When(i => !AppointmentRules.MayBeAnonymous(i.Type))
            .WithMessage("Eine Begleitung wird immer für eine bekannte Klientin oder einen bekannten Klienten erfasst.");
        RuleFor(i => i.Note).Empty().When(i => i.Anonymous)
            .WithMessage("Anonyme Kontakte enthalten keine Notiz, damit keine persönlichen Daten gespeichert werden.");
        RuleFor(i => i.Note).FreeText("Kurznotiz", AppointmentRules.NoteMaxLength);
        RuleFor(i => i.Date).NotNull().WithMessage("Bitte das Datum angeben.");
        RuleFor(i => i.StartTime).NotNull().WithMessage("Bitte die Uhrzeit angeben.");
        AppointmentFieldRules.DurationInRange(RuleFor(i => i.DurationMinutes));
        RuleFor(i => i.Place).NotEmpty().When(i => AppointmentRules.RequiresPlace(i.Type))
            .WithMessage("Bitte den Ort angeben.");
        RuleFor(i => i.Place).FreeText("Ort", AppointmentRules.PlaceMaxLength);
        RuleFor(i => i.AccompanimentTarget).NotEmpty().When(i => AppointmentRules.RequiresAccompanimentTarget(i.Type))
            .WithMessage("Bitte angeben, wohin begleitet wurde (Behörde, Praxis, Klinik).");
        RuleFor(i => i.AccompanimentTarget).FreeText("Begleitung zu", AppointmentRules.PlaceMaxLength);
    }
}
