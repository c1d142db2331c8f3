using CaseManagement.Domain.Access;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.Staff;

namespace CaseManagement.Domain.Tests;

/// <summary>The access decision's edges that the matrix does not reach: wrong organisations, undefined values, explicit holders, consent timing, MayKnowOf.</summary>
public class AccessDecisionRulesTests
{
    private const string UserId = "user-under-test";
    private const string ColleagueId = "colleague";

    private const ConsentScope EveryShareableCategory =
        ConsentScope.MasterData | ConsentScope.HelpPlan | ConsentScope.Appointments | ConsentScope.Referrals | ConsentScope.HealthData;

    private static readonly DateTimeOffset Now = new(2026, 6, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 6, 15);

    private static readonly ConsentFacts ValidBothWays = new(
        EveryShareableCategory, ConsentDirections.JobcenterToDrugHelp | ConsentDirections.DrugHelpToJobcenter,
        Today.AddDays(-30), Today.AddDays(30), null);

    private static StaffMember User(Organisation organisation, params string[] roles) =>
        new(UserId, "Test User", organisation, new HashSet<string>(roles, StringComparer.Ordinal));

    private static ClientAccessFacts Client(
        Organisation owner, string? caseManager, string? drugHelpWorker, params ConsentFacts[] consents) =>
        new(owner, caseManager, drugHelpWorker, consents);

    private static IEnumerable<(DataCategory Category, AccessOperation Operation, Organisation Holder)> EveryRequest() =>
        from category in Enum.GetValues<DataCategory>()
        from operation in Enum.GetValues<AccessOperation>()
        from holder in new[] { Organisation.Jobcenter, Organisation.DrugHelpService }
        select (category, operation, holder);

    [Theory]
    [InlineData(StaffRole.CaseManager, Organisation.DrugHelpService)]
    [InlineData(StaffRole.DrugHelpWorker, Organisation.Jobcenter)]
    [InlineData(StaffRole.TeamLeadJobcenter, Organisation.DrugHelpService)]
    [InlineData(StaffRole.TeamLeadDrugHelp, Organisation.Jobcenter)]
    public void A_role_held_in_the_wrong_organisation_grants_nothing(string role, Organisation organisation)
    {
        var user = User(organisation, role);

        // The user is named responsible on both sides and a full consent exists in both directions.
        foreach (var owner in new[] { Organisation.Jobcenter, Organisation.DrugHelpService })
        {
            var client = Client(owner, UserId, UserId, ValidBothWays);
            foreach (var (category, operation, holder) in EveryRequest())
            {
                Assert.False(AccessDecision.Allows(user, client, category, operation, Now), $"{category} {operation}");
                Assert.False(AccessDecision.Allows(user, client, category, holder, operation, Now), $"{category} {holder} {operation}");
            }

            Assert.False(AccessDecision.MayKnowOf(user, client));
        }
    }

    [Theory]
    [InlineData(Organisation.Jobcenter)]
    [InlineData(Organisation.DrugHelpService)]
    public void Steering_data_protection_and_administration_together_still_see_no_client_data(Organisation organisation)
    {
        var user = User(organisation, StaffRole.SteeringCommittee, StaffRole.DataProtectionOfficer, StaffRole.Administrator);
        var client = Client(organisation, UserId, UserId, ValidBothWays);

        foreach (var (category, operation, holder) in EveryRequest())
        {
            Assert.False(AccessDecision.Allows(user, client, category, holder, operation, Now), $"{category} {holder} {operation}");
        }

        Assert.False(AccessDecision.MayKnowOf(user, client));
    }

    [Fact]
    public void A_user_without_any_role_gets_nothing()
    {
        var user = User(Organisation.Jobcenter);
        var client = Client(Organisation.Jobcenter, UserId, null, ValidBothWays);

        Assert.False(AccessDecision.Allows(user, client, DataCategory.MasterData, AccessOperation.Read, Now));
        Assert.False(AccessDecision.MayKnowOf(user, client));
    }

