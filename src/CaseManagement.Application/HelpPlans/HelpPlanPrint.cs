using CaseManagement.Application.Access;
using CaseManagement.Application.Audit;
using CaseManagement.Documents.HelpPlans;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using PrintedGoal = CaseManagement.Documents.HelpPlans.HelpPlanGoal;
using PrintedStep = CaseManagement.Documents.HelpPlans.HelpPlanStep;

namespace CaseManagement.Application.HelpPlans;

public sealed record PrintedPlan(byte[] Pdf, string FileName);

/// <summary>
/// The help plan as the client takes it home. It maps a version onto <see cref="HelpPlanDocument"/>,
/// which has no place for internal notes, health data or the caseworkers' step notes, and
/// renders it. Printing needs the plan and the client's name (master data) to be readable.
/// </summary>
public sealed class HelpPlanPrint(IDbContextFactory<CaseManagementDbContext> contextFactory, ClientAccess access, AuditTrail audit, TimeProvider clock)
{
    public async Task<CommandResult<PrintedPlan>> RenderAsync(StaffMember reader, Guid clientId, int version, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var permissions = await access.ForAsync(db, reader, clientId, DataCategory.HelpPlan, cancellationToken);
        if (permissions is null)
        {
            return CommandResult.Missing().As<PrintedPlan>();
        }

        if (!permissions.MayRead(DataCategory.HelpPlan) || !permissions.MayRead(DataCategory.MasterData))
        {
            await access.DeniedAsync(reader, clientId, DataCategory.HelpPlan, cancellationToken);
            return CommandResult.Invalid("", "Zum Drucken müssen Sie den Hilfeplan und den Namen der Person sehen dürfen; die Einwilligung deckt das nicht ab.").As<PrintedPlan>();
        }

        var planId = await db.HelpPlans.Where(p => p.ClientId == clientId && p.Version == version).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
        if (planId is null)
        {
            return CommandResult.Missing().As<PrintedPlan>();
        }

        var plan = await HelpPlanQuery.LoadAsync(db, planId.Value, cancellationToken);
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == clientId)
            .Select(c => new { c.CaseNumber, c.FirstName, c.LastName, c.ResponsibleCaseManagerId, c.ResponsibleDrugHelpWorkerId })
            .SingleAsync(cancellationToken);
        var staff = await HelpPlanQuery.ResponsibleStaffAsync(db, client.ResponsibleCaseManagerId, client.ResponsibleDrugHelpWorkerId, cancellationToken);

        var document = new HelpPlanDocument(
            $"{client.FirstName} {client.LastName}",
            client.CaseNumber,
            HelpPlanDocument.DefaultJobcenterName,
            HelpPlanDocument.DefaultDrugHelpServiceName,
            plan.Version,
            GermanLabels.Of(plan.Status),
            plan.Status == HelpPlanStatus.Draft,
            plan.AgreedOn,
            plan.NextReviewOn,
            plan.IntegrationGoal,
            plan.OwnEfforts ?? "",
            plan.OwnEffortsEvidence ?? "",
            [.. plan.Goals.OrderBy(g => g.Position).Select(GoalOf)],
            [.. staff.Select(s => new HelpPlanContact(
                s.DisplayName,
                s.Organisation == Organisation.Jobcenter ? HelpPlanDocument.DefaultJobcenterName : HelpPlanDocument.DefaultDrugHelpServiceName,
                s.Phone ?? "",
                s.Email ?? ""))],
            GermanCalendar.DateOf(clock.GetUtcNow()),
            plan.TargetJobs);

        var pdf = HelpPlanPdf.Render(document);
        await audit.RecordAsync(reader, AuditAction.Exported, clientId, client.CaseNumber, DataCategory.HelpPlan, [$"Fassung {plan.Version}", "PDF"], cancellationToken);
        return CommandResult.Ok(new PrintedPlan(pdf, $"Hilfeplan_{client.CaseNumber}_Fassung_{plan.Version}.pdf"));
    }

    private static PrintedGoal GoalOf(PlanGoal goal) => new(
        (HelpPlanArea)(int)goal.Area,
        goal.Text,
        [.. goal.Steps.OrderBy(s => s.Position).Select(s => new PrintedStep(
            s.Description,
            s.Responsible == StepParty.Partner ? StepResponsible.Partner(s.PartnerName ?? "") : new StepResponsible((ResponsibleParty)(int)s.Responsible),
            s.DueOn,
            GermanLabels.Of(s.Status)))]);
}
