using CaseManagement.Application.Access;
using CaseManagement.Application.Audit;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Staff;
using CaseManagement.Domain.Reports;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Persistence.Faults;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.HelpPlans;

/// <summary>
/// Every change of a help plan. Each command carries the concurrency token of the version the
/// user started from; a save over a newer change is refused (<see cref="CommandResult.Conflict"/>)
/// and nothing is written, so the page can show the other person's change next to the user's input.
/// </summary>
public sealed class HelpPlanCommands(
    IDbContextFactory<CaseManagementDbContext> contextFactory,
    IValidator<HelpPlanInput> planValidator,
    IValidator<AgreementInput> agreementValidator,
    IValidator<ClosePlanInput> closeValidator,
    ClientAccess access,
    AuditTrail audit,
    HelpPlanChangeNotifier notifier,
    TimeProvider clock)
{
    /// <summary>Begins the client's first plan, or a new one after the last was closed. Returns the version number.</summary>
    public async Task<CommandResult<int>> StartAsync(StaffMember actor, Guid clientId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var attempts = 0;
        return await RunAsync<int>(async (db, ct) =>
        {
            attempts++;
            if (await CheckWriteAsync<int>(db, actor, clientId, ct) is { } refused)
            {
                return refused;
            }

            // A repeat after a fault: the attempt before may have been committed; its version carries this save's stamp.
            if (attempts > 1 && await OwnSaveAsync(db, clientId, actor, now, ct) is { } own)
            {
                return Attempt<int>.Saved(CommandResult.Ok(own.Version), own);
            }

            var versions = await db.HelpPlans.Where(p => p.ClientId == clientId).Select(p => new { p.Version, p.Status }).ToListAsync(ct);
            if (!HelpPlanVersions.MayStartNewPlan([.. versions.Select(v => v.Status)]))
            {
                return Attempt<int>.Done(CommandResult.Invalid("", "Für diesen Fall gibt es bereits einen laufenden Hilfeplan.").As<int>());
            }

            var plan = HelpPlan.Start(clientId, HelpPlanVersions.NextVersionNumber(versions.Select(v => v.Version)), actor, now);
            db.HelpPlans.Add(plan);
            audit.Add(db, actor, AuditAction.Created, clientId, await CaseNumberAsync(db, clientId, ct), DataCategory.HelpPlan, [$"Fassung {plan.Version}"]);
            return await SaveAsync(db, clientId, plan, actor, now, stored => CommandResult.Ok(stored.Version), ct);
        }, actor, clientId, cancellationToken);
    }

    /// <summary>
    /// Saves the editor's contents. A draft takes everything; the plan in force takes only the
    /// progress of its steps (status and note); other changes need a review (Fortschreibung).
    /// Returns the version's new token.
    /// </summary>
    public async Task<CommandResult<uint>> SaveAsync(StaffMember actor, Guid clientId, Guid planId, HelpPlanInput input, uint token, CancellationToken cancellationToken = default)
    {
        var validation = await planValidator.ValidateAsync(input, cancellationToken);
        return await WithPlanAsync(actor, clientId, planId, token, validation, discards: false, clock.GetUtcNow(), (db, plan, client) =>
        {
            // The actor's own notes are the only ones they can change; the other organisation's stay as stored.
            var ownNotes = new NoteReader(actor.Organisation, MayReadOthersJointNotes: false);
            var before = HelpPlanInput.From(plan, ownNotes);
            if (plan.IsDraft)
            {
                ReplaceContents(db, plan, input, actor.Organisation);
            }
            else if (plan.AcceptsProgress)
            {
                if (ContentDiffers(before, input))
                {
                    return Task.FromResult(CommandResult.Invalid("",
                        "Ein vereinbarter Plan wird nur in einer Fortschreibung inhaltlich geändert. Stand und Notizen der Schritte können Sie direkt speichern."));
                }

                ApplyProgress(plan, input, actor.Organisation);
            }
            else
            {
                return Task.FromResult(CommandResult.Invalid("", "Diese Fassung ist abgeschlossen und kann nicht mehr geändert werden."));
            }

            var changes = HelpPlanComparison.Compare(before, HelpPlanInput.From(plan, ownNotes));
            if (changes.Count == 0)
            {
                return Task.FromResult<CommandResult>(Unchanged.Instance);
            }

            audit.Add(db, actor, AuditAction.Changed, clientId, client.CaseNumber, DataCategory.HelpPlan, [$"Fassung {plan.Version}", .. HelpPlanComparison.ChangedFields(changes)]);
            return Task.FromResult(CommandResult.Ok());
        }, cancellationToken);
    }

    /// <summary>Records the agreement of the caseworkers and the client; an earlier agreed version is superseded.</summary>
    public async Task<CommandResult<uint>> AgreeAsync(StaffMember actor, Guid clientId, Guid planId, AgreementInput input, uint token, CancellationToken cancellationToken = default)
    {
        var validation = await agreementValidator.ValidateAsync(input, cancellationToken);
        return await WithPlanAsync(actor, clientId, planId, token, validation, discards: false, clock.GetUtcNow(), async (db, plan, client) =>
        {
            var agreement = new PlanAgreement(input.AgreedOn!.Value, input.ByCaseManager, input.ByDrugHelpWorker, input.ByClient);
            if (plan.WhyNotAgreeable(agreement, client.Parties, Today) is { } reason)
            {
                return CommandResult.Invalid("", reason);
            }

            var inForce = await db.HelpPlans.Where(p => p.ClientId == clientId && p.Status == HelpPlanStatus.Agreed && p.Id != plan.Id).ToListAsync(cancellationToken);
            if (inForce.Max(p => p.AgreedOn) is { } previous && agreement.AgreedOn < previous)
            {
                return CommandResult.Invalid("",
                    $"Die Fortschreibung kann nicht vor der Vereinbarung der bisherigen Fassung ({GermanCalendar.Format(previous)}) vereinbart worden sein.");
            }

            inForce.ForEach(p => p.Supersede());
            plan.Agree(agreement, client.Parties, Today, actor, client.Now);
            audit.Add(db, actor, AuditAction.Changed, clientId, client.CaseNumber, DataCategory.HelpPlan, [$"Fassung {plan.Version}", "Vereinbarung"]);
            return CommandResult.Ok();
        }, cancellationToken);
    }

    /// <summary>Fortschreibung: a new draft version with the contents of the plan in force. Returns the new version number.</summary>
    public async Task<CommandResult<int>> StartReviewAsync(StaffMember actor, Guid clientId, Guid planId, uint token, CancellationToken cancellationToken = default)
    {
        var number = 0;
        var now = clock.GetUtcNow();
        var result = await WithPlanAsync(actor, clientId, planId, token, null, discards: false, now, async (db, plan, client) =>
        {
            var statuses = await db.HelpPlans.Where(p => p.ClientId == clientId).Select(p => p.Status).ToListAsync(cancellationToken);
            if (plan.Status != HelpPlanStatus.Agreed || !HelpPlanVersions.MayStartReview(statuses))
            {
                return CommandResult.Invalid("", "Fortgeschrieben wird der geltende, vereinbarte Plan; eine Fortschreibung läuft bereits oder der Plan gilt nicht mehr.");
            }

            var next = plan.StartReview(actor, client.Now);
            db.HelpPlans.Add(next);
            number = next.Version;
            audit.Add(db, actor, AuditAction.Created, clientId, client.CaseNumber, DataCategory.HelpPlan, [$"Fassung {next.Version}", "Fortschreibung"]);
            return CommandResult.Ok();
        }, cancellationToken);
        if (result.Succeeded && number == 0)
        {
            // The review was committed by an attempt before a fault: its new version carries the same stamp.
            number = await ReviewVersionAsync(actor, clientId, now, cancellationToken);
        }

        return result.Succeeded ? CommandResult.Ok(number) : result.As<int>();
    }

    /// <summary>Discards a draft (a review that is not wanted, or a plan begun by mistake).</summary>
    public async Task<CommandResult> DiscardDraftAsync(StaffMember actor, Guid clientId, Guid planId, uint token, CancellationToken cancellationToken = default) =>
        await WithPlanAsync(actor, clientId, planId, token, null, discards: true, clock.GetUtcNow(), (db, plan, client) =>
        {
            if (!plan.IsDraft)
            {
                return Task.FromResult(CommandResult.Invalid("", "Nur ein Entwurf kann verworfen werden."));
            }

            db.HelpPlans.Remove(plan);
            audit.Add(db, actor, AuditAction.Changed, clientId, client.CaseNumber, DataCategory.HelpPlan, [$"Fassung {plan.Version}", "Entwurf verworfen"]);
            return Task.FromResult(CommandResult.Ok());
        }, cancellationToken);

    public async Task<CommandResult<uint>> CloseAsync(StaffMember actor, Guid clientId, Guid planId, ClosePlanInput input, uint token, CancellationToken cancellationToken = default)
    {
        var validation = await closeValidator.ValidateAsync(input, cancellationToken);
        return await WithPlanAsync(actor, clientId, planId, token, validation, discards: false, clock.GetUtcNow(), async (db, plan, client) =>
        {
            if (plan.WhyNotClosable(input.ClosedOn!.Value, Today) is { } reason)
            {
                return CommandResult.Invalid(nameof(ClosePlanInput.ClosedOn), reason);
            }

            if (await db.HelpPlans.AnyAsync(p => p.ClientId == clientId && p.Status == HelpPlanStatus.Draft, cancellationToken))
            {
                return CommandResult.Invalid("", "Es läuft noch eine Fortschreibung. Bitte vereinbaren oder verwerfen Sie sie zuerst.");
            }

            plan.Close(input.ClosedOn.Value, Today, actor, client.Now);
            audit.Add(db, actor, AuditAction.Changed, clientId, client.CaseNumber, DataCategory.HelpPlan, [$"Fassung {plan.Version}", "Abschluss"]);
            return CommandResult.Ok();
        }, cancellationToken);
    }

    private DateOnly Today => GermanCalendar.DateOf(clock.GetUtcNow());

    /// <summary>
    /// Checks access, validation and the token, runs <paramref name="change"/> on the tracked plan,
    /// and saves it with its audit entry in one transaction. Returns the version's new token.
    /// </summary>
    private async Task<CommandResult<uint>> WithPlanAsync(
        StaffMember actor, Guid clientId, Guid planId, uint token, ValidationResult? validation, bool discards, DateTimeOffset now,
        Func<CaseManagementDbContext, HelpPlan, PlanClient, Task<CommandResult>> change, CancellationToken cancellationToken)
    {
        var attempts = 0;
        return await RunAsync<uint>(async (db, ct) =>
        {
            attempts++;
            if (await CheckWriteAsync<uint>(db, actor, clientId, ct) is { } refused)
            {
                return refused;
            }

            if (validation is { IsValid: false })
            {
                return Attempt<uint>.Done(CommandResult.Invalid(validation).As<uint>());
            }

            var plan = await db.HelpPlans.Include(p => p.Goals).ThenInclude(g => g.Steps).AsSplitQuery()
                .SingleOrDefaultAsync(p => p.Id == planId && p.ClientId == clientId, ct);
            if (plan is null)
            {
                // A discard repeated after a fault finds its draft gone: the attempt before was committed.
                return Attempt<uint>.Done(discards && attempts > 1 ? CommandResult.Ok<uint>(0) : CommandResult.Missing().As<uint>());
            }

            if (plan.RowVersion != token)
            {
                // Someone else saved, or this very save was committed by an attempt before a fault.
                return IsOwnSave(plan.ChangedById, plan.ChangedAt, actor, now)
                    ? Attempt<uint>.Saved(CommandResult.Ok(plan.RowVersion), StoredVersion.Of(plan))
                    : Attempt<uint>.Done(Conflict().As<uint>());
            }

            var client = await db.Clients.AsNoTracking().Where(c => c.Id == clientId)
                .Select(c => new { c.CaseNumber, c.ResponsibleCaseManagerId, c.ResponsibleDrugHelpWorkerId }).SingleAsync(ct);
            var parties = await HelpPlanQuery.PartiesAsync(db, client.ResponsibleCaseManagerId, client.ResponsibleDrugHelpWorkerId, ct);
            var result = await change(db, plan, new PlanClient(client.CaseNumber, parties, now));
            if (result is Unchanged)
            {
                return Attempt<uint>.Done(CommandResult.Ok(plan.RowVersion));
            }

            if (!result.Succeeded)
            {
                return Attempt<uint>.Done(result.As<uint>());
            }

            if (db.Entry(plan).State != EntityState.Deleted)
            {
                plan.Touch(actor, now);
            }

            return await SaveAsync(db, clientId, plan, actor, now, stored => CommandResult.Ok(stored.Token), ct);
        }, actor, clientId, cancellationToken);
    }

    /// <summary>
    /// Runs one command as a unit of work that a transient fault of the database starts again from
    /// scratch on a fresh context (<see cref="UnitsOfWork.RetryingAsync{T}"/>). What the unit saved
    /// is announced to open pages, and a refusal audited, after it and once. A database still
    /// unreachable after the retries gives the German notice; nothing was saved and the page keeps
    /// the input.
    /// </summary>
    private async Task<CommandResult<T>> RunAsync<T>(
        Func<CaseManagementDbContext, CancellationToken, Task<Attempt<T>>> unit, StaffMember actor, Guid clientId, CancellationToken cancellationToken)
    {
        Attempt<T> outcome;
        try
        {
            outcome = await contextFactory.RetryingAsync(unit, cancellationToken);
        }
        catch (Exception exception) when (DatabaseFaults.IsUnavailable(exception))
        {
            return CommandResult.DatabaseUnavailable(DatabaseFaults.UnavailableMessage).As<T>();
        }

        if (outcome.Stored is { } stored)
        {
            notifier.Publish(new HelpPlanChanged(clientId, stored.Id, stored.ChangedByName, stored.Token));
        }

        if (outcome.Denied)
        {
            await access.DeniedAsync(actor, clientId, DataCategory.HelpPlan, cancellationToken);
        }

        return outcome.Result;
    }

    private static async Task<Attempt<T>> SaveAsync<T>(
        CaseManagementDbContext db, Guid clientId, HelpPlan plan, StaffMember actor, DateTimeOffset now,
        Func<StoredVersion, CommandResult<T>> success, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException
            || db.ChangeTracker.Entries<HelpPlan>().Any(e => e.State == EntityState.Added))
        {
            // Someone else saved (a new token; or, for a new plan or review, the unique version number
            // let only one of two through) – unless the commit of an attempt before a fault landed
            // only now: then the plan carries this save's own stamp.
            return await OwnSaveAsync(db, clientId, actor, now, cancellationToken) is { } own
                ? Attempt<T>.Saved(success(own), own)
                : Attempt<T>.Done(Conflict().As<T>());
        }

        var stored = StoredVersion.Of(plan);
        return Attempt<T>.Saved(success(stored), stored);
    }

    /// <summary>
    /// True when a plan's last change is this save's own: the same person at the same instant
    /// (PostgreSQL keeps microseconds). No other save shares it, so a repeated attempt that meets
    /// it knows that its earlier attempt was committed.
    /// </summary>
    private static bool IsOwnSave(string changedById, DateTimeOffset changedAt, StaffMember actor, DateTimeOffset now) =>
        changedById == actor.Id && (changedAt - now).Duration() < TimeSpan.FromMicroseconds(1);

    /// <summary>The client's newest plan version that carries this save's stamp (for a review: the new draft), if any.</summary>
    private static async Task<StoredVersion?> OwnSaveAsync(
        CaseManagementDbContext db, Guid clientId, StaffMember actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var candidates = await db.HelpPlans.AsNoTracking()
            .Where(p => p.ClientId == clientId && p.ChangedById == actor.Id)
            .Select(p => new { p.Id, p.Version, p.ChangedById, p.ChangedAt, p.ChangedByName, p.RowVersion })
            .ToListAsync(cancellationToken);
        return candidates.Where(p => IsOwnSave(p.ChangedById, p.ChangedAt, actor, now)).OrderByDescending(p => p.Version)
            .Select(p => new StoredVersion(p.Id, p.Version, p.ChangedByName, p.RowVersion)).FirstOrDefault();
    }

    /// <summary>The version number of the review this person began at <paramref name="now"/>.</summary>
    private async Task<int> ReviewVersionAsync(StaffMember actor, Guid clientId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return (await OwnSaveAsync(db, clientId, actor, now, cancellationToken))?.Version ?? 0;
    }

    /// <summary>Null when the actor may change the plan; a refusal for want of consent is audited by <see cref="RunAsync"/>, once.</summary>
    private async Task<Attempt<T>?> CheckWriteAsync<T>(CaseManagementDbContext db, StaffMember actor, Guid clientId, CancellationToken cancellationToken)
    {
        var permissions = await access.ForAsync(db, actor, clientId, DataCategory.HelpPlan, cancellationToken);
        if (permissions is null)
        {
            return Attempt<T>.Done(CommandResult.Missing().As<T>());
        }

        return permissions.MayWrite(DataCategory.HelpPlan)
            ? null
            : new Attempt<T>(CommandResult.Invalid("", "Für den Hilfeplan dieses Falls liegt Ihrer Organisation keine gültige Einwilligung vor; Sie können ihn nicht ändern.").As<T>(), null, Denied: true);
    }

    private static Task<string> CaseNumberAsync(CaseManagementDbContext db, Guid clientId, CancellationToken cancellationToken) =>
        db.Clients.Where(c => c.Id == clientId).Select(c => c.CaseNumber).SingleAsync(cancellationToken);

    public const string ConflictMessage =
        "Jemand anderes hat diesen Plan inzwischen gespeichert. Ihre Eingaben sind nicht verloren – sie stehen noch im Formular.";

    public static CommandResult Conflict() => new() { Conflict = true, Message = ConflictMessage };

    private static void ReplaceContents(CaseManagementDbContext db, HelpPlan plan, HelpPlanInput input, Organisation author)
    {
        plan.IntegrationGoal = input.IntegrationGoal.Trim();
        plan.TargetJobs = TextRules.TrimToNull(input.TargetJobs);
        plan.OwnEfforts = TextRules.TrimToNull(input.OwnEfforts);
        plan.OwnEffortsEvidence = TextRules.TrimToNull(input.OwnEffortsEvidence);
        plan.NextReviewOn = input.NextReviewOn;

        // Goals and steps are few; replacing them keeps the order exactly as edited. Their keys carry
        // identity, and a goal keeps its report key: a new one on every save would give the steering
        // report's goal figures a fresh deviation each time, and repeated looks would average it away.
        var reportKeys = plan.Goals.GroupBy(g => g.Key).ToDictionary(g => g.Key, g => g.First().ReportKey);
        var otherNotes = plan.Steps.GroupBy(s => s.Key).ToDictionary(s => s.Key, s => s.First().NoteOf(author.Other()));
        db.PlanGoals.RemoveRange(plan.Goals);
        plan.Goals = [.. input.Goals.Select((goal, position) => GoalOf(plan.Id, goal, position, reportKeys.GetValueOrDefault(goal.Key, ReportKeys.New())))];
        foreach (var step in plan.Steps)
        {
            var own = input.Goals.SelectMany(g => g.Steps).First(s => s.Key == step.Key);
            step.SetNote(author, new StepNote(TextRules.TrimToNull(own.Note), own.NoteIsJoint));
            if (otherNotes.TryGetValue(step.Key, out var other))
            {
                step.SetNote(author.Other(), other);
            }
        }

        db.PlanGoals.AddRange(plan.Goals);
    }

    private static PlanGoal GoalOf(Guid planId, GoalInput input, int position, int reportKey)
    {
        var goal = new PlanGoal { Id = Guid.NewGuid(), PlanId = planId, Key = input.Key, Area = input.Area, Position = position, Text = input.Text.Trim(), ReportKey = reportKey };
        goal.Steps = [.. input.Steps.Select((step, index) => new PlanStep
        {
            Id = Guid.NewGuid(),
            GoalId = goal.Id,
            Key = step.Key,
            Position = index,
            Description = step.Description.Trim(),
            Responsible = step.Responsible,
            PartnerName = step.Responsible == StepParty.Partner ? TextRules.TrimToNull(step.PartnerName) : null,
            DueOn = step.DueOn,
            Status = step.Status,
        })];
        return goal;
    }

    /// <summary>True when the input changes more than the progress (status, note) of existing steps.</summary>
    private static bool ContentDiffers(HelpPlanInput current, HelpPlanInput input)
    {
        var progressOnly = input.Clone();
        var currentSteps = current.Goals.SelectMany(g => g.Steps).ToDictionary(s => s.Key);
        foreach (var step in progressOnly.Goals.SelectMany(g => g.Steps))
        {
            if (currentSteps.TryGetValue(step.Key, out var was))
            {
                step.Status = was.Status;
                step.Note = was.Note;
                step.NoteIsJoint = was.NoteIsJoint;
            }
        }

        return HelpPlanComparison.Compare(current, progressOnly).Count > 0;
    }

    private static void ApplyProgress(HelpPlan plan, HelpPlanInput input, Organisation author)
    {
        var progress = input.Goals.SelectMany(g => g.Steps).ToDictionary(s => s.Key);
        foreach (var step in plan.Steps)
        {
            var next = progress[step.Key];
            step.Status = next.Status;
            step.SetNote(author, new StepNote(TextRules.TrimToNull(next.Note), next.NoteIsJoint));
        }
    }

    /// <summary>What a plan command needs to know of the client: the case number for the audit, who must agree; and the save's instant.</summary>
    private sealed record PlanClient(string CaseNumber, AgreementParties Parties, DateTimeOffset Now);

    /// <summary>A plan version as a save left it: what open pages are told.</summary>
    private sealed record StoredVersion(Guid Id, int Version, string ChangedByName, uint Token)
    {
        public static StoredVersion Of(HelpPlan plan) => new(plan.Id, plan.Version, plan.ChangedByName, plan.RowVersion);
    }

    /// <summary>What one attempt of a command came to: its result, the version it stored, whether access was refused.</summary>
    private sealed record Attempt<T>(CommandResult<T> Result, StoredVersion? Stored, bool Denied)
    {
        public static Attempt<T> Done(CommandResult<T> result) => new(result, null, false);

        public static Attempt<T> Saved(CommandResult<T> result, StoredVersion stored) => new(result, stored, false);
    }

    /// <summary>Marks "nothing to save": the command succeeds without writing.</summary>
    private sealed class Unchanged : CommandResult
    {
        public static readonly Unchanged Instance = new();
    }
}