    [Fact]
    public void Undefined_enum_values_are_denied_even_for_the_responsible_caseworker_of_the_holder()
    {
        var user = User(Organisation.Jobcenter, StaffRole.CaseManager);
        var client = Client(Organisation.Jobcenter, UserId, "dh-worker", ValidBothWays);

        // Sanity: the same request with defined values is allowed.
        Assert.True(AccessDecision.Allows(user, client, DataCategory.MasterData, Organisation.Jobcenter, AccessOperation.Write, Now));

        Assert.False(AccessDecision.Allows(user, client, (DataCategory)99, AccessOperation.Read, Now));
        Assert.False(AccessDecision.Allows(user, client, (DataCategory)0, AccessOperation.Read, Now));
        Assert.False(AccessDecision.Allows(user, client, (DataCategory)99, Organisation.Jobcenter, AccessOperation.Read, Now));
        Assert.False(AccessDecision.Allows(user, client, DataCategory.MasterData, (AccessOperation)0, Now));
        Assert.False(AccessDecision.Allows(user, client, DataCategory.MasterData, (AccessOperation)3, Now));
        Assert.False(AccessDecision.Allows(user, client, DataCategory.MasterData, (Organisation)7, AccessOperation.Read, Now));
        Assert.False(AccessDecision.Allows(user, client, DataCategory.MasterData, (Organisation)0, AccessOperation.Read, Now));
        Assert.False(AccessDecision.Allows(user, client, DataCategory.MasterData, Organisation.Jobcenter | Organisation.DrugHelpService, AccessOperation.Read, Now));
    }

    [Fact]
    public void A_client_with_an_undefined_owning_organisation_is_denied()
    {
        var user = User(Organisation.Jobcenter, StaffRole.CaseManager);
        var client = Client((Organisation)7, UserId, "dh-worker", ValidBothWays);

        foreach (var category in new[] { DataCategory.MasterData, DataCategory.HelpPlan, DataCategory.InternalNotes })
        {
            Assert.False(AccessDecision.Allows(user, client, category, AccessOperation.Read, Now), category.ToString());
        }
    }

    [Fact]
    public void A_user_of_an_undefined_organisation_is_neither_caseworker_nor_team_lead()
    {
        var user = User((Organisation)7, StaffRole.CaseManager, StaffRole.DrugHelpWorker, StaffRole.TeamLeadJobcenter, StaffRole.TeamLeadDrugHelp);
        var client = Client(Organisation.Jobcenter, UserId, UserId, ValidBothWays);

        Assert.False(user.IsCaseworker);
        Assert.False(user.IsTeamLead);
        Assert.False(AccessDecision.Allows(user, client, DataCategory.MasterData, AccessOperation.Read, Now));
        Assert.False(AccessDecision.MayKnowOf(user, client));
    }

    [Fact]
    public void Health_data_is_held_by_the_drug_help_service_whoever_owns_the_client()
    {
        Assert.Equal(Organisation.DrugHelpService, Client(Organisation.Jobcenter, null, null).HolderOf(DataCategory.HealthData));
        Assert.Equal(Organisation.DrugHelpService, Client(Organisation.DrugHelpService, null, null).HolderOf(DataCategory.HealthData));
        Assert.Equal(Organisation.Jobcenter, Client(Organisation.Jobcenter, null, null).HolderOf(DataCategory.InternalNotes));
        Assert.Equal(Organisation.DrugHelpService, Client(Organisation.DrugHelpService, null, null).HolderOf(DataCategory.MasterData));
    }

