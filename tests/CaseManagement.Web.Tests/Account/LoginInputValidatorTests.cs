using CaseManagement.Web.Account;

namespace CaseManagement.Web.Tests.Account;

public class LoginInputValidatorTests
{
    private readonly LoginInputValidator _validator = new();

    private IEnumerable<string> ErrorsFor(string email, string password, string property) =>
        _validator.Validate(new LoginInput { Email = email, Password = password })
            .Errors.Where(e => e.PropertyName == property).Select(e => e.ErrorMessage);

    [Fact]
    public void An_empty_email_asks_for_the_email_address()
    {
        Assert.Equal(["Bitte geben Sie Ihre E-Mail-Adresse ein."], ErrorsFor("", "geheim", nameof(LoginInput.Email)));
    }

    [Fact]
    public void An_empty_password_asks_for_the_password()
    {
        Assert.Equal(["Bitte geben Sie Ihr Passwort ein."], ErrorsFor("name@jobcenter.example", "", nameof(LoginInput.Password)));
    }

    [Theory]
    [InlineData("name.jobcenter.example")]
    [InlineData("name@")]
    [InlineData("@jobcenter.example")]
    public void A_malformed_email_asks_for_a_valid_address(string email)
    {
        var error = Assert.Single(ErrorsFor(email, "geheim", nameof(LoginInput.Email)));
        Assert.Contains("gültige E-Mail-Adresse", error);
    }

    [Fact]
    public void A_complete_input_is_valid()
    {
        var result = _validator.Validate(new LoginInput { Email = "fallmanagerin@jobcenter.example", Password = "Demo-Passwort-2026" });

        Assert.True(result.IsValid);
    }
}
