using FluentValidation;

namespace CaseManagement.Application.Team;

/// <summary>A team lead's hand-over of one case: to whom, and why (the reason reaches both people and the audit log).</summary>
public sealed class HandOverInput
{
    public string? NewResponsibleId { get; set; }

    public string? Reason { get; set; }
}

public sealed class HandOverInputValidator : AbstractValidator<HandOverInput>
{
    public HandOverInputValidator()
    {
        RuleFor(x => x.NewResponsibleId).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Bitte wählen Sie die neue zuständige Person.")
            .Must(TextRules.IsPlausibleId).WithMessage("Bitte wählen Sie die neue zuständige Person aus der Liste.");
        RuleFor(x => x.Reason).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Bitte geben Sie den Grund der Übergabe an; beide Personen lesen ihn in ihrer Mitteilung.")
            .FreeText("Grund der Übergabe", TextLimits.HandOverReason);
    }
}
