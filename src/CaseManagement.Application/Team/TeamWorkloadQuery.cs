using System.Globalization;
using CaseManagement.Application.Access;
using CaseManagement.Application.Audit;
using CaseManagement.Application.Clients;
using CaseManagement.Application.Staff;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Appointments;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Persistence.Workload;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Team;

/// <summary>The figures of one staff member; <see cref="IsCaseworker"/> is false for someone who still has cases but no caseworker role any more.</summary>
public sealed record StaffWorkload(StaffRef Staff, bool IsCaseworker, IReadOnlyDictionary<WorkloadFigure, int> Counts)
{
    public int this[WorkloadFigure figure] => Counts.GetValueOrDefault(figure);
}

/// <summary>The team-lead view: every caseworker of the team lead's team (or organisation) with their figures, as of <see cref="Today"/>.</summary>
public sealed record TeamWorkload(TeamScope Scope, DateOnly Today, IReadOnlyList<StaffWorkload> Staff)
{
    public Organisation Organisation => Scope.Organisation;

    public int Total(WorkloadFigure figure) => Staff.Sum(s => s[figure]);
}

/// <summary>
/// One counted item in the drill-down (a case, a plan, a step, an appointment, a referral) and
/// the case it belongs to. The case number only where the team lead may know of the case, the
/// name only where the access decision lets them read its master data.
/// </summary>
/// <param name="MayReassign">The team lead may hand this case, which the person is responsible for, to someone else.</param>
/// <param name="ConcurrencyStamp">The case's version when the list was loaded; a reassignment carries it.</param>
public sealed record TeamCaseRow(
    Guid ItemId, Guid? ClientId, string? CaseNumber, string? DisplayName, string Reason, bool MayReassign, Guid? ConcurrencyStamp);

public sealed record TeamCasePage(StaffWorkload Person, WorkloadFigure Figure, IReadOnlyList<TeamCaseRow> Rows, string? NextCursor);

/// <summary>
/// Caseloads of the team lead's own organisation (Fallbelastung), counted in the database, and
/// the items behind each figure for one person, paged by keyset. The figures and the drill-down
/// come from the same item queries, so they cannot disagree.
/// <para>
/// Attribution: case figures count for the person responsible for the client in the team lead's
/// organisation; help-plan and referral figures only where that person may read the plan or the
/// referral (their own organisation holds it, or a consent shares it), which is what their own
/// home page shows. Appointment figures count for every person of the organisation who takes
/// part, whoever is responsible for the client.
/// </para>
/// <para>
/// The team lead sees counts, case numbers and dates, never plan, appointment or referral
/// contents: their access decision covers master data only.
/// </para>
/// </summary>
public sealed class TeamWorkloadQuery(IDbContextFactory<CaseManagementDbContext> contextFactory, ClientAccess access, AuditTrail audit, StaffDirectory staff)
{
    public const int DefaultPageSize = 25;

    public async Task<TeamWorkload?> ForAsync(StaffMember teamLead, CancellationToken cancellationToken = default)
    {
        if (!teamLead.IsTeamLead)
        {
            return null;
        }

        var window = Window.At(teamLead.Organisation, access.Now);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var scope = await TeamScope.OfAsync(db, teamLead, cancellationToken);
        var people = await WorkloadsAsync(db, window, scope, onlyStaffId: null, cancellationToken);
        return new TeamWorkload(scope, window.Today, people);
    }

