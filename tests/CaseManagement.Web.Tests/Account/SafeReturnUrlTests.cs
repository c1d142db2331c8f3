using CaseManagement.Web.Account;

namespace CaseManagement.Web.Tests.Account;

public class SafeReturnUrlTests
{
    [Theory]
    [InlineData("/klienten")]
    [InlineData("/verwaltung/konten")]
    public void A_path_of_this_application_is_kept(string returnUrl)
    {
        Assert.Equal(returnUrl, AccountEndpoints.SafeReturnUrl(returnUrl));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("klienten")]
    public void Anything_else_leads_to_the_start_page(string? returnUrl)
    {
        Assert.Equal("/", AccountEndpoints.SafeReturnUrl(returnUrl));
    }
}
