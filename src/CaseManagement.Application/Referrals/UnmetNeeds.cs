using CaseManagement.Application.Access;
using CaseManagement.Application.Audit;
using CaseManagement.Application.HelpPlans;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Referrals;

/// <summary>A need without a fitting partner service (Bedarf ohne Angebot), as typed on the client's referrals area.</summary>
public sealed class UnmetNeedInput
{
    /// <summary>Art der benötigten Stelle.</summary>
    public PartnerType? ServiceType { get; set; }

    /// <summary>Was genau gebraucht wurde und warum keine Stelle passte (optional): counselling content, holder organisation only.</summary>
    public string? Description { get; set; }

    /// <summary>Festgestellt am.</summary>
    public DateOnly? RecordedOn { get; set; }
}

public sealed class UnmetNeedInputValidator : AbstractValidator<UnmetNeedInput>
{
    public UnmetNeedInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.ServiceType).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Bitte wählen Sie, welche Art von Stelle gebraucht wurde.")
            .IsInEnum().WithMessage("Bitte wählen Sie eine Art von Stelle aus der Liste.");
        RuleFor(x => x.Description).FreeText("Beschreibung des Bedarfs", UnmetNeed.DescriptionMaxLength);
        RuleFor(x => x.RecordedOn).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Bitte geben Sie an, wann der Bedarf festgestellt wurde.")
            .Must(date => date <= ReferralInputValidator.Today(clock)).WithMessage("Das Datum darf nicht in der Zukunft liegen.")
            .Must(date => date >= HelpPlanInputValidator.EarliestDate).WithMessage("Das Datum liegt zu weit zurück.");
    }
}

/// <summary>One recorded unmet need as the reader may see it; <see cref="Description"/> only for the holder organisation.</summary>
public sealed record UnmetNeedRow(Guid Id, PartnerType ServiceType, DateOnly RecordedOn, Organisation Holder, string? Description, string RecordedBy, bool MayRemove);

/// <summary>The client's unmet needs the reader may see (newest first, one page by keyset), and whether the reader may record one.</summary>
public sealed record ClientUnmetNeeds(bool MayRead, bool MayRecord, IReadOnlyList<UnmetNeedRow> Needs, UnmetNeedPage? Next);

/// <summary>Where the next page of a client's unmet needs starts: after this (day, id).</summary>
public sealed record UnmetNeedPage(DateOnly RecordedOn, Guid Id);

