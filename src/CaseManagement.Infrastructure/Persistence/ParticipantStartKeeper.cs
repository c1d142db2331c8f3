using CaseManagement.Domain.Appointments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CaseManagement.Infrastructure.Persistence;

/// <summary>
/// Keeps each participant's copy of the appointment's start (<see cref="AppointmentStaffMember.Start"/>)
/// equal to the appointment's on every save, whichever code path added or moved them, so that the
/// week views and team figures that read the copy never disagree with the appointment.
/// </summary>
public sealed class ParticipantStartKeeper : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Align(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Align(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Align(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var tracker = context.ChangeTracker;
        if (tracker.AutoDetectChangesEnabled)
        {
            tracker.DetectChanges();
        }

        foreach (var appointment in tracker.Entries<Appointment>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            foreach (var participant in appointment.Entity.Participants.Where(p => p.Start != appointment.Entity.Start))
            {
                participant.Start = appointment.Entity.Start;
            }
        }

        var starts = tracker.Entries<Appointment>().ToDictionary(e => e.Entity.Id, e => e.Entity.Start);
        foreach (var participant in tracker.Entries<AppointmentStaffMember>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            if (!starts.TryGetValue(participant.Entity.AppointmentId, out var start))
            {
                throw new InvalidOperationException(
                    $"A participant of appointment {participant.Entity.AppointmentId} is saved without its appointment; load the appointment so that the participant's copy of its start stays right.");
            }

            participant.Entity.Start = start;
        }
    }
}
