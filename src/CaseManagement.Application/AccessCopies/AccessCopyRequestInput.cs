using CaseManagement.Application.Audit;
using FluentValidation;

namespace CaseManagement.Application.AccessCopies;

/// <summary>The person asking for their copy (Auskunftsersuchen): name and, to tell namesakes apart, birth date.</summary>
public sealed class AccessCopyRequestInput
{
    public string? Name { get; set; }

    public DateOnly? BirthDate { get; set; }

    public bool JobcenterNotes { get; set; }

    public bool DrugHelpNotes { get; set; }
}

public sealed class AccessCopyRequestInputValidator : AbstractValidator<AccessCopyRequestInput>
{
    public AccessCopyRequestInputValidator()
    {
        RuleFor(x => x.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Bitte geben Sie den Namen der Person an, die Auskunft verlangt.");
        RuleFor(x => x.Name).FreeText("Name", AuditFilterInput.PersonNameMaxLength);
    }
}
