using CaseManagement.Domain.Access;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.Staff;

namespace CaseManagement.Domain.Tests;

/// <summary>The consent situations of the matrix, always seen from the organisation of the reading user.</summary>
public enum ConsentCase
{
    /// <summary>No consent recorded.</summary>
    None,

    /// <summary>Signed, not expired, not revoked, covering every shareable category, from the other organisation to the reader's.</summary>
    Valid,

    Expired,

    Revoked,

    NotYetValid,

    /// <summary>Valid and covering everything, but only from the reader's organisation to the other one.</summary>
    ValidOtherDirectionOnly,

    /// <summary>Valid, right direction, covering every shareable category except the one in question.</summary>
    ValidCategoryNotCovered,
}

/// <summary>Who is responsible for the client, seen from the reading user.</summary>
public enum Responsibility
{
    /// <summary>The user is the responsible worker of their organisation (the other organisation has one too).</summary>
    OwnCase,

    /// <summary>A colleague of the user's organisation is responsible (the other organisation has one too).</summary>
    ColleaguesCase,

    /// <summary>Only the other organisation has a responsible worker.</summary>
    OtherOrganisationOnly,
}

/// <summary>
/// The authorization matrix of <see cref="AccessDecision"/>: every role × category × operation ×
/// consent situation × responsibility × holding organisation, against a specification written out
/// here by hand (<see cref="Expected"/>), never derived from the code under test.
/// </summary>
public class AccessDecisionMatrixTests
{
    private const string UserId = "user-under-test";
    private const string ColleagueId = "colleague-same-organisation";
    private const string OtherOrganisationWorkerId = "worker-other-organisation";

    private const ConsentScope EveryShareableCategory =
        ConsentScope.MasterData | ConsentScope.HelpPlan | ConsentScope.Appointments | ConsentScope.Referrals | ConsentScope.HealthData;

