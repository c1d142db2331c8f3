using System.Globalization;
using CaseManagement.Application.Audit;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Retention;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Persistence.Faults;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Retention;

/// <summary>One category of a case's data and what a run does to it ("Einwilligungen, 3: gelöscht").</summary>
public sealed record RetentionCategory(string Label, int Count, string Effect);

public sealed record RetentionHoldView(Guid Id, string Reason, DateTimeOffset PlacedAt, string PlacedByName);

/// <summary>A case the next run will anonymise (or would, but for its hold).</summary>
public sealed record RetentionCandidate(
    Guid ClientId, string CaseNumber, DateOnly LastEndedOn, DateOnly DueOn, IReadOnlyList<RetentionCategory> Categories, RetentionHoldView? Hold);

/// <summary>The dry run: what the next run removes under the periods in force, as of today.</summary>
public sealed record RetentionPreview(RetentionPeriods Periods, DateOnly Today, IReadOnlyList<RetentionCandidate> Cases)
{
    public int Released => Cases.Count(c => c.Hold is null);

    public int Held => Cases.Count(c => c.Hold is not null);
}

public sealed record RetentionRunView(
    Guid Id, DateOnly RunDate, bool Scheduled, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, string StartedByName,
    int ClosedCaseYears, int Anonymised, int Held, IReadOnlyList<string> CaseNumbers, int AuditYears, int AuditEntriesRemoved);

public enum RetentionRunStatus
{
    Completed = 1,

    /// <summary>Another instance of the app is running one now (PostgreSQL advisory lock).</summary>
    Busy = 2,

    /// <summary>The scheduled run of today has already happened (on this or another instance).</summary>
    AlreadyRanToday = 3,

    Refused = 4,
}

public sealed record RetentionRunOutcome(RetentionRunStatus Status, RetentionRunView? Run);