    /// <summary>
    /// The items behind one figure of one person of the team lead's organisation, oldest first;
    /// null when the person is not of that organisation. Audited as a list when it shows names.
    /// </summary>
    /// <param name="search">
    /// Part of a case number, or of a name the team lead may read: a name the team lead may not
    /// read is never matched, so a search cannot confirm who is behind a hidden case.
    /// </param>
    public async Task<TeamCasePage?> CasesAsync(
        StaffMember teamLead, string staffId, WorkloadFigure figure, string? after = null, int pageSize = DefaultPageSize,
        string? search = null, CancellationToken cancellationToken = default)
    {
        if (!teamLead.IsTeamLead || !Enum.IsDefined(figure))
        {
            return null;
        }

        var window = Window.At(teamLead.Organisation, access.Now);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var scope = await TeamScope.OfAsync(db, teamLead, cancellationToken, onlyStaffId: staffId);
        if (!scope.Includes(staffId))
        {
            return null;
        }

        var person = (await WorkloadsAsync(db, window, scope, staffId, cancellationToken)).SingleOrDefault(p => p.Staff.Id == staffId);
        if (person is null)
        {
            return null;
        }

        var page = await ItemPageAsync(db, teamLead, window, staffId, figure, after, pageSize, search, cancellationToken);

        var size = Math.Clamp(pageSize, 1, 100);
        var shown = page.Take(size).ToList();
        var clientIds = shown.Where(i => i.ClientId is not null).Select(i => i.ClientId!.Value).Distinct().ToList();
        var subjects = await ClientAccess.LoadFactsAsync(db, clientIds, cancellationToken);

        var rows = shown.Select(item =>
        {
            var reason = Reason(figure, item, window.Today);
            if (item.ClientId is not { } clientId || !subjects.TryGetValue(clientId, out var subject))
            {
                return new TeamCaseRow(item.ItemId, null, null, null, reason, false, null);
            }

            var permissions = access.For(teamLead, subject.Facts);
            if (!permissions.MayOverseeWorkload)
            {
                return new TeamCaseRow(item.ItemId, null, null, null, reason, false, null);
            }

            var name = permissions.MayRead(DataCategory.MasterData) ? subject.SortName : null;
            var mayReassign = AccessDecision.MayReassign(teamLead, subject.Facts, teamLead.Organisation)
                && string.Equals(subject.Facts.ResponsibleIn(teamLead.Organisation), staffId, StringComparison.Ordinal);
            return new TeamCaseRow(item.ItemId, clientId, subject.CaseNumber, name, reason, mayReassign, subject.ConcurrencyStamp);
        }).ToList();

        // Case numbers with dates of a person's work are case data too: every shown case is recorded, named or not.
        await audit.ListViewedAsync(
            teamLead, $"Team: {figure.Label()}", rows.Where(r => r.CaseNumber is not null).Select(r => r.CaseNumber!).Distinct(), cancellationToken);
        var last = page.Count > size ? shown[^1] : null;
        return new TeamCasePage(person, figure, rows, last is null ? null : Cursor.After(last).ToString());
    }

    /// <summary>One page of the person's items behind the figure (one more than the page size, to know whether another follows).</summary>
    private async Task<List<Item>> ItemPageAsync(
        CaseManagementDbContext db, StaffMember teamLead, Window window, string staffId, WorkloadFigure figure, string? after, int pageSize,
        string? search, CancellationToken cancellationToken)
    {
        var items = Items(db, window, [staffId], figure);
        if (SearchText.Normalize(search) is { Length: > 0 } term)
        {
            items = await MatchingAsync(db, teamLead, items, term, search!.Trim().ToUpperInvariant(), cancellationToken);
        }

        return await OldestFirstAsync(items, Cursor.Parse(after), Math.Clamp(pageSize, 1, 100) + 1, cancellationToken);
    }

    /// <summary>The items of a figure oldest first, after the keyset cursor if given: the drill-down's pages and the caseworker's own list.</summary>
    private static async Task<List<Item>> OldestFirstAsync(FigureItems items, Cursor? after, int take, CancellationToken cancellationToken)
    {
        if (items.Dated is { } dated)
        {
            if (after is not null)
            {
                var (day, id) = (after.Day, after.ItemId);
                dated = dated.Where(i => i.On > day || (i.On == day && i.ItemId.CompareTo(id) > 0));
            }

            return await dated.OrderBy(i => i.On).ThenBy(i => i.ItemId).Take(take)
                .Select(i => new Item(i.ClientId, i.ItemId, i.On, null))
                .ToListAsync(cancellationToken);
        }

        var timed = items.Timed!;
        if (after is not null)
        {
            var (at, id) = (after.Instant, after.ItemId);
            timed = timed.Where(i => i.At > at || (i.At == at && i.ItemId.CompareTo(id) > 0));
        }

        return await timed.OrderBy(i => i.At).ThenBy(i => i.ItemId).Take(take)
            .Select(i => new Item(i.ClientId, i.ItemId, null, i.At))
            .ToListAsync(cancellationToken);
    }

    private async Task<FigureItems> MatchingAsync(
        CaseManagementDbContext db, StaffMember teamLead, FigureItems items, string nameTerm, string caseNumberTerm, CancellationToken cancellationToken)
    {
        var ofFigure = items.Dated?.Select(i => i.ClientId) ?? items.Timed!.Select(i => i.ClientId);
        var candidates = await db.Clients.AsNoTracking()
            .Where(c => ofFigure.Contains(c.Id) && (c.CaseNumber.Contains(caseNumberTerm) || c.SearchName.Contains(nameTerm)))
            .Select(c => new { c.Id, ByCaseNumber = c.CaseNumber.Contains(caseNumberTerm) })
            .ToListAsync(cancellationToken);
        var subjects = await ClientAccess.LoadFactsAsync(db, [.. candidates.Select(c => c.Id)], cancellationToken);
        List<Guid?> matching = [.. candidates
            .Where(c => subjects.TryGetValue(c.Id, out var subject) && access.For(teamLead, subject.Facts) is var permissions
                && (c.ByCaseNumber ? permissions.MayOverseeWorkload : permissions.MayRead(DataCategory.MasterData)))
            .Select(c => (Guid?)c.Id)];
        return new FigureItems(
            items.Dated?.Where(i => matching.Contains(i.ClientId)),
            items.Timed?.Where(i => matching.Contains(i.ClientId)));
    }

