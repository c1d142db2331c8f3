using CaseManagement.Application.Access;
using CaseManagement.Application.Audit;
using CaseManagement.Application.Staff;
using CaseManagement.Application.Team;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests.Team;

/// <summary>
/// Changes of every kind that the team lead's figures depend on, by hand and at random, each
/// written the way the product writes it (tracked entities, ExecuteUpdate, plain SQL), and after
/// them the check that the figures from the summary the database keeps equal the figures counted
/// from the item queries, for every person and figure, on several days; and that the summary
/// tables hold exactly what their source views compute. Shared by the PostgreSQL and the SQLite test.
/// </summary>
internal sealed class WorkloadSummaryScenario(IServiceProvider services)
{
    private readonly IDbContextFactory<CaseManagementDbContext> _factory = services.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>();
    private readonly DateOnly _today = GermanCalendar.DateOf(services.GetRequiredService<TimeProvider>().GetUtcNow());
    private readonly List<Guid> _clients = [];
    private List<StaffMember> _caseManagers = [];
    private List<StaffMember> _drugHelpWorkers = [];
    private StaffMember _jobcenterLead = default!;
    private StaffMember _drugHelpLead = default!;
    private Partner _partner = default!;
    private int _comparisons;
    private bool _byHand;

    public int Comparisons => _comparisons;

