using CaseManagement.Application.Clients;
using CaseManagement.Application.HelpPlans;
using CaseManagement.Application.Team;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using CaseManagement.IntegrationTests.Referrals;
using CaseManagement.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests.Team;

/// <summary>
/// What a team lead counts for a caseworker and what that caseworker's own home page lists must
/// be the same numbers, for every demo caseworker on the demo caseload: a team lead who asks
/// about "two referrals waiting" must find them on the colleague's page.
/// </summary>
public sealed class HomeAndTeamFiguresAgreeTests(DemoCaseloadFixture app) : IClassFixture<DemoCaseloadFixture>
{
    public static TheoryData<string> Caseworkers => new(
        DemoAccounts.All.Concat(DemoAccounts.AdditionalCaseworkers)
            .Where(a => a.Role is StaffRole.CaseManager or StaffRole.DrugHelpWorker)
            .Select(a => a.Email));

    [Theory]
    [MemberData(nameof(Caseworkers))]
    public async Task The_team_lead_and_the_caseworker_see_the_same_figures(string email)
    {
        var services = app.Factory.Services;
        var caseworker = await StaffMembers.ByEmailAsync(services, email);
        var leadAccount = DemoAccounts.All.Single(a => a.Organisation == caseworker.Organisation
            && a.Role is StaffRole.TeamLeadJobcenter or StaffRole.TeamLeadDrugHelp);
        var lead = await StaffMembers.ByEmailAsync(services, leadAccount.Email);
        var workload = services.GetRequiredService<TeamWorkloadQuery>();

        var team = (await workload.ForAsync(lead))!.Staff.Single(s => s.Staff.Id == caseworker.Id);
        var home = await services.GetRequiredService<CaseworkerOverview>().ForAsync(caseworker);
        var plans = await services.GetRequiredService<PlanDeadlines>().ForAsync(caseworker);
        var waiting = await workload.OwnItemsAsync(caseworker, WorkloadFigure.ReferralsWaiting, limit: 200);

        Assert.Equal(team[WorkloadFigure.ActiveCases], home.ActiveCases);
        Assert.Equal(team[WorkloadFigure.WithoutCounterpart], home.WithoutCounterpart.Count);
        Assert.Equal(team[WorkloadFigure.ReferralsWaiting], waiting.Count);
        Assert.Equal(team[WorkloadFigure.StepsOverdue], plans.OverdueSteps.Count);
        Assert.Equal(team[WorkloadFigure.DraftPlans], plans.Drafts.Count);
        Assert.Equal(team[WorkloadFigure.ReviewsOverdue], plans.ReviewsDue.Count(r => r.Detail.StartsWith("Überprüfung überfällig", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_demo_caseload_has_referrals_waiting_so_the_comparison_compares_something()
    {
        var services = app.Factory.Services;
        var total = 0;
        foreach (var email in Caseworkers)
        {
            var caseworker = await StaffMembers.ByEmailAsync(services, email);
            total += (await services.GetRequiredService<TeamWorkloadQuery>().OwnItemsAsync(caseworker, WorkloadFigure.ReferralsWaiting, limit: 200)).Count;
        }

        Assert.True(total > 0, "No demo referral waits longer than 30 days.");
    }
}
