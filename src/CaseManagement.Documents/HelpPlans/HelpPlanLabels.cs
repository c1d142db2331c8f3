using System.Globalization;

namespace CaseManagement.Documents.HelpPlans;

/// <summary>German labels the help-plan print-out uses; public so the UI can show the same words.</summary>
public static class HelpPlanLabels
{
    /// <summary>Title of the document.</summary>
    public const string Title = "Gemeinsamer Hilfeplan";

    /// <summary>The UI's word for a version of the plan (Fassung 1, 2, …).</summary>
    public const string VersionLabel = "Fassung";

    /// <summary>Across every page of a draft.</summary>
    public const string DraftMark = "ENTWURF";

    /// <summary>A version as the UI names it, e.g. "Fassung 3".</summary>
    public static string Version(int version) => $"{VersionLabel} {version.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The German title of an area (Handlungsfeld).</summary>
    public static string AreaTitle(HelpPlanArea area) => area switch
    {
        HelpPlanArea.JobApplicationSupport => "Unterstützung bei Bewerbungsbemühungen",
        HelpPlanArea.JobPlacement => "Arbeitsvermittlung",
        HelpPlanArea.PsychosocialCounselling => "Psychosoziale Beratung und Begleitung",
        HelpPlanArea.ReferralToFurtherHelp => "Vermittlung in weiterführende Hilfen (Substitution, ambulante/stationäre Reha)",
        HelpPlanArea.FurtherQualification => "Weiterqualifizierung",
        _ => throw new ArgumentOutOfRangeException(nameof(area), area, "Unknown help-plan area."),
    };

    /// <summary>Who is responsible, as printed in the column "Wer".</summary>
    public static string Responsible(StepResponsible responsible)
    {
        ArgumentNullException.ThrowIfNull(responsible);
        return responsible.Party switch
        {
            ResponsibleParty.Jobcenter => "Jobcenter",
            ResponsibleParty.DrugHelpService => "Drogenhilfe",
            ResponsibleParty.Client => "Klient:in",
            ResponsibleParty.Partner => string.IsNullOrWhiteSpace(responsible.PartnerName)
                ? "Kooperationspartner"
                : responsible.PartnerName.Trim(),
            _ => throw new ArgumentOutOfRangeException(nameof(responsible), responsible.Party, "Unknown responsible party."),
        };
    }

    /// <summary>A date as dd.MM.yyyy.</summary>
    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
}
