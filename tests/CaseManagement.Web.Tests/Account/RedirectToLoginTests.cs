using Bunit.TestDoubles;
using CaseManagement.Domain.Sessions;
using CaseManagement.Web.Account;
using CaseManagement.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.Web.Tests.Account;

public class RedirectToLoginTests : BunitContext
{
    private readonly CircuitSession _session = new();

    public RedirectToLoginTests()
    {
        Services.AddSingleton(_session);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void Without_an_ended_session_it_sends_the_page_to_the_sign_in_with_its_return_address()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/klienten");

        Render<RedirectToLogin>();

        Assert.Equal("http://localhost/konto/anmelden?returnUrl=%2Fklienten", Services.GetRequiredService<BunitNavigationManager>().Uri);
    }

    [Fact]
    public void A_tab_whose_session_ended_elsewhere_says_why_on_the_sign_in_page()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/klienten");
        _session.MarkEnded(SessionEndReason.SignedOut, fromThisTab: false);

        Render<RedirectToLogin>();

        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        Assert.Equal("http://localhost/konto/anmelden?grund=sitzung-beendet&returnUrl=%2Fklienten", navigation.Uri);
        Assert.True(navigation.History.First().Options.ForceLoad);
    }

    [Fact]
    public void A_page_rendered_without_a_live_connection_is_sent_to_the_sign_in_as_well()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/klienten");

        Render<RedirectToLogin>();

        Assert.Equal("http://localhost/konto/anmelden?returnUrl=%2Fklienten", Services.GetRequiredService<BunitNavigationManager>().Uri);
    }

    [Fact]
    public void The_tab_that_signed_out_is_left_to_its_own_form_post()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/klienten");
        _session.MarkEnded(SessionEndReason.SignedOut, fromThisTab: true);

        var notice = Render<RedirectToLogin>();

        Assert.Equal("http://localhost/klienten", Services.GetRequiredService<BunitNavigationManager>().Uri);
        Assert.Contains("Sie werden abgemeldet", notice.Markup);
    }
}
