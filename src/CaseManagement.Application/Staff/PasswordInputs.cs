using CaseManagement.Domain.Staff;
using FluentValidation;

namespace CaseManagement.Application.Staff;

/// <summary>A staff member changes their own password.</summary>
public sealed class PasswordChangeInput
{
    public string CurrentPassword { get; set; } = "";

    public string NewPassword { get; set; } = "";

    public string Repeat { get; set; } = "";
}

/// <summary>The first password of one's own, instead of the initial password from Administration (at sign-in).</summary>
public sealed class NewPasswordInput
{
    public string NewPassword { get; set; } = "";

    public string Repeat { get; set; } = "";
}

/// <summary>A code of the authenticator app, to confirm setting it up or changing it.</summary>
public sealed class AuthenticatorCodeInput
{
    public const int MaxLength = 12;

    public string Code { get; set; } = "";
}

public sealed class PasswordChangeInputValidator : AbstractValidator<PasswordChangeInput>
{
    public PasswordChangeInputValidator()
    {
        RuleFor(x => x.CurrentPassword).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Bitte geben Sie Ihr bisheriges Passwort ein.")
            .FreeText("Bisheriges Passwort", PasswordPolicy.MaxLength);
        RuleFor(x => x.NewPassword).Cascade(CascadeMode.Stop).NewPassword();
        RuleFor(x => x.NewPassword)
            .Must((input, password) => password != input.CurrentPassword || password.Length == 0)
            .WithMessage("Das neue Passwort muss sich vom bisherigen unterscheiden.");
        RuleFor(x => x.Repeat).Cascade(CascadeMode.Stop)
            .FreeText("Neues Passwort wiederholen", PasswordPolicy.MaxLength)
            .Must((input, repeat) => repeat == input.NewPassword).WithMessage("Die Wiederholung stimmt nicht mit dem neuen Passwort überein.");
    }
}

public sealed class NewPasswordInputValidator : AbstractValidator<NewPasswordInput>
{
    public NewPasswordInputValidator()
    {
        RuleFor(x => x.NewPassword).Cascade(CascadeMode.Stop).NewPassword();
        RuleFor(x => x.Repeat).Cascade(CascadeMode.Stop)
            .FreeText("Neues Passwort wiederholen", PasswordPolicy.MaxLength)
            .Must((input, repeat) => repeat == input.NewPassword).WithMessage("Die Wiederholung stimmt nicht mit dem neuen Passwort überein.");
    }
}

public sealed class AuthenticatorCodeInputValidator : AbstractValidator<AuthenticatorCodeInput>
{
    public AuthenticatorCodeInputValidator()
    {
        RuleFor(x => x.Code).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Bitte geben Sie den sechsstelligen Code aus der Authenticator-App ein.")
            .FreeText("Code", AuthenticatorCodeInput.MaxLength)
            .Must(code => AuthenticatorCode.Normalise(code) is not null).WithMessage("Der Code besteht aus sechs Ziffern, z. B. 123 456.");
    }
}

internal static class PasswordRules
{
    /// <summary>What the form can say before the server checks the list of common passwords.</summary>
    public static IRuleBuilderOptions<T, string> NewPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("Bitte geben Sie ein neues Passwort ein.")
            .FreeText("Neues Passwort", PasswordPolicy.MaxLength)
            .MinimumLength(PasswordPolicy.MinLength)
            .WithMessage($"Das neue Passwort muss mindestens {PasswordPolicy.MinLength} Zeichen lang sein – gern ein Satz oder mehrere Wörter.");
}
