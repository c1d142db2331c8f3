using CaseManagement.Domain.Access;
using CaseManagement.Domain.Staff;

namespace CaseManagement.Domain.Tests;

/// <summary>
/// The team lead's view of a case's workload facts (Fallbelastung) is a rule of the one access
/// decision: only team leads, only for cases their own organisation works on, consent or not
/// (it shows that items exist and their dates, no contents).
/// </summary>
public sealed class WorkloadOversightRuleTests
{
    private static StaffMember Member(Organisation organisation, string role) =>
        new("user", "Test", organisation, new HashSet<string>([role], StringComparer.Ordinal));

    public static TheoryData<string, Organisation, string?, string?, bool> Cases() => new()
    {
        { StaffRole.TeamLeadJobcenter, Organisation.Jobcenter, "cm", null, true },
        { StaffRole.TeamLeadJobcenter, Organisation.Jobcenter, "cm", "dh", true },
        { StaffRole.TeamLeadJobcenter, Organisation.Jobcenter, null, "dh", false },
        { StaffRole.TeamLeadDrugHelp, Organisation.DrugHelpService, null, "dh", true },
        { StaffRole.TeamLeadDrugHelp, Organisation.DrugHelpService, "cm", null, false },
        // A team-lead role of the other organisation does not make someone team lead here.
        { StaffRole.TeamLeadDrugHelp, Organisation.Jobcenter, "cm", "dh", false },
        { StaffRole.CaseManager, Organisation.Jobcenter, "user", null, false },
        { StaffRole.DrugHelpWorker, Organisation.DrugHelpService, null, "user", false },
        { StaffRole.SteeringCommittee, Organisation.Jobcenter, "cm", "dh", false },
        { StaffRole.DataProtectionOfficer, Organisation.DrugHelpService, "cm", "dh", false },
        { StaffRole.Administrator, Organisation.Jobcenter, "cm", "dh", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Only_a_team_lead_oversees_the_workload_of_cases_their_organisation_works_on(
        string role, Organisation organisation, string? caseManager, string? drugHelpWorker, bool expected)
    {
        var client = new ClientAccessFacts(Organisation.Jobcenter, caseManager, drugHelpWorker, []);

        Assert.Equal(expected, AccessDecision.MayOverseeWorkload(Member(organisation, role), client));
    }
}
