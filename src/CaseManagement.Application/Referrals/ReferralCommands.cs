using CaseManagement.Application.Access;
using CaseManagement.Application.Audit;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Referrals;

/// <summary>
/// Every change of a referral. Only the responsible caseworker of the organisation that holds the
/// referral may write it (the access decision, <see cref="DataCategory.Referrals"/> with the holder).
/// Each change carries the row version the user started from; a change over a newer one is refused
/// (<see cref="CommandResult.Conflict"/>) and nothing is written. The audit entry is added to the
/// same context and commits with the change. Refusals by the domain rules come back as field errors,
/// next to the field they concern.
/// </summary>
public sealed class ReferralCommands(
    IDbContextFactory<CaseManagementDbContext> contextFactory,
    IValidator<ReferralInput> inputValidator,
    IValidator<ReferralProgressInput> progressValidator,
    IValidator<FollowUpInput> followUpValidator,
    ClientAccess access,
    AuditTrail audit,
    TimeProvider clock)
{
    public const string ConflictMessage =
        "Diese Vermittlung wurde inzwischen von anderer Seite geändert. Ihre Eingaben sind nicht verloren – sie stehen noch im Formular.";

    public const string ArchivedPartnerMessage = "Dieser Netzwerkpartner ist archiviert und nimmt keine neuen Vermittlungen an.";

    public const string UnknownPlanStepMessage = "Dieser Schritt gehört nicht zum geltenden Hilfeplan der Person.";

    /// <summary>
    /// Records a new referral, proposed by the actor's organisation, which then holds it. With
    /// <see cref="ReferralInput.PlanStepKey"/> it carries out that step of the client's current plan.
    /// Returns the referral's id.
    /// </summary>
    public async Task<CommandResult<Guid>> CreateAsync(StaffMember actor, Guid clientId, ReferralInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var permissions = await access.ForAsync(db, actor, clientId, DataCategory.Referrals, cancellationToken);
        if (permissions is null)
        {
            return CommandResult.Missing().As<Guid>();
        }

        if (!permissions.Allows(DataCategory.Referrals, actor.Organisation, AccessOperation.Write))
        {
            await access.DeniedAsync(actor, clientId, DataCategory.Referrals, cancellationToken);
            return CommandResult.Invalid("", "Vermittlungen erfasst die zuständige Fachkraft des Falls.").As<Guid>();
        }

        var validation = await inputValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return CommandResult.Invalid(validation).As<Guid>();
        }

        var partner = await db.Partners.AsNoTracking().SingleOrDefaultAsync(p => p.Id == input.PartnerId, cancellationToken);
        if (partner is null)
        {
            return CommandResult.Invalid(nameof(ReferralInput.PartnerId), "Diesen Netzwerkpartner gibt es nicht (mehr). Bitte wählen Sie einen aus dem Verzeichnis.").As<Guid>();
        }

        if (partner.IsArchived)
        {
            return CommandResult.Invalid(nameof(ReferralInput.PartnerId), ArchivedPartnerMessage).As<Guid>();
        }

        if (input.PlanStepKey is { } stepKey
            && (!permissions.MayRead(DataCategory.HelpPlan)
                || !(await ReferralQuery.CurrentPlanStepsAsync(db, clientId, cancellationToken)).Any(s => s.Key == stepKey)))
        {
            return CommandResult.Invalid(nameof(ReferralInput.PlanStepKey), UnknownPlanStepMessage).As<Guid>();
        }

        var now = clock.GetUtcNow();
        var today = GermanCalendar.DateOf(now);
        var referral = Referral.Propose(clientId, partner, input.Reason, input.PlanStepKey, input.ProposedOn!.Value, today, actor, now);
        referral.Progress.SetFollowUp(input.FollowUpOn, today);
        db.Referrals.Add(referral);
        var caseNumber = await db.Clients.Where(c => c.Id == clientId).Select(c => c.CaseNumber).SingleAsync(cancellationToken);
        audit.Add(db, actor, AuditAction.Created, clientId, caseNumber, DataCategory.Referrals, FieldsOfNew(referral));
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok(referral.Id);
    }

    /// <summary>
    /// Records the next step (and the steps skipped on the way, each with its date). Returns the
    /// referral's new token. A move the rules refuse changes nothing; its German message comes back
    /// at the field it concerns: the target (<c>Status</c>), a date (<c>On</c>, <c>Skipped[i].On</c>) or the text (<c>Note</c>).
    /// </summary>
    public async Task<CommandResult<uint>> RecordProgressAsync(
        StaffMember actor, Guid clientId, Guid referralId, ReferralProgressInput input, uint token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var validation = await progressValidator.ValidateAsync(input, cancellationToken);
        return await WithReferralAsync(actor, clientId, referralId, token, validation, (referral, today) =>
        {
            var progress = referral.Progress;
            var target = input.Status!.Value;
            var path = ReferralProgress.PathTo(progress.Status, target);
            if (path.Count == 0)
            {
                var problem = progress.FindProblem([new ReferralStep(target, input.On!.Value)], today, input.Note);
                return (CommandResult.Invalid(nameof(ReferralProgressInput.Status), problem?.Message ?? "Dieser Schritt ist hier nicht möglich."), []);
            }

            var steps = new List<ReferralStep>();
            var fields = new List<string>();
            foreach (var status in path.Take(path.Count - 1))
            {
                var index = input.Skipped.FindIndex(s => s.Status == status);
                if (index < 0 || input.Skipped[index].On is not { } on)
                {
                    // Without the dates of the steps in between the rules refuse the jump; their message names the missing steps.
                    var missing = progress.ProblemWith([new ReferralStep(target, input.On!.Value)], today, input.Note) ?? "";
                    return (index < 0
                        ? CommandResult.Invalid(nameof(ReferralProgressInput.Status), missing)
                        : CommandResult.Invalid(SkippedField(index), $"Bitte geben Sie das Datum für „{status.German()}“ an."), []);
                }

                steps.Add(new ReferralStep(status, on));
                fields.Add(SkippedField(index));
            }

            steps.Add(new ReferralStep(target, input.On!.Value));
            fields.Add(nameof(ReferralProgressInput.On));
            var note = input.Note;
            if (progress.FindProblem(steps, today, note) is { } refused)
            {
                var field = refused.ConcernsNote ? nameof(ReferralProgressInput.Note)
                    : refused.Kind == ReferralProblemKind.MoveNotAllowed ? nameof(ReferralProgressInput.Status)
                    : refused.StepIndex >= 0 ? fields[refused.StepIndex]
                    : "";
                return (CommandResult.Invalid(field, refused.Message), []);
            }

            progress.Record(steps, today, note);
            string[] changed = ReferralProgressInput.TakesText(target) && !string.IsNullOrWhiteSpace(note)
                ? ["Stand", target == ReferralStatus.Completed ? "Ergebnis" : "Grund"]
                : ["Stand"];
            return (CommandResult.Ok(), changed);
        }, cancellationToken);
    }

    /// <summary>Sets or clears the follow-up date (Wiedervorlage). Returns the referral's new token.</summary>
    public async Task<CommandResult<uint>> SetFollowUpAsync(
        StaffMember actor, Guid clientId, Guid referralId, FollowUpInput input, uint token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var validation = await followUpValidator.ValidateAsync(input, cancellationToken);
        return await WithReferralAsync(actor, clientId, referralId, token, validation, (referral, today) =>
        {
            if (referral.Progress.FollowUpOn == input.FollowUpOn)
            {
                return (CommandResult.Ok(), []);
            }

            try
            {
                referral.Progress.SetFollowUp(input.FollowUpOn, today);
            }
            catch (ArgumentOutOfRangeException)
            {
                return (CommandResult.Invalid(nameof(FollowUpInput.FollowUpOn), "Die Wiedervorlage darf nicht in der Vergangenheit liegen."), []);
            }

            return (CommandResult.Ok(), ["Wiedervorlage"]);
        }, cancellationToken);
    }

    public static CommandResult Conflict() => new() { Conflict = true, Message = ConflictMessage };

    private static string SkippedField(int index) => $"{nameof(ReferralProgressInput.Skipped)}[{index}].{nameof(SkippedStepInput.On)}";

    private static IEnumerable<string> FieldsOfNew(Referral referral)
    {
        yield return $"Vermittlung {referral.Id}";
        yield return "Netzwerkpartner";
        yield return "Anlass";
        yield return "vorgeschlagen am";
        if (referral.PlanStepKey is not null)
        {
            yield return "Hilfeplan-Schritt";
        }

        if (referral.Progress.FollowUpOn is not null)
        {
            yield return "Wiedervorlage";
        }
    }

    /// <summary>
    /// Checks access (the holder organisation's responsible caseworker), validation and the token,
    /// runs <paramref name="change"/> on the tracked referral, and saves it with its audit entry in one
    /// transaction. <paramref name="change"/> returns the names of what it changed (none: nothing to save).
    /// </summary>
    private async Task<CommandResult<uint>> WithReferralAsync(
        StaffMember actor, Guid clientId, Guid referralId, uint token, ValidationResult validation,
        Func<Referral, DateOnly, (CommandResult Result, string[] Changed)> change, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var permissions = await access.ForAsync(db, actor, clientId, DataCategory.Referrals, cancellationToken);
        if (permissions is null)
        {
            return CommandResult.Missing().As<uint>();
        }

        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == referralId && r.ClientId == clientId, cancellationToken);
        if (referral is null)
        {
            return CommandResult.Missing().As<uint>();
        }

        if (!permissions.Allows(DataCategory.Referrals, referral.HolderOrganisation, AccessOperation.Write))
        {
            await access.DeniedAsync(actor, clientId, DataCategory.Referrals, cancellationToken);
            return permissions.Allows(DataCategory.Referrals, referral.HolderOrganisation, AccessOperation.Read)
                ? CommandResult.Invalid("", $"Diese Vermittlung führt {referral.HolderOrganisation.WithArticle()}; ändern kann sie nur die dort zuständige Fachkraft.").As<uint>()
                : CommandResult.Missing().As<uint>(); // the other side's referral stays unknown
        }

        if (!validation.IsValid)
        {
            return CommandResult.Invalid(validation).As<uint>();
        }

        if (referral.RowVersion != token)
        {
            return Conflict().As<uint>();
        }

        var now = clock.GetUtcNow();
        var (result, changed) = change(referral, GermanCalendar.DateOf(now));
        if (!result.Succeeded)
        {
            return result.As<uint>();
        }

        if (changed.Length == 0)
        {
            return CommandResult.Ok(referral.RowVersion);
        }

        referral.Touch(actor, now);
        var caseNumber = await db.Clients.Where(c => c.Id == clientId).Select(c => c.CaseNumber).SingleAsync(cancellationToken);
        audit.Add(db, actor, AuditAction.Changed, clientId, caseNumber, DataCategory.Referrals, [$"Vermittlung {referral.Id}", .. changed]);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict().As<uint>();
        }

        return CommandResult.Ok(referral.RowVersion);
    }
}
