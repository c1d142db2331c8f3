namespace CaseManagement.Domain.Staff;

/// <summary>
/// The roles of the product. The identifiers are stored as Identity role names; the German
/// labels are what people read. Glossary: Fallmanager:in = case manager (Jobcenter),
/// Fachkraft Drogenhilfe = drug-help worker, Lenkungsrunde = steering round.
/// </summary>
public static class StaffRole
{
    public const string CaseManager = "CaseManager";
    public const string DrugHelpWorker = "DrugHelpWorker";
    public const string TeamLeadJobcenter = "TeamLeadJobcenter";
    public const string TeamLeadDrugHelp = "TeamLeadDrugHelp";
    public const string SteeringCommittee = "SteeringCommittee";
    public const string DataProtectionOfficer = "DataProtectionOfficer";
    public const string Administrator = "Administrator";

    public static IReadOnlyList<string> All { get; } =
    [
        CaseManager, DrugHelpWorker, TeamLeadJobcenter, TeamLeadDrugHelp,
        SteeringCommittee, DataProtectionOfficer, Administrator,
    ];

    public static string GermanLabel(string role) => role switch
    {
        CaseManager => "Fallmanager:in",
        DrugHelpWorker => "Fachkraft Drogenhilfe",
        TeamLeadJobcenter => "Teamleitung Jobcenter",
        TeamLeadDrugHelp => "Teamleitung Drogenhilfe",
        SteeringCommittee => "Lenkungsrunde",
        DataProtectionOfficer => "Datenschutz",
        Administrator => "Administration",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unbekannte Rolle."),
    };

    /// <summary>
    /// Whether a member of <paramref name="organisation"/> may hold <paramref name="role"/>:
    /// case managers work for the Jobcenter, drug-help workers for the Drogenhilfe, each team
    /// lead for their own side; steering, data protection and administration exist on both.
    /// </summary>
    public static bool IsAllowedFor(string role, Organisation organisation) => role switch
    {
        CaseManager or TeamLeadJobcenter => organisation == Organisation.Jobcenter,
        DrugHelpWorker or TeamLeadDrugHelp => organisation == Organisation.DrugHelpService,
        SteeringCommittee or DataProtectionOfficer or Administrator => Enum.IsDefined(organisation),
        _ => false,
    };
}
