using CaseManagement.Application.Access;
using CaseManagement.Application.Audit;
using CaseManagement.Application.Clients;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.HelpPlans;

public sealed record PlanDeadlineData(
    IReadOnlyList<OverviewCase> OverdueSteps,
    IReadOnlyList<OverviewCase> ReviewsDue,
    IReadOnlyList<OverviewCase> Drafts);

/// <summary>The plans a caseworker must act on: overdue steps, reviews due within 14 days, drafts not yet agreed.</summary>
public sealed class PlanDeadlines(IDbContextFactory<CaseManagementDbContext> contextFactory, ClientAccess access, AuditTrail audit)
{
    public const int ReviewWarningDays = 14;

    public async Task<PlanDeadlineData> ForAsync(StaffMember caseworker, CancellationToken cancellationToken = default)
    {
        if (!caseworker.IsCaseworker)
        {
            return new PlanDeadlineData([], [], []);
        }

        var today = GermanCalendar.DateOf(access.Now);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var clients = await db.Clients.AsNoTracking()
            .Where(AccessFilters.OwnCases(caseworker))
            .Where(c => db.HelpPlans.Any(p => p.ClientId == c.Id && (p.Status == HelpPlanStatus.Draft || p.Status == HelpPlanStatus.Agreed)))
            .Include(c => c.Consents)
            .ToListAsync(cancellationToken);
        var readable = clients
            .Select(c => (Client: c, Permissions: access.For(caseworker, ClientAccess.FactsOf(c))))
            .Where(x => x.Permissions.MayRead(DataCategory.HelpPlan))
            .ToDictionary(x => x.Client.Id);
        var ids = readable.Keys.ToList();
        var plans = await db.HelpPlans.AsNoTracking()
            .Where(p => ids.Contains(p.ClientId) && (p.Status == HelpPlanStatus.Draft || p.Status == HelpPlanStatus.Agreed))
            .Include(p => p.Goals).ThenInclude(g => g.Steps)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        OverviewCase Row(HelpPlan plan, string detail)
        {
            var (client, permissions) = readable[plan.ClientId];
            var name = permissions.MayRead(DataCategory.MasterData) ? $"{client.LastName}, {client.FirstName}" : null;
            return new OverviewCase(client.Id, client.CaseNumber, name, detail, $"/klienten/{client.Id}/hilfeplan");
        }

        var inForce = plans.Where(p => p.Status == HelpPlanStatus.Agreed).ToList();
        var overdue = inForce
            .SelectMany(p => p.Steps.Where(s => s.IsOverdueOn(today)).Select(s => (Plan: p, Step: s)))
            .OrderBy(x => x.Step.DueOn)
            .Select(x => Row(x.Plan, $"fällig seit {Date(x.Step.DueOn!.Value)}: {Excerpt(x.Step.Description)} ({GermanLabels.ResponsibleOf(x.Step.Responsible, x.Step.PartnerName)})"))
            .ToList();
        var reviews = inForce.Where(p => p.ReviewDueWithin(today, ReviewWarningDays))
            .OrderBy(p => p.NextReviewOn)
            .Select(p => Row(p, p.NextReviewOn < today
                ? $"Überprüfung überfällig seit {Date(p.NextReviewOn!.Value)}"
                : $"Überprüfung am {Date(p.NextReviewOn!.Value)}"))
            .ToList();
        var drafts = plans.Where(p => p.IsDraft)
            .OrderBy(p => p.CreatedAt)
            .Select(p => Row(p, $"Fassung {p.Version} im Entwurf seit {Date(GermanCalendar.DateOf(p.CreatedAt))}, zuletzt von {p.ChangedByName}"))
            .ToList();

        // Every row shows plan data (a step, a review date, a draft's author), with or without the name.
        var shown = overdue.Concat(reviews).Concat(drafts).Select(c => c.CaseNumber).Distinct();
        await audit.ListViewedAsync(caseworker, "Startseite Hilfepläne", shown, cancellationToken);
        return new PlanDeadlineData(overdue, reviews, drafts);
    }

    private static string Date(DateOnly date) => GermanCalendar.Format(date);

    private static string Excerpt(string text) => GermanLabels.Excerpt(text, 70);
}
