using CaseManagement.Application.Audit;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Access;

/// <summary>What a user may do with one client right now, decided once per operation.</summary>
public sealed class ClientPermissions(StaffMember user, ClientAccessFacts facts, DateTimeOffset now)
{
    public ClientAccessFacts Facts { get; } = facts;

    public bool MayKnowOf => AccessDecision.MayKnowOf(user, Facts);

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

/// <summary>
/// The one entry point to client data for every feature: loads the facts the access decision
/// needs (responsibility, consents), asks <see cref="AccessDecision"/>, and audits refusals.
/// A client the user may not know of is reported as "not found", never as "forbidden".
/// </summary>
public sealed class ClientAccess(AuditTrail audit, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public static async Task<ClientAccessFacts?> LoadFactsAsync(CaseManagementDbContext db, Guid clientId, CancellationToken cancellationToken)
    {
        var client = await db.Clients.AsNoTracking()
            .Where(c => c.Id == clientId)
            .Select(c => new { c.OwningOrganisation, c.ResponsibleCaseManagerId, c.ResponsibleDrugHelpWorkerId })
            .SingleOrDefaultAsync(cancellationToken);
        if (client is null)
        {
            return null;
        }

        var consents = await db.Consents.AsNoTracking()
            .Where(c => c.ClientId == clientId)
            .Select(c => new ConsentFacts(c.Scope, c.Directions, c.SignedOn, c.ValidUntil, c.RevokedAt))
            .ToListAsync(cancellationToken);
        return new ClientAccessFacts(client.OwningOrganisation, client.ResponsibleCaseManagerId, client.ResponsibleDrugHelpWorkerId, consents);
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

    public Task DeniedAsync(StaffMember user, Guid clientId, DataCategory attempted, CancellationToken cancellationToken = default) =>
        audit.RecordAsync(user, AuditAction.AccessDenied, clientId, caseNumber: null, attempted, cancellationToken: cancellationToken);
}
