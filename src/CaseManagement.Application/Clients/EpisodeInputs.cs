using CaseManagement.Domain;
using CaseManagement.Domain.Clients;
using FluentValidation;

namespace CaseManagement.Application.Clients;

public sealed class CloseEpisodeInput
{
    public DateOnly? EndedOn { get; set; }

    public ClosureReason? Reason { get; set; }
}

public sealed class CloseEpisodeInputValidator : AbstractValidator<CloseEpisodeInput>
{
    public CloseEpisodeInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.EndedOn).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Bitte geben Sie das Ende der Episode an.")
            .Must(d => d <= GermanCalendar.DateOf(clock.GetUtcNow())).WithMessage("Das Ende darf nicht in der Zukunft liegen.");
        RuleFor(x => x.Reason).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Bitte wählen Sie einen Abschlussgrund.")
            .IsInEnum().WithMessage("Bitte wählen Sie einen Abschlussgrund aus der Liste.");
    }
}

/// <summary>Drug-help episode data (KDS 3.0): health data, only the Drogenhilfe records it.</summary>
public sealed class HealthDataInput
{
    public ReferringBody ReferringBody { get; set; }

    public string? MainDiagnosis { get; set; }

    public string? SecondaryDiagnoses { get; set; }

    public string? ConditionsImposed { get; set; }
}

public sealed class HealthDataInputValidator : AbstractValidator<HealthDataInput>
{
    public HealthDataInputValidator()
    {
        RuleFor(x => x.ReferringBody).IsInEnum().WithMessage("Bitte wählen Sie die vermittelnde Instanz aus der Liste.");
        RuleFor(x => x.MainDiagnosis)
            .Must(code => string.IsNullOrWhiteSpace(code) || Icd10.IsAddictionDiagnosis(code.ToUpperInvariant()))
            .WithMessage("Die Hauptdiagnose muss ein ICD-10-Code aus F10–F19 oder F63.0 sein, z. B. F11.2.");
        RuleFor(x => x.SecondaryDiagnoses).Cascade(CascadeMode.Stop)
            .MaximumLength(TextLimits.SecondaryDiagnoses).WithMessage($"Die Nebendiagnosen dürfen höchstens {TextLimits.SecondaryDiagnoses} Zeichen lang sein.")
            .Matches(@"^[A-Za-z0-9., ]*\z").WithMessage("Nebendiagnosen bitte als ICD-10-Codes, durch Komma getrennt, z. B. F17.2, F43.1.");
        RuleFor(x => x.ConditionsImposed).Cascade(CascadeMode.Stop)
            .FreeText("Auflagen", TextLimits.ConditionsImposed);
    }
}

public sealed class NoteInput
{
    public string Text { get; set; } = "";
}

public sealed class NoteInputValidator : AbstractValidator<NoteInput>
{
    public NoteInputValidator()
    {
        RuleFor(x => x.Text).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Bitte schreiben Sie eine Notiz.")
            .FreeText("Notiz", TextLimits.InternalNote);
    }
}
