using CaseManagement.Application.Staff;
using CaseManagement.Domain.Staff;
using CaseManagement.Web.Components.Shared;

namespace CaseManagement.Web.Tests.Account;

public class AccountInputValidatorTests
{
    private static readonly AccountInputValidator Accounts = new();

    [Fact]
    public void A_complete_account_passes()
    {
        Assert.True(Accounts.Validate(new AccountInput
        {
            DisplayName = "Greta Neumann", Email = "greta.neumann@jobcenter.example", Organisation = Organisation.Jobcenter, Role = StaffRole.CaseManager,
        }).IsValid);
    }

    [Fact]
    public void A_role_of_the_other_organisation_is_refused_in_German()
    {
        var result = Accounts.Validate(new AccountInput
        {
            DisplayName = "Greta Neumann", Email = "greta.neumann@jobcenter.example", Organisation = Organisation.Jobcenter, Role = StaffRole.DrugHelpWorker,
        });

        Assert.Equal(["Die Rolle „Fachkraft Drogenhilfe“ gibt es beim Jobcenter nicht."], result.Errors.Select(e => e.ErrorMessage));
    }

    [Fact]
    public void Name_address_organisation_and_role_are_asked_for()
    {
        var fields = Accounts.Validate(new AccountInput { Email = "keine-adresse" }).Errors.Select(e => e.PropertyName).ToHashSet();

        Assert.Equal(new HashSet<string> { nameof(AccountInput.DisplayName), nameof(AccountInput.Email), nameof(AccountInput.Organisation), nameof(AccountInput.Role) }, fields);
    }

    [Theory]
    [InlineData("kurz", "mindestens 12 Zeichen")]
    [InlineData("", "Bitte geben Sie ein neues Passwort ein.")]
    public void A_new_password_needs_length_before_the_server_checks_the_list(string password, string expected)
    {
        var errors = new NewPasswordInputValidator().Validate(new NewPasswordInput { NewPassword = password, Repeat = password }).Errors;

        Assert.Contains(errors, e => e.ErrorMessage.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void The_new_password_differs_from_the_current_one_and_is_repeated_exactly()
    {
        var errors = new PasswordChangeInputValidator().Validate(new PasswordChangeInput
        {
            CurrentPassword = "Möwen über dem Rheinufer", NewPassword = "Möwen über dem Rheinufer", Repeat = "Möwen über dem Rhein",
        }).Errors.Select(e => e.ErrorMessage).ToList();

        Assert.Contains("Das neue Passwort muss sich vom bisherigen unterscheiden.", errors);
        Assert.Contains("Die Wiederholung stimmt nicht mit dem neuen Passwort überein.", errors);
    }

    [Theory]
    [InlineData("123456", true)]
    [InlineData("123 456", true)]
    [InlineData("12345", false)]
    [InlineData("abcdef", false)]
    public void A_code_of_the_app_is_six_digits(string code, bool valid) =>
        Assert.Equal(valid, new AuthenticatorCodeInputValidator().Validate(new AuthenticatorCodeInput { Code = code }).IsValid);

    [Theory]
    [InlineData(12 * 60 * 60, "12 Stunden")]
    [InlineData(30 * 60, "30 Minuten")]
    [InlineData(60, "1 Minute")]
    [InlineData(20, "20 Sekunden")]
    public void Limits_are_named_in_their_largest_whole_unit(int seconds, string expected) =>
        Assert.Equal(expected, GermanFormat.Duration(TimeSpan.FromSeconds(seconds)));
}
