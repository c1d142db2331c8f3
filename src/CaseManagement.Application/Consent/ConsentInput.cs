using CaseManagement.Domain;
using CaseManagement.Domain.Consent;
using FluentValidation;

namespace CaseManagement.Application.Consent;

/// <summary>The consent form: what the client signed.</summary>
public sealed class ConsentInput
{
    public bool MasterData { get; set; }

    public bool HelpPlan { get; set; }

    public bool Appointments { get; set; }

    public bool Referrals { get; set; }

    public bool HealthData { get; set; }

    /// <summary>Art. 9 GDPR: health data must be named explicitly in the signed form.</summary>
    public bool HealthDataNamedExplicitly { get; set; }

    public bool JobcenterToDrugHelp { get; set; }

    public bool DrugHelpToJobcenter { get; set; }

    public string Purpose { get; set; } = "";

    public DateOnly? SignedOn { get; set; }

    public DateOnly? ValidUntil { get; set; }

    public ConsentScope Scope =>
        (MasterData ? ConsentScope.MasterData : 0) | (HelpPlan ? ConsentScope.HelpPlan : 0)
        | (Appointments ? ConsentScope.Appointments : 0) | (Referrals ? ConsentScope.Referrals : 0)
        | (HealthData ? ConsentScope.HealthData : 0);

    public ConsentDirections Directions =>
        (JobcenterToDrugHelp ? ConsentDirections.JobcenterToDrugHelp : 0) | (DrugHelpToJobcenter ? ConsentDirections.DrugHelpToJobcenter : 0);
}

public sealed class ConsentInputValidator : AbstractValidator<ConsentInput>
{
    public ConsentInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.MasterData).Must((x, _) => x.Scope != ConsentScope.None)
            .WithMessage("Bitte wählen Sie mindestens einen Datenbereich, den die Einwilligung umfasst.");
        RuleFor(x => x.JobcenterToDrugHelp).Must((x, _) => x.Directions != ConsentDirections.None)
            .WithMessage("Bitte wählen Sie mindestens eine Richtung der Weitergabe.");
        RuleFor(x => x.HealthDataNamedExplicitly).Equal(true).When(x => x.HealthData)
            .WithMessage("Gesundheitsdaten (Art. 9 DSGVO) dürfen nur weitergegeben werden, wenn die unterschriebene Einwilligung sie ausdrücklich nennt.");
        RuleFor(x => x.Purpose).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Bitte geben Sie den Zweck der Weitergabe an.")
            .FreeText("Zweck", TextLimits.ConsentPurpose);
        RuleFor(x => x.SignedOn).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Bitte geben Sie an, wann die Einwilligung unterschrieben wurde.")
            .Must(d => d >= new DateOnly(2000, 1, 1)).WithMessage("Das Unterschriftsdatum darf nicht vor dem 01.01.2000 liegen.")
            .Must(d => d <= GermanCalendar.DateOf(clock.GetUtcNow())).WithMessage("Das Unterschriftsdatum darf nicht in der Zukunft liegen.");
        RuleFor(x => x.ValidUntil)
            .Must((x, until) => until is null || x.SignedOn is null || until >= x.SignedOn)
            .WithMessage("„Gültig bis“ darf nicht vor dem Unterschriftsdatum liegen.")
            .Must((x, until) => until is null || x.SignedOn is null || until <= x.SignedOn.Value.AddYears(5))
            .WithMessage("Eine Einwilligung gilt höchstens fünf Jahre; bitte holen Sie danach eine neue ein.");
    }
}

public sealed class RevocationInput
{
    public string? Note { get; set; }
}

public sealed class RevocationInputValidator : AbstractValidator<RevocationInput>
{
    public RevocationInputValidator()
    {
        RuleFor(x => x.Note).Cascade(CascadeMode.Stop).FreeText("Bemerkung zum Widerruf", TextLimits.RevocationNote);
    }
}
