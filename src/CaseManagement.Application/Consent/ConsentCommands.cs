using CaseManagement.Application.Access;
using CaseManagement.Application.Audit;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Consent;
using CaseManagement.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Consent;

/// <summary>
/// Recording and revoking a client's consent. Either responsible caseworker may record what the
/// client signed; a revocation takes effect the moment it is saved, for every later decision.
/// </summary>
public sealed class ConsentCommands(
    IDbContextFactory<CaseManagementDbContext> contextFactory,
    IValidator<ConsentInput> validator,
    IValidator<RevocationInput> revocationValidator,
    ClientAccess access,
    AuditTrail audit,
    Clients.ClientChangeNotifier notifier,
    TimeProvider clock)
{
    public async Task<CommandResult> RecordAsync(StaffMember actor, Guid clientId, ConsentInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var permissions = await access.ForAsync(db, actor, clientId, DataCategory.MasterData, cancellationToken);
        if (permissions is null || !actor.IsCaseworker)
        {
            return CommandResult.Missing();
        }

        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return CommandResult.Invalid(validation);
        }

        // Each organisation records the release of the data it holds (and is bound to keep
        // confidential): the receiving side can never open data to itself.
        var ownRelease = ConsentScopes.From(actor.Organisation);
        if ((input.Directions & ~ownRelease) != ConsentDirections.None)
        {
            var field = actor.Organisation == Domain.Staff.Organisation.Jobcenter ? nameof(ConsentInput.DrugHelpToJobcenter) : nameof(ConsentInput.JobcenterToDrugHelp);
            return CommandResult.Invalid(field, "Die Freigabe von Daten der anderen Organisation erfasst diese selbst, anhand der unterschriebenen Einwilligung.");
        }

        if (input.HealthData && actor.Organisation != Domain.Staff.Organisation.DrugHelpService)
        {
            return CommandResult.Invalid(nameof(ConsentInput.HealthDataNamedExplicitly), "Gesundheits- und Suchtdaten hält die Drogenhilfe; ihre Freigabe erfasst die Drogenhilfe.");
        }

        var caseNumber = await db.Clients.Where(c => c.Id == clientId).Select(c => c.CaseNumber).SingleAsync(cancellationToken);
        var consent = new ClientConsent
        {
            Id = Guid.NewGuid(),
            ClientId = clientId,
            Scope = input.Scope,
            Directions = input.Directions,
            Purpose = input.Purpose.Trim(),
            SignedOn = input.SignedOn!.Value,
            ValidUntil = input.ValidUntil,
            RecordedById = actor.Id,
            RecordedByOrganisation = actor.Organisation,
            RecordedAt = clock.GetUtcNow(),
        };
        db.Consents.Add(consent);
        audit.Add(db, actor, AuditAction.ConsentRecorded, clientId, caseNumber, fields: [ConsentLabels.Describe(consent.Scope, consent.Directions)]);
        await db.SaveChangesAsync(cancellationToken);
        notifier.Publish(clientId);
        return CommandResult.Ok();
    }

    public async Task<CommandResult> RevokeAsync(
        StaffMember actor, Guid clientId, Guid consentId, RevocationInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var permissions = await access.ForAsync(db, actor, clientId, DataCategory.MasterData, cancellationToken);
        if (permissions is null || !actor.IsCaseworker)
        {
            return CommandResult.Missing();
        }

        var validation = await revocationValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return CommandResult.Invalid(validation);
        }

        var consent = await db.Consents.SingleOrDefaultAsync(c => c.Id == consentId && c.ClientId == clientId, cancellationToken);
        if (consent is null)
        {
            return CommandResult.Missing();
        }

        if (consent.RevokedAt is not null)
        {
            return CommandResult.Invalid("", "Diese Einwilligung ist bereits widerrufen.");
        }

        consent.Revoke(clock.GetUtcNow(), TextRules.TrimToNull(input.Note), actor.Id, actor.Organisation);
        var caseNumber = await db.Clients.Where(c => c.Id == clientId).Select(c => c.CaseNumber).SingleAsync(cancellationToken);
        audit.Add(db, actor, AuditAction.ConsentRevoked, clientId, caseNumber, fields: [ConsentLabels.Describe(consent.Scope, consent.Directions)]);
        await db.SaveChangesAsync(cancellationToken);
        notifier.Publish(clientId);
        return CommandResult.Ok();
    }
}
