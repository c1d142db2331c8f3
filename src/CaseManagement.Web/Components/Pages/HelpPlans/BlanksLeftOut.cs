namespace CaseManagement.Web.Components.Pages.HelpPlans;

/// <summary>How many blank steps and goals the editor left out of a save, for the confirmation.</summary>
public sealed record BlanksLeftOut(int Steps, int Goals);
