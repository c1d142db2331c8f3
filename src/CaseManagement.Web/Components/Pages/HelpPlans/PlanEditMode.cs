namespace CaseManagement.Web.Components.Pages.HelpPlans;

/// <summary>What the editor lets the user change in the version shown.</summary>
public enum PlanEditMode
{
    /// <summary>A draft: everything.</summary>
    Full,

    /// <summary>The agreed plan in force: only the progress (status, note) of its steps.</summary>
    ProgressOnly,

    /// <summary>History, or no right to write: nothing.</summary>
    ReadOnly,
}
