using CaseManagement.Domain.HelpPlans;

namespace CaseManagement.Application.HelpPlans;

/// <summary>What people read for the plan's stored values: the page, the comparison and the PDF use the same words.</summary>
public static class HelpPlanLabels
{
    public static string Of(HelpPlanStatus value) => value switch
    {
        HelpPlanStatus.Draft => "Entwurf",
        HelpPlanStatus.Agreed => "Vereinbart",
        HelpPlanStatus.Superseded => "Fortgeschrieben",
        HelpPlanStatus.Closed => "Abgeschlossen",
        _ => "unbekannt",
    };

    public static string Of(PlanArea value) => value switch
    {
        PlanArea.JobApplicationSupport => "Unterstützung bei Bewerbungsbemühungen",
        PlanArea.JobPlacement => "Arbeitsvermittlung",
        PlanArea.PsychosocialCounselling => "Psychosoziale Beratung und Begleitung",
        PlanArea.ReferralToFurtherHelp => "Vermittlung in weiterführende Hilfen",
        PlanArea.FurtherQualification => "Weiterqualifizierung",
        _ => "unbekannt",
    };

    public static string Of(StepStatus value) => value switch
    {
        StepStatus.Planned => "geplant",
        StepStatus.InProgress => "in Arbeit",
        StepStatus.Achieved => "erreicht",
        StepStatus.Dropped => "entfallen",
        _ => "unbekannt",
    };

    public static string Of(StepParty value) => value switch
    {
        StepParty.Jobcenter => "Jobcenter",
        StepParty.DrugHelpService => "Drogenhilfe",
        StepParty.Client => "Klient:in",
        StepParty.Partner => "Partnerdienst",
        _ => "unbekannt",
    };

    public static string ResponsibleOf(StepParty party, string? partnerName) =>
        party == StepParty.Partner && !string.IsNullOrWhiteSpace(partnerName) ? partnerName.Trim() : Of(party);
}