/// <summary>
/// Records and reads needs without a fitting partner service (Bedarf ohne Angebot). They belong to
/// the referral work: the access decision for <see cref="DataCategory.Referrals"/> decides per
/// record by its holder organisation, exactly as for a referral (the own organisation's responsible
/// caseworker writes; the other side reads the facts while a consent covers referrals; the
/// description never leaves the holder). Every read and change is audited; a change and its audit
/// entry commit together. A need is recorded once and not edited (no concurrency token needed); a
/// wrong one is removed by its holder.
/// </summary>
public sealed class UnmetNeeds(
    IDbContextFactory<CaseManagementDbContext> contextFactory,
    IValidator<UnmetNeedInput> validator,
    ClientAccess access,
    AuditTrail audit,
    TimeProvider clock)
{
    public const int PageSize = 20;

    public const string MayNotRecordMessage = "Einen Bedarf ohne Angebot erfasst die zuständige Fachkraft des Falls.";

    /// <summary>The client's unmet needs the reader may see. Null when the client does not exist or the reader may not know of it.</summary>
    public async Task<ClientUnmetNeeds?> ForClientAsync(StaffMember reader, Guid clientId, UnmetNeedPage? after = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var permissions = await access.ForAsync(db, reader, clientId, DataCategory.Referrals, cancellationToken);
        if (permissions is null)
        {
            return null;
        }

        List<Organisation> holders = [.. Enum.GetValues<Organisation>().Where(h => permissions.Allows(DataCategory.Referrals, h, AccessOperation.Read))];
        var mayRecord = permissions.Allows(DataCategory.Referrals, reader.Organisation, AccessOperation.Write);
        if (holders.Count == 0)
        {
            await access.DeniedAsync(reader, clientId, DataCategory.Referrals, cancellationToken);
            return new ClientUnmetNeeds(false, false, [], null);
        }

        var query = db.UnmetNeeds.AsNoTracking().Where(n => n.ClientId == clientId && holders.Contains(n.HolderOrganisation));
        if (after is not null)
        {
            query = query.Where(n => n.RecordedOn < after.RecordedOn || (n.RecordedOn == after.RecordedOn && n.Id.CompareTo(after.Id) < 0));
        }

        var needs = await query.OrderByDescending(n => n.RecordedOn).ThenByDescending(n => n.Id).Take(PageSize + 1).ToListAsync(cancellationToken);
        var next = needs.Count > PageSize ? new UnmetNeedPage(needs[PageSize - 1].RecordedOn, needs[PageSize - 1].Id) : null;
        var rows = needs.Take(PageSize).Select(n => new UnmetNeedRow(
            n.Id, n.ServiceType, n.RecordedOn, n.HolderOrganisation,
            permissions.MayReadNotesOf(n.HolderOrganisation) ? n.Description : null,
            n.CreatedByName,
            permissions.Allows(DataCategory.Referrals, n.HolderOrganisation, AccessOperation.Write))).ToList();
        if (rows.Count > 0)
        {
            var caseNumber = await db.Clients.Where(c => c.Id == clientId).Select(c => c.CaseNumber).SingleAsync(cancellationToken);
            audit.Add(db, reader, AuditAction.Viewed, clientId, caseNumber, DataCategory.Referrals, [$"Bedarfe ohne Angebot ({rows.Count})"]);
            await db.SaveChangesAsync(cancellationToken);
        }

        return new ClientUnmetNeeds(true, mayRecord, rows, next);
    }

    /// <summary>Records an unmet need, held by the actor's organisation. Returns its id.</summary>
    public async Task<CommandResult<Guid>> RecordAsync(StaffMember actor, Guid clientId, UnmetNeedInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
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
            return CommandResult.Invalid("", MayNotRecordMessage).As<Guid>();
        }

        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return CommandResult.Invalid(validation).As<Guid>();
        }

        var now = clock.GetUtcNow();
        var need = UnmetNeed.Record(clientId, input.ServiceType!.Value, input.Description, input.RecordedOn!.Value, actor, now);
        db.UnmetNeeds.Add(need);
        var caseNumber = await db.Clients.Where(c => c.Id == clientId).Select(c => c.CaseNumber).SingleAsync(cancellationToken);
        string[] fields = need.Description is null
            ? [$"Bedarf ohne Angebot {need.Id}", "Art der Stelle", "festgestellt am"]
            : [$"Bedarf ohne Angebot {need.Id}", "Art der Stelle", "Beschreibung", "festgestellt am"];
        audit.Add(db, actor, AuditAction.Created, clientId, caseNumber, DataCategory.Referrals, fields);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok(need.Id);
    }

    /// <summary>Removes a wrongly recorded need; only its holder organisation's responsible caseworker may.</summary>
    public async Task<CommandResult> RemoveAsync(StaffMember actor, Guid clientId, Guid needId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var permissions = await access.ForAsync(db, actor, clientId, DataCategory.Referrals, cancellationToken);
        if (permissions is null)
        {
            return CommandResult.Missing();
        }

        var need = await db.UnmetNeeds.SingleOrDefaultAsync(n => n.Id == needId && n.ClientId == clientId, cancellationToken);
        if (need is null)
        {
            return CommandResult.Missing();
        }

        if (!permissions.Allows(DataCategory.Referrals, need.HolderOrganisation, AccessOperation.Write))
        {
            await access.DeniedAsync(actor, clientId, DataCategory.Referrals, cancellationToken);
            return permissions.Allows(DataCategory.Referrals, need.HolderOrganisation, AccessOperation.Read)
                ? CommandResult.Invalid("", $"Diesen Bedarf hat {need.HolderOrganisation.WithArticle()} erfasst; entfernen kann ihn nur die dort zuständige Fachkraft.")
                : CommandResult.Missing();
        }

        db.UnmetNeeds.Remove(need);
        var caseNumber = await db.Clients.Where(c => c.Id == clientId).Select(c => c.CaseNumber).SingleAsync(cancellationToken);
        // Field names, never contents (the log outlives the entry): once removed, the id reads "nicht mehr gespeichert".
        audit.Add(db, actor, AuditAction.Changed, clientId, caseNumber, DataCategory.Referrals, [$"Bedarf ohne Angebot {need.Id}", "entfernt"]);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Removed by someone else a moment earlier (and audited there): gone either way.
            return CommandResult.Ok();
        }

        return CommandResult.Ok();
    }
}
