using CaseManagement.Domain.Staff;

namespace CaseManagement.Domain.Tests;

public class StaffRoleTests
{
    [Theory]
    [InlineData(StaffRole.CaseManager, Organisation.Jobcenter, true)]
    [InlineData(StaffRole.CaseManager, Organisation.DrugHelpService, false)]
    [InlineData(StaffRole.TeamLeadJobcenter, Organisation.Jobcenter, true)]
    [InlineData(StaffRole.TeamLeadJobcenter, Organisation.DrugHelpService, false)]
    [InlineData(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, true)]
    [InlineData(StaffRole.DrugHelpWorker, Organisation.Jobcenter, false)]
    [InlineData(StaffRole.TeamLeadDrugHelp, Organisation.DrugHelpService, true)]
    [InlineData(StaffRole.TeamLeadDrugHelp, Organisation.Jobcenter, false)]
    [InlineData(StaffRole.SteeringCommittee, Organisation.Jobcenter, true)]
    [InlineData(StaffRole.SteeringCommittee, Organisation.DrugHelpService, true)]
    [InlineData(StaffRole.DataProtectionOfficer, Organisation.Jobcenter, true)]
    [InlineData(StaffRole.DataProtectionOfficer, Organisation.DrugHelpService, true)]
    [InlineData(StaffRole.Administrator, Organisation.Jobcenter, true)]
    [InlineData(StaffRole.Administrator, Organisation.DrugHelpService, true)]
    public void A_role_is_allowed_only_in_the_organisations_it_exists_in(string role, Organisation organisation, bool allowed)
    {
        Assert.Equal(allowed, StaffRole.IsAllowedFor(role, organisation));
    }

    [Theory]
    [InlineData(Organisation.Jobcenter)]
    [InlineData(Organisation.DrugHelpService)]
    public void An_unknown_role_is_allowed_nowhere(Organisation organisation)
    {
        Assert.False(StaffRole.IsAllowedFor("Superuser", organisation));
        Assert.False(StaffRole.IsAllowedFor("", organisation));
        Assert.False(StaffRole.IsAllowedFor("caseManager", organisation));
    }

    [Fact]
    public void No_role_is_allowed_for_an_undefined_organisation()
    {
        foreach (var role in StaffRole.All)
        {
            Assert.False(StaffRole.IsAllowedFor(role, (Organisation)0), role);
            Assert.False(StaffRole.IsAllowedFor(role, (Organisation)3), role);
        }
    }

    [Theory]
    [InlineData(StaffRole.CaseManager, "Fallmanager:in")]
    [InlineData(StaffRole.DrugHelpWorker, "Fachkraft Drogenhilfe")]
    [InlineData(StaffRole.TeamLeadJobcenter, "Teamleitung Jobcenter")]
    [InlineData(StaffRole.TeamLeadDrugHelp, "Teamleitung Drogenhilfe")]
    [InlineData(StaffRole.SteeringCommittee, "Lenkungsrunde")]
    [InlineData(StaffRole.DataProtectionOfficer, "Datenschutz")]
    [InlineData(StaffRole.Administrator, "Administration")]
    public void Each_role_has_its_German_label(string role, string label)
    {
        Assert.Equal(label, StaffRole.GermanLabel(role));
    }

    [Fact]
    public void Every_role_of_the_product_has_a_German_label_and_the_list_has_seven_roles()
    {
        Assert.Equal(7, StaffRole.All.Count);
        Assert.Equal(StaffRole.All.Count, StaffRole.All.Distinct().Count());
        Assert.All(StaffRole.All, role => Assert.False(string.IsNullOrWhiteSpace(StaffRole.GermanLabel(role))));
    }
}