    public async Task PrepareAsync()
    {
        var caseworkers = DemoAccounts.All.Concat(DemoAccounts.AdditionalCaseworkers).ToList();
        _caseManagers = [.. await Task.WhenAll(caseworkers.Where(a => a.Role == StaffRole.CaseManager).Select(a => StaffMembers.ByEmailAsync(services, a.Email)))];
        _drugHelpWorkers = [.. await Task.WhenAll(caseworkers.Where(a => a.Role == StaffRole.DrugHelpWorker).Select(a => StaffMembers.ByEmailAsync(services, a.Email)))];
        _jobcenterLead = await StaffMembers.ByEmailAsync(services, DemoAccounts.All.First(a => a.Role == StaffRole.TeamLeadJobcenter).Email);
        _drugHelpLead = await StaffMembers.ByEmailAsync(services, DemoAccounts.All.First(a => a.Role == StaffRole.TeamLeadDrugHelp).Email);
        await using var db = await _factory.CreateDbContextAsync();
        // Heads of department: the whole organisation is their scope, so every person is compared.
        await db.Users.Where(u => u.Id == _jobcenterLead.Id || u.Id == _drugHelpLead.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Team, (string?)null));
        _partner = TeamData.Partner();
        db.Partners.Add(_partner);
        await db.SaveChangesAsync();
    }

    /// <summary>Every kind of change once, in a known order, comparing after each.</summary>
    public async Task ByHandAsync()
    {
        _byHand = true;
        var anton = _caseManagers[0];
        var dana = _drugHelpWorkers[0];
        var client = CaseData.NewClient(Organisation.DrugHelpService, anton.Id, null);
        await SaveAsync(db => db.Clients.Add(client));
        _clients.Add(client.Id);
        await AssertAgreeAsync("new client");

        var episode = client.AddEpisode(_today.AddDays(-50));
        await SaveAsync(db => db.Episodes.Add(episode));
        await AssertAgreeAsync("episode opened");

        var draft = client.AddPlan(HelpPlanStatus.Draft, version: 1, nextReviewOn: _today.AddDays(-2), steps: [(_today.AddDays(-3), StepStatus.Planned), (_today.AddDays(5), StepStatus.InProgress)]);
        await SaveAsync(db => db.HelpPlans.Add(draft));
        await AssertAgreeAsync("draft written (held by the Drogenhilfe, no consent)");

        var consent = await ChangeClientAsync(client.Id, c => c.AddConsent(anton.Id, ConsentScope.HelpPlan | ConsentScope.Referrals, ConsentDirections.DrugHelpToJobcenter, _today.AddDays(-10), _today.AddDays(15)));
        await AssertAgreeAsync("consent granted, expiring in 15 days");

        await SaveAsync(async db => (await db.HelpPlans.SingleAsync(p => p.Id == draft.Id)).Status = HelpPlanStatus.Agreed);
        await AssertAgreeAsync("plan agreed: review and a step overdue");

        await SaveAsync(async db => (await StepsOfAsync(db, draft.Id)).Single(s => s.Position == 0).Status = StepStatus.Achieved);
        await AssertAgreeAsync("step done");

        await SaveAsync(async db => (await StepsOfAsync(db, draft.Id)).Single(s => s.Position == 1).DueOn = _today.AddDays(-1));
        await AssertAgreeAsync("due date moved into the past");

        var referral = TeamData.Referral(client, _partner, dana, _today, _today.AddDays(-40));
        await SaveAsync(db => db.Referrals.Add(referral));
        await AssertAgreeAsync("referral requested 40 days ago");

        await SaveAsync(db => db.Clients.Where(c => c.Id == client.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ResponsibleDrugHelpWorkerId, dana.Id)));
        await AssertAgreeAsync("drug-help worker made responsible (ExecuteUpdate)");

        await SaveAsync(async db =>
        {
            var r = await db.Referrals.SingleAsync(x => x.Id == referral.Id);
            r.Progress.Record(ReferralStatus.AppointmentAgreed, _today.AddDays(-20), _today);
            r.Progress.Record(ReferralStatus.Admitted, _today.AddDays(-5), _today);
        });
        await AssertAgreeAsync("referral admitted");

        await SaveAsync(async db => (await db.Consents.SingleAsync(k => k.Id == consent.Id)).RevokedAt = DateTimeOffset.UtcNow);
        await AssertAgreeAsync("consent revoked");

        await SaveAsync(async db => (await db.Clients.SingleAsync(c => c.Id == client.Id)).ResponsibleCaseManagerId = _caseManagers[1].Id);
        await AssertAgreeAsync("case handed to another case manager");

        await SaveAsync(db => db.PlanGoals.Where(g => g.PlanId == draft.Id).ExecuteDeleteAsync());
        await AssertAgreeAsync("goal with an overdue step removed (ExecuteDelete; the steps go by cascade)");

        await SaveAsync(async db => (await db.Episodes.SingleAsync(e => e.Id == episode.Id)).EndedOn = _today);
        await AssertAgreeAsync("episode ended");

        await SaveAsync(db => db.Clients.Where(c => c.Id == client.Id).ExecuteDeleteAsync());
        _clients.Remove(client.Id);
        await AssertAgreeAsync("client deleted (retention)");
    }

    /// <summary>Random changes from a seed; compares every few changes.</summary>
    public async Task AtRandomAsync(int seed, int changes)
    {
        _byHand = false; // the drill-down comparison belongs to the by-hand run only
        var random = new Random(seed);
        for (var i = 0; i < 12; i++)
        {
            await NewClientAsync(random);
        }

        for (var i = 1; i <= changes; i++)
        {
            var what = await ChangeAsync(random);
            // The rows after every change (a later change of the same client would hide a missed one),
            // the figures every few.
            await AssertTablesMatchViewsAsync($"seed {seed}, change {i} ({what})");
            if (i % 20 == 0)
            {
                await AssertAgreeAsync($"seed {seed}, change {i} ({what})");
            }
        }

        await AssertAgreeAsync($"seed {seed}, end");
    }

    private async Task<string> ChangeAsync(Random random)
    {
        if (_clients.Count < 4)
        {
            await NewClientAsync(random);
            return "new client";
        }

        var clientId = _clients[random.Next(_clients.Count)];
        var day = _today.AddDays(random.Next(-70, 40));
        switch (random.Next(22))
        {
            case 0:
                await NewClientAsync(random);
                return "new client";
            case 1:
                await ChangeClientAsync(clientId, c => c.AddEpisode(_today.AddDays(-random.Next(1, 200))));
                return "episode opened";
            case 2:
                await SaveAsync(async db =>
                {
                    var open = await db.Episodes.Where(e => e.ClientId == clientId && e.EndedOn == null).FirstOrDefaultAsync();
                    open?.EndedOn = _today;
                });
                return "episode ended";
            case 3:
                await SaveAsync(db => db.Episodes.Where(e => e.ClientId == clientId && e.EndedOn != null).ExecuteUpdateAsync(s => s.SetProperty(e => e.EndedOn, (DateOnly?)null)));
                return "episodes reopened (ExecuteUpdate)";
            case 4:
                await SaveAsync(async db =>
                {
                    var version = (await db.HelpPlans.Where(p => p.ClientId == clientId).MaxAsync(p => (int?)p.Version) ?? 0) + 1;
                    var client = await db.Clients.SingleAsync(c => c.Id == clientId);
                    db.HelpPlans.Add(client.AddPlan(
                        random.Next(3) == 0 ? HelpPlanStatus.Agreed : HelpPlanStatus.Draft, version,
                        random.Next(4) == 0 ? null : day,
                        steps: [.. Enumerable.Range(0, random.Next(4)).Select(_ => (RandomDue(random), RandomStatus(random)))]));
                });
                return "plan written";
            case 5:
                await SaveAsync(async db =>
                {
                    var draft = await db.HelpPlans.Where(p => p.ClientId == clientId && p.Status == HelpPlanStatus.Draft).FirstOrDefaultAsync();
                    if (draft is null)
                    {
                        return;
                    }

                    foreach (var inForce in await db.HelpPlans.Where(p => p.ClientId == clientId && p.Status == HelpPlanStatus.Agreed).ToListAsync())
                    {
                        inForce.Status = HelpPlanStatus.Superseded;
                    }

                    draft.Status = HelpPlanStatus.Agreed;
                    draft.NextReviewOn = day;
                });
                return "plan agreed";
            case 6:
                await SaveAsync(async db =>
                {
                    var plan = await db.HelpPlans.Where(p => p.ClientId == clientId && p.Status == HelpPlanStatus.Agreed).FirstOrDefaultAsync();
                    if (plan is not null)
                    {
                        if (random.Next(2) == 0)
                        {
                            plan.NextReviewOn = day;
                        }
                        else
                        {
                            plan.Status = HelpPlanStatus.Closed;
                        }
                    }
                });
                return "plan reviewed or closed";
            case 7:
                await SaveAsync(db => db.HelpPlans.Where(p => p.ClientId == clientId && p.Status == HelpPlanStatus.Draft).ExecuteDeleteAsync());
                return "draft discarded";
            case 8:
            case 9:
                await SaveAsync(async db =>
                {
                    // With its goal's steps, as the plan commands load it (GoalProgressKeeper).
                    var goals = await GoalsOfClientAsync(db, clientId);
                    var steps = goals.SelectMany(g => g.Steps).OrderBy(s => s.Id).ToList();
                    var step = steps.Count == 0 ? null : steps[random.Next(steps.Count)];
                    if (step is not null)
                    {
                        step.Status = RandomStatus(random);
                        step.DueOn = RandomDue(random);
                    }
                });
                return "step changed";
            case 10:
                await SaveAsync(async db =>
                {
                    var step = await db.PlanSteps.Where(s => db.PlanGoals.Any(g => g.Id == s.GoalId && db.HelpPlans.Any(p => p.Id == g.PlanId && p.ClientId == clientId))).OrderBy(s => s.Id).FirstOrDefaultAsync();
                    if (step is not null)
                    {
                        var status = (int)RandomStatus(random);
                        await db.Database.ExecuteSqlAsync($"UPDATE \"PlanSteps\" SET \"Status\" = {status}, \"DueOn\" = {day} WHERE \"Id\" = {step.Id}");
                    }
                });
                return "step changed by plain SQL";
            case 11:
                await SaveAsync(async db =>
                {
                    // The goal with the most open dated steps, so that removing it changes what is counted.
                    var goal = (await GoalsOfClientAsync(db, clientId)).OrderByDescending(g => g.Steps.Count(st => st.IsOpen && st.DueOn is not null)).FirstOrDefault();
                    if (goal is null)
                    {
                        return;
                    }

                    if (random.Next(2) == 0)
                    {
                        // The database removes the goal's steps (cascade): only the goal's trigger sees the client.
                        var goalId = goal.Id;
                        await db.PlanGoals.Where(g => g.Id == goalId).ExecuteDeleteAsync();
                        db.ChangeTracker.Clear();
                    }
                    else
                    {
                        // Added through the set (a key set beforehand would read as an existing row); the loaded goal picks it up.
                        db.PlanSteps.Add(new PlanStep
                        {
                            Id = Guid.NewGuid(), GoalId = goal.Id, Key = Guid.NewGuid(), Position = 100 + random.Next(1000), Description = "Zusatz",
                            Responsible = StepParty.Client, DueOn = RandomDue(random), Status = RandomStatus(random),
                        });
                    }
                });
                return "goal removed or step added";
            case 12:
                await SaveAsync(async db =>
                {
                    var client = await db.Clients.SingleAsync(c => c.Id == clientId);
                    var actor = random.Next(2) == 0 ? _caseManagers[0] : _drugHelpWorkers[0];
                    var referral = TeamData.Referral(client, _partner, actor, _today, _today.AddDays(-random.Next(0, 70)));
                    db.Referrals.Add(referral);
                });
                return "referral requested";
            case 13:
                await SaveAsync(async db =>
                {
                    var referral = await db.Referrals.Where(r => r.ClientId == clientId).OrderBy(r => r.Id).FirstOrDefaultAsync();
                    var next = referral is null ? [] : ReferralProgress.NextAllowed(referral.Progress.Status);
                    if (next.Count > 0)
                    {
                        var status = next[random.Next(next.Count)];
                        referral!.Progress.Record(status, _today, _today, status is ReferralStatus.Declined or ReferralStatus.DroppedOut or ReferralStatus.Completed ? "Grund" : null);
                    }
                });
                return "referral moved on";
            case 14:
                await ChangeClientAsync(clientId, c => c.AddConsent(
                    _caseManagers[0].Id,
                    (ConsentScope)(random.Next(1, 16) & (int)(ConsentScope.MasterData | ConsentScope.HelpPlan | ConsentScope.Referrals)) | ConsentScope.MasterData,
                    (ConsentDirections)random.Next(1, 4),
                    _today.AddDays(random.Next(-100, 10)),
                    random.Next(3) == 0 ? null : _today.AddDays(random.Next(-30, 60))));
                return "consent granted";
            case 15:
                await SaveAsync(async db =>
                {
                    var consent = await db.Consents.Where(k => k.ClientId == clientId && k.RevokedAt == null).FirstOrDefaultAsync();
                    consent?.RevokedAt = DateTimeOffset.UtcNow;
                });
                return "consent revoked";
            case 16:
                await SaveAsync(async db =>
                {
                    var client = await db.Clients.SingleAsync(c => c.Id == clientId);
                    client.ResponsibleCaseManagerId = Pick(random, _caseManagers);
                    client.ResponsibleDrugHelpWorkerId = Pick(random, _drugHelpWorkers);
                    if (random.Next(6) == 0)
                    {
                        client.OwningOrganisation = client.OwningOrganisation.Other();
                    }
                });
                return "responsibility changed";
            case 17:
                await SaveAsync(db => db.Clients.Where(c => c.Id == clientId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ResponsibleCaseManagerId, (string?)null)));
                return "case manager removed (ExecuteUpdate)";
            case 18:
                await MergeAsync(clientId, _clients.First(id => id != clientId));
                return "clients merged";
            case 19:
                await SaveAsync(async db =>
                {
                    // Retention: anonymised (no one responsible any more) or deleted.
                    if (random.Next(2) == 0)
                    {
                        var client = await db.Clients.SingleAsync(c => c.Id == clientId);
                        client.ResponsibleCaseManagerId = null;
                        client.ResponsibleDrugHelpWorkerId = null;
                        await db.Consents.Where(k => k.ClientId == clientId).ExecuteDeleteAsync();
                    }
                    else
                    {
                        db.Clients.Remove(await db.Clients.SingleAsync(c => c.Id == clientId));
                        _clients.Remove(clientId);
                    }
                });
                return "retention";
            case 20:
                await SaveAsync(db => db.Referrals.Where(r => r.ClientId == clientId).OrderBy(r => r.Id).Take(1).ExecuteDeleteAsync());
                return "referral deleted";
            default:
                await SaveAsync(db => db.Episodes.Where(e => e.ClientId == clientId).OrderBy(e => e.Id).Take(1).ExecuteDeleteAsync());
                return "episode deleted";
        }
    }

    /// <summary>As <c>ClientMerge</c> does it: episodes tracked, plans and referrals by ExecuteUpdate, the later record removed.</summary>
    private async Task MergeAsync(Guid laterId, Guid earlierId)
    {
        await SaveAsync(async db =>
        {
            var offset = (await db.HelpPlans.Where(p => p.ClientId == earlierId).MaxAsync(p => (int?)p.Version) ?? 0) + 1000;
            await db.HelpPlans.Where(p => p.ClientId == laterId).ExecuteUpdateAsync(s => s.SetProperty(p => p.ClientId, earlierId).SetProperty(p => p.Version, p => p.Version + offset));
            await db.Referrals.Where(r => r.ClientId == laterId).ExecuteUpdateAsync(s => s.SetProperty(r => r.ClientId, earlierId));
            foreach (var episode in await db.Episodes.Where(e => e.ClientId == laterId).ToListAsync())
            {
                episode.ClientId = earlierId;
            }

            await db.SaveChangesAsync();
            db.Clients.Remove(await db.Clients.SingleAsync(c => c.Id == laterId));
        });
        _clients.Remove(laterId);
    }

    private static async Task<List<PlanStep>> StepsOfAsync(CaseManagementDbContext db, Guid planId) =>
        [.. (await db.PlanGoals.Include(g => g.Steps).Where(g => g.PlanId == planId).ToListAsync()).SelectMany(g => g.Steps)];

    private static Task<List<PlanGoal>> GoalsOfClientAsync(CaseManagementDbContext db, Guid clientId) =>
        db.PlanGoals.Include(g => g.Steps)
            .Where(g => db.HelpPlans.Any(p => p.Id == g.PlanId && p.ClientId == clientId))
            .OrderBy(g => g.Id)
            .ToListAsync();

    private async Task NewClientAsync(Random random)
    {
        var client = CaseData.NewClient(
            random.Next(2) == 0 ? Organisation.Jobcenter : Organisation.DrugHelpService, Pick(random, _caseManagers), Pick(random, _drugHelpWorkers));
        if (random.Next(4) > 0)
        {
            client.AddEpisode(_today.AddDays(-random.Next(1, 300)));
        }

        await SaveAsync(db => db.Clients.Add(client));
        _clients.Add(client.Id);
    }

    private static string? Pick(Random random, List<StaffMember> people) => random.Next(5) == 0 ? null : people[random.Next(people.Count)].Id;

    private DateOnly? RandomDue(Random random) => random.Next(5) == 0 ? null : _today.AddDays(random.Next(-40, 30));

    private static StepStatus RandomStatus(Random random) => (StepStatus)random.Next(1, 5);

    private async Task<ClientConsent> ChangeClientAsync(Guid clientId, Func<Client, ClientConsent> change)
    {
        ClientConsent added = default!;
        await SaveAsync(async db =>
        {
            var client = await db.Clients.SingleAsync(c => c.Id == clientId);
            added = change(client);
            db.Consents.Add(added);
        });
        return added;
    }

    private async Task ChangeClientAsync(Guid clientId, Func<Client, CaseEpisode> change)
    {
        await SaveAsync(async db =>
        {
            var client = await db.Clients.SingleAsync(c => c.Id == clientId);
            db.Episodes.Add(change(client));
        });
    }

    private async Task SaveAsync(Func<CaseManagementDbContext, Task> change)
    {
        await using var db = await _factory.CreateDbContextAsync();
        await change(db);
        await db.SaveChangesAsync();
    }

    private async Task SaveAsync(Action<CaseManagementDbContext> change)
    {
        await using var db = await _factory.CreateDbContextAsync();
        change(db);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// The summary's figures equal the item queries' for every person of both organisations,
    /// today and on days before and after (consents expire, due dates pass); and the summary
    /// tables equal their source views row for row.
    /// </summary>
    public async Task AssertAgreeAsync(string after)
    {
        await AssertTablesMatchViewsAsync(after);
        var realNow = services.GetRequiredService<TimeProvider>().GetUtcNow();
        foreach (var days in new[] { -45, 0, 16, 45 })
        {
            var query = QueryAt(realNow.AddDays(days));
            foreach (var lead in new[] { _jobcenterLead, _drugHelpLead })
            {
                var items = (await query.ItemCountsAsync(lead.Organisation))
                    .ToDictionary(c => (c.StaffId, c.Figure), c => c.Count);
                var team = (await query.ForAsync(lead))!;
                var fromSummary = team.Staff
                    .SelectMany(s => WorkloadFigures.All.Select(f => (Key: (s.Staff.Id, f), Count: s[f])))
                    .Where(x => x.Count > 0)
                    .ToDictionary(x => x.Key, x => x.Count);
                var differences = items.Keys.Union(fromSummary.Keys)
                    .Where(k => items.GetValueOrDefault(k) != fromSummary.GetValueOrDefault(k))
                    .Select(k => $"{k.Item1} {k.Item2}: items {items.GetValueOrDefault(k)}, summary {fromSummary.GetValueOrDefault(k)}")
                    .ToList();
                Assert.True(differences.Count == 0, $"After {after}, {lead.Organisation}, day {days:+0;-0;0}: {string.Join("; ", differences)}");

                _comparisons++;
                if (!_byHand)
                {
                    continue;
                }

                // One person's figures as the drill-down reads them (a scope of one, read on one connection);
                // in the by-hand run only, which changes every kind of thing once (the random runs cost test time).
                var person = lead.Organisation == Organisation.Jobcenter ? _caseManagers[0] : _drugHelpWorkers[0];
                var drillDown = (await query.CasesAsync(lead, person.Id, WorkloadFigure.ActiveCases))!;
                foreach (var figure in WorkloadFigures.All)
                {
                    Assert.True(
                        items.GetValueOrDefault((person.Id, figure)) == drillDown.Person[figure],
                        $"After {after}, {person.Id} {figure} on day {days:+0;-0;0}: items {items.GetValueOrDefault((person.Id, figure))}, drill-down {drillDown.Person[figure]}");
                }
            }
        }
    }

    /// <summary>The summary tables hold exactly what their source views compute, row for row.</summary>
    private async Task AssertTablesMatchViewsAsync(string after)
    {
        await using var db = await _factory.CreateDbContextAsync();
        foreach (var (table, view, columns) in new[]
        {
            ("ClientWorkloads", "ClientWorkloadSource", "\"ClientId\", \"OwningOrganisation\", \"CaseManagerId\", \"DrugHelpWorkerId\", \"OpenEpisodes\", \"DraftPlans\""),
            ("WorkloadDeadlines", "WorkloadDeadlineSource", "\"ItemId\", \"Kind\", \"ClientId\", \"On\", \"HolderOrganisation\", \"OwningOrganisation\", \"CaseManagerId\", \"DrugHelpWorkerId\""),
        })
        {
            foreach (var (left, right) in new[] { (table, view), (view, table) })
            {
                // Table, view and column names are the test's own constants.
                var sql = $"SELECT COUNT(*) AS \"Value\" FROM (SELECT {columns} FROM \"{left}\" EXCEPT SELECT {columns} FROM \"{right}\") d";
                var differing = await db.Database.SqlQueryRaw<int>(sql).SingleAsync();
                Assert.True(differing == 0, $"After {after}: {differing} rows of {left} are not in {right}.");
            }
        }
    }

    private TeamWorkloadQuery QueryAt(DateTimeOffset now)
    {
        var audit = services.GetRequiredService<AuditTrail>();
        var access = new ClientAccess(_factory, audit, new FixedClock(now), services.GetRequiredService<Application.Security.SecurityEvents>());
        return new TeamWorkloadQuery(_factory, access, audit, services.GetRequiredService<StaffDirectory>());
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
