using CaseManagement.Application.Access;
using CaseManagement.Application.Audit;
using CaseManagement.Application.Clients;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Referrals;

/// <summary>
/// Reads referrals through the single access decision: per referral, the organisation that holds it
/// decides (<see cref="DataCategory.Referrals"/> for the facts, <see cref="ClientPermissions.MayReadNotesOf"/>
/// for the texts). Every read of client data is audited.
/// </summary>
public sealed class ReferralQuery(IDbContextFactory<CaseManagementDbContext> contextFactory, ClientAccess access, AuditTrail audit)
{
    /// <summary>The client's referrals the reader may see, for the client page. Null when the client does not exist or the reader may not know of it.</summary>
    public async Task<ClientReferrals?> ForClientAsync(StaffMember reader, Guid clientId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var permissions = await access.ForAsync(db, reader, clientId, DataCategory.Referrals, cancellationToken);
        if (permissions is null)
        {
            return null;
        }

        var client = await ClientAsync(db, clientId, permissions, cancellationToken);
        var holders = ReadableHolders(permissions);
        var mayCreate = permissions.Allows(DataCategory.Referrals, reader.Organisation, AccessOperation.Write);
        var otherSideVisible = permissions.Allows(DataCategory.Referrals, reader.Organisation.Other(), AccessOperation.Read);
        if (holders.Count == 0)
        {
            await access.DeniedAsync(reader, clientId, DataCategory.Referrals, cancellationToken);
            return new ClientReferrals(clientId, client.CaseNumber, client.Name, reader.Organisation, false, false, false, []);
        }

        var readable = await ReadableAsync(db, clientId, holders, cancellationToken);
        var rows = await RowsAsync(db, clientId, permissions, readable, readable, cancellationToken);
        if (rows.Count > 0)
        {
            audit.Add(db, reader, AuditAction.Viewed, clientId, client.CaseNumber, DataCategory.Referrals, [$"Vermittlungen ({rows.Count})"]);
            await db.SaveChangesAsync(cancellationToken);
        }

        return new ClientReferrals(clientId, client.CaseNumber, client.Name, reader.Organisation, true, mayCreate, otherSideVisible,
            [.. rows.OrderBy(r => r.IsFinal).ThenByDescending(r => r.ProposedOn)]);
    }

    /// <summary>
    /// One referral with its timeline, for its page; audited as viewed. Null when the client or the
    /// referral does not exist, or the reader may not read it (a refusal is audited, and reported as
    /// "not found" so that the other side's referrals stay unknown).
    /// </summary>
    public async Task<ReferralDetail?> OpenAsync(StaffMember reader, Guid clientId, Guid referralId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var permissions = await access.ForAsync(db, reader, clientId, DataCategory.Referrals, cancellationToken);
        if (permissions is null)
        {
            return null;
        }

        var referral = await db.Referrals.AsNoTracking().SingleOrDefaultAsync(r => r.Id == referralId && r.ClientId == clientId, cancellationToken);
        if (referral is null)
        {
            return null;
        }

        if (!permissions.Allows(DataCategory.Referrals, referral.HolderOrganisation, AccessOperation.Read))
        {
            await access.DeniedAsync(reader, clientId, DataCategory.Referrals, cancellationToken);
            return null;
        }

        var client = await ClientAsync(db, clientId, permissions, cancellationToken);
        var readable = await ReadableAsync(db, clientId, ReadableHolders(permissions), cancellationToken);
        var row = (await RowsAsync(db, clientId, permissions, [referral], readable, cancellationToken)).Single();
        var partner = await db.Partners.AsNoTracking().SingleAsync(p => p.Id == referral.PartnerId, cancellationToken);
        IReadOnlyList<ReferralStatus> next = row.MayWrite ? ReferralProgress.ReachableFrom(referral.Progress.Status) : [];

        audit.Add(db, reader, AuditAction.Viewed, clientId, client.CaseNumber, DataCategory.Referrals, [$"Vermittlung {referral.Id}"]);
        await db.SaveChangesAsync(cancellationToken);
        return new ReferralDetail(
            clientId, client.CaseNumber, client.Name, row, PartnerView.Of(partner), referral.Progress.Steps, next,
            referral.CreatedByName, referral.CreatedAt, referral.ChangedByName, referral.ChangedAt, referral.RowVersion);
    }

