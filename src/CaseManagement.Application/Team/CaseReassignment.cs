using CaseManagement.Application.Access;
using CaseManagement.Application.Audit;
using CaseManagement.Application.Clients;
using CaseManagement.Application.Notifications;
using CaseManagement.Application.Staff;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Notifications;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Team;

/// <summary>
/// Umverteilung: a team lead hands a case on their own organisation's side to another caseworker
/// of that organisation (<see cref="AccessDecision.MayReassign(StaffMember, ClientAccessFacts, Organisation, StaffMember)"/>).
/// The change, its audit entry and a notification for both people commit together; a case that
/// someone changed since the team lead's list was loaded is refused, nothing overwritten.
/// </summary>
public sealed class CaseReassignment(
    IDbContextFactory<CaseManagementDbContext> contextFactory,
    ClientAccess access,
    AuditTrail audit,
    StaffDirectory staff,
    ClientChangeNotifier clientNotifier,
    StaffNotificationSignal notificationSignal,
    IValidator<HandOverInput> validator,
    TimeProvider clock)
{
    /// <summary>The field a wrong choice of person is reported on.</summary>
    public const string NewResponsibleField = nameof(HandOverInput.NewResponsibleId);

    public async Task<CommandResult> ReassignAsync(
        StaffMember actor, Guid clientId, HandOverInput input, Guid expectedStamp, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var permissions = await access.ForAsync(db, actor, clientId, DataCategory.MasterData, cancellationToken);
        if (permissions is null)
        {
            return CommandResult.Missing();
        }

        var side = actor.Organisation;
        if (!AccessDecision.MayReassign(actor, permissions.Facts, side)
            || !await TeamScope.OverseesAsync(db, actor, permissions.Facts.ResponsibleIn(side), cancellationToken))
        {
            await access.DeniedAsync(actor, clientId, DataCategory.MasterData, cancellationToken);
            return CommandResult.Invalid("", "Fälle umverteilen kann nur die Teamleitung, und nur Fälle des eigenen Teams in der eigenen Organisation.");
        }

        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return CommandResult.Invalid(validation);
        }

        var reason = input.Reason!.Trim();
        var newResponsibleId = input.NewResponsibleId!;
        var receiver = TextRules.IsPlausibleId(newResponsibleId) ? await staff.ActiveMemberAsync(newResponsibleId, cancellationToken) : null;
        if (receiver is null || !AccessDecision.MayReassign(actor, permissions.Facts, side, receiver))
        {
            // Not offered by the form: a swapped option (someone of the other organisation, a deactivated account, an unknown id).
            await access.DeniedAsync(actor, clientId, DataCategory.MasterData, cancellationToken);
            return CommandResult.Invalid(NewResponsibleField, $"Bitte wählen Sie eine andere Fachkraft {Of(side)} aus der Liste.");
        }

        var client = await db.Clients.SingleAsync(c => c.Id == clientId, cancellationToken);
        if (client.ConcurrencyStamp != expectedStamp)
        {
            return Conflict();
        }

        var previousId = client.ResponsibleIn(side)!;
        // The account exists: the responsibility's foreign key keeps it from being deleted.
        var previousName = await db.Users.Where(u => u.Id == previousId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        client.AssignResponsible(side, receiver.Id);
        client.ConcurrencyStamp = Guid.NewGuid();
        audit.Add(db, actor, AuditAction.ResponsibilityChanged, client.Id, client.CaseNumber, DataCategory.MasterData, [$"Zuständigkeit {side.German()}", $"Grund: {reason}"]);

        var now = clock.GetUtcNow();
        db.StaffNotifications.Add(StaffNotification.For(
            receiver.Id, $"Der Fall {client.CaseNumber} wurde Ihnen von {actor.DisplayName} (Teamleitung) zugewiesen; bisher zuständig: {previousName}. Grund: {reason}", client.Id, now));
        db.StaffNotifications.Add(StaffNotification.For(
            previousId, $"Der Fall {client.CaseNumber} wurde von {actor.DisplayName} (Teamleitung) an {receiver.DisplayName} übergeben. Grund: {reason}", client.Id, now, linksToCase: false));

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict();
        }

        clientNotifier.Publish(clientId);
        notificationSignal.Publish(receiver.Id);
        notificationSignal.Publish(previousId);
        return CommandResult.Ok();
    }

    private static string Of(Organisation organisation) => organisation == Organisation.Jobcenter ? "des Jobcenters" : "der Drogenhilfe";

    private static CommandResult Conflict() => new()
    {
        Conflict = true,
        Message = "Der Fall wurde inzwischen von jemand anderem geändert, zum Beispiel schon übergeben. Es wurde nichts überschrieben: "
            + "Bitte prüfen Sie die neu geladene Liste und übergeben Sie dann erneut.",
    };
}
