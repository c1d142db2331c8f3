using CaseManagement.Domain.Sessions;
using CaseManagement.Web.Account;

namespace CaseManagement.Web.Tests.Account;

public class SignInNoticeTests
{
    [Theory]
    [InlineData(SessionEndReason.SignedOut, "sitzung-beendet")]
    [InlineData(SessionEndReason.AccountChanged, "konto-geaendert")]
    [InlineData(SessionEndReason.IdleTimeout, "inaktiv")]
    [InlineData(SessionEndReason.AbsoluteTimeout, "zeitlimit")]
    [InlineData(SessionEndReason.EndedFromSessionList, "beendet")]
    [InlineData(SessionEndReason.AccountDeactivated, "deaktiviert")]
    [InlineData(SessionEndReason.PasswordChanged, "passwort-geaendert")]
    [InlineData(null, "abgelaufen")]
    public void Every_end_of_a_session_has_a_German_reason(SessionEndReason? reason, string key)
    {
        Assert.Equal(key, SignInNotice.For(reason));
        Assert.StartsWith(key == "abgelaufen" ? "Ihre Anmeldung" : "Sie wurden abgemeldet", SignInNotice.TextOf(key));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Sie wurden gehackt")]
    [InlineData("ABGEMELDET")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_outside_the_fixed_list_shows_nothing(string? key) =>
        Assert.Null(SignInNotice.TextOf(key));
}