    [Fact]
    public void An_appointment_recorded_by_the_other_organisation_follows_its_holder_not_the_client_owner()
    {
        // Client registered by the Jobcenter; the appointment was recorded by the Drogenhilfe.
        var caseManager = User(Organisation.Jobcenter, StaffRole.CaseManager);
        var worker = User(Organisation.DrugHelpService, StaffRole.DrugHelpWorker);
        var withoutConsent = Client(Organisation.Jobcenter, UserId, UserId);
        var withConsent = Client(
            Organisation.Jobcenter, UserId, UserId,
            new ConsentFacts(ConsentScope.Appointments, ConsentDirections.DrugHelpToJobcenter, Today.AddDays(-1), null, null));

        Assert.False(AccessDecision.Allows(caseManager, withoutConsent, DataCategory.Appointments, Organisation.DrugHelpService, AccessOperation.Read, Now));
        Assert.True(AccessDecision.Allows(caseManager, withConsent, DataCategory.Appointments, Organisation.DrugHelpService, AccessOperation.Read, Now));
        Assert.False(AccessDecision.Allows(caseManager, withConsent, DataCategory.Appointments, Organisation.DrugHelpService, AccessOperation.Write, Now));

        Assert.True(AccessDecision.Allows(worker, withoutConsent, DataCategory.Appointments, Organisation.DrugHelpService, AccessOperation.Read, Now));
        Assert.True(AccessDecision.Allows(worker, withoutConsent, DataCategory.Appointments, Organisation.DrugHelpService, AccessOperation.Write, Now));
    }

    [Fact]
    public void Internal_notes_of_the_other_organisation_stay_closed_whatever_the_consent()
    {
        var caseManager = User(Organisation.Jobcenter, StaffRole.CaseManager);
        var everything = new ConsentFacts(
            (ConsentScope)(-1), ConsentDirections.JobcenterToDrugHelp | ConsentDirections.DrugHelpToJobcenter, Today.AddDays(-1), null, null);
        var client = Client(Organisation.Jobcenter, UserId, "dh-worker", everything, ValidBothWays);

        Assert.False(AccessDecision.Allows(caseManager, client, DataCategory.InternalNotes, Organisation.DrugHelpService, AccessOperation.Read, Now));
        Assert.False(AccessDecision.Allows(caseManager, client, DataCategory.InternalNotes, Organisation.DrugHelpService, AccessOperation.Write, Now));
        Assert.True(AccessDecision.Allows(caseManager, client, DataCategory.InternalNotes, Organisation.Jobcenter, AccessOperation.Write, Now));
    }

    [Fact]
    public void Any_one_valid_consent_among_several_is_enough_and_partial_consents_add_up()
    {
        var caseManager = User(Organisation.Jobcenter, StaffRole.CaseManager);
        var revokedEverything = new ConsentFacts(EveryShareableCategory, ConsentDirections.DrugHelpToJobcenter, Today.AddDays(-300), null, Now.AddDays(-100));
        var masterDataOnly = new ConsentFacts(ConsentScope.MasterData, ConsentDirections.DrugHelpToJobcenter, Today.AddDays(-10), null, null);
        var helpPlanOnly = new ConsentFacts(ConsentScope.HelpPlan, ConsentDirections.DrugHelpToJobcenter, Today.AddDays(-10), Today, null);
        var client = Client(Organisation.DrugHelpService, UserId, "dh-worker", revokedEverything, masterDataOnly, helpPlanOnly);

        Assert.True(AccessDecision.Allows(caseManager, client, DataCategory.MasterData, AccessOperation.Read, Now));
        Assert.True(AccessDecision.Allows(caseManager, client, DataCategory.HelpPlan, AccessOperation.Write, Now));
        Assert.False(AccessDecision.Allows(caseManager, client, DataCategory.MasterData, AccessOperation.Write, Now));
        Assert.False(AccessDecision.Allows(caseManager, client, DataCategory.HealthData, AccessOperation.Read, Now));
        Assert.False(AccessDecision.Allows(caseManager, client, DataCategory.Referrals, AccessOperation.Read, Now));
    }

