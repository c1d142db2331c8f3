namespace CaseManagement.Domain.HelpPlans;

// Glossary (German term of art → code):
//   Hilfeplan (gemeinsamer)      → help plan (joint); each row of HelpPlan is one version of a client's plan
//   Handlungsfeld                → area
//   Fortschreibung               → review (creates the next version)
//   Eigenbemühungen / Nachweis   → the client's own efforts / how they are shown (Kooperationsplan, § 15 SGB II)
//   Integrationsziel             → integration goal

/// <summary>Where a version of the plan stands in its lifecycle.</summary>
public enum HelpPlanStatus
{
    /// <summary>Entwurf: both organisations may still change the contents.</summary>
    Draft = 1,

    /// <summary>Vereinbart: agreed by the caseworkers and the client; the plan in force.</summary>
    Agreed = 2,

    /// <summary>Fortgeschrieben: an agreed version replaced by a later agreed one; read-only history.</summary>
    Superseded = 3,

    /// <summary>Abgeschlossen: the plan has ended.</summary>
    Closed = 4,
}

/// <summary>The five areas (Handlungsfelder) of a joint plan, in their printed order.</summary>
public enum PlanArea
{
    /// <summary>Unterstützung bei Bewerbungsbemühungen.</summary>
    JobApplicationSupport = 1,

    /// <summary>Arbeitsvermittlung.</summary>
    JobPlacement = 2,

    /// <summary>Psychosoziale Beratung und Begleitung in prekären Situationen.</summary>
    PsychosocialCounselling = 3,

    /// <summary>Vermittlung in weiterführende Hilfen (Substitution, ambulante/stationäre Reha).</summary>
    ReferralToFurtherHelp = 4,

    /// <summary>Weiterqualifizierung.</summary>
    FurtherQualification = 5,
}

public enum StepStatus
{
    /// <summary>geplant.</summary>
    Planned = 1,

    /// <summary>in Arbeit.</summary>
    InProgress = 2,

    /// <summary>erreicht.</summary>
    Achieved = 3,

    /// <summary>entfallen.</summary>
    Dropped = 4,
}

/// <summary>Who is responsible for a step.</summary>
public enum StepParty
{
    Jobcenter = 1,
    DrugHelpService = 2,
    Client = 3,

    /// <summary>A partner service (Netzwerkpartner), named in the step.</summary>
    Partner = 4,
}

/// <summary>How far a goal has come, derived from its steps (see <see cref="PlanGoal.ProgressOf"/>).</summary>
public enum GoalProgress
{
    /// <summary>offen: no step yet, or none begun.</summary>
    Open = 1,

    /// <summary>in Arbeit: a step is in progress or achieved, but not every step is done.</summary>
    InProgress = 2,

    /// <summary>erreicht: every step achieved or dropped, at least one achieved.</summary>
    Achieved = 3,

    /// <summary>entfallen: every step dropped.</summary>
    Dropped = 4,
}
