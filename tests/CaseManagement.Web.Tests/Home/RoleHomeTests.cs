using CaseManagement.Domain.Staff;
using CaseManagement.Web.Components.Pages.Home;

namespace CaseManagement.Web.Tests.Home;

public class RoleHomeTests : BunitContext
{
    [Theory]
    [InlineData(StaffRole.CaseManager, "Fallmanagement Jobcenter")]
    [InlineData(StaffRole.DrugHelpWorker, "Fachkraft Drogenhilfe")]
    [InlineData(StaffRole.TeamLeadJobcenter, "Teamleitung")]
    [InlineData(StaffRole.TeamLeadDrugHelp, "Teamleitung")]
    [InlineData(StaffRole.SteeringCommittee, "Lenkungsrunde")]
    [InlineData(StaffRole.DataProtectionOfficer, "Datenschutz")]
    [InlineData(StaffRole.Administrator, "Administration")]
    [InlineData(null, "Start")]
    public void Each_role_gets_its_own_start_page_heading(string? role, string heading)
    {
        var page = RenderFor(role);

        Assert.Equal(heading, page.Find("h1").TextContent);
    }

    [Theory]
    [InlineData(StaffRole.CaseManager)]
    [InlineData(StaffRole.DrugHelpWorker)]
    [InlineData(StaffRole.TeamLeadJobcenter)]
    [InlineData(StaffRole.TeamLeadDrugHelp)]
    [InlineData(StaffRole.SteeringCommittee)]
    [InlineData(StaffRole.DataProtectionOfficer)]
    [InlineData(StaffRole.Administrator)]
    [InlineData(null)]
    public void The_start_page_greets_by_name_and_links_to_the_role_s_sections(string? role)
    {
        var content = RoleHomeContent.For(role);

        var page = RenderFor(role, "Sabine Köhler");

        Assert.Contains("Guten Tag, Sabine Köhler.", page.Find("p.lead").TextContent);
        Assert.Equal(content.Links.Select(l => l.Href), page.FindAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void The_team_lead_start_page_links_to_team_and_figures()
    {
        var page = RenderFor(StaffRole.TeamLeadJobcenter);

        Assert.Equal(["/team", "/kennzahlen", "/kennzahlen/bedarfsanalyse"], page.FindAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void A_person_without_role_is_told_to_contact_the_administration_and_gets_no_links()
    {
        var page = RenderFor(null);

        Assert.Contains("keine Rolle zugewiesen", page.Find("p.lead").TextContent);
        Assert.Empty(page.FindAll("a"));
    }

    private IRenderedComponent<RoleHome> RenderFor(string? role, string displayName = "Jana Schneider") =>
        Render<RoleHome>(p => p
            .Add(x => x.Content, RoleHomeContent.For(role))
            .Add(x => x.DisplayName, displayName));
}
