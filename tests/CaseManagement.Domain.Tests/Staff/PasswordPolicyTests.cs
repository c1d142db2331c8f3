using CaseManagement.Domain.Staff;

namespace CaseManagement.Domain.Tests.Staff;

public sealed class PasswordPolicyTests
{
    private static readonly string?[] Nobody = [];

    [Theory]
    [InlineData("Passwort1234")]
    [InlineData("passwort2026")]
    [InlineData("!Sommer2026!!")]
    [InlineData("P@ssw0rd2026")]
    [InlineData("Hallo123456789")]
    public void The_most_common_passwords_and_their_decorations_are_refused(string password) =>
        Assert.Equal(PasswordProblem.Common, PasswordPolicy.Check(password, Nobody));

    [Theory]
    [InlineData("123456789012")]
    [InlineData("abcdefghijklm")]
    [InlineData("987654321098")]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("abcabcabcabc")]
    public void Runs_and_repetitions_are_refused(string password) =>
        Assert.Equal(PasswordProblem.Sequence, PasswordPolicy.Check(password, Nobody));

    [Theory]
    [InlineData("Mustermann2026!")]
    [InlineData("erika.mustermann")]
    [InlineData("Jobcenter-Ludwigshafen")]
    public void A_password_of_nothing_but_the_persons_name_address_or_the_product_is_refused(string password) =>
        Assert.Equal(PasswordProblem.Personal, PasswordPolicy.Check(password, ["Erika Mustermann", "erika.mustermann@jobcenter.example"]));

    [Theory]
    [InlineData("kaffee fahrrad regenschirm")]
    [InlineData("Demo-Passwort-2026")]
    [InlineData("meine katze heißt mimi")]
    [InlineData("Erika mag grünen Tee")]
    public void Long_passphrases_without_digits_capitals_or_symbols_pass(string password) =>
        Assert.Null(PasswordPolicy.Check(password, ["Erika Mustermann", "erika.mustermann@jobcenter.example"]));

    [Fact]
    public void The_shipped_list_is_loaded()
    {
        Assert.True(PasswordPolicy.CommonPasswordCount > 400, $"only {PasswordPolicy.CommonPasswordCount} common passwords loaded");
    }
}