    [Fact]
    public void A_consent_without_direction_or_without_scope_permits_nothing()
    {
        var caseManager = User(Organisation.Jobcenter, StaffRole.CaseManager);
        var noDirection = Client(
            Organisation.DrugHelpService, UserId, "dh-worker",
            new ConsentFacts(EveryShareableCategory, ConsentDirections.None, Today.AddDays(-1), null, null));
        var noScope = Client(
            Organisation.DrugHelpService, UserId, "dh-worker",
            new ConsentFacts(ConsentScope.None, ConsentDirections.DrugHelpToJobcenter, Today.AddDays(-1), null, null));

        foreach (var category in Enum.GetValues<DataCategory>())
        {
            Assert.False(AccessDecision.Allows(caseManager, noDirection, category, AccessOperation.Read, Now), category.ToString());
            Assert.False(AccessDecision.Allows(caseManager, noScope, category, AccessOperation.Read, Now), category.ToString());
        }
    }

    [Fact]
    public void A_consent_valid_until_today_permits_until_midnight_in_Berlin_and_not_a_moment_after()
    {
        var caseManager = User(Organisation.Jobcenter, StaffRole.CaseManager);
        var client = Client(
            Organisation.DrugHelpService, UserId, "dh-worker",
            new ConsentFacts(ConsentScope.MasterData, ConsentDirections.DrugHelpToJobcenter, Today.AddDays(-30), Today, null));

        // Summer time: Berlin is UTC+2, so 15 June ends at 21:59:59 UTC.
        var lastSecondOfTheDay = new DateTimeOffset(2026, 6, 15, 21, 59, 59, TimeSpan.Zero);
        var firstSecondOfTheNextDay = new DateTimeOffset(2026, 6, 15, 22, 0, 0, TimeSpan.Zero);

        Assert.True(AccessDecision.Allows(caseManager, client, DataCategory.MasterData, AccessOperation.Read, lastSecondOfTheDay));
        Assert.False(AccessDecision.Allows(caseManager, client, DataCategory.MasterData, AccessOperation.Read, firstSecondOfTheNextDay));
    }

    [Fact]
    public void A_revocation_takes_effect_at_the_recorded_instant()
    {
        var caseManager = User(Organisation.Jobcenter, StaffRole.CaseManager);
        var consent = new ClientConsent
        {
            Purpose = "Hilfeplanung",
            RecordedById = "dh-worker",
            Scope = ConsentScope.MasterData,
            Directions = ConsentDirections.DrugHelpToJobcenter,
            SignedOn = Today.AddDays(-30),
        };
        ClientAccessFacts Facts() => Client(
            Organisation.DrugHelpService, UserId, "dh-worker",
            new ConsentFacts(consent.Scope, consent.Directions, consent.SignedOn, consent.ValidUntil, consent.RevokedAt));

        Assert.True(AccessDecision.Allows(caseManager, Facts(), DataCategory.MasterData, AccessOperation.Read, Now));

        consent.Revoke(Now, "Widerruf per Telefon", "dh-1", Organisation.DrugHelpService);

        Assert.False(AccessDecision.Allows(caseManager, Facts(), DataCategory.MasterData, AccessOperation.Read, Now));
        Assert.True(AccessDecision.Allows(caseManager, Facts(), DataCategory.MasterData, AccessOperation.Read, Now.AddTicks(-1)));
    }

    [Fact]
    public void A_caseworker_who_is_also_team_lead_has_caseworker_rights_on_own_cases_and_team_lead_rights_on_colleagues_cases()
    {
        var user = User(Organisation.Jobcenter, StaffRole.CaseManager, StaffRole.TeamLeadJobcenter);
        var own = Client(Organisation.Jobcenter, UserId, null);
        var colleagues = Client(Organisation.Jobcenter, ColleagueId, null);

        Assert.True(AccessDecision.Allows(user, own, DataCategory.HelpPlan, AccessOperation.Write, Now));
        Assert.True(AccessDecision.Allows(user, colleagues, DataCategory.MasterData, AccessOperation.Read, Now));
        Assert.False(AccessDecision.Allows(user, colleagues, DataCategory.MasterData, AccessOperation.Write, Now));
        Assert.False(AccessDecision.Allows(user, colleagues, DataCategory.HelpPlan, AccessOperation.Read, Now));
    }

