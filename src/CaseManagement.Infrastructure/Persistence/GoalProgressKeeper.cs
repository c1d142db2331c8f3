using CaseManagement.Domain.HelpPlans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CaseManagement.Infrastructure.Persistence;

/// <summary>
/// Keeps <see cref="PlanGoal.Progress"/> in step with the goal's steps on every save: a goal that is
/// new, or whose steps were added, changed or removed, gets its progress recomputed from the steps
/// that remain. Doing it here rather than in each command means no code path that edits steps can
/// forget it.
/// </summary>
/// <remarks>
/// A step can only be saved together with its goal and all the goal's steps (the help-plan aggregate
/// is always loaded whole); a step saved without them would leave the stored progress stale, so that
/// is refused with an exception rather than written.
/// </remarks>
public sealed class GoalProgressKeeper : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Refresh(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Refresh(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Refresh(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        // SaveChanges calls interceptors before it detects changes itself; steps edited through their
        // properties are only marked Modified after this.
        var tracker = context.ChangeTracker;
        if (tracker.AutoDetectChangesEnabled)
        {
            tracker.DetectChanges();
        }

        var goals = tracker.Entries<PlanGoal>().ToDictionary(e => e.Entity.Id);
        // New and changed goals too: a progress set by hand is put right again.
        var touched = goals.Values.Where(e => e.State is EntityState.Added or EntityState.Modified).ToDictionary(e => e.Entity.Id);
        foreach (var step in tracker.Entries<PlanStep>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            // A step moved to another goal changes the progress of both.
            foreach (var goalId in new[] { step.Property(s => s.GoalId).OriginalValue, step.Entity.GoalId }.Distinct())
            {
                if (!goals.TryGetValue(goalId, out var goal))
                {
                    throw new InvalidOperationException($"Step {step.Entity.Id} is saved without its goal {goalId}; load the plan with its goals and steps so that the goal's progress stays right.");
                }

                touched[goalId] = goal;
            }
        }

        foreach (var goal in touched.Values.Where(g => g.State != EntityState.Deleted))
        {
            var steps = goal.Collection(g => g.Steps);
            if (goal.State != EntityState.Added && !steps.IsLoaded)
            {
                throw new InvalidOperationException($"Goal {goal.Entity.Id} is saved without its steps loaded; its progress cannot be worked out.");
            }

            var remaining = goal.Entity.Steps.Where(s => context.Entry(s).State != EntityState.Deleted).Select(s => s.Status);
            SetProgress(goal, PlanGoal.ProgressOf(remaining));
        }
    }

    private static void SetProgress(EntityEntry<PlanGoal> goal, GoalProgress progress)
    {
        var property = goal.Property(g => g.Progress);
        if (!Equals(property.CurrentValue, progress))
        {
            property.CurrentValue = progress;
        }
    }
}
