using System.Text.RegularExpressions;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Identity;
using FluentValidation;

namespace CaseManagement.Application.Staff;

/// <summary>An account as Administration creates or changes it. Strings stay as typed; they are trimmed when saved.</summary>
public sealed class AccountInput
{
    public string DisplayName { get; set; } = "";

    public string Email { get; set; } = "";

    /// <summary>Nullable so that the form starts without a choice and "required" means something.</summary>
    public Organisation? Organisation { get; set; }

    /// <summary>One of <see cref="StaffRole.All"/>.</summary>
    public string? Role { get; set; }

    public string? Team { get; set; }

    public static AccountInput From(AccountDetail account) => new()
    {
        DisplayName = account.DisplayName,
        Email = account.Email,
        Organisation = account.Organisation,
        Role = account.Role,
        Team = account.Team,
    };
}

public sealed partial class AccountInputValidator : AbstractValidator<AccountInput>
{
    public const int EmailMaxLength = 256;

    public AccountInputValidator()
    {
        RuleFor(x => x.DisplayName).Cascade(CascadeMode.Stop)
            .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("Bitte geben Sie den Namen ein, wie ihn die Kolleg:innen lesen sollen.")
            .FreeText("Name", StaffUser.DisplayNameMaxLength);
        RuleFor(x => x.Email).Cascade(CascadeMode.Stop)
            .Must(email => !string.IsNullOrWhiteSpace(email)).WithMessage("Bitte geben Sie die dienstliche E-Mail-Adresse ein; mit ihr meldet sich die Person an.")
            .FreeText("E-Mail-Adresse", EmailMaxLength)
            .Must(email => EmailPattern().IsMatch((email ?? "").Trim())).WithMessage("Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. vorname.nachname@jobcenter.example.");
        RuleFor(x => x.Organisation).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Bitte wählen Sie die Organisation.")
            .IsInEnum().WithMessage("Bitte wählen Sie die Organisation.");
        RuleFor(x => x.Role).Cascade(CascadeMode.Stop)
            .Must(role => role is not null && StaffRole.All.Contains(role)).WithMessage("Bitte wählen Sie die Rolle.")
            .Must((input, role) => input.Organisation is not { } organisation || StaffRole.IsAllowedFor(role!, organisation))
            .WithMessage((input, role) => $"Die Rolle „{StaffRole.GermanLabel(role!)}“ gibt es {In(input.Organisation)} nicht.");
        RuleFor(x => x.Team).Cascade(CascadeMode.Stop).FreeText("Team", StaffUser.TeamMaxLength);
    }

    private static string In(Organisation? organisation) =>
        organisation == Domain.Staff.Organisation.Jobcenter ? "beim Jobcenter" : "bei der Drogenhilfe";

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