    public static TheoryData<string, Organisation, Responsibility, bool> MayKnowOfCases
    {
        get
        {
            var data = new TheoryData<string, Organisation, Responsibility, bool>();
            foreach (var responsibility in Enum.GetValues<Responsibility>())
            {
                // Caseworkers know only their own clients; team leads every client their organisation is responsible for.
                data.Add(StaffRole.CaseManager, Organisation.Jobcenter, responsibility, responsibility == Responsibility.OwnCase);
                data.Add(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, responsibility, responsibility == Responsibility.OwnCase);
                data.Add(StaffRole.TeamLeadJobcenter, Organisation.Jobcenter, responsibility, responsibility != Responsibility.OtherOrganisationOnly);
                data.Add(StaffRole.TeamLeadDrugHelp, Organisation.DrugHelpService, responsibility, responsibility != Responsibility.OtherOrganisationOnly);
                foreach (var organisation in new[] { Organisation.Jobcenter, Organisation.DrugHelpService })
                {
                    data.Add(StaffRole.SteeringCommittee, organisation, responsibility, false);
                    data.Add(StaffRole.DataProtectionOfficer, organisation, responsibility, false);
                    data.Add(StaffRole.Administrator, organisation, responsibility, false);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(MayKnowOfCases))]
    public void MayKnowOf_follows_responsibility(string role, Organisation organisation, Responsibility responsibility, bool expected)
    {
        var ownResponsible = responsibility switch
        {
            Responsibility.OwnCase => UserId,
            Responsibility.ColleaguesCase => ColleagueId,
            _ => null,
        };
        var client = organisation == Organisation.Jobcenter
            ? Client(Organisation.Jobcenter, ownResponsible, "other-org-worker")
            : Client(Organisation.DrugHelpService, "other-org-worker", ownResponsible);

        Assert.Equal(expected, AccessDecision.MayKnowOf(User(organisation, role), client));
    }

    [Fact]
    public void Nobody_may_know_of_a_client_without_any_responsible_worker()
    {
        var client = Client(Organisation.Jobcenter, null, null, ValidBothWays);
        foreach (var role in StaffRole.All)
        {
            foreach (var organisation in new[] { Organisation.Jobcenter, Organisation.DrugHelpService })
            {
                Assert.False(AccessDecision.MayKnowOf(User(organisation, role), client), $"{role} {organisation}");
            }
        }
    }

    [Fact]
    public void Only_the_data_protection_officer_carries_out_the_data_protection_tasks_and_still_reads_no_case_through_Allows()
    {
        var client = Client(Organisation.Jobcenter, UserId, UserId, ValidBothWays);
        foreach (var role in StaffRole.All)
        {
            foreach (var organisation in new[] { Organisation.Jobcenter, Organisation.DrugHelpService })
            {
                var user = User(organisation, role);
                foreach (var task in Enum.GetValues<DataProtectionTask>())
                {
                    Assert.Equal(role == StaffRole.DataProtectionOfficer, AccessDecision.MayCarryOut(user, task));
                }

                Assert.False(AccessDecision.MayCarryOut(user, (DataProtectionTask)99), $"{role}: an undefined task");
            }
        }

        var officer = User(Organisation.DrugHelpService, StaffRole.DataProtectionOfficer);
        Assert.All(EveryRequest(), r => Assert.False(AccessDecision.Allows(officer, client, r.Category, r.Holder, r.Operation, Now)));
        Assert.False(AccessDecision.MayKnowOf(officer, client));
    }
}
