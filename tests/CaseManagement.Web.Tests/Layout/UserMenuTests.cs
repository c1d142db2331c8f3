using Microsoft.Extensions.DependencyInjection;
using CaseManagement.Domain.Staff;
using CaseManagement.Web.Components.Layout;
using CaseManagement.Web.Tests.TestSupport;

namespace CaseManagement.Web.Tests.Layout;

public class UserMenuTests : StaffComponentTest
{
    public UserMenuTests() =>
        SignInAs(StaffPrincipal.Create(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Deniz Yılmaz"));

    [Fact]
    public void Shows_the_display_name_and_the_German_role_label_while_closed()
    {
        var menu = Render<UserMenu>();

        Assert.Equal("Deniz Yılmaz", menu.Find(".user-name").TextContent);
        Assert.Equal("Fachkraft Drogenhilfe", menu.Find(".user-role").TextContent);
        Assert.Equal("false", menu.Find("button.user-menu-toggle").GetAttribute("aria-expanded"));
        Assert.Empty(menu.FindAll("#user-menu-panel"));
    }

    [Fact]
    public void Clicking_the_toggle_opens_the_panel_with_organisation_and_sign_out()
    {
        var menu = Render<UserMenu>();

        menu.Find("button.user-menu-toggle").Click();

        Assert.Equal("true", menu.Find("button.user-menu-toggle").GetAttribute("aria-expanded"));
        var panel = menu.Find("#user-menu-panel");
        Assert.Contains("Drogenhilfe", panel.TextContent);
        Assert.Equal("Abmelden", panel.QuerySelector("form button[type=submit]")?.TextContent);
    }

    [Fact]
    public void The_panel_leads_to_the_own_sessions_and_second_factor()
    {
        var menu = Render<UserMenu>();

        menu.Find("button.user-menu-toggle").Click();

        Assert.Equal("Sicherheit und Sitzungen", menu.Find("#user-menu-panel a[href='/konto/sicherheit']").TextContent);
    }

    [Fact]
    public void The_sign_out_form_posts_with_an_antiforgery_token()
    {
        var menu = Render<UserMenu>();

        menu.Find("button.user-menu-toggle").Click();

        var form = menu.Find("#user-menu-panel form");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("test-token", form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value"));
    }

    [Fact]
    public void The_sign_out_form_names_its_tab_so_only_the_other_tabs_are_redirected()
    {
        var menu = Render<UserMenu>();

        menu.Find("button.user-menu-toggle").Click();

        var tab = Services.GetRequiredService<CaseManagement.Web.Account.CircuitSession>().TabId;
        Assert.Equal(tab, menu.Find("#user-menu-panel form input[name=tab]").GetAttribute("value"));
    }

    [Fact]
    public void A_second_click_closes_the_panel()
    {
        var menu = Render<UserMenu>();

        menu.Find("button.user-menu-toggle").Click();
        menu.Find("button.user-menu-toggle").Click();

        Assert.Empty(menu.FindAll("#user-menu-panel"));
        Assert.Equal("false", menu.Find("button.user-menu-toggle").GetAttribute("aria-expanded"));
    }

    [Fact]
    public void Escape_closes_the_panel()
    {
        var menu = Render<UserMenu>();
        menu.Find("button.user-menu-toggle").Click();

        menu.Find(".user-menu").KeyDown(Key.Escape);

        Assert.Empty(menu.FindAll("#user-menu-panel"));
        Assert.Equal("false", menu.Find("button.user-menu-toggle").GetAttribute("aria-expanded"));
    }

    [Fact]
    public void Navigating_elsewhere_closes_the_panel()
    {
        var menu = Render<UserMenu>();
        menu.Find("button.user-menu-toggle").Click();

        Services.GetRequiredService<NavigationManager>().NavigateTo("/klienten");

        menu.WaitForAssertion(() => Assert.Empty(menu.FindAll("#user-menu-panel")));
    }

    [Fact]
    public void While_prerendered_the_toggle_is_disabled_so_no_click_is_lost()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var menu = Render<UserMenu>();

        Assert.True(menu.Find("button.user-menu-toggle").HasAttribute("disabled"));
    }
}
