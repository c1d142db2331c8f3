using CaseManagement.Application.Staff;
using CaseManagement.Web.Components.Pages.Account;

namespace CaseManagement.Web.Tests.Account;

public class SecondFactorComponentTests : BunitContext
{
    [Fact]
    public void Enrolment_shows_a_QR_code_and_the_key_in_groups_of_four_for_typing()
    {
        var setup = new AuthenticatorSetup("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "otpauth://totp/Fallverbund:a%40b.example?secret=ABCDEFGHIJKLMNOPQRSTUVWXYZ");

        var enrolment = Render<AuthenticatorEnrolment>(parameters => parameters.Add(p => p.Setup, setup));

        var image = enrolment.Find("img.qr-code");
        Assert.StartsWith("data:image/png;base64,iVBORw0KGgo", image.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Contains("QR-Code", image.GetAttribute("alt"), StringComparison.Ordinal);
        Assert.Equal("ABCD EFGH IJKL MNOP QRST UVWX YZ", enrolment.Find("#authenticator-key").TextContent);
    }

    [Fact]
    public void Recovery_codes_are_listed_each_on_its_own()
    {
        var list = Render<RecoveryCodeList>(parameters => parameters.Add(p => p.Codes, ["ABCD-1234", "EFGH-5678"]));

        Assert.Equal(["ABCD-1234", "EFGH-5678"], list.FindAll(".code-list li code").Select(c => c.TextContent));
        Assert.Contains("jeder gilt einmal", list.Markup, StringComparison.Ordinal);
    }
}
