using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Clients;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Audit;

/// <summary>The cases found for a name: their case numbers and birth dates, for the officer to pick the right person.</summary>
public sealed record FoundCase(Guid ClientId, string CaseNumber, DateOnly BirthDate);

/// <summary>
/// "Who looked at Ms Müller's file?": the data-protection officer types a name (and a birth date),
/// the product finds the case numbers, and the log is filtered by those. The lookup is audited with
/// the case numbers it found, never with the name typed, so the log itself never holds a name.
/// </summary>
public sealed class PersonLookup(IDbContextFactory<CaseManagementDbContext> contextFactory, AuditTrail audit)
{
    /// <summary>More hits than this are not a person but a common name: the officer must add the birth date.</summary>
    public const int MaxHits = 20;

    /// <returns>Null when the reader may not look people up or the name is empty.</returns>
    public async Task<IReadOnlyList<FoundCase>?> FindAsync(StaffMember reader, string? name, DateOnly? birthDate, CancellationToken cancellationToken = default)
    {
        var terms = SearchText.Normalize(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!AccessDecision.MayCarryOut(reader, DataProtectionTask.IdentifyPerson) || terms.Length == 0)
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var clients = db.Clients.AsNoTracking();
        foreach (var term in terms)
        {
            clients = clients.Where(c => c.SearchName.Contains(term));
        }

        if (birthDate is { } born)
        {
            clients = clients.Where(c => c.BirthDate == born);
        }

        var found = await clients.OrderBy(c => c.CaseNumber).Take(MaxHits + 1)
            .Select(c => new FoundCase(c.Id, c.CaseNumber, c.BirthDate))
            .ToListAsync(cancellationToken);
        await audit.RecordAsync(reader, AuditAction.PersonLookedUp, clientId: null, caseNumber: null, category: DataCategory.MasterData,
            fields: ["Personensuche im Protokoll", .. found.Take(MaxHits).Select(f => f.CaseNumber)], cancellationToken: cancellationToken);
        return found;
    }

    public static AuditPerson AsFilter(IEnumerable<FoundCase> cases)
    {
        var list = cases.ToList();
        return new AuditPerson([.. list.Select(c => c.ClientId)], [.. list.Select(c => c.CaseNumber)]);
    }
}
