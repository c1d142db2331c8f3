using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Audit;

/// <summary>Someone who acted in an item of a case's history, and how often.</summary>
public sealed record HistoryActor(string Name, Organisation Organisation, int Count);

/// <summary>
/// One line of a case's history: an event (registration, a consent, a plan, a referral, a hand-over,
/// an export, a refusal), or a run of readings between two events collapsed into one line
/// ("geöffnet 14× zwischen … und …"), with who read and how often.
/// </summary>
/// <param name="Opened">Views of the case itself (file, plan, appointments, referrals) in a collapsed run; 0 for an event.</param>
/// <param name="Listed">Appearances in lists in a collapsed run; 0 for an event.</param>
public sealed record HistoryItem(
    DateTimeOffset From, DateTimeOffset To, AuditAction Action, string Subject, int Opened, int Listed, IReadOnlyList<HistoryActor> Actors)
{
    public bool IsReading => Opened + Listed > 0;
}

/// <param name="ClientId">Null when no client carries this case number any more (anonymised) or never did.</param>
/// <param name="Entries">How many log entries the history tells.</param>
public sealed record CaseHistory(string CaseNumber, Guid? ClientId, IReadOnlyList<HistoryItem> Items, int Entries);

/// <summary>
/// A case's story from the audit log, oldest first: what happened to the person's data, and who
/// read it in between. Reading it is audited (<see cref="AuditAction.HistoryViewed"/>).
/// </summary>
public sealed class CaseHistoryQuery(IDbContextFactory<CaseManagementDbContext> contextFactory, AuditTrail audit)
{
    public async Task<CaseHistory?> ForCaseAsync(StaffMember reader, string caseNumber, CancellationToken cancellationToken = default)
    {
        var number = caseNumber.Trim().ToUpperInvariant();
        if (!AccessDecision.MayCarryOut(reader, DataProtectionTask.AuditLog) || number.Length is 0 or > 20)
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var clientId = await db.Clients.AsNoTracking().Where(c => c.CaseNumber == number).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken);
        var person = new AuditPerson(clientId is { } id ? [id] : [], [number]);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(AuditLogQuery.OfPerson(person))
            .OrderBy(a => a.OccurredAt).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        if (clientId is null && entries.Count == 0)
        {
            return null;
        }

        var subjectNames = await AuditSubjects.NamesAsync(db, entries.Select(e => e.Fields), cancellationToken);
        await audit.RecordAsync(reader, AuditAction.HistoryViewed, clientId, number, cancellationToken: cancellationToken);
        return new CaseHistory(number, clientId, Collapse(entries, subjectNames), entries.Count);
    }

    /// <summary>Events stay single; every run of readings between two events becomes one item.</summary>
    internal static IReadOnlyList<HistoryItem> Collapse(IEnumerable<AuditEntry> oldestFirst, IReadOnlyDictionary<Guid, string> subjectNames)
    {
        var items = new List<HistoryItem>();
        var run = new List<AuditEntry>();
        foreach (var entry in oldestFirst)
        {
            if (IsReading(entry.Action))
            {
                run.Add(entry);
                continue;
            }

            Flush();
            items.Add(new HistoryItem(
                entry.OccurredAt, entry.OccurredAt, entry.Action, AuditSubjects.Describe(entry.Action, entry.Category, entry.Fields, subjectNames),
                0, 0, [new HistoryActor(entry.UserName, entry.UserOrganisation, 1)]));
        }

        Flush();
        return items;

        void Flush()
        {
            if (run.Count == 0)
            {
                return;
            }

            var opened = run.Count(e => e.Action != AuditAction.ListViewed);
            var actors = run.GroupBy(e => (e.UserName, e.UserOrganisation))
                .Select(g => new HistoryActor(g.Key.UserName, g.Key.UserOrganisation, g.Count()))
                .OrderByDescending(a => a.Count).ThenBy(a => a.Name, StringComparer.Ordinal)
                .ToList();
            var areas = run.Where(e => e.Action != AuditAction.ListViewed && e.Category is not null)
                .Select(e => GermanLabels.Of(e.Category!.Value)).Distinct().Order(StringComparer.Ordinal).ToList();
            var subject = areas.Count == 0 ? (opened > 0 ? "Akte" : "Listen") : $"Akte, {string.Join(", ", areas)}";
            items.Add(new HistoryItem(run[0].OccurredAt, run[^1].OccurredAt, AuditAction.Viewed, subject, opened, run.Count - opened, actors));
            run.Clear();
        }
    }

    /// <summary>Readings that only looked: collapsed. A refused reading is an event of its own.</summary>
    private static bool IsReading(AuditAction action) => action is AuditAction.Viewed or AuditAction.ListViewed;
}
