using CaseManagement.Application.Access;
using CaseManagement.Application.Audit;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.HelpPlans;

/// <summary>Opens a client's help plan for reading; every opening is audited.</summary>
public sealed class HelpPlanQuery(IDbContextFactory<CaseManagementDbContext> contextFactory, ClientAccess access, AuditTrail audit)
{
    /// <summary>
    /// The plan with the version <paramref name="version"/> shown, or by default the open draft,
    /// else the latest version. Null when the client does not exist or the reader may not know of it.
    /// </summary>
    public async Task<HelpPlanFile?> OpenAsync(StaffMember reader, Guid clientId, int? version = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var permissions = await access.ForAsync(db, reader, clientId, DataCategory.HelpPlan, cancellationToken);
        if (permissions is null)
        {
            return null;
        }

        var client = await db.Clients.AsNoTracking().Where(c => c.Id == clientId)
            .Select(c => new { c.CaseNumber, c.FirstName, c.LastName, c.ResponsibleCaseManagerId, c.ResponsibleDrugHelpWorkerId })
            .SingleAsync(cancellationToken);
        var parties = await PartiesAsync(db, client.ResponsibleCaseManagerId, client.ResponsibleDrugHelpWorkerId, cancellationToken);
        var name = permissions.MayRead(DataCategory.MasterData) ? $"{client.FirstName} {client.LastName}" : null;
        var holder = permissions.Facts.HolderOf(DataCategory.HelpPlan);
        if (!permissions.MayRead(DataCategory.HelpPlan))
        {
            await access.DeniedAsync(db, reader, clientId, client.CaseNumber, DataCategory.HelpPlan, cancellationToken);
            return new HelpPlanFile(clientId, client.CaseNumber, name, holder, false, false, false, parties, [], null);
        }

        var versions = await db.HelpPlans.AsNoTracking().Where(p => p.ClientId == clientId)
            .OrderByDescending(p => p.Version)
            .Select(p => new PlanVersionSummary(p.Id, p.Version, p.Status, p.AgreedOn, p.ClosedOn, p.ChangedAt))
            .ToListAsync(cancellationToken);
        var wanted = version is { } number ? versions.FirstOrDefault(v => v.Version == number)
            : versions.FirstOrDefault(v => v.Status == HelpPlanStatus.Draft) ?? versions.FirstOrDefault();
        PlanVersionView? shown = null;
        if (wanted is not null)
        {
            var plan = await LoadAsync(db, wanted.Id, cancellationToken);
            shown = ViewOf(plan, NoteReaderOf(reader, permissions));
            audit.Add(db, reader, AuditAction.Viewed, clientId, client.CaseNumber, DataCategory.HelpPlan, [$"Fassung {plan.Version}"]);
            await db.SaveChangesAsync(cancellationToken);
        }

        return new HelpPlanFile(
            clientId, client.CaseNumber, name, holder, true, permissions.MayWrite(DataCategory.HelpPlan),
            permissions.MayRead(DataCategory.MasterData), parties, versions, shown);
    }

    /// <summary>What changed from version <paramref name="from"/> to version <paramref name="to"/>; null when not allowed or missing.</summary>
    public async Task<IReadOnlyList<PlanChange>?> CompareAsync(StaffMember reader, Guid clientId, int from, int to, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var permissions = await access.ForAsync(db, reader, clientId, DataCategory.HelpPlan, cancellationToken);
        if (permissions is null)
        {
            return null;
        }

        if (!permissions.MayRead(DataCategory.HelpPlan))
        {
            await access.DeniedAsync(reader, clientId, DataCategory.HelpPlan, cancellationToken);
            return null;
        }

        var plans = await db.HelpPlans.AsNoTracking().Include(p => p.Goals).ThenInclude(g => g.Steps).AsSplitQuery()
            .Where(p => p.ClientId == clientId && (p.Version == from || p.Version == to))
            .ToListAsync(cancellationToken);
        var older = plans.FirstOrDefault(p => p.Version == from);
        var newer = plans.FirstOrDefault(p => p.Version == to);
        if (older is null || newer is null)
        {
            return null;
        }

        var caseNumber = await db.Clients.Where(c => c.Id == clientId).Select(c => c.CaseNumber).SingleAsync(cancellationToken);
        audit.Add(db, reader, AuditAction.Viewed, clientId, caseNumber, DataCategory.HelpPlan, [$"Vergleich Fassung {from} und {to}"]);
        await db.SaveChangesAsync(cancellationToken);
        var notes = NoteReaderOf(reader, permissions);
        return HelpPlanComparison.Compare(HelpPlanInput.From(older, notes), HelpPlanInput.From(newer, notes));
    }

    internal static Task<HelpPlan> LoadAsync(CaseManagementDbContext db, Guid planId, CancellationToken cancellationToken) =>
        db.HelpPlans.AsNoTracking().Include(p => p.Goals).ThenInclude(g => g.Steps).AsSplitQuery()
            .SingleAsync(p => p.Id == planId, cancellationToken);

    /// <summary>The client's responsible caseworkers with what the plan shows of them (agreement, contacts on the print-out).</summary>
    internal static Task<List<ResponsibleStaff>> ResponsibleStaffAsync(
        CaseManagementDbContext db, string? caseManagerId, string? drugHelpWorkerId, CancellationToken cancellationToken)
    {
        string?[] ids = [caseManagerId, drugHelpWorkerId];
        var wanted = ids.OfType<string>().ToList();
        return db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id))
            .OrderBy(u => u.Organisation)
            .Select(u => new ResponsibleStaff(u.Id, u.DisplayName, u.Organisation, u.PhoneNumber, u.Email))
            .ToListAsync(cancellationToken);
    }

    internal static async Task<AgreementParties> PartiesAsync(
        CaseManagementDbContext db, string? caseManagerId, string? drugHelpWorkerId, CancellationToken cancellationToken)
    {
        var names = (await ResponsibleStaffAsync(db, caseManagerId, drugHelpWorkerId, cancellationToken)).ToDictionary(s => s.Id, s => s.DisplayName);
        return new AgreementParties(
            caseManagerId is null ? null : names.GetValueOrDefault(caseManagerId, "Fallmanager:in"),
            drugHelpWorkerId is null ? null : names.GetValueOrDefault(drugHelpWorkerId, "Fachkraft Drogenhilfe"));
    }

    internal sealed record ResponsibleStaff(string Id, string DisplayName, Domain.Staff.Organisation Organisation, string? Phone, string? Email);

    /// <summary>The other organisation's shared step notes are read like the plan held by that organisation: only with a consent in that direction.</summary>
    internal static NoteReader NoteReaderOf(StaffMember reader, ClientPermissions permissions) =>
        new(reader.Organisation, permissions.Allows(DataCategory.HelpPlan, reader.Organisation.Other(), AccessOperation.Read));

    internal static PlanVersionView ViewOf(HelpPlan plan, NoteReader notes) => new(
        plan.Id, plan.Version, plan.Status, HelpPlanInput.From(plan, notes), plan.AgreedOn, plan.AgreedByCaseManager,
        plan.AgreedByDrugHelpWorker, plan.AgreedByClient, plan.ClosedOn, plan.ChangedAt, plan.ChangedByName,
        plan.ChangedByOrganisation, plan.RowVersion);
}