    /// <summary>
    /// More than anyone's own items: the home page's panel counts what it lists, and a list cut at
    /// 50 told a caseworker with 60 long waits that there were 50.
    /// </summary>
    public const int AllOwnItems = 1000;

    /// <summary>
    /// The caseworker's own items behind one figure, from the very query that counts them for the
    /// team lead: the home page and the team view share one definition and cannot disagree. Names
    /// by the caseworker's own access decision; audited as a list when it shows names.
    /// </summary>
    public async Task<IReadOnlyList<OverviewCase>> OwnItemsAsync(
        StaffMember caseworker, WorkloadFigure figure, int limit = AllOwnItems, CancellationToken cancellationToken = default)
    {
        if (!caseworker.IsCaseworker || !Enum.IsDefined(figure))
        {
            return [];
        }

        var window = Window.At(caseworker.Organisation, access.Now);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var items = Items(db, window, [caseworker.Id], figure);
        var size = Math.Clamp(limit, 1, AllOwnItems);
        var found = await OldestFirstAsync(items, after: null, size, cancellationToken);
        var clientIds = found.Where(i => i.ClientId is not null).Select(i => i.ClientId!.Value).Distinct().ToList();
        var subjects = await ClientAccess.LoadFactsAsync(db, clientIds, cancellationToken);
        var partners = figure == WorkloadFigure.ReferralsWaiting ? await WaitingOnAsync(db, found, cancellationToken) : [];
        var withReferralContent = new HashSet<string>(StringComparer.Ordinal);
        var rows = found
            .Where(i => i.ClientId is { } id && subjects.ContainsKey(id))
            .Select(i =>
            {
                var subject = subjects[i.ClientId!.Value];
                var permissions = access.For(caseworker, subject.Facts);
                var name = permissions.MayRead(DataCategory.MasterData) ? subject.SortName : null;
                var href = figure == WorkloadFigure.ReferralsWaiting ? $"/klienten/{i.ClientId}/vermittlungen/{i.ItemId}" : null;
                var reason = Reason(figure, i, window.Today);
                // Whom the caseworker is to chase: the partner, where they may read the referral (the figure counts only those).
                if (partners.TryGetValue(i.ItemId, out var partner) && permissions.Allows(DataCategory.Referrals, partner.Holder, AccessOperation.Read))
                {
                    reason = $"{reason}: {partner.Name}";
                    withReferralContent.Add(subject.CaseNumber);
                }

                return new OverviewCase(i.ClientId!.Value, subject.CaseNumber, name, reason, href);
            })
            .ToList();
        // Audited where the list shows the case's data: its name, or whom its referral waits on.
        await audit.ListViewedAsync(
            caseworker, $"Startseite: {figure.Label()}",
            rows.Where(r => r.DisplayName is not null || withReferralContent.Contains(r.CaseNumber)).Select(r => r.CaseNumber).Distinct(), cancellationToken);
        return rows;
    }

    /// <summary>The partner each waiting referral waits on (its name in the directory, else its kind), with the organisation that holds it.</summary>
    private static async Task<Dictionary<Guid, (string Name, Organisation Holder)>> WaitingOnAsync(
        CaseManagementDbContext db, IReadOnlyCollection<Item> referrals, CancellationToken cancellationToken)
    {
        var ids = referrals.Select(r => r.ItemId).ToList();
        var found = await (
            from r in db.Referrals.AsNoTracking()
            where ids.Contains(r.Id)
            join p in db.Partners on r.PartnerId equals p.Id into named
            from p in named.DefaultIfEmpty()
            select new { r.Id, r.PartnerType, Name = p == null ? null : p.Name, r.HolderOrganisation })
            .ToListAsync(cancellationToken);
        return found.ToDictionary(r => r.Id, r => (r.Name ?? r.PartnerType.German(), r.HolderOrganisation));
    }

    /// <summary>
    /// The workload facts of one case for the team lead's organisation, figure by figure, oldest
    /// first: the very items the figures count (an appointment once, however many of the
    /// organisation's staff take part), described by kind and date only. The caller decides
    /// access (<see cref="AccessDecision.MayOverseeWorkload"/>) and audits.
    /// </summary>
    internal async Task<IReadOnlyList<TeamCaseFact>> FactsOfCaseAsync(
        CaseManagementDbContext db, Organisation organisation, Guid clientId, CancellationToken cancellationToken)
    {
        var window = Window.At(organisation, access.Now);
        var facts = new List<TeamCaseFact>();
        foreach (var figure in WorkloadFigures.All)
        {
            var items = Items(db, window, onlyStaff: null, figure);
            var ofCase = new FigureItems(items.Dated?.Where(i => i.ClientId == clientId), items.Timed?.Where(i => i.ClientId == clientId));
            var found = await OldestFirstAsync(ofCase, after: null, take: 100, cancellationToken);
            facts.AddRange(found.DistinctBy(i => i.ItemId).Select(i => new TeamCaseFact(figure, Reason(figure, i, window.Today))));
        }

        return facts;
    }

