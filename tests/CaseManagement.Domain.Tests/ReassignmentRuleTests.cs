using CaseManagement.Domain.Access;
using CaseManagement.Domain.Staff;

namespace CaseManagement.Domain.Tests;

/// <summary>
/// Umverteilung: a team lead may hand a case on their own organisation's side to another
/// caseworker of that organisation; nobody else may, and never on the other organisation's side.
/// </summary>
public class ReassignmentRuleTests
{
    private const string CurrentCaseManager = "cm-current";
    private const string CurrentDrugHelpWorker = "dh-current";

    private static readonly StaffMember JobcenterLead = Member("lead-jc", Organisation.Jobcenter, StaffRole.TeamLeadJobcenter);
    private static readonly StaffMember DrugHelpLead = Member("lead-dh", Organisation.DrugHelpService, StaffRole.TeamLeadDrugHelp);
    private static readonly StaffMember OtherCaseManager = Member("cm-other", Organisation.Jobcenter, StaffRole.CaseManager);
    private static readonly StaffMember OtherDrugHelpWorker = Member("dh-other", Organisation.DrugHelpService, StaffRole.DrugHelpWorker);

    private static StaffMember Member(string id, Organisation organisation, params string[] roles) =>
        new(id, id, organisation, new HashSet<string>(roles, StringComparer.Ordinal));

    private static ClientAccessFacts Joint(Organisation owner = Organisation.Jobcenter) =>
        new(owner, CurrentCaseManager, CurrentDrugHelpWorker, []);

    [Theory]
    [InlineData(Organisation.Jobcenter)]
    [InlineData(Organisation.DrugHelpService)]
    public void A_team_lead_may_hand_their_own_side_of_a_joint_case_to_another_caseworker_of_their_organisation(Organisation owner)
    {
        Assert.True(AccessDecision.MayReassign(JobcenterLead, Joint(owner), Organisation.Jobcenter, OtherCaseManager));
        Assert.True(AccessDecision.MayReassign(DrugHelpLead, Joint(owner), Organisation.DrugHelpService, OtherDrugHelpWorker));
    }

    [Fact]
    public void A_team_lead_may_never_change_the_other_organisation_s_responsibility()
    {
        Assert.False(AccessDecision.MayReassign(JobcenterLead, Joint(), Organisation.DrugHelpService));
        Assert.False(AccessDecision.MayReassign(JobcenterLead, Joint(), Organisation.DrugHelpService, OtherDrugHelpWorker));
        Assert.False(AccessDecision.MayReassign(DrugHelpLead, Joint(), Organisation.Jobcenter));
        Assert.False(AccessDecision.MayReassign(DrugHelpLead, Joint(), Organisation.Jobcenter, OtherCaseManager));
    }

    [Fact]
    public void The_new_person_must_be_a_caseworker_of_the_team_lead_s_own_organisation()
    {
        var client = Joint();

        Assert.False(AccessDecision.MayReassign(JobcenterLead, client, Organisation.Jobcenter, OtherDrugHelpWorker));
        Assert.False(AccessDecision.MayReassign(JobcenterLead, client, Organisation.Jobcenter, JobcenterLead));
        Assert.False(AccessDecision.MayReassign(
            JobcenterLead, client, Organisation.Jobcenter, Member("steering", Organisation.Jobcenter, StaffRole.SteeringCommittee)));
        Assert.False(AccessDecision.MayReassign(
            JobcenterLead, client, Organisation.Jobcenter, Member("admin", Organisation.Jobcenter, StaffRole.Administrator)));
        // A case-manager role held in the wrong organisation does not make a caseworker (see StaffMember.IsCaseworker).
        Assert.False(AccessDecision.MayReassign(
            JobcenterLead, client, Organisation.Jobcenter, Member("misfiled", Organisation.DrugHelpService, StaffRole.CaseManager)));
    }

    [Fact]
    public void Handing_a_case_to_the_person_who_already_has_it_is_not_a_reassignment()
    {
        var current = Member(CurrentCaseManager, Organisation.Jobcenter, StaffRole.CaseManager);

        Assert.False(AccessDecision.MayReassign(JobcenterLead, Joint(), Organisation.Jobcenter, current));
    }

    [Fact]
    public void A_client_the_team_lead_s_organisation_is_not_responsible_for_cannot_be_reassigned_by_that_team_lead()
    {
        var drugHelpOnly = new ClientAccessFacts(Organisation.DrugHelpService, null, CurrentDrugHelpWorker, []);

        Assert.False(AccessDecision.MayReassign(JobcenterLead, drugHelpOnly, Organisation.Jobcenter));
        Assert.False(AccessDecision.MayReassign(JobcenterLead, drugHelpOnly, Organisation.Jobcenter, OtherCaseManager));
        Assert.True(AccessDecision.MayReassign(DrugHelpLead, drugHelpOnly, Organisation.DrugHelpService, OtherDrugHelpWorker));
    }

    [Theory]
    [InlineData(StaffRole.CaseManager, Organisation.Jobcenter)]
    [InlineData(StaffRole.DrugHelpWorker, Organisation.DrugHelpService)]
    [InlineData(StaffRole.SteeringCommittee, Organisation.Jobcenter)]
    [InlineData(StaffRole.DataProtectionOfficer, Organisation.DrugHelpService)]
    [InlineData(StaffRole.Administrator, Organisation.Jobcenter)]
    [InlineData(StaffRole.TeamLeadDrugHelp, Organisation.Jobcenter)]
    [InlineData(StaffRole.TeamLeadJobcenter, Organisation.DrugHelpService)]
    public void Nobody_but_a_team_lead_of_their_own_organisation_may_reassign(string role, Organisation organisation)
    {
        // Even the responsible caseworker may not pass their own case on: that is the team lead's decision.
        var user = Member(CurrentCaseManager, organisation, role);
        var receiver = organisation == Organisation.Jobcenter ? OtherCaseManager : OtherDrugHelpWorker;

        foreach (var side in new[] { Organisation.Jobcenter, Organisation.DrugHelpService })
        {
            Assert.False(AccessDecision.MayReassign(user, Joint(), side), $"{role} {side}");
            Assert.False(AccessDecision.MayReassign(user, Joint(), side, receiver), $"{role} {side}");
        }
    }

    [Fact]
    public void An_undefined_side_is_refused()
    {
        Assert.False(AccessDecision.MayReassign(JobcenterLead, Joint(), (Organisation)7, OtherCaseManager));
    }

    [Fact]
    public void A_team_lead_who_is_also_a_caseworker_may_take_a_case_over_but_still_only_on_their_own_side()
    {
        var leadAndCaseManager = Member("lead-cm", Organisation.Jobcenter, StaffRole.TeamLeadJobcenter, StaffRole.CaseManager);

        Assert.True(AccessDecision.MayReassign(leadAndCaseManager, Joint(), Organisation.Jobcenter, leadAndCaseManager));
        Assert.False(AccessDecision.MayReassign(leadAndCaseManager, Joint(), Organisation.DrugHelpService, OtherDrugHelpWorker));
    }
}
