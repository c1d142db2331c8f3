namespace CaseManagement.Domain.Clients;

// The German labels live in ClientLabels; the numbers are stored, so never renumber.

public enum Gender
{
    NotStated = 0,
    Female = 1,
    Male = 2,
    Diverse = 3,
}

public enum HousingSituation
{
    NotStated = 0,
    OwnFlat = 1,
    WithFamily = 2,
    SharedOrSupportedHousing = 3,
    EmergencyShelter = 4,
    Homeless = 5,
    Institution = 6,
}

public enum Schooling
{
    NotStated = 0,
    None = 1,
    Hauptschule = 2,
    Realschule = 3,
    Abitur = 4,
    StillAtSchool = 5,
    Special = 6,
}

public enum VocationalTraining
{
    NotStated = 0,
    None = 1,
    Dropped = 2,
    InTraining = 3,
    Completed = 4,
    Degree = 5,
}

/// <summary>SGB II: basic income support (Jobcenter); SGB III: unemployment insurance (Arbeitsagentur).</summary>
public enum EmploymentSituation
{
    NotStated = 0,
    UnemployedSgbII = 1,
    UnemployedSgbIII = 2,
    EmployedTopUp = 3,
    InMeasure = 4,
    NotAvailable = 5,
}

public enum AgeGroup
{
    /// <summary>Jugendliche, under 18.</summary>
    Adolescent = 1,

    /// <summary>junge Erwachsene, 18 to 24.</summary>
    YoungAdult = 2,

    /// <summary>Erwachsene, 25 and older.</summary>
    Adult = 3,
}

/// <summary>Why an episode ended (Abschlussgrund).</summary>
public enum ClosureReason
{
    WorkTakenUp = 1,
    Apprenticeship = 2,
    Qualification = 3,
    RehabStarted = 4,
    MovedAway = 5,
    ContactBrokenOff = 6,
    ConsentRevoked = 7,
    Other = 8,
}

/// <summary>A team lead's decision on a client who lives outside Ludwigshafen.</summary>
public enum TargetAreaDecision
{
    NotNeeded = 0,
    Pending = 1,
    Approved = 2,
    Rejected = 3,
}