    /// <summary>
    /// The case's next appointment (not cancelled) in which someone of the organisation takes
    /// part, however far ahead: appointments as the figure of the next seven days counts them.
    /// </summary>
    internal async Task<DateTimeOffset?> NextAppointmentAsync(
        CaseManagementDbContext db, Organisation organisation, Guid clientId, CancellationToken cancellationToken)
    {
        var now = access.Now;
        return await (
            from p in db.AppointmentParticipants
            where p.Organisation == organisation
            join a in db.Appointments on p.AppointmentId equals a.Id
            where a.ClientId == clientId && a.Start >= now && a.Outcome != AppointmentOutcome.Cancelled
            orderby a.Start
            select (DateTimeOffset?)a.Start).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// The figures of the scope's people (or of one of them). Case and plan figures come from the
    /// summary the database keeps per client (<see cref="ClientWorkload"/>, <see cref="WorkloadDeadline"/>):
    /// one row per client with something to count and one per dated item, read through the
    /// person's index; the day and the consents are applied here, with the same rules as
    /// <see cref="Items"/>. Appointment figures come from their item queries (participants carry
    /// their appointment's start). <see cref="ItemCountsAsync"/> counts everything from the item
    /// queries instead; a test holds the two equal.
    /// </summary>
    private async Task<List<StaffWorkload>> WorkloadsAsync(
        CaseManagementDbContext db, Window window, TeamScope scope, string? onlyStaffId, CancellationToken cancellationToken)
    {
        IReadOnlyCollection<string>? counted = onlyStaffId is not null ? [onlyStaffId] : scope.Members;
        var counts = await SummaryCountsAsync(db, window, counted, cancellationToken);
        return await PeopleAsync(window, scope, onlyStaffId, counts, cancellationToken);
    }

    /// <summary>
    /// Every figure of every person of the organisation counted from the item queries, as the
    /// drill-down lists them: the reference the summary's figures must equal.
    /// </summary>
    internal async Task<IReadOnlyList<(string StaffId, WorkloadFigure Figure, int Count)>> ItemCountsAsync(
        Organisation organisation, CancellationToken cancellationToken = default)
    {
        var window = Window.At(organisation, access.Now);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        IQueryable<FigureCount>? union = null;
        foreach (var figure in WorkloadFigures.All)
        {
            var perPerson = PerPerson(Items(db, window, onlyStaff: null, figure), figure);
            union = union is null ? perPerson : union.Concat(perPerson);
        }

        return [.. (await union!.ToListAsync(cancellationToken)).Where(c => c.Count > 0).Select(c => (c.StaffId, (WorkloadFigure)c.Figure, c.Count))];
    }

    private static IQueryable<FigureCount> PerPerson(FigureItems items, WorkloadFigure figure)
    {
        var staffIds = items.Dated?.Select(i => i.StaffId) ?? items.Timed!.Select(i => i.StaffId);
        var figureNumber = (int)figure;
        return staffIds.GroupBy(id => id).Select(g => new FigureCount { Figure = figureNumber, StaffId = g.Key, Count = g.Count() });
    }

    /// <summary>Up to this many people, the figures are read one after the other on one connection.</summary>
    private const int SmallScope = 50;

    /// <summary>
    /// The per-client figures and the dated and timed ones are two independent reads of about the
    /// same cost for a whole organisation: they run side by side on two connections, so the page
    /// waits for the slower one rather than for both.
    /// </summary>
    private async Task<List<FigureCount>> SummaryCountsAsync(
        CaseManagementDbContext db, Window window, IReadOnlyCollection<string>? counted, CancellationToken cancellationToken)
    {
        if (counted is { Count: <= SmallScope })
        {
            // A team or one person: both reads are a few index lookups, cheaper than a second connection.
            var datedAndTimed = await DatedAndTimedCountsAsync(db, window, counted, cancellationToken);
            return [.. datedAndTimed, .. await PerClientCountsAsync(db, window, counted, cancellationToken)];
        }

        await using var second = await contextFactory.CreateDbContextAsync(cancellationToken);
        var perClient = PerClientCountsAsync(second, window, counted, cancellationToken);
        var dated = DatedAndTimedCountsAsync(db, window, counted, cancellationToken);
        await Task.WhenAll(perClient, dated);
        return [.. await dated, .. await perClient];
    }

    /// <summary>Active cases, cases without a counterpart and draft plans, from the summary row of each client.</summary>
    private static async Task<List<FigureCount>> PerClientCountsAsync(
        CaseManagementDbContext db, Window window, IReadOnlyCollection<string>? counted, CancellationToken cancellationToken)
    {
        var org = window.Organisation;
        var plansShared = AccessFilters.ConsentShares(DataCategory.HelpPlan, org.Other(), window.Now);
        var clients = org == Organisation.Jobcenter
            ? db.ClientWorkloads.Where(w => w.CaseManagerId != null)
                .Select(w => new SummaryRow { StaffId = w.CaseManagerId!, ClientId = w.ClientId, Owner = w.OwningOrganisation, OtherSideStaffed = w.DrugHelpWorkerId != null, OpenEpisodes = w.OpenEpisodes, DraftPlans = w.DraftPlans })
            : db.ClientWorkloads.Where(w => w.DrugHelpWorkerId != null)
                .Select(w => new SummaryRow { StaffId = w.DrugHelpWorkerId!, ClientId = w.ClientId, Owner = w.OwningOrganisation, OtherSideStaffed = w.CaseManagerId != null, OpenEpisodes = w.OpenEpisodes, DraftPlans = w.DraftPlans });
        if (counted is not null)
        {
            clients = clients.Where(c => counted.Contains(c.StaffId));
        }

        // Plan figures only where the person may read the plan: the rule of TeamClients. Counted
        // rather than EXISTS on purpose: PostgreSQL would hash every consent of the city for an
        // EXISTS inside OR (12-25 ms), where looking up the few clients that need it takes
        // a fraction of that, for a team and for the whole organisation alike.
        var perClient = await clients
            .Select(c => new
            {
                c.StaffId,
                c.OpenEpisodes,
                Unstaffed = c.OtherSideStaffed ? 0 : c.OpenEpisodes,
                Drafts = c.DraftPlans > 0 && (c.Owner == org || db.Consents.Where(k => k.ClientId == c.ClientId).Count(plansShared) > 0) ? c.DraftPlans : 0,
            })
            .GroupBy(c => c.StaffId)
            .Select(g => new { StaffId = g.Key, Active = g.Sum(c => c.OpenEpisodes), Unstaffed = g.Sum(c => c.Unstaffed), Drafts = g.Sum(c => c.Drafts) })
            .ToListAsync(cancellationToken);
        return [.. perClient.SelectMany(p => new[]
        {
            new FigureCount { Figure = (int)WorkloadFigure.ActiveCases, StaffId = p.StaffId, Count = p.Active },
            new FigureCount { Figure = (int)WorkloadFigure.WithoutCounterpart, StaffId = p.StaffId, Count = p.Unstaffed },
            new FigureCount { Figure = (int)WorkloadFigure.DraftPlans, StaffId = p.StaffId, Count = p.Drafts },
        })];
    }

    /// <summary>Overdue reviews and steps and waiting referrals from the summary's deadlines; appointments from their item queries.</summary>
    private static async Task<List<FigureCount>> DatedAndTimedCountsAsync(
        CaseManagementDbContext db, Window window, IReadOnlyCollection<string>? counted, CancellationToken cancellationToken)
    {
        var org = window.Organisation;
        var (today, waitingSince) = (window.Today, window.WaitingSince);
        var plansShared = AccessFilters.ConsentShares(DataCategory.HelpPlan, org.Other(), window.Now);
        var referralsShared = AccessFilters.ConsentShares(DataCategory.Referrals, org.Other(), window.Now);
        var deadlines = org == Organisation.Jobcenter
            ? db.WorkloadDeadlines.Where(d => d.CaseManagerId != null)
                .Select(d => new DeadlineRow { StaffId = d.CaseManagerId!, ClientId = d.ClientId, Kind = d.Kind, On = d.On, Owner = d.OwningOrganisation, Holder = d.HolderOrganisation })
            : db.WorkloadDeadlines.Where(d => d.DrugHelpWorkerId != null)
                .Select(d => new DeadlineRow { StaffId = d.DrugHelpWorkerId!, ClientId = d.ClientId, Kind = d.Kind, On = d.On, Owner = d.OwningOrganisation, Holder = d.HolderOrganisation });
        if (counted is not null)
        {
            deadlines = deadlines.Where(d => counted.Contains(d.StaffId));
        }

        // Plan figures only where the person may read the plan, referral figures only where their
        // organisation holds the referral or a consent shares it: the rules of TeamClients.
        var (review, step, referral) = (WorkloadDeadlineKind.Review, WorkloadDeadlineKind.Step, WorkloadDeadlineKind.Referral);
        var reviews = deadlines.Where(d => d.Kind == review && d.On < today
            && (d.Owner == org || db.Consents.Where(k => k.ClientId == d.ClientId).Count(plansShared) > 0));
        var steps = deadlines.Where(d => d.Kind == step && d.On < today
            && (d.Owner == org || db.Consents.Where(k => k.ClientId == d.ClientId).Count(plansShared) > 0));
        var referrals = deadlines.Where(d => d.Kind == referral && d.On < waitingSince
            && (d.Holder == org || db.Consents.Where(k => k.ClientId == d.ClientId).Count(referralsShared) > 0));
        var union = PerPerson(reviews, WorkloadFigure.ReviewsOverdue)
            .Concat(PerPerson(steps, WorkloadFigure.StepsOverdue))
            .Concat(PerPerson(referrals, WorkloadFigure.ReferralsWaiting));
        foreach (var figure in new[] { WorkloadFigure.AppointmentsNextSevenDays, WorkloadFigure.NoShowsLastThirtyDays })
        {
            union = union.Concat(PerPerson(Items(db, window, counted, figure), figure));
        }

        return await union.ToListAsync(cancellationToken);
    }

    private static IQueryable<FigureCount> PerPerson(IQueryable<DeadlineRow> rows, WorkloadFigure figure)
    {
        var figureNumber = (int)figure;
        return rows.GroupBy(d => d.StaffId).Select(g => new FigureCount { Figure = figureNumber, StaffId = g.Key, Count = g.Count() });
    }

    private async Task<List<StaffWorkload>> PeopleAsync(
        Window window, TeamScope scope, string? onlyStaffId, List<FigureCount> figureCounts, CancellationToken cancellationToken)
    {
        // Zero counts (a person whose plans have no overdue step) must not make a former colleague appear.
        var counts = figureCounts
            .Where(c => c.Count > 0)
            .ToLookup(c => c.StaffId, StringComparer.Ordinal);
        var caseworkerIds = scope.Caseworkers.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        // People who still have cases or appointments but are no caseworkers any more (role changed,
        // account deactivated): their cases need a new home most of all.
        var others = counts.Select(c => c.Key).Where(id => !caseworkerIds.Contains(id)).ToList();
        var otherRefs = (await staff.ByIdAsync(others, cancellationToken)).Values.Where(s => s.Organisation == window.Organisation);

        var german = StringComparer.Create(CultureInfo.GetCultureInfo("de-DE"), ignoreCase: true);
        return [.. scope.Caseworkers.Select(c => (Ref: c, IsCaseworker: true))
            .Concat(otherRefs.Select(c => (Ref: c, IsCaseworker: false)))
            .Where(p => onlyStaffId is null || p.Ref.Id == onlyStaffId)
            .OrderBy(p => p.Ref.DisplayName, german)
            .Select(p => new StaffWorkload(
                p.Ref, p.IsCaseworker, WorkloadFigures.All.ToDictionary(f => f, f => counts[p.Ref.Id].Where(c => c.Figure == (int)f).Sum(c => c.Count))))];
    }

    /// <summary>Open steps whose due date has passed.</summary>
    private static System.Linq.Expressions.Expression<Func<PlanStep, bool>> Overdue(DateOnly today) =>
        s => (s.Status == StepStatus.Planned || s.Status == StepStatus.InProgress) && s.DueOn != null && s.DueOn < today;

    private static string Reason(WorkloadFigure figure, Item item, DateOnly today) => figure switch
    {
        WorkloadFigure.ActiveCases => $"laufend seit {FormatDay(item)}",
        WorkloadFigure.DraftPlans => $"Hilfeplan im Entwurf seit {GermanCalendar.Format(GermanCalendar.DateOf(item.At!.Value))}",
        WorkloadFigure.ReviewsOverdue => $"Fortschreibung überfällig seit {FormatDay(item)}",
        WorkloadFigure.StepsOverdue => $"Schritt im Hilfeplan fällig seit {FormatDay(item)}",
        WorkloadFigure.AppointmentsNextSevenDays => item.ClientId is null
            ? $"anonymer Kontakt am {FormatInstant(item)} Uhr"
            : $"Termin am {FormatInstant(item)} Uhr",
        WorkloadFigure.NoShowsLastThirtyDays => $"nicht erschienen am {FormatInstant(item)} Uhr",
        WorkloadFigure.ReferralsWaiting =>
            $"Vermittlung angefragt am {FormatDay(item)}, wartet seit {today.DayNumber - item.On!.Value.DayNumber} Tagen",
        WorkloadFigure.WithoutCounterpart => $"laufend seit {FormatDay(item)}, bei der anderen Organisation niemand zuständig",
        _ => throw new ArgumentOutOfRangeException(nameof(figure), figure, null),
    };

    private static string FormatDay(Item item) => GermanCalendar.Format(item.On!.Value);

    private static string FormatInstant(Item item) =>
        GermanCalendar.ToLocal(item.At!.Value).ToString("dd.MM.yyyy, HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The items behind a figure: dated ones (a day) or timed ones (an instant); exactly one is set.</summary>
    /// <param name="onlyStaff">The people whose items count; null for everyone of the organisation.</param>
    private static FigureItems Items(CaseManagementDbContext db, Window window, IReadOnlyCollection<string>? onlyStaff, WorkloadFigure figure)
    {
        var org = window.Organisation;
        var clients = TeamClients(db, window, onlyStaff);
        var participants = db.AppointmentParticipants.Where(p => p.Organisation == org);
        if (onlyStaff is not null)
        {
            participants = participants.Where(p => onlyStaff.Contains(p.StaffId));
        }

        var (today, now, weekFrom, weekTo, noShowsFrom, waitingSince) =
            (window.Today, window.Now, window.WeekFrom, window.WeekTo, window.NoShowsFrom, window.WaitingSince);
        var inForce = HelpPlanStatus.Agreed;
        var unstaffedOnTheOtherSide = org == Organisation.Jobcenter
            ? db.Clients.Where(c => c.ResponsibleDrugHelpWorkerId == null)
            : db.Clients.Where(c => c.ResponsibleCaseManagerId == null);
        return figure switch
        {
            WorkloadFigure.ActiveCases => new FigureItems(
                from t in clients
                join e in db.Episodes on t.ClientId equals e.ClientId
                where e.EndedOn == null
                select new DatedItem { StaffId = t.StaffId, ClientId = t.ClientId, ItemId = e.Id, On = e.StartedOn },
                null),
            WorkloadFigure.DraftPlans => new FigureItems(
                null,
                from t in clients
                where t.PlanReadable
                join p in db.HelpPlans on t.ClientId equals p.ClientId
                where p.Status == HelpPlanStatus.Draft
                select new TimedItem { StaffId = t.StaffId, ClientId = t.ClientId, ItemId = p.Id, At = p.CreatedAt }),
            WorkloadFigure.ReviewsOverdue => new FigureItems(
                from t in clients
                where t.PlanReadable
                join p in db.HelpPlans on t.ClientId equals p.ClientId
                where p.Status == inForce && p.NextReviewOn != null && p.NextReviewOn < today
                select new DatedItem { StaffId = t.StaffId, ClientId = t.ClientId, ItemId = p.Id, On = p.NextReviewOn!.Value },
                null),
            WorkloadFigure.StepsOverdue => new FigureItems(
                from t in clients
                where t.PlanReadable
                join p in db.HelpPlans on t.ClientId equals p.ClientId
                where p.Status == inForce
                join g in db.PlanGoals on p.Id equals g.PlanId
                join s in db.PlanSteps.Where(Overdue(today)) on g.Id equals s.GoalId
                select new DatedItem { StaffId = t.StaffId, ClientId = t.ClientId, ItemId = s.Id, On = s.DueOn!.Value },
                null),
            WorkloadFigure.AppointmentsNextSevenDays => new FigureItems(
                null,
                from p in participants
                where p.Start >= weekFrom && p.Start < weekTo
                join a in db.Appointments on p.AppointmentId equals a.Id
                where a.Start >= weekFrom && a.Start < weekTo && a.Outcome != AppointmentOutcome.Cancelled
                select new TimedItem { StaffId = p.StaffId, ClientId = a.ClientId, ItemId = a.Id, At = a.Start }),
            WorkloadFigure.NoShowsLastThirtyDays => new FigureItems(
                null,
                from p in participants
                where p.Start >= noShowsFrom && p.Start < now
                join a in db.Appointments on p.AppointmentId equals a.Id
                where a.Start >= noShowsFrom && a.Start < now && a.Outcome == AppointmentOutcome.NoShow
                select new TimedItem { StaffId = p.StaffId, ClientId = a.ClientId, ItemId = a.Id, At = a.Start }),
            WorkloadFigure.ReferralsWaiting => new FigureItems(
                from t in clients
                join r in db.Referrals on t.ClientId equals r.ClientId
                where (r.Progress.Status == ReferralStatus.Requested || r.Progress.Status == ReferralStatus.AppointmentAgreed)
                    && r.Progress.RequestedOn != null && r.Progress.RequestedOn < waitingSince
                    && (r.HolderOrganisation == org || t.OtherReferralsReadable)
                select new DatedItem { StaffId = t.StaffId, ClientId = t.ClientId, ItemId = r.Id, On = r.Progress.RequestedOn!.Value },
                null),
            WorkloadFigure.WithoutCounterpart => new FigureItems(
                from t in clients
                join c in unstaffedOnTheOtherSide on t.ClientId equals c.Id
                join e in db.Episodes on c.Id equals e.ClientId
                where e.EndedOn == null
                select new DatedItem { StaffId = t.StaffId, ClientId = t.ClientId, ItemId = e.Id, On = e.StartedOn },
                null),
            _ => throw new ArgumentOutOfRangeException(nameof(figure), figure, null),
        };
    }

    /// <summary>
    /// Clients the organisation is responsible for, with the responsible person and whether that
    /// person may read the client's plan and the other organisation's referrals (AccessDecision in SQL).
    /// </summary>
    private static IQueryable<TeamClient> TeamClients(CaseManagementDbContext db, Window window, IReadOnlyCollection<string>? onlyStaff)
    {
        var org = window.Organisation;
        var plansShared = AccessFilters.ConsentShares(DataCategory.HelpPlan, org.Other(), window.Now);
        var referralsShared = AccessFilters.ConsentShares(DataCategory.Referrals, org.Other(), window.Now);
        var responsible = org == Organisation.Jobcenter
            ? db.Clients.Where(c => c.ResponsibleCaseManagerId != null).Select(c => new { Client = c, StaffId = c.ResponsibleCaseManagerId! })
            : db.Clients.Where(c => c.ResponsibleDrugHelpWorkerId != null).Select(c => new { Client = c, StaffId = c.ResponsibleDrugHelpWorkerId! });
        if (onlyStaff is not null)
        {
            responsible = responsible.Where(x => onlyStaff.Contains(x.StaffId));
        }

        return responsible.Select(x => new TeamClient
        {
            ClientId = x.Client.Id,
            StaffId = x.StaffId,
            PlanReadable = x.Client.OwningOrganisation == org || x.Client.Consents.AsQueryable().Any(plansShared),
            OtherReferralsReadable = x.Client.Consents.AsQueryable().Any(referralsShared),
        });
    }

    /// <summary>The periods the figures look at, in Ludwigshafen's calendar.</summary>
    private sealed record Window(Organisation Organisation, DateTimeOffset Now, DateOnly Today)
    {
        public DateTimeOffset WeekFrom => GermanCalendar.At(Today, TimeOnly.MinValue);

        public DateTimeOffset WeekTo => GermanCalendar.At(Today.AddDays(WorkloadFigures.AppointmentDays), TimeOnly.MinValue);

        public DateTimeOffset NoShowsFrom => GermanCalendar.At(Today.AddDays(-WorkloadFigures.NoShowDays), TimeOnly.MinValue);

        /// <summary>Requested before this day: waiting more than 30 days.</summary>
        public DateOnly WaitingSince => Today.AddDays(-WorkloadFigures.ReferralWaitingDays);

        public static Window At(Organisation organisation, DateTimeOffset now) => new(organisation, now, GermanCalendar.DateOf(now));
    }

    private sealed record FigureItems(IQueryable<DatedItem>? Dated, IQueryable<TimedItem>? Timed);

    private sealed record Item(Guid? ClientId, Guid ItemId, DateOnly? On, DateTimeOffset? At);

    // Classes with settable members, not records: EF composes queries over member-init projections only.
    private sealed class TeamClient
    {
        public Guid ClientId { get; init; }

        public string StaffId { get; init; } = "";

        public bool PlanReadable { get; init; }

        public bool OtherReferralsReadable { get; init; }
    }

    private sealed class SummaryRow
    {
        public string StaffId { get; init; } = "";

        public Guid ClientId { get; init; }

        public Organisation Owner { get; init; }

        public bool OtherSideStaffed { get; init; }

        public int OpenEpisodes { get; init; }

        public int DraftPlans { get; init; }
    }

    private sealed class DeadlineRow
    {
        public string StaffId { get; init; } = "";

        public Guid ClientId { get; init; }

        public WorkloadDeadlineKind Kind { get; init; }

        public DateOnly On { get; init; }

        public Organisation Owner { get; init; }

        public Organisation? Holder { get; init; }
    }

    private sealed class FigureCount
    {
        public int Figure { get; init; }

        public string StaffId { get; init; } = "";

        public int Count { get; init; }
    }

    private sealed class DatedItem
    {
        public string StaffId { get; init; } = "";

        public Guid? ClientId { get; init; }

        public Guid ItemId { get; init; }

        public DateOnly On { get; init; }
    }

    private sealed class TimedItem
    {
        public string StaffId { get; init; } = "";

        public Guid? ClientId { get; init; }

        public Guid ItemId { get; init; }

        public DateTimeOffset At { get; init; }
    }

    /// <summary>Keyset cursor: the last item's day or instant and its id ("day.id" or "ticks.id").</summary>
    private sealed record Cursor(long Key, Guid ItemId)
    {
        public DateOnly Day => DateOnly.FromDayNumber((int)Math.Clamp(Key, DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber));

        public DateTimeOffset Instant => new(Math.Clamp(Key, DateTimeOffset.MinValue.UtcTicks, DateTimeOffset.MaxValue.UtcTicks), TimeSpan.Zero);

        public static Cursor After(Item item) => new(item.On?.DayNumber ?? item.At!.Value.UtcTicks, item.ItemId);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Key}.{ItemId:N}");

        public static Cursor? Parse(string? value)
        {
            var parts = value?.Split('.');
            return parts is [var key, var id]
                && long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                && Guid.TryParseExact(id, "N", out var itemId)
                    ? new Cursor(number, itemId)
                    : null;
        }
    }
}
