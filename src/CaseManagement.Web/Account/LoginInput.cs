using FluentValidation;

namespace CaseManagement.Web.Account;

public sealed class LoginInput
{
    public string Email { get; set; } = "";

    public string Password { get; set; } = "";
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
    }
}
