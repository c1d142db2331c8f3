namespace CaseManagement.Application.HelpPlans;

/// <summary>A plan version was saved: who did it, and the version's new concurrency token.</summary>
public sealed record HelpPlanChanged(Guid ClientId, Guid PlanId, string ChangedByName, uint Token);

/// <summary>
/// Tells open plan pages that someone saved, so that the other editor sees a notice and can
/// reload before typing further. Like <see cref="Clients.ClientChangeNotifier"/>, a relay carries
/// saves to the other instances on one database.
/// </summary>
public sealed class HelpPlanChangeNotifier
{
    /// <summary>A plan was saved, here or on another instance.</summary>
    public event Action<HelpPlanChanged>? Changed;

    /// <summary>A plan was saved through this instance: for the relay to the other instances.</summary>
    public event Action<HelpPlanChanged>? PublishedHere;

    public void Publish(HelpPlanChanged change)
    {
        Changed?.Invoke(change);
        PublishedHere?.Invoke(change);
    }

    /// <summary>A save made on another instance.</summary>
    public void DeliverFromElsewhere(HelpPlanChanged change) => Changed?.Invoke(change);
}
