using CaseManagement.Domain.Staff;
using Microsoft.AspNetCore.Identity;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>
/// Identity's check of a new password against <see cref="PasswordPolicy"/>: common passwords,
/// the person's own name or address, runs and repetitions. Length and distinct characters are
/// Identity's own options (StaffAccountsRegistration).
/// </summary>
public sealed class StaffPasswordValidator : IPasswordValidator<StaffUser>
{
    public const string CommonCode = "PasswordCommon";
    public const string PersonalCode = "PasswordPersonal";
    public const string SequenceCode = "PasswordSequence";
    public const string TooLongCode = "PasswordTooLong";

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password)
    {
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Success);
        }

        if (password.Length > PasswordPolicy.MaxLength)
        {
            return Failed(TooLongCode, $"Das Passwort darf höchstens {PasswordPolicy.MaxLength} Zeichen lang sein.");
        }

        return PasswordPolicy.Check(password, [user.DisplayName, user.Email]) switch
        {
            PasswordProblem.Common => Failed(CommonCode,
                "Dieses Passwort gehört zu den häufigsten und wird bei Angriffen zuerst ausprobiert, auch mit angehängten Ziffern oder Zeichen. "
                + "Wählen Sie bitte ein anderes, etwa drei oder vier Wörter, die nur Sie verbinden."),
            PasswordProblem.Personal => Failed(PersonalCode,
                "Das Passwort darf nicht nur aus Ihrem Namen, Ihrer E-Mail-Adresse oder dem Namen der Einrichtung bestehen."),
            PasswordProblem.Sequence => Failed(SequenceCode,
                "Das Passwort besteht nur aus einer Zeichenfolge wie „123456…“ oder aus Wiederholungen. Wählen Sie bitte ein anderes."),
            _ => Task.FromResult(IdentityResult.Success),
        };
    }

    private static Task<IdentityResult> Failed(string code, string description) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = description }));
}
