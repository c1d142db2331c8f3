namespace CaseManagement.Documents.HelpPlans;

// Glossary (German term of art → code):
//   Hilfeplan (gemeinsamer)        → help plan (joint)
//   Handlungsfeld                  → area (one of the five areas of a help plan)
//   Fortschreibung / Überprüfung   → review (creates a new plan version)
//   Eigenbemühungen                → the client's own efforts (Kooperationsplan, § 15 SGB II)
//   Fallmanager:in                 → case manager (Jobcenter)
//   Fachkraft der Drogenhilfe      → drug-help caseworker
//   Klient:in                      → client

/// <summary>
/// Everything printed on the help plan (Hilfeplan) that the client takes home, and nothing more.
/// </summary>
/// <remarks>
/// This model is deliberately separate from the help-plan feature's entities: it has no field for
/// internal notes, counselling content or health data (diagnoses, substances, substitution details
/// beyond what the plan's own texts say), so the renderer cannot print them even by mistake.
/// Whoever maps a plan onto this record decides what the client sees.
/// </remarks>
/// <param name="ClientName">Full name of the client as it should appear on the print-out.</param>
/// <param name="CaseNumber">The pseudonymous case number (Fallnummer).</param>
/// <param name="JobcenterName">E.g. "Jobcenter Ludwigshafen".</param>
/// <param name="DrugHelpServiceName">E.g. "Stadt Ludwigshafen am Rhein – Drogenhilfe".</param>
/// <param name="Version">Plan version (printed as "Fassung", the UI's word); every review (Fortschreibung) creates a new one.</param>
/// <param name="StatusLabel">Status as the UI shows it, e.g. "Vereinbart" or "Entwurf".</param>
/// <param name="IsDraft">The version is a draft (Entwurf), not yet agreed: every page is marked "ENTWURF".</param>
/// <param name="AgreedOn">Date the plan was agreed on; <c>null</c> while it is a draft.</param>
/// <param name="NextReviewOn">Date of the next review (Fortschreibung); <c>null</c> while a draft has none ("offen").</param>
/// <param name="IntegrationGoal">The overall integration goal (Integrationsziel).</param>
/// <param name="OwnEfforts">The client's own efforts (Eigenbemühungen).</param>
/// <param name="OwnEffortsEvidence">How the client shows those efforts (Nachweis).</param>
/// <param name="Goals">Goals of all areas; printed grouped by <see cref="HelpPlanGoal.Area"/> in the
/// fixed order of <see cref="HelpPlanArea"/>, keeping this list's order within an area.</param>
/// <param name="Contacts">The caseworkers of both organisations.</param>
/// <param name="PrintedOn">Print date shown in every page's footer.</param>
/// <param name="TargetJobs">Target jobs or activities (Zielberufe), as in the Jobcenter's cooperation plan; optional.</param>
public sealed record HelpPlanDocument(
    string ClientName,
    string CaseNumber,
    string JobcenterName,
    string DrugHelpServiceName,
    int Version,
    string StatusLabel,
    bool IsDraft,
    DateOnly? AgreedOn,
    DateOnly? NextReviewOn,
    string IntegrationGoal,
    string OwnEfforts,
    string OwnEffortsEvidence,
    IReadOnlyList<HelpPlanGoal> Goals,
    IReadOnlyList<HelpPlanContact> Contacts,
    DateOnly PrintedOn,
    string? TargetJobs = null)
{
    /// <summary>The Jobcenter's name as printed in the cooperation of Ludwigshafen.</summary>
    public const string DefaultJobcenterName = "Jobcenter Ludwigshafen";

    /// <summary>The drug-help service's name as printed in the cooperation of Ludwigshafen.</summary>
    public const string DefaultDrugHelpServiceName = "Stadt Ludwigshafen am Rhein – Drogenhilfe";
}

/// <summary>The five areas (Handlungsfelder) a joint help plan's goals fall into.</summary>
public enum HelpPlanArea
{
    /// <summary>Unterstützung bei Bewerbungsbemühungen.</summary>
    JobApplicationSupport = 1,

    /// <summary>Arbeitsvermittlung.</summary>
    JobPlacement = 2,

    /// <summary>Psychosoziale Beratung und Begleitung.</summary>
    PsychosocialCounselling = 3,

    /// <summary>Vermittlung in weiterführende Hilfen (Substitution, ambulante/stationäre Reha).</summary>
    ReferralToFurtherHelp = 4,

    /// <summary>Weiterqualifizierung.</summary>
    FurtherQualification = 5,
}

/// <summary>One goal of the plan with the steps agreed to reach it.</summary>
/// <param name="Area">The area the goal belongs to.</param>
/// <param name="Text">The goal as agreed with the client.</param>
/// <param name="Steps">Steps in the order they are printed.</param>
public sealed record HelpPlanGoal(HelpPlanArea Area, string Text, IReadOnlyList<HelpPlanStep> Steps);

/// <summary>One step towards a goal.</summary>
/// <param name="Description">What is to be done.</param>
/// <param name="Responsible">Who is responsible.</param>
/// <param name="DueOn">By when; <c>null</c> when no date was agreed ("offen").</param>
/// <param name="StatusLabel">Status as the UI shows it, e.g. "offen", "in Arbeit", "erledigt".</param>
public sealed record HelpPlanStep(string Description, StepResponsible Responsible, DateOnly? DueOn, string StatusLabel);

/// <summary>Who is responsible for a step: one of the two organisations, the client, or a partner service.</summary>
/// <param name="Party">The kind of party.</param>
/// <param name="PartnerName">Name of the partner service; used only when <paramref name="Party"/> is
/// <see cref="ResponsibleParty.Partner"/>.</param>
public sealed record StepResponsible(ResponsibleParty Party, string? PartnerName = null)
{
    /// <summary>The Jobcenter (case manager).</summary>
    public static StepResponsible Jobcenter { get; } = new(ResponsibleParty.Jobcenter);

    /// <summary>The drug-help service (caseworker).</summary>
    public static StepResponsible DrugHelpService { get; } = new(ResponsibleParty.DrugHelpService);

    /// <summary>The client.</summary>
    public static StepResponsible Client { get; } = new(ResponsibleParty.Client);

    /// <summary>A partner service named by <paramref name="name"/>, e.g. "Schuldnerberatung".</summary>
    public static StepResponsible Partner(string name) => new(ResponsibleParty.Partner, name);
}

/// <summary>The kinds of party that can be responsible for a step.</summary>
public enum ResponsibleParty
{
    /// <summary>Jobcenter.</summary>
    Jobcenter = 1,

    /// <summary>Drogenhilfe.</summary>
    DrugHelpService = 2,

    /// <summary>Klient:in.</summary>
    Client = 3,

    /// <summary>A partner service (Kooperationspartner), named in <see cref="StepResponsible.PartnerName"/>.</summary>
    Partner = 4,
}

/// <summary>A caseworker the client can reach.</summary>
/// <param name="Name">Full name.</param>
/// <param name="Organisation">Organisation (and unit), e.g. "Jobcenter Ludwigshafen".</param>
/// <param name="Phone">Phone number as it should be printed.</param>
/// <param name="Email">E-mail address.</param>
public sealed record HelpPlanContact(string Name, string Organisation, string Phone, string Email);
