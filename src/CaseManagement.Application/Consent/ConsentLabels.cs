using CaseManagement.Domain.Consent;

namespace CaseManagement.Application.Consent;

public static class ConsentLabels
{
    public static IEnumerable<string> Categories(ConsentScope scope)
    {
        if (scope.HasFlag(ConsentScope.MasterData))
        {
            yield return "Stammdaten";
        }

        if (scope.HasFlag(ConsentScope.HelpPlan))
        {
            yield return "Hilfeplan";
        }

        if (scope.HasFlag(ConsentScope.Appointments))
        {
            yield return "Termine";
        }

        if (scope.HasFlag(ConsentScope.Referrals))
        {
            yield return "Vermittlungen";
        }

        if (scope.HasFlag(ConsentScope.HealthData))
        {
            yield return "Gesundheits-/Suchtdaten";
        }
    }

    public static IEnumerable<string> DirectionLabels(ConsentDirections directions)
    {
        if (directions.HasFlag(ConsentDirections.JobcenterToDrugHelp))
        {
            yield return "Jobcenter → Drogenhilfe";
        }

        if (directions.HasFlag(ConsentDirections.DrugHelpToJobcenter))
        {
            yield return "Drogenhilfe → Jobcenter";
        }
    }

    /// <summary>Which way a valid consent lets data flow, in a few words: "beide Richtungen" or "nur Drogenhilfe → Jobcenter".</summary>
    public static string? Flow(ConsentDirections directions) => directions switch
    {
        ConsentDirections.JobcenterToDrugHelp | ConsentDirections.DrugHelpToJobcenter => "beide Richtungen",
        ConsentDirections.JobcenterToDrugHelp => "nur Jobcenter → Drogenhilfe",
        ConsentDirections.DrugHelpToJobcenter => "nur Drogenhilfe → Jobcenter",
        _ => null,
    };

    public static string Describe(ConsentScope scope, ConsentDirections directions) =>
        $"{string.Join(", ", Categories(scope))} ({string.Join(", ", DirectionLabels(directions))})";

    public static string State(ConsentState state) => state switch
    {
        ConsentState.Valid => "gültig",
        ConsentState.NotYetValid => "noch nicht gültig",
        ConsentState.Expired => "abgelaufen",
        ConsentState.Revoked => "widerrufen",
        _ => "keine",
    };
}