    /// <summary>2026-06-15 10:00 UTC = 12:00 in Ludwigshafen.</summary>
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 10, 0, 0, TimeSpan.Zero);

    private static readonly DateOnly Today = new(2026, 6, 15);

    private static readonly Organisation[] Organisations = [Organisation.Jobcenter, Organisation.DrugHelpService];

    /// <summary>
    /// Every role of the product in the organisation(s) it may exist in: caseworkers and team leads
    /// only on their side, steering, data protection and administration on both.
    /// </summary>
    private static readonly (string Role, Organisation Organisation)[] Users =
    [
        (StaffRole.CaseManager, Organisation.Jobcenter),
        (StaffRole.DrugHelpWorker, Organisation.DrugHelpService),
        (StaffRole.TeamLeadJobcenter, Organisation.Jobcenter),
        (StaffRole.TeamLeadDrugHelp, Organisation.DrugHelpService),
        (StaffRole.SteeringCommittee, Organisation.Jobcenter),
        (StaffRole.SteeringCommittee, Organisation.DrugHelpService),
        (StaffRole.DataProtectionOfficer, Organisation.Jobcenter),
        (StaffRole.DataProtectionOfficer, Organisation.DrugHelpService),
        (StaffRole.Administrator, Organisation.Jobcenter),
        (StaffRole.Administrator, Organisation.DrugHelpService),
    ];

    public static TheoryData<string, Organisation, DataCategory, AccessOperation, ConsentCase, Responsibility, Organisation> Matrix
    {
        get
        {
            var data = new TheoryData<string, Organisation, DataCategory, AccessOperation, ConsentCase, Responsibility, Organisation>();
            foreach (var c in AllCombinations())
            {
                data.Add(c.Role, c.UserOrganisation, c.Category, c.Operation, c.Consent, c.Responsibility, c.Owner);
            }

            return data;
        }
    }

    [Fact]
    public void The_matrix_covers_every_role_of_the_product_and_every_enum_value()
    {
        Assert.Equal(StaffRole.All.Order(StringComparer.Ordinal), Users.Select(u => u.Role).Distinct().Order(StringComparer.Ordinal));
        Assert.All(Users, u => Assert.True(StaffRole.IsAllowedFor(u.Role, u.Organisation), u.Role));
        Assert.Equal(6, Enum.GetValues<DataCategory>().Length);
        Assert.Equal(2, Enum.GetValues<AccessOperation>().Length);
        Assert.Equal(10 * 6 * 2 * 7 * 3 * 2, AllCombinations().Count());
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Access_follows_the_specification(
        string role, Organisation userOrganisation, DataCategory category, AccessOperation operation,
        ConsentCase consent, Responsibility responsibility, Organisation owner)
    {
        var user = UserWith(role, userOrganisation);
        var client = ClientFor(userOrganisation, responsibility, owner, ConsentsFor(consent, userOrganisation, category));

        Assert.Equal(
            Expected(role, userOrganisation, category, operation, consent, responsibility, owner),
            AccessDecision.Allows(user, client, category, operation, Now));
    }

    /// <summary>
    /// Hand count of the allowed combinations, so that a silently widened (or narrowed) rule fails
    /// even if someone "fixes" the specification function along with it.
    /// <list type="bullet">
    /// <item>Fallmanager:in (Jobcenter), own case only. Client held by the Jobcenter: the five
    /// Jobcenter-held categories, read and write, in all 7 consent cases = 70, plus health data
    /// (always held by the Drogenhilfe) read with valid consent = 1 → 71. Client held by the
    /// Drogenhilfe: master data, appointments, referrals, health data read with valid consent = 4,
    /// help plan read and write with valid consent = 2 → 6. Total 77.</item>
    /// <item>Fachkraft Drogenhilfe, own case only. Client held by the Drogenhilfe: all 6 categories
    /// × 2 operations × 7 = 84. Client held by the Jobcenter: health data (still held by the
    /// Drogenhilfe) 2 × 7 = 14, master data, appointments, referrals read with valid consent = 3,
    /// help plan read and write with valid consent = 2 → 19. Total 103.</item>
    /// <item>Each team lead: master data, read, own or colleague's case (2); held by their own
    /// organisation in all 7 consent cases, held by the other with valid consent 1 → 2 × 8 = 16.</item>
    /// <item>Steering, data protection, administration: 0.</item>
    /// </list>
    /// 77 + 103 + 16 + 16 = 212 of 5040.
    /// </summary>
    [Fact]
    public void The_number_of_allowed_combinations_is_exactly_the_hand_counted_one()
    {
        var expectedPerUser = new Dictionary<(string, Organisation), int>
        {
            [(StaffRole.CaseManager, Organisation.Jobcenter)] = 77,
            [(StaffRole.DrugHelpWorker, Organisation.DrugHelpService)] = 103,
            [(StaffRole.TeamLeadJobcenter, Organisation.Jobcenter)] = 16,
            [(StaffRole.TeamLeadDrugHelp, Organisation.DrugHelpService)] = 16,
            [(StaffRole.SteeringCommittee, Organisation.Jobcenter)] = 0,
            [(StaffRole.SteeringCommittee, Organisation.DrugHelpService)] = 0,
            [(StaffRole.DataProtectionOfficer, Organisation.Jobcenter)] = 0,
            [(StaffRole.DataProtectionOfficer, Organisation.DrugHelpService)] = 0,
            [(StaffRole.Administrator, Organisation.Jobcenter)] = 0,
            [(StaffRole.Administrator, Organisation.DrugHelpService)] = 0,
        };
        Assert.Equal(212, expectedPerUser.Values.Sum());

        var actualPerUser = Users.ToDictionary(u => u, _ => 0);
        var specifiedPerUser = Users.ToDictionary(u => u, _ => 0);
        foreach (var c in AllCombinations())
        {
            var user = UserWith(c.Role, c.UserOrganisation);
            var client = ClientFor(c.UserOrganisation, c.Responsibility, c.Owner, ConsentsFor(c.Consent, c.UserOrganisation, c.Category));
            if (AccessDecision.Allows(user, client, c.Category, c.Operation, Now))
            {
                actualPerUser[(c.Role, c.UserOrganisation)]++;
            }

            if (Expected(c.Role, c.UserOrganisation, c.Category, c.Operation, c.Consent, c.Responsibility, c.Owner))
            {
                specifiedPerUser[(c.Role, c.UserOrganisation)]++;
            }
        }

        Assert.Equal(expectedPerUser, specifiedPerUser);
        Assert.Equal(expectedPerUser, actualPerUser);
    }

    /// <summary>The specification, written from the rules in DOMAIN.md and the brief, not from the code.</summary>
    private static bool Expected(
        string role, Organisation userOrganisation, DataCategory category, AccessOperation operation,
        ConsentCase consent, Responsibility responsibility, Organisation owner)
    {
        // Health data is always held by the Drogenhilfe; everything else by the organisation that registered the client.
        var holder = category == DataCategory.HealthData ? Organisation.DrugHelpService : owner;
        var heldByOwnOrganisation = holder == userOrganisation;

        // Only a valid consent, in the direction holder → reader, that names this category counts.
        // Internal notes can never be named in a consent.
        var consentCoversIt = consent == ConsentCase.Valid && category != DataCategory.InternalNotes;

        var isCaseworker = (role == StaffRole.CaseManager && userOrganisation == Organisation.Jobcenter)
            || (role == StaffRole.DrugHelpWorker && userOrganisation == Organisation.DrugHelpService);
        var isTeamLead = (role == StaffRole.TeamLeadJobcenter && userOrganisation == Organisation.Jobcenter)
            || (role == StaffRole.TeamLeadDrugHelp && userOrganisation == Organisation.DrugHelpService);

        if (isCaseworker)
        {
            if (responsibility != Responsibility.OwnCase)
            {
                return false;
            }

            if (heldByOwnOrganisation)
            {
                return true;
            }

            if (category == DataCategory.InternalNotes)
            {
                return false;
            }

            return operation switch
            {
                AccessOperation.Read => consentCoversIt,
                AccessOperation.Write => consentCoversIt && category == DataCategory.HelpPlan,
                _ => false,
            };
        }

        if (isTeamLead)
        {
            var ownOrganisationIsResponsible = responsibility is Responsibility.OwnCase or Responsibility.ColleaguesCase;
            return ownOrganisationIsResponsible
                && category == DataCategory.MasterData
                && operation == AccessOperation.Read
                && (heldByOwnOrganisation || consentCoversIt);
        }

        return false;
    }

    private sealed record Combination(
        string Role, Organisation UserOrganisation, DataCategory Category, AccessOperation Operation,
        ConsentCase Consent, Responsibility Responsibility, Organisation Owner);

    private static IEnumerable<Combination> AllCombinations() =>
        from user in Users
        from category in Enum.GetValues<DataCategory>()
        from operation in Enum.GetValues<AccessOperation>()
        from consent in Enum.GetValues<ConsentCase>()
        from responsibility in Enum.GetValues<Responsibility>()
        from owner in Organisations
        select new Combination(user.Role, user.Organisation, category, operation, consent, responsibility, owner);

    private static Organisation Other(Organisation organisation) =>
        organisation == Organisation.Jobcenter ? Organisation.DrugHelpService : Organisation.Jobcenter;

    /// <summary>The direction in which data flows towards <paramref name="reader"/>.</summary>
    private static ConsentDirections Towards(Organisation reader) =>
        reader == Organisation.Jobcenter ? ConsentDirections.DrugHelpToJobcenter : ConsentDirections.JobcenterToDrugHelp;

    private static ConsentScope ScopeOf(DataCategory category) => category switch
    {
        DataCategory.MasterData => ConsentScope.MasterData,
        DataCategory.HelpPlan => ConsentScope.HelpPlan,
        DataCategory.Appointments => ConsentScope.Appointments,
        DataCategory.Referrals => ConsentScope.Referrals,
        DataCategory.HealthData => ConsentScope.HealthData,
        _ => ConsentScope.None,
    };

    private static List<ConsentFacts> ConsentsFor(ConsentCase consent, Organisation reader, DataCategory category)
    {
        var towardsReader = Towards(reader);
        var awayFromReader = Towards(Other(reader));
        ConsentFacts? facts = consent switch
        {
            ConsentCase.None => null,
            ConsentCase.Valid =>
                new(EveryShareableCategory, towardsReader, Today.AddDays(-30), Today.AddDays(30), null),
            ConsentCase.Expired =>
                new(EveryShareableCategory, towardsReader, Today.AddDays(-400), Today.AddDays(-1), null),
            ConsentCase.Revoked =>
                new(EveryShareableCategory, towardsReader, Today.AddDays(-30), Today.AddDays(30), Now.AddHours(-1)),
            ConsentCase.NotYetValid =>
                new(EveryShareableCategory, towardsReader, Today.AddDays(1), Today.AddDays(365), null),
            ConsentCase.ValidOtherDirectionOnly =>
                new(EveryShareableCategory, awayFromReader, Today.AddDays(-30), Today.AddDays(30), null),
            ConsentCase.ValidCategoryNotCovered =>
                new(EveryShareableCategory & ~ScopeOf(category), towardsReader, Today.AddDays(-30), Today.AddDays(30), null),
            _ => throw new ArgumentOutOfRangeException(nameof(consent), consent, null),
        };
        return facts is null ? [] : [facts];
    }

    private static StaffMember UserWith(string role, Organisation organisation) =>
        new(UserId, "Test User", organisation, new HashSet<string>(StringComparer.Ordinal) { role });

    private static ClientAccessFacts ClientFor(
        Organisation userOrganisation, Responsibility responsibility, Organisation owner, IReadOnlyList<ConsentFacts> consents)
    {
        var ownResponsible = responsibility switch
        {
            Responsibility.OwnCase => UserId,
            Responsibility.ColleaguesCase => ColleagueId,
            Responsibility.OtherOrganisationOnly => null,
            _ => throw new ArgumentOutOfRangeException(nameof(responsibility), responsibility, null),
        };
        return userOrganisation == Organisation.Jobcenter
            ? new ClientAccessFacts(owner, ownResponsible, OtherOrganisationWorkerId, consents)
            : new ClientAccessFacts(owner, OtherOrganisationWorkerId, ownResponsible, consents);
    }
}