    /// <summary>
    /// The steps of the client's current help plan (the plan in force and an open draft), for linking
    /// a referral to a step; empty when the reader may not read the plan. Reading them is audited.
    /// </summary>
    public async Task<IReadOnlyList<PlanStepOption>> PlanStepOptionsAsync(StaffMember reader, Guid clientId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var permissions = await access.ForAsync(db, reader, clientId, DataCategory.HelpPlan, cancellationToken);
        if (permissions is null || !permissions.MayRead(DataCategory.HelpPlan))
        {
            return [];
        }

        var options = await CurrentPlanStepsAsync(db, clientId, cancellationToken);
        if (options.Count > 0)
        {
            var caseNumber = await db.Clients.Where(c => c.Id == clientId).Select(c => c.CaseNumber).SingleAsync(cancellationToken);
            audit.Add(db, reader, AuditAction.Viewed, clientId, caseNumber, DataCategory.HelpPlan, ["Schritte zur Auswahl für eine Vermittlung"]);
            await db.SaveChangesAsync(cancellationToken);
        }

        return options;
    }

    /// <summary>
    /// For the caseworker's home page: referrals of their own cases held by their organisation whose
    /// follow-up date has come (today or earlier). Names only where the access decision allows them.
    /// Hand-overs that wait long are the workload figure's list (<see cref="Team.TeamWorkloadQuery.OwnItemsAsync"/>),
    /// the team lead's definition, not a second one here.
    /// </summary>
    public async Task<ReferralFollowUps> FollowUpsAsync(StaffMember caseworker, CancellationToken cancellationToken = default)
    {
        if (!caseworker.IsCaseworker)
        {
            return new ReferralFollowUps([]);
        }

        var today = GermanCalendar.DateOf(access.Now);
        var holder = caseworker.Organisation;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var wanted = db.Referrals.AsNoTracking().Where(r => r.HolderOrganisation == holder && r.Progress.FollowUpOn <= today);
        var clients = await db.Clients.AsNoTracking()
            .Where(AccessFilters.OwnCases(caseworker))
            .Where(c => wanted.Any(r => r.ClientId == c.Id))
            .Include(c => c.Consents)
            .ToListAsync(cancellationToken);
        var readable = clients
            .Select(c => (Client: c, Permissions: access.For(caseworker, ClientAccess.FactsOf(c))))
            .Where(x => x.Permissions.Allows(DataCategory.Referrals, holder, AccessOperation.Read))
            .ToDictionary(x => x.Client.Id);
        var ids = readable.Keys.ToList();
        var referrals = await wanted.Where(r => ids.Contains(r.ClientId)).ToListAsync(cancellationToken);
        var partnerIds = referrals.Select(r => r.PartnerId).Distinct().ToList();
        var partners = await db.Partners.AsNoTracking().Where(p => partnerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);

        OverviewCase Row(Referral referral, string detail)
        {
            var (client, permissions) = readable[referral.ClientId];
            var name = permissions.MayRead(DataCategory.MasterData) ? $"{client.LastName}, {client.FirstName}" : null;
            return new OverviewCase(client.Id, client.CaseNumber, name, detail, $"/klienten/{client.Id}/vermittlungen/{referral.Id}");
        }

        string Target(Referral referral) => $"{partners.GetValueOrDefault(referral.PartnerId, referral.PartnerType.German())} ({referral.Progress.Status.German()})";

        var due = referrals.Where(r => r.Progress.IsFollowUpDue(today))
            .OrderBy(r => r.Progress.FollowUpOn)
            .Select(r => Row(r, r.Progress.FollowUpOn == today
                ? $"Wiedervorlage heute: {Target(r)}"
                : $"Wiedervorlage seit {GermanCalendar.Format(r.Progress.FollowUpOn!.Value)}: {Target(r)}"))
            .ToList();
        // Every row shows the referral (partner and status), with or without the name.
        await audit.ListViewedAsync(caseworker, "Startseite Vermittlungen", due.Select(c => c.CaseNumber).Distinct(), cancellationToken);
        return new ReferralFollowUps(due);
    }

    /// <summary>Steps of the plan in force and of an open draft, by key (the plan in force wins), in the plan's order.</summary>
    internal static async Task<IReadOnlyList<PlanStepOption>> CurrentPlanStepsAsync(CaseManagementDbContext db, Guid clientId, CancellationToken cancellationToken)
    {
        var plans = await db.HelpPlans.AsNoTracking()
            .Where(p => p.ClientId == clientId && (p.Status == HelpPlanStatus.Agreed || p.Status == HelpPlanStatus.Draft))
            .Include(p => p.Goals).ThenInclude(g => g.Steps)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var seen = new HashSet<Guid>();
        var options = new List<(PlanStepOption Option, int Goal, int Step)>();
        foreach (var plan in plans.OrderBy(p => p.Status == HelpPlanStatus.Agreed ? 0 : 1))
        {
            foreach (var goal in plan.Goals)
            {
                foreach (var step in goal.Steps.Where(s => seen.Add(s.Key)))
                {
                    options.Add((new PlanStepOption(step.Key, step.Description, goal.Text, goal.Area, step.Responsible, step.PartnerName, step.Status), goal.Position, step.Position));
                }
            }
        }

        return [.. options.OrderBy(o => o.Option.Area).ThenBy(o => o.Goal).ThenBy(o => o.Step).Select(o => o.Option)];
    }

