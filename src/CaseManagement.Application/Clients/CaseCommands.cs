using CaseManagement.Application.Access;
using CaseManagement.Application.Audit;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Clients;
using CaseManagement.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Clients;

/// <summary>Episodes (close, reopen), drug-help health data and internal notes of a case.</summary>
public sealed class CaseCommands(
    IDbContextFactory<CaseManagementDbContext> contextFactory,
    IValidator<CloseEpisodeInput> closeValidator,
    IValidator<HealthDataInput> healthValidator,
    IValidator<NoteInput> noteValidator,
    ClientAccess access,
    AuditTrail audit,
    ClientChangeNotifier notifier,
    TimeProvider clock)
{
    public async Task<CommandResult> CloseEpisodeAsync(StaffMember actor, Guid clientId, CloseEpisodeInput input, CancellationToken cancellationToken = default)
    {
        var validation = await closeValidator.ValidateAsync(input, cancellationToken);
        return await WithClientAsync(actor, clientId, DataCategory.MasterData, validation, async (db, client) =>
        {
            var episode = client.OpenEpisode;
            if (episode is null)
            {
                return CommandResult.Invalid("", "Es gibt keine laufende Episode.");
            }

            if (input.EndedOn!.Value < episode.StartedOn)
            {
                return CommandResult.Invalid(nameof(CloseEpisodeInput.EndedOn), "Das Ende darf nicht vor dem Beginn der Episode liegen.");
            }

            episode.Close(input.EndedOn.Value, input.Reason!.Value);
            audit.Add(db, actor, AuditAction.EpisodeClosed, client.Id, client.CaseNumber, DataCategory.MasterData, ["Ende", "Abschlussgrund"]);
            return CommandResult.Ok();
        }, cancellationToken);
    }

    public Task<CommandResult> OpenEpisodeAsync(StaffMember actor, Guid clientId, CancellationToken cancellationToken = default) =>
        WithClientAsync(actor, clientId, DataCategory.MasterData, validation: null, (db, client) =>
        {
            if (client.OpenEpisode is not null)
            {
                return Task.FromResult(CommandResult.Invalid("", "Es gibt bereits eine laufende Episode."));
            }

            var episode = client.OpenNewEpisode(GermanCalendar.DateOf(clock.GetUtcNow()));
            db.Episodes.Add(episode);
            audit.Add(db, actor, AuditAction.EpisodeOpened, client.Id, client.CaseNumber, DataCategory.MasterData, ["Beginn"]);
            return Task.FromResult(CommandResult.Ok());
        }, cancellationToken);

    public async Task<CommandResult> UpdateHealthDataAsync(StaffMember actor, Guid clientId, HealthDataInput input, CancellationToken cancellationToken = default)
    {
        var validation = await healthValidator.ValidateAsync(input, cancellationToken);
        return await WithClientAsync(actor, clientId, DataCategory.HealthData, validation, (db, client) =>
        {
            var episode = client.OpenEpisode;
            if (episode is null)
            {
                return Task.FromResult(CommandResult.Invalid("", "Gesundheitsdaten werden in der laufenden Episode erfasst; es gibt keine."));
            }

            var changed = new List<string>();
            Set(episode.ReferringBody, input.ReferringBody, v => episode.ReferringBody = v, "Vermittelnde Instanz", changed);
            Set(episode.MainDiagnosis, TextRules.TrimToNull(input.MainDiagnosis)?.ToUpperInvariant(), v => episode.MainDiagnosis = v, "Hauptdiagnose", changed);
            Set(episode.SecondaryDiagnoses, TextRules.TrimToNull(input.SecondaryDiagnoses)?.ToUpperInvariant(), v => episode.SecondaryDiagnoses = v, "Nebendiagnosen", changed);
            Set(episode.ConditionsImposed, TextRules.TrimToNull(input.ConditionsImposed), v => episode.ConditionsImposed = v, "Auflagen", changed);
            if (changed.Count > 0)
            {
                audit.Add(db, actor, AuditAction.Changed, client.Id, client.CaseNumber, DataCategory.HealthData, changed);
            }

            return Task.FromResult(CommandResult.Ok());
        }, cancellationToken);
    }

    public async Task<CommandResult> AddNoteAsync(StaffMember actor, Guid clientId, NoteInput input, CancellationToken cancellationToken = default)
    {
        var validation = await noteValidator.ValidateAsync(input, cancellationToken);
        return await WithClientAsync(actor, clientId, DataCategory.InternalNotes, validation, (db, client) =>
        {
            db.InternalNotes.Add(new InternalNote
            {
                Id = Guid.NewGuid(),
                ClientId = client.Id,
                Organisation = actor.Organisation,
                AuthorId = actor.Id,
                AuthorName = actor.DisplayName,
                CreatedAt = clock.GetUtcNow(),
                Text = input.Text.Trim(),
            });
            audit.Add(db, actor, AuditAction.NoteAdded, client.Id, client.CaseNumber, DataCategory.InternalNotes);
            return Task.FromResult(CommandResult.Ok());
        }, cancellationToken, holder: actor.Organisation);
    }

    private async Task<CommandResult> WithClientAsync(
        StaffMember actor, Guid clientId, DataCategory category, FluentValidation.Results.ValidationResult? validation,
        Func<CaseManagementDbContext, Client, Task<CommandResult>> change, CancellationToken cancellationToken,
        Domain.Staff.Organisation? holder = null)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var permissions = await access.ForAsync(db, actor, clientId, category, cancellationToken);
        if (permissions is null)
        {
            return CommandResult.Missing();
        }

        // Internal notes are held by the writer's organisation; everything else by the client's holder of that category.
        var heldBy = holder ?? permissions.Facts.HolderOf(category);
        if (!permissions.Allows(category, heldBy, AccessOperation.Write))
        {
            await access.DeniedAsync(actor, clientId, category, cancellationToken);
            return CommandResult.Invalid("", heldBy == actor.Organisation
                ? "Diese Angaben dürfen Sie nicht ändern."
                : "Diese Angaben pflegt die andere Organisation.");
        }

        if (validation is { IsValid: false })
        {
            return CommandResult.Invalid(validation);
        }

        var client = await db.Clients.Include(c => c.Episodes).SingleAsync(c => c.Id == clientId, cancellationToken);
        var result = await change(db, client);
        if (!result.Succeeded)
        {
            return result;
        }

        // Only case facts share the client's version; health data must not make a master-data edit look stale.
        if (category == DataCategory.MasterData)
        {
            client.ConcurrencyStamp = Guid.NewGuid();
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            notifier.Publish(clientId);
            return result;
        }
        catch (DbUpdateConcurrencyException)
        {
            return ClientRegistration.Conflict();
        }
    }

    private static void Set<T>(T current, T next, Action<T> assign, string label, List<string> changed)
    {
        if (!EqualityComparer<T>.Default.Equals(current, next))
        {
            assign(next);
            changed.Add(label);
        }
    }
}
