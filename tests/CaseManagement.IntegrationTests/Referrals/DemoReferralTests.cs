using CaseManagement.Application.Referrals;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests.Referrals;

/// <summary>The app with the demo caseload seeded, as on a first run.</summary>
public sealed class DemoCaseloadFixture : IAsyncLifetime
{
    private PostgresTestDatabase? _database;

    public CaseManagementAppFactory Factory { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreatePreparedAsync();
        Factory = new CaseManagementAppFactory(_database.ConnectionString, seedCaseload: true);
        _ = Factory.Server;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _database!.DisposeAsync();
    }

    public Task<CaseManagementDbContext> DbAsync() =>
        Factory.Services.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>().CreateDbContextAsync();
}

/// <summary>The demo partner directory and demo referrals: every type and status, plan links, revolving doors, follow-ups for the demo caseworkers.</summary>
public sealed class DemoReferralTests(DemoCaseloadFixture app) : IClassFixture<DemoCaseloadFixture>
{
    [Fact]
    public async Task The_directory_covers_every_type_of_partner_service_with_fictitious_contacts()
    {
        await using var db = await app.DbAsync();
        var partners = await db.Partners.AsNoTracking().ToListAsync();

        Assert.InRange(partners.Count, 20, 30);
        Assert.Equal(Enum.GetValues<PartnerType>().OrderBy(t => t), partners.Where(p => !p.IsArchived).Select(p => p.Type).Distinct().OrderBy(t => t));
        Assert.Contains(partners, p => p.IsArchived);
        Assert.All(partners, p => Assert.Matches(@"^0\d{3,4} 555-\d{3}$", p.Phone));
        Assert.All(partners.Where(p => p.Email is not null), p => Assert.EndsWith(".example", p.Email, StringComparison.Ordinal));
        Assert.All(partners, p => Assert.Matches(@"^\d{5}$", p.PostalCode));
    }

    [Fact]
    public async Task Demo_referrals_reach_every_status_link_plan_steps_and_show_revolving_doors()
    {
        await using var db = await app.DbAsync();
        var referrals = await db.Referrals.AsNoTracking().ToListAsync();
        var clients = await db.Clients.CountAsync();

        Assert.InRange(referrals.Select(r => r.ClientId).Distinct().Count(), clients / 4, clients);
        Assert.Equal(Enum.GetValues<ReferralStatus>().OrderBy(s => s), referrals.Select(r => r.Progress.Status).Distinct().OrderBy(s => s));
        Assert.Contains(referrals, r => r.HolderOrganisation == Organisation.Jobcenter);
        Assert.Contains(referrals, r => r.HolderOrganisation == Organisation.DrugHelpService);
        Assert.DoesNotContain(referrals, r => r.Progress.Status is ReferralStatus.Declined or ReferralStatus.DroppedOut && r.Progress.FailureReason is null);

        var linked = referrals.Where(r => r.PlanStepKey is not null).ToList();
        Assert.NotEmpty(linked);
        var stepKeys = await db.PlanSteps.AsNoTracking().Where(s => s.Responsible == StepParty.Partner).Select(s => s.Key).ToListAsync();
        Assert.All(linked, r => Assert.Contains(r.PlanStepKey!.Value, stepKeys));

        var doors = referrals.GroupBy(r => r.ClientId)
            .Count(g => g.Any(r => RevolvingDoor.IsPossible(r.PartnerType, r.Progress.ProposedOn, g.Select(x => x.AsEarlier))));
        Assert.True(doors >= 3, $"only {doors} clients with a possible revolving door");
    }

    [Fact]
    public async Task The_demo_caseworkers_find_due_follow_ups_and_long_waits_on_their_home_page()
    {
        var query = app.Factory.Services.GetRequiredService<ReferralQuery>();
        var figures = app.Factory.Services.GetRequiredService<CaseManagement.Application.Team.TeamWorkloadQuery>();
        var due = 0;
        var waits = 0;
        foreach (var account in DemoAccounts.All.Where(a => a.Role is StaffRole.CaseManager or StaffRole.DrugHelpWorker))
        {
            var member = await StaffMembers.ByEmailAsync(app.Factory.Services, account.Email);
            var home = await query.FollowUpsAsync(member);
            Assert.NotEmpty(home.Due);
            due += home.Due.Count;
            waits += (await figures.OwnItemsAsync(member, CaseManagement.Application.Team.WorkloadFigure.ReferralsWaiting)).Count;
        }

        Assert.True(waits > 0, "no long wait on the demo caseworkers' home pages");
        Assert.InRange(due, 2, 40);
    }

    [Fact]
    public async Task Seeding_again_adds_nothing()
    {
        await using var db = await app.DbAsync();
        var partners = await db.Partners.CountAsync();
        var referrals = await db.Referrals.CountAsync();
        var needs = await db.UnmetNeeds.CountAsync();

        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync();
        }

        Assert.Equal(partners, await db.Partners.CountAsync());
        Assert.Equal(referrals, await db.Referrals.CountAsync());
        Assert.Equal(needs, await db.UnmetNeeds.CountAsync());
    }

    [Fact]
    public async Task Some_clients_have_needs_without_a_fitting_partner_recorded_by_their_responsible_caseworkers_organisation()
    {
        await using var db = await app.DbAsync();
        var needs = await (
            from need in db.UnmetNeeds
            join client in db.Clients on need.ClientId equals client.Id
            select new { need.ServiceType, need.HolderOrganisation, need.CreatedById, client.ResponsibleCaseManagerId, client.ResponsibleDrugHelpWorkerId })
            .ToListAsync();

        Assert.True(needs.Count >= 10, $"only {needs.Count} unmet needs");
        Assert.Contains(needs, n => n.ServiceType == PartnerType.ElderCare);
        Assert.Contains(needs, n => n.ServiceType == PartnerType.DisabilityHelp);
        Assert.All(needs, n => Assert.True(n.CreatedById == n.ResponsibleCaseManagerId || n.CreatedById == n.ResponsibleDrugHelpWorkerId));
    }
}
