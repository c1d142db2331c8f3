using CaseManagement.Domain.Access;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Staff;

namespace CaseManagement.Domain.Tests.HelpPlans;

/// <summary>A clock that stands still, so "today" in a rule is the same on every run.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}

/// <summary>Plans and people the help-plan tests build on; today is 15.06.2026 in Germany.</summary>
internal static class PlanSamples
{
    public static readonly DateTimeOffset Now = new(2026, 6, 15, 10, 0, 0, TimeSpan.FromHours(2));
    public static readonly DateOnly Today = new(2026, 6, 15);

    public static readonly StaffMember CaseManager =
        new("jc-1", "Frau Fallmann", Organisation.Jobcenter, new HashSet<string> { StaffRole.CaseManager });

    public static readonly StaffMember DrugHelpWorker =
        new("dh-1", "Herr Hilfreich", Organisation.DrugHelpService, new HashSet<string> { StaffRole.DrugHelpWorker });

    public static readonly AgreementParties BothResponsible = new("Frau Fallmann", "Herr Hilfreich");

    public static readonly PlanAgreement AllAgreedToday = new(Today, ByCaseManager: true, ByDrugHelpWorker: true, ByClient: true);

    /// <summary>A draft that can be agreed today: integration goal, two goals with steps, review in three months.</summary>
    public static HelpPlan AgreeableDraft(int version = 1)
    {
        var plan = HelpPlan.Start(Guid.NewGuid(), version, CaseManager, Now.AddDays(-7));
        plan.IntegrationGoal = "Aufnahme einer Helfertätigkeit im Lager";
        plan.TargetJobs = "Lagerhelfer";
        plan.OwnEfforts = "Zwei Bewerbungen pro Monat";
        plan.OwnEffortsEvidence = "Kopien der Bewerbungen";
        plan.NextReviewOn = Today.AddMonths(3);
        plan.Goals =
        [
            Goal(plan.Id, PlanArea.JobApplicationSupport, 0, "Bewerbungsmappe erstellen",
                Step("Lebenslauf schreiben", StepParty.Client, Today.AddDays(14)),
                Step("Fotos machen lassen", StepParty.Jobcenter, Today.AddDays(21))),
            Goal(plan.Id, PlanArea.ReferralToFurtherHelp, 1, "Substitutionsbehandlung stabilisieren",
                Step("Termin in der Substitutionspraxis", StepParty.Partner, Today.AddDays(7), "Praxis am Berliner Platz")),
        ];
        foreach (var goal in plan.Goals)
        {
            foreach (var step in goal.Steps)
            {
                step.GoalId = goal.Id;
            }
        }

        return plan;
    }

    public static HelpPlan AgreedPlan()
    {
        var plan = AgreeableDraft();
        plan.Agree(AllAgreedToday, BothResponsible, Today, CaseManager, Now);
        return plan;
    }

    public static PlanGoal Goal(Guid planId, PlanArea area, int position, string text, params PlanStep[] steps)
    {
        var goal = new PlanGoal { Id = Guid.NewGuid(), PlanId = planId, Key = Guid.NewGuid(), Area = area, Position = position, Text = text };
        for (var i = 0; i < steps.Length; i++)
        {
            steps[i].Position = i;
            steps[i].GoalId = goal.Id;
        }

        goal.Steps = [.. steps];
        return goal;
    }

    public static PlanStep Step(string description, StepParty responsible, DateOnly? dueOn, string? partnerName = null) => new()
    {
        Id = Guid.NewGuid(),
        Key = Guid.NewGuid(),
        Description = description,
        Responsible = responsible,
        PartnerName = partnerName,
        DueOn = dueOn,
        JobcenterNote = "Interne Notiz zum Schritt",
    };
}
