using CaseManagement.Application.Audit;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Access;

/// <summary>What a user may do with one client right now, decided once per operation.</summary>
public sealed class ClientPermissions(StaffMember user, ClientAccessFacts facts, DateTimeOffset now)
{
    public ClientAccessFacts Facts { get; } = facts;

    public bool MayKnowOf => AccessDecision.MayKnowOf(user, Facts);

    public bool MayOverseeWorkload => AccessDecision.MayOverseeWorkload(user, Facts);

    public bool Allows(DataCategory category, AccessOperation operation) =>
        AccessDecision.Allows(user, Facts, category, operation, now);

    public bool Allows(DataCategory category, Organisation holder, AccessOperation operation) =>
        AccessDecision.Allows(user, Facts, category, holder, operation, now);

    public bool MayRead(DataCategory category) => Allows(category, AccessOperation.Read);

    /// <summary>
    /// Whether counselling texts held by <paramref name="holder"/> may be read (the note on an
    /// appointment's outcome, a referral's reason): they are internal notes of that organisation.
    /// </summary>
    public bool MayReadNotesOf(Organisation holder) => Allows(DataCategory.InternalNotes, holder, AccessOperation.Read);

    public bool MayWrite(DataCategory category) => Allows(category, AccessOperation.Write);
}

/// <summary>A client as a list needs it: the case number, the name (to show only where allowed) and the access facts.</summary>
/// <param name="ConcurrencyStamp">The client's stamp as read with the facts, for a change the list offers (a hand-over).</param>
public sealed record ClientAccessSubject(string CaseNumber, string SortName, ClientAccessFacts Facts, Guid ConcurrencyStamp);

/// <summary>
/// The one entry point to client data for every feature: loads the facts the access decision
/// needs (responsibility, consents), asks <see cref="AccessDecision"/>, and audits refusals.
/// A client the user may not know of is reported as "not found", never as "forbidden".
/// </summary>
public sealed class ClientAccess(IDbContextFactory<CaseManagementDbContext> contextFactory, AuditTrail audit, TimeProvider clock, Security.SecurityEvents events)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The access facts of one client (responsibility and consents, in one round trip); null when there is no such client.</summary>
    public static async Task<ClientAccessFacts?> LoadFactsAsync(CaseManagementDbContext db, Guid clientId, CancellationToken cancellationToken) =>
        (await LoadFactsAsync(db, [clientId], cancellationToken)).GetValueOrDefault(clientId)?.Facts;

    /// <summary>The access facts of several clients at once (calendars, lists), with their case numbers and names.</summary>
    public static async Task<IReadOnlyDictionary<Guid, ClientAccessSubject>> LoadFactsAsync(
        CaseManagementDbContext db, IReadOnlyCollection<Guid> clientIds, CancellationToken cancellationToken)
    {
        if (clientIds.Count == 0)
        {
            return new Dictionary<Guid, ClientAccessSubject>();
        }

        // Clients and their consents in one round trip: one row per consent, a client without any
        // comes once with empty consent columns.
        var rows = await (
            from c in db.Clients.AsNoTracking().Where(c => clientIds.Contains(c.Id))
            from k in db.Consents.AsNoTracking().Where(k => k.ClientId == c.Id).DefaultIfEmpty()
            select new
            {
                c.Id, c.CaseNumber, c.FirstName, c.LastName, c.OwningOrganisation, c.ResponsibleCaseManagerId, c.ResponsibleDrugHelpWorkerId, c.ConcurrencyStamp,
                Scope = (ConsentScope?)k.Scope, Directions = (ConsentDirections?)k.Directions, SignedOn = (DateOnly?)k.SignedOn, ValidUntil = (DateOnly?)k.ValidUntil, RevokedAt = (DateTimeOffset?)k.RevokedAt,
            }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Id).ToDictionary(g => g.Key, g =>
        {
            var c = g.First();
            ConsentFacts[] consents = [.. g.Where(r => r.Scope is not null).Select(r => new ConsentFacts(r.Scope!.Value, r.Directions!.Value, r.SignedOn!.Value, r.ValidUntil, r.RevokedAt))];
            return new ClientAccessSubject(
                c.CaseNumber,
                $"{c.LastName}, {c.FirstName}",
                new ClientAccessFacts(c.OwningOrganisation, c.ResponsibleCaseManagerId, c.ResponsibleDrugHelpWorkerId, consents),
                c.ConcurrencyStamp);
        });
    }

    public static ClientAccessFacts FactsOf(Client client) => new(
        client.OwningOrganisation,
        client.ResponsibleCaseManagerId,
        client.ResponsibleDrugHelpWorkerId,
        [.. client.Consents.Select(c => new ConsentFacts(c.Scope, c.Directions, c.SignedOn, c.ValidUntil, c.RevokedAt))]);

    /// <summary>
    /// Permissions of <paramref name="user"/> on a client, or null when the client does not exist
    /// or the user may not know of it; the latter is audited as a refused access.
    /// </summary>
    public async Task<ClientPermissions?> ForAsync(
        CaseManagementDbContext db, StaffMember user, Guid clientId, DataCategory attempted, CancellationToken cancellationToken = default)
    {
        var facts = await LoadFactsAsync(db, clientId, cancellationToken);
        if (facts is null)
        {
            return null;
        }

        var permissions = new ClientPermissions(user, facts, Now);
        if (!permissions.MayKnowOf)
        {
            await DeniedAsync(user, clientId, attempted, cancellationToken);
            return null;
        }

        return permissions;
    }

    public ClientPermissions For(StaffMember user, ClientAccessFacts facts) => new(user, facts, Now);

    /// <summary>
    /// Records a refused access to a client. Every refusal of the product goes through here, so each
    /// carries the client's case number and the data-protection officer finds it by case.
    /// </summary>
    public async Task DeniedAsync(StaffMember user, Guid clientId, DataCategory attempted, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var caseNumber = await db.Clients.AsNoTracking().Where(c => c.Id == clientId).Select(c => c.CaseNumber).SingleOrDefaultAsync(cancellationToken);
        await DeniedAsync(db, user, clientId, caseNumber, attempted, cancellationToken);
    }

    /// <summary>
    /// A refusal saved in the caller's context together with what the caller has added to it (a read
    /// and its refused part in one write), for a caller that has the case number already.
    /// </summary>
    public async Task DeniedAsync(
        CaseManagementDbContext db, StaffMember user, Guid clientId, string? caseNumber, DataCategory attempted, CancellationToken cancellationToken = default)
    {
        audit.Add(db, user, AuditAction.AccessDenied, clientId, caseNumber, attempted);
        await db.SaveChangesAsync(cancellationToken);
        events.ClientAccessRefused(user.Id, attempted);
    }
}