    private static List<Organisation> ReadableHolders(ClientPermissions permissions) =>
        [.. Enum.GetValues<Organisation>().Where(holder => permissions.Allows(DataCategory.Referrals, holder, AccessOperation.Read))];

    private static Task<List<Referral>> ReadableAsync(CaseManagementDbContext db, Guid clientId, List<Organisation> holders, CancellationToken cancellationToken) =>
        db.Referrals.AsNoTracking().Where(r => r.ClientId == clientId && holders.Contains(r.HolderOrganisation)).ToListAsync(cancellationToken);

    private sealed record ClientHead(string CaseNumber, string? Name);

    private static async Task<ClientHead> ClientAsync(CaseManagementDbContext db, Guid clientId, ClientPermissions permissions, CancellationToken cancellationToken)
    {
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == clientId)
            .Select(c => new { c.CaseNumber, c.FirstName, c.LastName }).SingleAsync(cancellationToken);
        return new ClientHead(client.CaseNumber, permissions.MayRead(DataCategory.MasterData) ? $"{client.FirstName} {client.LastName}" : null);
    }

    /// <summary>
    /// Rows for <paramref name="shown"/>; the revolving-door hint looks only at <paramref name="readable"/>
    /// (the referrals of this client the reader may read).
    /// </summary>
    private async Task<List<ReferralRow>> RowsAsync(
        CaseManagementDbContext db, Guid clientId, ClientPermissions permissions, IReadOnlyList<Referral> shown, IReadOnlyList<Referral> readable,
        CancellationToken cancellationToken)
    {
        var today = GermanCalendar.DateOf(access.Now);
        var partnerIds = readable.Concat(shown).Select(r => r.PartnerId).Distinct().ToList();
        var partners = await db.Partners.AsNoTracking().Where(p => partnerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var stepTexts = await StepTextsAsync(db, clientId, permissions, shown, cancellationToken);
        var byId = readable.ToDictionary(r => r.Id);
        var earlier = readable.Select(r => r.AsEarlier).ToList();

        return [.. shown.Select(r =>
        {
            var holderReader = permissions.MayReadNotesOf(r.HolderOrganisation);
            var door = RevolvingDoor.Find(r.PartnerType, r.Progress.ProposedOn, earlier)
                .Select(e => byId[e.Id])
                .Select(e => new EarlierReferralView(e.Id, partners.GetValueOrDefault(e.PartnerId, ""), e.PartnerType, e.Progress.ProposedOn, e.Progress.Status))
                .ToList();
            return new ReferralRow(
                r.Id, r.PartnerId, partners.GetValueOrDefault(r.PartnerId, ""), r.PartnerType, r.HolderOrganisation,
                r.Progress.Status, r.Progress.CurrentStepOn, r.Progress.ProposedOn, r.Progress.WaitingDays(today), r.Progress.IsWaiting, r.Progress.ReachedPartner,
                holderReader ? r.Progress.FollowUpOn : null, holderReader && r.Progress.IsFollowUpDue(today), door,
                holderReader ? new ReferralTexts(r.Reason, r.Progress.FailureReason, r.Progress.Outcome) : null,
                r.PlanStepKey is { } key ? stepTexts.GetValueOrDefault(key) : null,
                permissions.Allows(DataCategory.Referrals, r.HolderOrganisation, AccessOperation.Write));
        })];
    }

    /// <summary>The description of each linked plan step, from the latest version that has it; only for readers of the plan.</summary>
    private static async Task<Dictionary<Guid, string>> StepTextsAsync(
        CaseManagementDbContext db, Guid clientId, ClientPermissions permissions, IReadOnlyList<Referral> referrals, CancellationToken cancellationToken)
    {
        var keys = referrals.Select(r => r.PlanStepKey).OfType<Guid>().Distinct().ToList();
        if (keys.Count == 0 || !permissions.MayRead(DataCategory.HelpPlan))
        {
            return [];
        }

        var steps = await (
            from step in db.PlanSteps.AsNoTracking()
            join goal in db.PlanGoals on step.GoalId equals goal.Id
            join plan in db.HelpPlans on goal.PlanId equals plan.Id
            where plan.ClientId == clientId && keys.Contains(step.Key)
            select new { step.Key, step.Description, plan.Version }).ToListAsync(cancellationToken);
        return steps.GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.Version).First().Description);
    }
}
