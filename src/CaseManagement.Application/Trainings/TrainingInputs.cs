using CaseManagement.Domain;
using CaseManagement.Domain.Trainings;
using FluentValidation;

namespace CaseManagement.Application.Trainings;

/// <summary>A topic of the catalogue as the form edits it.</summary>
public sealed class TrainingInput
{
    public string? Title { get; set; }

    public string? Description { get; set; }

    public TrainingAudience? Audience { get; set; }

    /// <summary>Months until it is to be refreshed; empty for once.</summary>
    public int? RefreshMonths { get; set; }

    public bool IsActive { get; set; } = true;

    public static TrainingInput From(TrainingView training) => new()
    {
        Title = training.Title,
        Description = training.Description,
        Audience = training.Audience,
        RefreshMonths = training.RefreshMonths,
        IsActive = training.IsActive,
    };
}

/// <summary>A session as the form edits it.</summary>
public sealed class SessionInput
{
    public DateOnly? HeldOn { get; set; }

    public string? Trainer { get; set; }

    public string? Place { get; set; }

    public static SessionInput From(SessionView session) => new()
    {
        HeldOn = session.HeldOn,
        Trainer = session.Trainer,
        Place = session.Place,
    };
}

/// <summary>Whom to register for a session.</summary>
public sealed class RegistrationInput
{
    public string? StaffId { get; set; }
}

/// <summary>A person's attendance as the row of the list sets it.</summary>
public sealed class AttendanceInput
{
    public AttendanceStatus? Status { get; set; }
}

internal sealed class TrainingInputValidator : AbstractValidator<TrainingInput>
{
    public TrainingInputValidator()
    {
        RuleFor(x => x.Title).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Bitte geben Sie das Thema der Fortbildung an.")
            .FreeText("Thema", Training.TitleMaxLength);
        RuleFor(x => x.Description).FreeText("Beschreibung", Training.DescriptionMaxLength);
        RuleFor(x => x.Audience).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Bitte wählen Sie, für wen die Fortbildung gedacht ist.")
            .Must(a => a is TrainingAudience.Jobcenter or TrainingAudience.DrugHelpService or TrainingAudience.Both)
            .WithMessage("Bitte wählen Sie Jobcenter, Drogenhilfe oder beide.");
        RuleFor(x => x.RefreshMonths)
            .Must(m => m is null || (m >= TrainingRules.MinRefreshMonths && m <= TrainingRules.MaxRefreshMonths))
            .WithMessage($"Die Auffrischung liegt zwischen {TrainingRules.MinRefreshMonths} und {TrainingRules.MaxRefreshMonths} Monaten; leer heißt: einmalig.");
    }
}

internal sealed class SessionInputValidator : AbstractValidator<SessionInput>
{
    public SessionInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.HeldOn).NotNull().WithMessage("Bitte geben Sie das Datum des Termins an.")
            .Must(day => day is null || (day.Value.Year >= 2000 && day.Value <= GermanCalendar.DateOf(clock.GetUtcNow()).AddYears(2)))
            .WithMessage("Das Datum muss zwischen 2000 und zwei Jahren ab heute liegen.");
        RuleFor(x => x.Trainer).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Bitte nennen Sie, wer die Fortbildung hält.")
            .FreeText("Referent:in", TrainingSession.TrainerMaxLength);
        RuleFor(x => x.Place).FreeText("Ort", TrainingSession.PlaceMaxLength);
    }
}

internal sealed class RegistrationInputValidator : AbstractValidator<RegistrationInput>
{
    public RegistrationInputValidator()
    {
        RuleFor(x => x.StaffId).Cascade(CascadeMode.Stop)
            .Must(id => !string.IsNullOrWhiteSpace(id)).WithMessage("Bitte wählen Sie eine Person.")
            .FreeText("Person", 450);
    }
}

internal sealed class AttendanceInputValidator : AbstractValidator<AttendanceInput>
{
    public AttendanceInputValidator()
    {
        RuleFor(x => x.Status).NotNull().WithMessage("Bitte wählen Sie einen Stand.")
            .IsInEnum().WithMessage("Bitte wählen Sie angemeldet, teilgenommen oder nicht teilgenommen.");
    }
}
