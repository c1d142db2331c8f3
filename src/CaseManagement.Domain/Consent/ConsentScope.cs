using CaseManagement.Domain.Access;
using CaseManagement.Domain.Staff;

namespace CaseManagement.Domain.Consent;

/// <summary>Which categories a consent covers. Internal notes can never be covered.</summary>
[Flags]
public enum ConsentScope
{
    None = 0,
    MasterData = 1,
    HelpPlan = 2,
    Appointments = 4,
    Referrals = 8,
    HealthData = 16,
}

/// <summary>Which way data may flow: from the organisation that holds it to the other one.</summary>
[Flags]
public enum ConsentDirections
{
    None = 0,
    JobcenterToDrugHelp = 1,
    DrugHelpToJobcenter = 2,
}

public static class ConsentScopes
{
    public static ConsentScope For(DataCategory category) => category switch
    {
        DataCategory.MasterData => ConsentScope.MasterData,
        DataCategory.HelpPlan => ConsentScope.HelpPlan,
        DataCategory.Appointments => ConsentScope.Appointments,
        DataCategory.Referrals => ConsentScope.Referrals,
        DataCategory.HealthData => ConsentScope.HealthData,
        _ => ConsentScope.None,
    };

    public static ConsentDirections From(Organisation holder) => holder switch
    {
        Organisation.Jobcenter => ConsentDirections.JobcenterToDrugHelp,
        Organisation.DrugHelpService => ConsentDirections.DrugHelpToJobcenter,
        _ => ConsentDirections.None,
    };
}
