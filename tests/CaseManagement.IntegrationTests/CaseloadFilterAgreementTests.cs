using CaseManagement.Application.Access;
using CaseManagement.Application.Clients;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.Staff;

namespace CaseManagement.IntegrationTests;

/// <summary>
/// The caseload filters and searches in SQL (AccessFilters); what it returns must agree with the
/// single access decision for every caseworker, every filter and every page.
/// </summary>
public sealed class CaseloadFilterAgreementTests(AppFixture app) : IClassFixture<AppFixture>
{
    public enum ConsentCase
    {
        None,
        Valid,
        OtherDirectionOnly,
        HelpPlanOnly,
        Expired,
        Revoked,

        /// <summary>Boundaries where the SQL filter and the decision could disagree: both still valid.</summary>
        SignedToday,
        ValidUntilToday,
    }

    private static readonly string[] LastNames =
        ["Adler", "Becker", "Claßen", "Dürr", "Engel", "Fischer", "Günther", "Hoffmann", "Ilić", "Jäger", "Keller", "Lorenz"];

    private static readonly string[] FirstNames = ["Anna", "Ben", "Cem"];

    private static readonly string[] CaseworkerKeys = ["cmA", "cmB", "dhA", "dhB"];

    public static TheoryData<string> Caseworkers => new(CaseworkerKeys);

