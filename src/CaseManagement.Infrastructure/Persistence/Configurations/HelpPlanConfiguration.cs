using CaseManagement.Domain.Clients;
using CaseManagement.Domain.HelpPlans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

internal sealed class HelpPlanConfiguration : IEntityTypeConfiguration<HelpPlan>
{
    public void Configure(EntityTypeBuilder<HelpPlan> plan)
    {
        plan.HasKey(p => p.Id);
        // INCLUDE (PostgreSQL): the steering report finds each client's version in force at a date, and
        // its standing, from this index alone.
        plan.HasIndex(p => new { p.ClientId, p.Version }).IsUnique()
            .IncludeProperties(p => new { p.CreatedAt, p.AgreedOn, p.ClosedOn, p.Id });
        plan.HasIndex(p => new { p.Status, p.NextReviewOn });
        // Partial indexes for the workload figures (TeamWorkloadQuery): a team's drafts and plans in
        // force are found per client without reading the plan rows (1 = draft, 2 = agreed).
        plan.HasIndex(p => p.ClientId, "IX_HelpPlans_ClientId_Drafts").HasFilter("\"Status\" = 1")
            .IncludeProperties(p => new { p.CreatedAt });
        plan.HasIndex(p => p.ClientId, "IX_HelpPlans_ClientId_InForce").HasFilter("\"Status\" = 2")
            .IncludeProperties(p => new { p.NextReviewOn });
        plan.Property(p => p.IntegrationGoal).HasMaxLength(2000).IsRequired();
        plan.Property(p => p.TargetJobs).HasMaxLength(500);
        plan.Property(p => p.OwnEfforts).HasMaxLength(2000);
        plan.Property(p => p.OwnEffortsEvidence).HasMaxLength(1000);
        plan.Property(p => p.AgreedByCaseManager).HasMaxLength(120);
        plan.Property(p => p.AgreedByDrugHelpWorker).HasMaxLength(120);
        plan.Property(p => p.ChangedById).HasMaxLength(450).IsRequired();
        plan.Property(p => p.ChangedByName).HasMaxLength(120).IsRequired();
        // The provider-specific mapping of RowVersion (xmin on PostgreSQL) is in CaseManagementDbContext.
        plan.Ignore(p => p.IsDraft);
        plan.Ignore(p => p.AcceptsProgress);
        plan.Ignore(p => p.Steps);

        plan.HasOne<Client>().WithMany().HasForeignKey(p => p.ClientId).OnDelete(DeleteBehavior.Cascade);
        plan.HasMany(p => p.Goals).WithOne().HasForeignKey(g => g.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanGoalConfiguration : IEntityTypeConfiguration<PlanGoal>
{
    public void Configure(EntityTypeBuilder<PlanGoal> goal)
    {
        goal.HasKey(g => g.Id);
        // INCLUDE (PostgreSQL): the steering report counts the goals of the plans in force by area and
        // progress from this index alone instead of the goal rows with their texts.
        goal.HasIndex(g => new { g.PlanId, g.Position }).IncludeProperties(g => new { g.Area, g.Progress, g.ReportKey });
        goal.Property(g => g.Text).HasMaxLength(1000).IsRequired();
        goal.HasMany(g => g.Steps).WithOne().HasForeignKey(s => s.GoalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanStepConfiguration : IEntityTypeConfiguration<PlanStep>
{
    public void Configure(EntityTypeBuilder<PlanStep> step)
    {
        step.HasKey(s => s.Id);
        step.HasIndex(s => new { s.GoalId, s.Position });
        step.HasIndex(s => new { s.Status, s.DueOn });
        // Open steps with a due date (1 = planned, 2 = in progress): the overdue-steps figure reads
        // these few instead of every step.
        step.HasIndex(s => s.GoalId, "IX_PlanSteps_GoalId_OpenWithDueDate").HasFilter("\"Status\" IN (1, 2) AND \"DueOn\" IS NOT NULL")
            .IncludeProperties(s => new { s.DueOn });
        step.Property(s => s.Description).HasMaxLength(4000).IsRequired();
        step.Property(s => s.PartnerName).HasMaxLength(200);
        step.Property(s => s.JobcenterNote).HasMaxLength(2000);
        step.Property(s => s.DrugHelpNote).HasMaxLength(2000);
        step.Ignore(s => s.IsOpen);
    }
}