/// <summary>
/// The retention runs of the Löschkonzept. A case is due when none of its episodes is open and the
/// newest one ended at least the period in force ago (<see cref="RetentionRules"/>); a reopened case
/// therefore counts from its newest end, and an open one is never touched. A run anonymises every due
/// case without a legal hold: the personal data goes, what the steering report counts stays (birth
/// year, gender, the dates and kinds of episodes, plans, goals, appointments and referrals, the record
/// keys of the cell-key method), so a report for a past year shows the same figures before and after.
/// The data-protection officer sees the dry run, holds or releases cases and may start a run; the
/// daily schedule starts one as well. On PostgreSQL a session advisory lock makes sure only one
/// instance runs at a time, and a scheduled run happens once a day however many instances ask.
/// Every run, every anonymised case and every hold is audited.
/// </summary>
public sealed class RetentionRuns(
    IDbContextFactory<CaseManagementDbContext> contextFactory, IValidator<RetentionHoldInput> holdValidator, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The key of the PostgreSQL advisory lock ("Loeschla" in ASCII).</summary>
    public const long AdvisoryLockKey = 0x4C6F657363686C61;

    /// <summary>
    /// Who the audit log names for a scheduled run. The log needs an organisation; the Jobcenter is
    /// named as the operator of the joint case management (docs/data-protection.md).
    /// </summary>
    public static StaffMember Schedule { get; } = new("system:loeschlauf", "Täglicher Löschlauf", Organisation.Jobcenter, new HashSet<string>());

    public async Task<RetentionPreview?> PreviewAsync(StaffMember reader, CancellationToken cancellationToken = default)
    {
        if (!AccessDecision.MayCarryOut(reader, DataProtectionTask.Retention))
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var periods = await RetentionPolicy.ReadAsync(db, cancellationToken);
        var today = GermanCalendar.DateOf(clock.GetUtcNow());
        var due = await DueAsync(db, periods.ClosedCaseYears, today, cancellationToken);
        var ids = due.Select(d => d.ClientId).ToList();
        var holds = await db.RetentionHolds.AsNoTracking().Where(h => ids.Contains(h.ClientId) && h.LiftedAt == null)
            .Select(h => new { h.ClientId, View = new RetentionHoldView(h.Id, h.Reason, h.PlacedAt, h.PlacedByName) })
            .ToListAsync(cancellationToken);
        var holdOf = holds.GroupBy(h => h.ClientId).ToDictionary(g => g.Key, g => g.First().View);
        var categories = await CategoriesAsync(db, ids, cancellationToken);
        var cases = due.Select(d => new RetentionCandidate(
                d.ClientId, d.CaseNumber, d.LastEndedOn, RetentionRules.DueOn(d.LastEndedOn, periods.ClosedCaseYears),
                categories[d.ClientId], holdOf.GetValueOrDefault(d.ClientId)))
            .OrderBy(c => c.DueOn).ThenBy(c => c.CaseNumber, StringComparer.Ordinal)
            .ToList();
        await audit.ListViewedAsync(reader, "Löschvorschau", cases.Select(c => c.CaseNumber), cancellationToken);
        return new RetentionPreview(periods, today, cases);
    }

    public async Task<IReadOnlyList<RetentionRunView>> HistoryAsync(StaffMember reader, int take = 20, CancellationToken cancellationToken = default)
    {
        if (!AccessDecision.MayCarryOut(reader, DataProtectionTask.Retention))
        {
            return [];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var runs = await db.RetentionRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).Take(Math.Clamp(take, 1, 200)).ToListAsync(cancellationToken);
        return [.. runs.Select(View)];
    }

    public async Task<CommandResult> PlaceHoldAsync(StaffMember actor, Guid clientId, RetentionHoldInput input, CancellationToken cancellationToken = default)
    {
        if (!AccessDecision.MayCarryOut(actor, DataProtectionTask.Retention))
        {
            return CommandResult.Missing();
        }

        var validation = await holdValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return CommandResult.Invalid(validation);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var caseNumber = await db.Clients.Where(c => c.Id == clientId && c.AnonymisedAt == null).Select(c => c.CaseNumber).SingleOrDefaultAsync(cancellationToken);
        if (caseNumber is null)
        {
            return CommandResult.Missing();
        }

        if (await db.RetentionHolds.AnyAsync(h => h.ClientId == clientId && h.LiftedAt == null, cancellationToken))
        {
            return CommandResult.Invalid(nameof(RetentionHoldInput.Reason), "Für diesen Fall besteht bereits eine Löschsperre.");
        }

        db.RetentionHolds.Add(new RetentionHold
        {
            Id = Guid.NewGuid(), ClientId = clientId, Reason = input.Reason!.Trim(), PlacedAt = clock.GetUtcNow(),
            PlacedById = actor.Id, PlacedByName = actor.DisplayName,
        });
        // The reason may name a court or a complaint: it stays with the hold, the log says only that there is one.
        audit.Add(db, actor, AuditAction.RetentionHoldPlaced, clientId, caseNumber, category: null, ["Löschsperre"]);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok();
    }

    public async Task<CommandResult> LiftHoldAsync(StaffMember actor, Guid holdId, CancellationToken cancellationToken = default)
    {
        if (!AccessDecision.MayCarryOut(actor, DataProtectionTask.Retention))
        {
            return CommandResult.Missing();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var hold = await db.RetentionHolds.SingleOrDefaultAsync(h => h.Id == holdId && h.LiftedAt == null, cancellationToken);
        if (hold is null)
        {
            return CommandResult.Missing();
        }

        hold.LiftedAt = clock.GetUtcNow();
        hold.LiftedByName = actor.DisplayName;
        var caseNumber = await db.Clients.Where(c => c.Id == hold.ClientId).Select(c => c.CaseNumber).SingleAsync(cancellationToken);
        audit.Add(db, actor, AuditAction.RetentionHoldLifted, hold.ClientId, caseNumber, category: null, ["Löschsperre"]);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok();
    }

    /// <summary>A run started by the data-protection officer ("jetzt ausführen").</summary>
    public Task<RetentionRunOutcome> RunNowAsync(StaffMember actor, CancellationToken cancellationToken = default) =>
        AccessDecision.MayCarryOut(actor, DataProtectionTask.Retention)
            ? RunAsync(actor, scheduled: false, cancellationToken)
            : Task.FromResult(new RetentionRunOutcome(RetentionRunStatus.Refused, null));

    /// <summary>The daily run (<see cref="Schedule"/>): at most once per local day across all instances.</summary>
    public Task<RetentionRunOutcome> RunScheduledAsync(CancellationToken cancellationToken = default) =>
        RunAsync(Schedule, scheduled: true, cancellationToken);

    private async Task<RetentionRunOutcome> RunAsync(StaffMember actor, bool scheduled, CancellationToken cancellationToken)
    {
        // This context holds the lock for the whole run: a session lock lives as long as its connection.
        // So the run is never retried, not even one of its statements: a retry on a new connection
        // would go on without the lock. A run broken off by a fault has committed each anonymisation
        // it finished (one transaction per case) and leaves the rest to the next run.
        await using var lockDb = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await lockDb.RunOnceAsync(_ => RunLockedAsync(lockDb, actor, scheduled, cancellationToken), cancellationToken);
    }

    private async Task<RetentionRunOutcome> RunLockedAsync(CaseManagementDbContext lockDb, StaffMember actor, bool scheduled, CancellationToken cancellationToken)
    {
        var postgres = lockDb.Database.IsNpgsql();
        if (postgres)
        {
            await lockDb.Database.OpenConnectionAsync(cancellationToken);
            var locked = await lockDb.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({AdvisoryLockKey}) AS \"Value\"").SingleAsync(cancellationToken);
            if (!locked)
            {
                return new RetentionRunOutcome(RetentionRunStatus.Busy, null);
            }
        }

        try
        {
            var started = clock.GetUtcNow();
            var today = GermanCalendar.DateOf(started);
            if (scheduled && await lockDb.RetentionRuns.AnyAsync(r => r.Scheduled && r.RunDate == today, cancellationToken))
            {
                return new RetentionRunOutcome(RetentionRunStatus.AlreadyRanToday, null);
            }

            var periods = await RetentionPolicy.ReadAsync(lockDb, cancellationToken);
            var due = await DueAsync(lockDb, periods.ClosedCaseYears, today, cancellationToken);
            var dueIds = due.Select(d => d.ClientId).ToList();
            var held = (await lockDb.RetentionHolds.Where(h => dueIds.Contains(h.ClientId) && h.LiftedAt == null).Select(h => h.ClientId).ToListAsync(cancellationToken)).ToHashSet();
            var anonymised = new List<string>();
            foreach (var candidate in due.Where(d => !held.Contains(d.ClientId)))
            {
                if (await AnonymiseAsync(actor, candidate.ClientId, periods.ClosedCaseYears, today, cancellationToken))
                {
                    anonymised.Add(candidate.CaseNumber);
                }
            }

            var auditRemoved = await ExpireAuditEntriesAsync(periods.AuditYears, started, cancellationToken);
            var run = new RetentionRun
            {
                Id = Guid.NewGuid(), RunDate = today, Scheduled = scheduled, StartedAt = started, FinishedAt = clock.GetUtcNow(),
                StartedByName = actor.DisplayName, ClosedCaseYears = periods.ClosedCaseYears, Anonymised = anonymised.Count,
                Held = held.Count, CaseNumbers = Cut(string.Join(", ", anonymised), RetentionRun.CaseNumbersMaxLength),
                AuditYears = periods.AuditYears, AuditEntriesRemoved = auditRemoved,
            };
            lockDb.RetentionRuns.Add(run);
            audit.Add(lockDb, actor, AuditAction.RetentionRun, clientId: null, caseNumber: null, category: null,
            [
                scheduled ? "täglicher Lauf" : "von Hand gestartet",
                $"{anonymised.Count.ToString(CultureInfo.InvariantCulture)} anonymisiert",
                $"{held.Count.ToString(CultureInfo.InvariantCulture)} gesperrt",
                $"Frist {periods.ClosedCaseYears.ToString(CultureInfo.InvariantCulture)} Jahre",
                $"{auditRemoved.ToString(CultureInfo.InvariantCulture)} Protokolleinträge entfernt (Frist {periods.AuditYears.ToString(CultureInfo.InvariantCulture)} Jahre)",
            ]);
            await lockDb.SaveChangesAsync(cancellationToken);
            return new RetentionRunOutcome(RetentionRunStatus.Completed, View(run));
        }
        finally
        {
            if (postgres)
            {
                await lockDb.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
                await lockDb.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>
    /// Removes the audit entries whose period has passed: those about a case anonymised at least
    /// <paramref name="years"/> ago, and those about no case (sign-ins, account work, runs) that are as old.
    /// Entries about a case still held stay however old they are: the person may ask who read their
    /// data (Art. 15) as long as it is held. The database lets the delete through only while this
    /// transaction holds the permit (<see cref="AuditExpiryPermit"/>); the entity guard is not involved
    /// because nothing tracked is deleted.
    /// </summary>
    private async Task<int> ExpireAuditEntriesAsync(int years, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var before = now.AddYears(-years);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.AuditExpiryPermits.Add(new AuditExpiryPermit { Before = before });
        await db.SaveChangesAsync(cancellationToken);
        var removed = await db.AuditEntries
            .Where(a => a.OccurredAt < before
                && (a.ClientId == null || db.Clients.Any(c => c.Id == a.ClientId && c.AnonymisedAt != null && c.AnonymisedAt < before)))
            .ExecuteDeleteAsync(cancellationToken);
        await db.AuditExpiryPermits.ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return removed;
    }

    private sealed record DueCase(Guid ClientId, string CaseNumber, DateOnly LastEndedOn);

    /// <summary>Cases with episodes, none open, the newest ended on or before the limit; not yet anonymised.</summary>
    private static async Task<List<DueCase>> DueAsync(CaseManagementDbContext db, int years, DateOnly today, CancellationToken cancellationToken)
    {
        var latestEnd = RetentionRules.LatestDueEnd(today, years);
        var rows = await db.Clients.AsNoTracking()
            .Where(c => c.AnonymisedAt == null
                && db.Episodes.Any(e => e.ClientId == c.Id)
                && !db.Episodes.Any(e => e.ClientId == c.Id && (e.EndedOn == null || e.EndedOn > latestEnd)))
            .Select(c => new { c.Id, c.CaseNumber, LastEndedOn = db.Episodes.Where(e => e.ClientId == c.Id).Max(e => e.EndedOn) })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new DueCase(r.Id, r.CaseNumber, r.LastEndedOn!.Value))];
    }

    private static async Task<Dictionary<Guid, IReadOnlyList<RetentionCategory>>> CategoriesAsync(
        CaseManagementDbContext db, List<Guid> ids, CancellationToken cancellationToken)
    {
        async Task<Dictionary<Guid, int>> Count(IQueryable<Guid> clientIds) =>
            (await clientIds.Where(id => ids.Contains(id)).GroupBy(id => id).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(x => x.Key, x => x.Count);

        var episodes = await Count(db.Episodes.Select(e => e.ClientId));
        var consents = await Count(db.Consents.Select(c => c.ClientId));
        var notes = await Count(db.InternalNotes.Select(n => n.ClientId));
        var plans = await Count(db.HelpPlans.Select(p => p.ClientId));
        var appointments = await Count(db.Appointments.Where(a => a.ClientId != null).Select(a => a.ClientId!.Value));
        var referrals = await Count(db.Referrals.Select(r => r.ClientId));
        var unmetNeeds = await Count(db.UnmetNeeds.Select(n => n.ClientId));
        return ids.ToDictionary(id => id, id => (IReadOnlyList<RetentionCategory>)[
            .. new[]
            {
                new RetentionCategory("Stammdaten", 1, "Name, Anschrift, Kontakt und Lebenslage gelöscht; Geburtsjahr und Geschlecht bleiben"),
                new RetentionCategory("Fallepisoden", episodes.GetValueOrDefault(id), "Diagnosen, Auflagen und vermittelnde Instanz gelöscht; Beginn, Ende und Abschlussgrund bleiben"),
                new RetentionCategory("Einwilligungen", consents.GetValueOrDefault(id), "gelöscht"),
                new RetentionCategory("Interne Notizen", notes.GetValueOrDefault(id), "gelöscht"),
                new RetentionCategory("Hilfeplanfassungen", plans.GetValueOrDefault(id), "Texte, Ziele, Schritte und Notizen gelöscht; Stand, Daten und Handlungsfelder bleiben"),
                new RetentionCategory("Termine", appointments.GetValueOrDefault(id), "Ort, Begleitung und Notiz gelöscht; Art, Datum und Ergebnis bleiben"),
                new RetentionCategory("Vermittlungen", referrals.GetValueOrDefault(id), "Anlass, Ergebnis und Gründe gelöscht; Art der Stelle und Daten bleiben"),
                new RetentionCategory("Bedarfe ohne Angebot", unmetNeeds.GetValueOrDefault(id), "Beschreibung gelöscht; Art der benötigten Stelle und Datum bleiben"),
            }.Where(c => c.Count > 0)]);
    }

    /// <summary>
    /// Removes one client's personal data in one transaction, after checking again that the case is
    /// still due (nobody reopened it, no hold was placed since the list was read).
    /// </summary>
    private async Task<bool> AnonymiseAsync(StaffMember actor, Guid clientId, int years, DateOnly today, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var latestEnd = RetentionRules.LatestDueEnd(today, years);
        var client = await db.Clients.SingleOrDefaultAsync(c => c.Id == clientId && c.AnonymisedAt == null, cancellationToken);
        if (client is null
            || await db.Episodes.AnyAsync(e => e.ClientId == clientId && (e.EndedOn == null || e.EndedOn > latestEnd), cancellationToken)
            || await db.RetentionHolds.AnyAsync(h => h.ClientId == clientId && h.LiftedAt == null, cancellationToken))
        {
            return false;
        }

        var categories = (await CategoriesAsync(db, [clientId], cancellationToken))[clientId];
        var caseNumber = client.CaseNumber;

        // Master data: birth year (the report's age groups are taken on 31 December) and gender stay.
        client.CaseNumber = RetentionRules.AnonymousCaseNumber(Guid.NewGuid());
        client.FirstName = "";
        client.LastName = "";
        client.SearchName = "";
        client.BirthDate = new DateOnly(client.BirthDate.Year, 1, 1);
        client.Street = null;
        client.PostalCode = "";
        client.City = "";
        client.Phone = null;
        client.Email = null;
        client.Housing = default;
        client.Schooling = default;
        client.VocationalTraining = default;
        client.Employment = default;
        client.YouthEmploymentAgencyInvolved = false;
        client.ResponsibleCaseManagerId = null;
        client.ResponsibleDrugHelpWorkerId = null;
        client.AnonymisedAt = clock.GetUtcNow();
        client.ConcurrencyStamp = Guid.NewGuid();

        await db.Episodes.Where(e => e.ClientId == clientId).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.ReferringBody, ReferringBody.NotStated)
            .SetProperty(e => e.MainDiagnosis, (string?)null)
            .SetProperty(e => e.SecondaryDiagnoses, (string?)null)
            .SetProperty(e => e.ConditionsImposed, (string?)null), cancellationToken);
        await db.Consents.Where(c => c.ClientId == clientId).ExecuteDeleteAsync(cancellationToken);
        await db.InternalNotes.Where(n => n.ClientId == clientId).ExecuteDeleteAsync(cancellationToken);
        await db.StaffNotifications.Where(n => n.ClientId == clientId).ExecuteDeleteAsync(cancellationToken);

        var planIds = db.HelpPlans.Where(p => p.ClientId == clientId).Select(p => p.Id);
        var goalIds = db.PlanGoals.Where(g => planIds.Contains(g.PlanId)).Select(g => g.Id);
        await db.HelpPlans.Where(p => p.ClientId == clientId).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.IntegrationGoal, "")
            .SetProperty(p => p.TargetJobs, (string?)null)
            .SetProperty(p => p.OwnEfforts, (string?)null)
            .SetProperty(p => p.OwnEffortsEvidence, (string?)null), cancellationToken);
        // Goals keep their area and stored progress; bulk updates leave the progress keeper out of it.
        await db.PlanSteps.Where(st => goalIds.Contains(st.GoalId)).ExecuteUpdateAsync(s => s
            .SetProperty(st => st.Description, "")
            .SetProperty(st => st.PartnerName, (string?)null)
            .SetProperty(st => st.JobcenterNote, (string?)null)
            .SetProperty(st => st.DrugHelpNote, (string?)null), cancellationToken);
        await db.PlanGoals.Where(g => planIds.Contains(g.PlanId)).ExecuteUpdateAsync(s => s.SetProperty(g => g.Text, ""), cancellationToken);

        await db.Appointments.Where(a => a.ClientId == clientId).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Place, (string?)null)
            .SetProperty(a => a.AccompanimentTarget, (string?)null)
            .SetProperty(a => a.OutcomeNote, (string?)null), cancellationToken);

        await db.Referrals.Where(r => r.ClientId == clientId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Reason, ""), cancellationToken);
        // The progress is an owned part of the referral row: cleared through the change tracker.
        foreach (var referral in await db.Referrals.Where(r => r.ClientId == clientId).ToListAsync(cancellationToken))
        {
            var progress = db.Entry(referral).Reference(r => r.Progress).TargetEntry!;
            progress.Property(p => p.Outcome).CurrentValue = null;
            progress.Property(p => p.FailureReason).CurrentValue = null;
            progress.Property(p => p.FollowUpOn).CurrentValue = null;
        }

        await db.UnmetNeeds.Where(n => n.ClientId == clientId).ExecuteUpdateAsync(s => s.SetProperty(n => n.Description, (string?)null), cancellationToken);

        audit.Add(db, actor, AuditAction.Anonymised, clientId, caseNumber, category: null, categories.Select(c => c.Label));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static RetentionRunView View(RetentionRun run) => new(
        run.Id, run.RunDate, run.Scheduled, run.StartedAt, run.FinishedAt, run.StartedByName, run.ClosedCaseYears, run.Anonymised, run.Held,
        [.. run.CaseNumbers.Split(", ", StringSplitOptions.RemoveEmptyEntries)], run.AuditYears, run.AuditEntriesRemoved);

    private static string Cut(string value, int length) => value.Length <= length ? value : value[..length];
}