    public static TheoryData<string, CaseloadSort> CaseworkersAndSorts
    {
        get
        {
            var data = new TheoryData<string, CaseloadSort>();
            foreach (var who in CaseworkerKeys)
            {
                foreach (var sort in Enum.GetValues<CaseloadSort>())
                {
                    data.Add(who, sort);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Caseworkers))]
    public async Task The_caseload_lists_exactly_the_own_cases_and_shows_a_name_exactly_where_the_access_decision_allows_master_data(string who)
    {
        var data = await DataAsync();
        var reader = data.Caseworker(who);
        var now = app.Now();

        var rows = await AllPagesAsync(reader, new CaseloadQuery { PageSize = 7 });

        var expected = data.OwnCases(reader).Select(c => c.Id).Order().ToList();
        Assert.Equal(expected, rows.Select(r => r.Id).Order().ToList());
        await using var db = await app.DbAsync();
        foreach (var row in rows)
        {
            var client = data.Clients.Single(c => c.Id == row.Id);
            var facts = await ClientAccess.LoadFactsAsync(db, row.Id, CancellationToken.None);
            var mayReadMaster = AccessDecision.Allows(reader, facts!, DataCategory.MasterData, AccessOperation.Read, now);
            Assert.True(mayReadMaster == (row.DisplayName is not null), $"{client}: name shown = {row.DisplayName is not null}, decision says {mayReadMaster}");
            Assert.Equal(mayReadMaster ? $"{client.LastName}, {client.FirstName}" : null, row.DisplayName);
            Assert.Equal(mayReadMaster ? client.AgeGroup : null, row.AgeGroup);
            Assert.Equal(client.CaseNumber, row.CaseNumber);
            Assert.Equal(client.Owner, row.HeldBy);
            Assert.Equal(client.Open, row.IsActive);
            Assert.Equal(client.ExpectedConsentState, row.ConsentState);
        }
    }

    [Theory]
    [MemberData(nameof(Caseworkers))]
    public async Task A_name_search_finds_the_own_cases_with_that_name_and_never_a_row_whose_name_is_hidden(string who)
    {
        var data = await DataAsync();
        var reader = data.Caseworker(who);
        var visible = await VisibleIdsAsync(reader);
        var hiddenWithSearchedName = 0;

        foreach (var lastName in LastNames)
        {
            var rows = await AllPagesAsync(reader, new CaseloadQuery { Search = lastName, PageSize = 50 });

            Assert.All(rows, row => Assert.NotNull(row.DisplayName));
            var withName = data.OwnCases(reader).Where(c => c.LastName == lastName).ToList();
            Assert.Equal(withName.Where(c => visible.Contains(c.Id)).Select(c => c.Id).Order(), rows.Select(r => r.Id).Order());
            hiddenWithSearchedName += withName.Count(c => !visible.Contains(c.Id));
        }

        Assert.True(hiddenWithSearchedName > 0, "The data set must have own cases whose name is hidden from the reader");
    }

    [Fact]
    public async Task A_search_without_umlauts_finds_names_written_with_them()
    {
        var data = await DataAsync();
        var reader = data.Caseworker("cmA");

        var rows = await AllPagesAsync(reader, new CaseloadQuery { Search = "Jaeger", PageSize = 50 });

        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.StartsWith("Jäger, ", row.DisplayName, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CaseworkersAndSorts))]
    public async Task Keyset_paging_with_three_rows_per_page_returns_every_own_case_exactly_once_in_order(string who, CaseloadSort sort)
    {
        var data = await DataAsync();
        var reader = data.Caseworker(who);
        var visible = await VisibleIdsAsync(reader);

        var pages = await PagesAsync(reader, new CaseloadQuery { Sort = sort, PageSize = 3 });
        var rows = pages.SelectMany(p => p).ToList();

        Assert.All(pages.SkipLast(1), page => Assert.Equal(3, page.Count));
        Assert.InRange(pages[^1].Count, 1, 3);
        Assert.Equal(rows.Count, rows.Select(r => r.Id).Distinct().Count());
        Assert.Equal(data.OwnCases(reader).Select(c => c.Id).Order(), rows.Select(r => r.Id).Order());

        var listed = rows.Select(r => data.Clients.Single(c => c.Id == r.Id)).ToList();
        switch (sort)
        {
            case CaseloadSort.CaseNumber:
                Assert.Equal(listed.Select(c => c.CaseNumber).Order(StringComparer.Ordinal), listed.Select(c => c.CaseNumber));
                break;
            case CaseloadSort.Newest:
                Assert.Equal(
                    listed.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.CaseNumber, StringComparer.Ordinal).Select(c => c.Id),
                    listed.Select(c => c.Id));
                Assert.Contains(listed.GroupBy(c => c.CreatedAt), g => g.Count() > 1); // ties are broken by case number
                break;
            case CaseloadSort.Name:
                // Rows with a visible name come in name order (ties by case number), hidden ones in case-number order.
                var named = listed.Where(c => visible.Contains(c.Id)).ToList();
                Assert.Equal(
                    named.OrderBy(c => c.SearchName, StringComparer.Ordinal).ThenBy(c => c.CaseNumber, StringComparer.Ordinal).Select(c => c.Id),
                    named.Select(c => c.Id));
                Assert.Contains(named.GroupBy(c => c.SearchName), g => g.Count() > 1);
                var hidden = listed.Where(c => !visible.Contains(c.Id)).ToList();
                Assert.Equal(hidden.Select(c => c.CaseNumber).Order(StringComparer.Ordinal), hidden.Select(c => c.CaseNumber));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(sort));
        }
    }

    [Theory]
    [MemberData(nameof(Caseworkers))]
    public async Task Status_consent_age_group_and_held_by_filters_return_exactly_the_matching_own_cases(string who)
    {
        var data = await DataAsync();
        var reader = data.Caseworker(who);
        var own = data.OwnCases(reader);
        var visible = await VisibleIdsAsync(reader);

        await ExpectAsync(new CaseloadQuery { Status = CaseStatusFilter.Active }, own.Where(c => c.Open));
        await ExpectAsync(new CaseloadQuery { Status = CaseStatusFilter.Closed }, own.Where(c => !c.Open));
        await ExpectAsync(new CaseloadQuery { Consent = ConsentFilter.Valid }, own.Where(c => c.ConsentInForce));
        await ExpectAsync(new CaseloadQuery { Consent = ConsentFilter.None }, own.Where(c => c.Consent == ConsentCase.None));
        await ExpectAsync(new CaseloadQuery { Consent = ConsentFilter.Lapsed }, own.Where(c => c.Consent is ConsentCase.Expired or ConsentCase.Revoked));
        foreach (var group in Enum.GetValues<AgeGroup>())
        {
            // The age group is master data: only rows whose master data the reader may see can match.
            await ExpectAsync(new CaseloadQuery { AgeGroup = group }, own.Where(c => c.AgeGroup == group && visible.Contains(c.Id)));
        }

        foreach (var holder in Enum.GetValues<Organisation>())
        {
            await ExpectAsync(new CaseloadQuery { HeldBy = holder }, own.Where(c => c.Owner == holder));
        }

        await ExpectAsync(
            new CaseloadQuery { Status = CaseStatusFilter.Active, HeldBy = reader.Organisation.Other(), Consent = ConsentFilter.Valid },
            own.Where(c => c.Open && c.Owner != reader.Organisation && c.ConsentInForce));

        async Task ExpectAsync(CaseloadQuery query, IEnumerable<CaseloadClient> expected)
        {
            var expectedIds = expected.Select(c => c.Id).Order().ToList();
            Assert.NotEmpty(expectedIds); // every filter value has matching data in the set
            var rows = await AllPagesAsync(reader, query with { PageSize = 4 });
            Assert.Equal(expectedIds, rows.Select(r => r.Id).Order().ToList());
        }
    }

    [Fact]
    public async Task Team_leads_steering_data_protection_and_administration_get_no_caseload()
    {
        var handler = app.Service<CaseloadQueryHandler>();
        foreach (var role in StaffRole.All.Where(r => r is not StaffRole.CaseManager and not StaffRole.DrugHelpWorker))
        {
            var member = await app.DemoMemberAsync(role);

            var page = await handler.GetPageAsync(member, new CaseloadQuery());

            Assert.Empty(page.Rows);
            Assert.Null(page.NextCursor);
        }
    }

    private async Task<HashSet<Guid>> VisibleIdsAsync(StaffMember reader)
    {
        var data = await DataAsync();
        var now = app.Now();
        await using var db = await app.DbAsync();
        var visible = new HashSet<Guid>();
        foreach (var client in data.OwnCases(reader))
        {
            var facts = await ClientAccess.LoadFactsAsync(db, client.Id, CancellationToken.None);
            if (AccessDecision.Allows(reader, facts!, DataCategory.MasterData, AccessOperation.Read, now))
            {
                visible.Add(client.Id);
            }
        }

        return visible;
    }

    private async Task<List<CaseloadRow>> AllPagesAsync(StaffMember reader, CaseloadQuery query) =>
        [.. (await PagesAsync(reader, query)).SelectMany(p => p)];

    private async Task<List<IReadOnlyList<CaseloadRow>>> PagesAsync(StaffMember reader, CaseloadQuery query)
    {
        var handler = app.Service<CaseloadQueryHandler>();
        var pages = new List<IReadOnlyList<CaseloadRow>>();
        string? cursor = null;
        do
        {
            var page = await handler.GetPageAsync(reader, query with { After = cursor });
            pages.Add(page.Rows);
            cursor = page.NextCursor;
            Assert.True(pages.Count <= 200, "Paging does not end");
        }
        while (cursor is not null);

        return pages;
    }

    private Task<CaseloadData> DataAsync() => PerFixture<CaseloadData>.GetAsync(app, CreateDataAsync);

    private static async Task<CaseloadData> CreateDataAsync(AppFixture app)
    {
        var caseworkers = new Dictionary<string, StaffMember>
        {
            ["cmA"] = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Fallmanagerin A"),
            ["cmB"] = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Fallmanager B"),
            ["dhA"] = await app.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Fachkraft A"),
            ["dhB"] = await app.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Fachkraft B"),
        };
        var today = app.Today();
        var now = app.Now();
        (DateOnly BirthDate, AgeGroup Group)[] births =
        [
            (today.AddYears(-16), AgeGroup.Adolescent),
            (today.AddYears(-18), AgeGroup.YoungAdult), // 18th birthday today
            (today.AddYears(-18).AddDays(1), AgeGroup.Adolescent), // 18 tomorrow
            (today.AddYears(-25), AgeGroup.Adult), // 25th birthday today
            (today.AddYears(-25).AddDays(1), AgeGroup.YoungAdult),
            (today.AddYears(-47), AgeGroup.Adult),
        ];
        const ConsentScope everything = ConsentScope.MasterData | ConsentScope.HelpPlan | ConsentScope.Appointments
            | ConsentScope.Referrals | ConsentScope.HealthData;
        const ConsentDirections both = ConsentDirections.JobcenterToDrugHelp | ConsentDirections.DrugHelpToJobcenter;
        var baseTime = new DateTimeOffset(now.Year, now.Month, now.Day, 8, 0, 0, TimeSpan.Zero).AddDays(-1);
        var recorder = caseworkers["cmA"].Id;

        var clients = new List<Client>();
        var described = new List<CaseloadClient>();
        string?[] caseManagers = [caseworkers["cmA"].Id, caseworkers["cmB"].Id, null];
        string?[] drugHelpWorkers = [caseworkers["dhA"].Id, caseworkers["dhB"].Id, null];
        foreach (var owner in Enum.GetValues<Organisation>())
        {
            foreach (var caseManager in caseManagers)
            {
                foreach (var drugHelpWorker in drugHelpWorkers)
                {
                    foreach (var consent in Enum.GetValues<ConsentCase>())
                    {
                        var i = clients.Count;
                        var (birthDate, group) = births[(i / 2) % births.Length];
                        var lastName = LastNames[(i / 2) % LastNames.Length]; // neighbours share the whole name
                        var firstName = FirstNames[(i / 24) % FirstNames.Length];
                        var createdAt = baseTime.AddMinutes(-(i - (i % 5 == 1 ? 1 : 0))); // every fifth pair shares an instant
                        var client = CaseData.NewClient(owner, caseManager, drugHelpWorker, firstName, lastName, birthDate, createdAt);
                        var open = i % 3 != 0;
                        client.AddEpisode(today.AddDays(-100), open);
                        var towardsOwner = owner == Organisation.Jobcenter ? ConsentDirections.DrugHelpToJobcenter : ConsentDirections.JobcenterToDrugHelp;
                        _ = consent switch
                        {
                            ConsentCase.None => null,
                            ConsentCase.Valid => client.AddConsent(recorder, everything, both, today.AddDays(-30), today.AddDays(300)),
                            ConsentCase.OtherDirectionOnly => client.AddConsent(recorder, everything, towardsOwner, today.AddDays(-30)),
                            ConsentCase.HelpPlanOnly => client.AddConsent(recorder, ConsentScope.HelpPlan, both, today.AddDays(-30)),
                            ConsentCase.Expired => client.AddConsent(recorder, everything, both, today.AddDays(-400), today.AddDays(-1)),
                            ConsentCase.Revoked => client.AddConsent(recorder, everything, both, today.AddDays(-30), revokedAt: now.AddHours(-1)),
                            ConsentCase.SignedToday => client.AddConsent(recorder, everything, both, today),
                            ConsentCase.ValidUntilToday => client.AddConsent(recorder, everything, both, today.AddDays(-300), today),
                            _ => throw new InvalidOperationException(),
                        };
                        clients.Add(client);
                        described.Add(new CaseloadClient(
                            client.Id, client.CaseNumber, owner, caseManager, drugHelpWorker, consent, open, group,
                            firstName, lastName, client.SearchName, createdAt));
                    }
                }
            }
        }

        await app.SaveClientsAsync(clients);
        return new CaseloadData(caseworkers, described);
    }

    private sealed record CaseloadClient(
        Guid Id, string CaseNumber, Organisation Owner, string? CaseManagerId, string? DrugHelpWorkerId, ConsentCase Consent,
        bool Open, AgeGroup AgeGroup, string FirstName, string LastName, string SearchName, DateTimeOffset CreatedAt)
    {
        public bool ConsentInForce => Consent is not (ConsentCase.None or ConsentCase.Expired or ConsentCase.Revoked);

        public ConsentState ExpectedConsentState => Consent switch
        {
            ConsentCase.None => ConsentState.None,
            ConsentCase.Expired => ConsentState.Expired,
            ConsentCase.Revoked => ConsentState.Revoked,
            _ => ConsentState.Valid,
        };

        public override string ToString() => $"{CaseNumber} held by {Owner}, consent {Consent}";
    }

    private sealed record CaseloadData(IReadOnlyDictionary<string, StaffMember> Caseworkers, IReadOnlyList<CaseloadClient> Clients)
    {
        public StaffMember Caseworker(string who) => Caseworkers[who];

        public List<CaseloadClient> OwnCases(StaffMember reader) =>
            [.. Clients.Where(c => (reader.Organisation == Organisation.Jobcenter ? c.CaseManagerId : c.DrugHelpWorkerId) == reader.Id)];
    }
}
