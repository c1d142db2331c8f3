using CaseManagement.Domain.Staff;
using CaseManagement.Web.Components.Layout;
using CaseManagement.Web.Tests.TestSupport;

namespace CaseManagement.Web.Tests.Layout;

public class NavMenuTests : StaffComponentTest
{
    /// <summary>What each role must find in the main navigation, written out by hand on purpose.</summary>
    public static TheoryData<string, string[]> ExpectedEntries => new()
    {
        { StaffRole.CaseManager, ["Start", "Klient:innen", "Termine", "Kontakt erfassen", "Meine Fortbildungen", "Netzwerkpartner"] },
        { StaffRole.DrugHelpWorker, ["Start", "Klient:innen", "Termine", "Kontakt erfassen", "Meine Fortbildungen", "Netzwerkpartner"] },
        { StaffRole.TeamLeadJobcenter, ["Start", "Team", "Fortbildungen im Team", "Meine Fortbildungen", "Kennzahlen", "Bedarfsanalyse", "Lenkungsrunden"] },
        { StaffRole.TeamLeadDrugHelp, ["Start", "Team", "Fortbildungen im Team", "Meine Fortbildungen", "Kennzahlen", "Bedarfsanalyse", "Lenkungsrunden"] },
        { StaffRole.SteeringCommittee, ["Start", "Kennzahlen", "Bedarfsanalyse", "Lenkungsrunden"] },
        { StaffRole.DataProtectionOfficer, ["Start", "Datenschutz"] },
        { StaffRole.Administrator, ["Start", "Benutzerkonten", "Netzwerkpartner", "Aufbewahrung", "Lenkungsrunden", "Fortbildungen"] },
    };

    [Theory]
    [MemberData(nameof(ExpectedEntries))]
    public void Each_role_sees_exactly_the_sections_it_may_open(string role, string[] expected)
    {
        SignInAs(StaffPrincipal.InRole(role));

        var menu = Render<NavMenu>();

        Assert.Equal(expected, menu.FindAll("nav a").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public void The_entries_link_to_their_sections()
    {
        SignInAs(StaffPrincipal.InRole(StaffRole.TeamLeadDrugHelp));

        var menu = Render<NavMenu>();

        Assert.Equal(["/", "/team", "/team/fortbildungen", "/fortbildungen", "/kennzahlen", "/kennzahlen/bedarfsanalyse", "/lenkungsrunden"], menu.FindAll("nav a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void A_signed_in_person_without_organisation_sees_no_entries_at_all()
    {
        SignInAs(StaffPrincipal.Create(StaffRole.Administrator, organisation: null));

        var menu = Render<NavMenu>();

        Assert.Empty(menu.FindAll("nav li"));
    }

    [Fact]
    public void A_signed_in_person_without_role_sees_only_the_start_page()
    {
        SignInAs(StaffPrincipal.Create(role: null, Organisation.Jobcenter));

        var menu = Render<NavMenu>();

        Assert.Equal(["Start"], menu.FindAll("nav a").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public void The_current_section_is_marked_and_moves_with_navigation()
    {
        SignInAs(StaffPrincipal.InRole(StaffRole.CaseManager));
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/klienten/8d1c3f0e-0000-0000-0000-000000000001?tab=1");

        var menu = Render<NavMenu>();

        Assert.Equal(["Klient:innen"], menu.FindAll("nav a.active").Select(a => a.TextContent.Trim()));
        Assert.Equal("page", menu.Find("nav a.active").GetAttribute("aria-current"));

        navigation.NavigateTo("/");
        menu.WaitForAssertion(() => Assert.Equal(["Start"], menu.FindAll("nav a.active").Select(a => a.TextContent.Trim())));
        Assert.Null(menu.FindAll("nav a").Single(a => a.TextContent.Trim() == "Termine").GetAttribute("aria-current"));
    }

    [Fact]
    public void Below_a_section_only_the_most_specific_entry_is_marked()
    {
        SignInAs(StaffPrincipal.InRole(StaffRole.TeamLeadJobcenter));
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/team/fortbildungen");

        var menu = Render<NavMenu>();

        Assert.Equal(["Fortbildungen im Team"], menu.FindAll("nav a.active").Select(a => a.TextContent.Trim()));
        navigation.NavigateTo("/team/mitarbeitende/abc");
        menu.WaitForAssertion(() => Assert.Equal(["Team"], menu.FindAll("nav a.active").Select(a => a.TextContent.Trim())));
    }
}
