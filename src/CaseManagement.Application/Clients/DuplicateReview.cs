using CaseManagement.Application.Access;
using CaseManagement.Application.Audit;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Persistence.Faults;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Clients;

/// <summary>One of the two records of a suspicion as a team lead sees it: in full when their organisation works on it, otherwise only its number and date.</summary>
/// <param name="ClientId">For the page to follow changes of the record; never shown.</param>
public sealed record DuplicateRecord(
    Guid ClientId, string CaseNumber, string OwningOrganisation, DateTimeOffset RegisteredAt, bool Known, string? FullName, DateOnly? BirthDate, string? ResponsibleName);

/// <summary>A possible duplicate awaiting the team leads' decision.</summary>
public sealed record DuplicateCase(
    Guid Id, Guid ConcurrencyStamp, DateTimeOffset RaisedAt, DuplicateRecord Earlier, DuplicateRecord Later,
    IReadOnlyList<DuplicateVerdictShown> Verdicts, bool Disputed);

/// <param name="Verdict">Null while that organisation has not decided.</param>
public sealed record DuplicateVerdictShown(string Organisation, DuplicateVerdict? Verdict, string? DecidedBy);

/// <summary>
/// The team leads' work on possible duplicates (Dublettenverdacht): a registration that looks like a
/// record its caseworker may not know of raises a suspicion silently; the team leads of every
/// organisation working on either record decide (same person → merge, different people → closed),
/// and it is resolved when they agree. Caseworkers never see a suspicion.
/// </summary>
public sealed class DuplicateReview(
    IDbContextFactory<CaseManagementDbContext> contextFactory, ClientAccess access, AuditTrail audit, ClientChangeNotifier notifier, TimeProvider clock)
{
    /// <summary>Adds a suspicion per look-alike record the registering caseworker may not know of; saved with the registration.</summary>
    internal static void Raise(CaseManagementDbContext db, Guid newClientId, IEnumerable<Guid> hiddenLookAlikes, DateTimeOffset now)
    {
        foreach (var earlier in hiddenLookAlikes)
        {
            db.DuplicateSuspicions.Add(new DuplicateSuspicion
            {
                Id = Guid.NewGuid(), NewClientId = newClientId, EarlierClientId = earlier, RaisedAt = now, ConcurrencyStamp = Guid.NewGuid(),
            });
        }
    }

    /// <summary>How many open suspicions concern the team lead's organisation.</summary>
    /// <remarks>A count shows no names and is not logged as a list view.</remarks>
    public async Task<int> CountOpenAsync(StaffMember teamLead, CancellationToken cancellationToken = default) =>
        (await LoadAsync(teamLead, cancellationToken)).Count;

    /// <summary>The open suspicions that concern the team lead's organisation; logged as a list view of the case numbers shown with names.</summary>
    public async Task<IReadOnlyList<DuplicateCase>> ListAsync(StaffMember teamLead, CancellationToken cancellationToken = default)
    {
        var cases = await LoadAsync(teamLead, cancellationToken);
        await audit.ListViewedAsync(teamLead, "Dublettenverdacht", cases.SelectMany(c => new[] { c.Earlier, c.Later }).Where(r => r.Known).Select(r => r.CaseNumber), cancellationToken);
        return cases;
    }

    private async Task<List<DuplicateCase>> LoadAsync(StaffMember teamLead, CancellationToken cancellationToken)
    {
        if (!teamLead.IsTeamLead)
        {
            return [];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var open = await db.DuplicateSuspicions.AsNoTracking().Where(d => d.ResolvedAt == null).OrderBy(d => d.RaisedAt).ToListAsync(cancellationToken);
        var ids = open.SelectMany(d => new[] { d.NewClientId, d.EarlierClientId }).Distinct().ToList();
        var clients = await db.Clients.AsNoTracking().Include(c => c.Consents).Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var staffIds = clients.Values.Select(c => c.ResponsibleIn(teamLead.Organisation)).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => staffIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

        var cases = new List<DuplicateCase>();
        foreach (var suspicion in open)
        {
            if (!clients.TryGetValue(suspicion.EarlierClientId, out var earlier) || !clients.TryGetValue(suspicion.NewClientId, out var later)
                || !Involved(earlier, later).Contains(teamLead.Organisation))
            {
                continue;
            }

            cases.Add(new DuplicateCase(
                suspicion.Id, suspicion.ConcurrencyStamp, suspicion.RaisedAt, Shown(earlier), Shown(later),
                [.. Involved(earlier, later).Select(o => new DuplicateVerdictShown(o.German(), suspicion.VerdictOf(o), DecidedByOf(suspicion, o)))],
                Disputed(suspicion, Involved(earlier, later))));
        }

        return cases;

        // Name and birth date as the team lead may read master data anywhere else: their own
        // organisation's record, or the other's under a consent in force.
        DuplicateRecord Shown(Client client)
        {
            var facts = ClientAccess.FactsOf(client);
            var known = AccessDecision.MayKnowOf(teamLead, facts);
            var readable = known && access.For(teamLead, facts).MayRead(DataCategory.MasterData);
            var responsible = client.ResponsibleIn(teamLead.Organisation);
            return new DuplicateRecord(
                client.Id, client.CaseNumber, client.OwningOrganisation.German(), client.CreatedAt, readable,
                readable ? client.FullName : null, readable ? client.BirthDate : null,
                known && responsible is not null ? names.GetValueOrDefault(responsible, "unbekannt") : null);
        }
    }

    /// <summary>Records the team lead's verdict for their organisation; when every organisation involved agrees, closes the suspicion or merges the records.</summary>
    public async Task<CommandResult> DecideAsync(
        StaffMember teamLead, Guid suspicionId, DuplicateVerdict verdict, Guid expectedStamp, CancellationToken cancellationToken = default)
    {
        if (!teamLead.IsTeamLead || !Enum.IsDefined(verdict))
        {
            return CommandResult.Missing();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var suspicion = await db.DuplicateSuspicions.SingleOrDefaultAsync(d => d.Id == suspicionId && d.ResolvedAt == null, cancellationToken);
        var records = suspicion is null ? [] : await db.Clients.Include(c => c.Episodes).Include(c => c.Consents).Include(c => c.Notes).AsSplitQuery()
            .Where(c => c.Id == suspicion.EarlierClientId || c.Id == suspicion.NewClientId).ToListAsync(cancellationToken);
        if (suspicion is null || records.Count != 2)
        {
            return CommandResult.Missing();
        }

        var earlier = records.Single(c => c.Id == suspicion.EarlierClientId);
        var later = records.Single(c => c.Id == suspicion.NewClientId);
        var involved = Involved(earlier, later);
        if (!involved.Contains(teamLead.Organisation))
        {
            return CommandResult.Missing();
        }

        if (suspicion.ConcurrencyStamp != expectedStamp)
        {
            return new CommandResult { Conflict = true, Message = "Die andere Teamleitung hat inzwischen entschieden. Bitte laden Sie die Liste neu." };
        }

        var now = clock.GetUtcNow();
        suspicion.Decide(teamLead.Organisation, verdict, teamLead.DisplayName);
        suspicion.ConcurrencyStamp = Guid.NewGuid();
        var pair = $"{earlier.CaseNumber} / {later.CaseNumber}";
        var said = verdict == DuplicateVerdict.SamePerson ? "dieselbe Person" : "verschiedene Personen";
        foreach (var record in records)
        {
            audit.Add(db, teamLead, AuditAction.DuplicateDecided, record.Id, record.CaseNumber, null, [$"Dublettenverdacht {pair}: {said}"]);
        }

        var agreed = involved.All(o => suspicion.VerdictOf(o) == verdict);
        string? message = null;
        if (agreed && verdict == DuplicateVerdict.DifferentPeople)
        {
            suspicion.Resolve(verdict, now);
            message = "Verdacht geschlossen: verschiedene Personen.";
        }
        else if (agreed && await ClientMerge.WhyNotAsync(db, earlier, later, now, cancellationToken) is { } refusal)
        {
            message = $"Ihre Entscheidung ist gespeichert. Zusammenführen ist noch nicht möglich: {refusal}";
        }
        else if (agreed)
        {
            return await MergeAsync(db, suspicion, earlier, later, teamLead, now, cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new CommandResult { Conflict = true, Message = "Die andere Teamleitung hat inzwischen entschieden. Bitte laden Sie die Liste neu." };
        }

        return new CommandResult
        {
            Message = message ?? (Disputed(suspicion, involved)
                ? "Ihre Entscheidung ist gespeichert. Die Teamleitungen sind sich nicht einig: bitte sprechen Sie miteinander."
                : "Ihre Entscheidung ist gespeichert. Sie wartet auf die Entscheidung der anderen Teamleitung."),
        };
    }

    private async Task<CommandResult> MergeAsync(
        CaseManagementDbContext db, DuplicateSuspicion suspicion, Client earlier, Client later, StaffMember teamLead, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Once, never retried: the records were read and changed on this context before and inside
        // the transaction, so a repeat could not start from scratch, and a merge is not worth the risk
        // of being applied twice. After a fault the team lead decides again on a fresh list.
        try
        {
            await db.RunOnceAsync(async _ =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await ClientMerge.MergeAsync(db, earlier, later, teamLead, now, cancellationToken);
                suspicion.Resolve(DuplicateVerdict.SamePerson, now);
                var merged = $"Akte {later.CaseNumber} in {earlier.CaseNumber} zusammengeführt";
                audit.Add(db, teamLead, AuditAction.RecordsMerged, earlier.Id, earlier.CaseNumber, null, [merged]);
                audit.Add(db, teamLead, AuditAction.RecordsMerged, later.Id, later.CaseNumber, null, [merged]);

                // Other suspicions about the removed record now concern the one it went into.
                foreach (var other in await db.DuplicateSuspicions.Where(d => d.Id != suspicion.Id && d.ResolvedAt == null
                    && (d.NewClientId == later.Id || d.EarlierClientId == later.Id)).ToListAsync(cancellationToken))
                {
                    other.NewClientId = other.NewClientId == later.Id ? earlier.Id : other.NewClientId;
                    other.EarlierClientId = other.EarlierClientId == later.Id ? earlier.Id : other.EarlierClientId;
                    if (other.NewClientId == other.EarlierClientId)
                    {
                        other.Resolve(DuplicateVerdict.SamePerson, now);
                    }
                }

                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return true;
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new CommandResult { Conflict = true, Message = "Eine der beiden Akten wurde inzwischen geändert. Bitte laden Sie die Liste neu und entscheiden Sie noch einmal." };
        }

        notifier.Publish(earlier.Id);
        notifier.Publish(later.Id);
        return new CommandResult { Message = $"Zusammengeführt: Die Akte {later.CaseNumber} ist jetzt Teil von {earlier.CaseNumber}." };
    }

    /// <summary>The organisations that work on either record: each must decide.</summary>
    private static List<Organisation> Involved(Client earlier, Client later) =>
        [.. ClientMerge.OrganisationsOf(earlier).Union(ClientMerge.OrganisationsOf(later)).Order()];

    private static bool Disputed(DuplicateSuspicion suspicion, IReadOnlyList<Organisation> involved) =>
        involved.Select(suspicion.VerdictOf).OfType<DuplicateVerdict>().Distinct().Count() > 1;

    private static string? DecidedByOf(DuplicateSuspicion suspicion, Organisation organisation) =>
        organisation == Organisation.Jobcenter ? suspicion.JobcenterDecidedByName : suspicion.DrugHelpDecidedByName;
}
