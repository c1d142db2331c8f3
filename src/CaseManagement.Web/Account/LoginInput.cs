using FluentValidation;

namespace CaseManagement.Web.Account;

public sealed class LoginInput
{
    public string Email { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>Only for accounts with a second factor: six digits of the authenticator app, or a recovery code.</summary>
    public string? Code { get; set; }
}

public sealed class LoginInputValidator : AbstractValidator<LoginInput>
{
    public LoginInputValidator()
    {
        RuleFor(x => x.Email).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Bitte geben Sie Ihre E-Mail-Adresse ein.")
            .MaximumLength(256).WithMessage("Die E-Mail-Adresse darf höchstens 256 Zeichen lang sein.")
            .EmailAddress().WithMessage("Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@jobcenter.example.");
        RuleFor(x => x.Password).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Bitte geben Sie Ihr Passwort ein.")
            .MaximumLength(256).WithMessage("Das Passwort darf höchstens 256 Zeichen lang sein.");
        RuleFor(x => x.Code)
            .MaximumLength(CodeMaxLength).WithMessage($"Der Bestätigungscode hat höchstens {CodeMaxLength} Zeichen.");
    }

    /// <summary>A recovery code with its dash and a few spaces.</summary>
    public const int CodeMaxLength = 20;
}
