using CaseManagement.Domain.Retention;
using FluentValidation;

namespace CaseManagement.Application.Retention;

/// <summary>The retention periods as Administration sets them.</summary>
public sealed class RetentionPeriodsInput
{
    public int ClosedCaseYears { get; set; } = RetentionRules.DefaultClosedCaseYears;

    public int AuditYears { get; set; } = RetentionRules.DefaultAuditYears;
}

public sealed class RetentionPeriodsInputValidator : AbstractValidator<RetentionPeriodsInput>
{
    public RetentionPeriodsInputValidator()
    {
        RuleFor(x => x.ClosedCaseYears).InclusiveBetween(RetentionRules.MinYears, RetentionRules.MaxYears)
            .WithMessage($"Bitte geben Sie eine Frist zwischen {RetentionRules.MinYears} und {RetentionRules.MaxYears} Jahren an.");
        RuleFor(x => x.AuditYears).InclusiveBetween(RetentionRules.MinYears, RetentionRules.MaxYears)
            .WithMessage($"Bitte geben Sie eine Frist zwischen {RetentionRules.MinYears} und {RetentionRules.MaxYears} Jahren an.");
    }
}

/// <summary>A legal hold on one case: why it must not be removed yet.</summary>
public sealed class RetentionHoldInput
{
    public string? Reason { get; set; }
}

public sealed class RetentionHoldInputValidator : AbstractValidator<RetentionHoldInput>
{
    public RetentionHoldInputValidator()
    {
        RuleFor(x => x.Reason).Must(r => !string.IsNullOrWhiteSpace(r))
            .WithMessage("Bitte geben Sie den Grund der Löschsperre an (etwa ein laufendes Verfahren oder eine Beschwerde).");
        RuleFor(x => x.Reason).FreeText("Grund der Löschsperre", RetentionHold.ReasonMaxLength);
    }
}
