namespace CaseManagement.Application.HelpPlans;

/// <summary>A plan version was saved: who did it, and the version's new concurrency token.</summary>
public sealed record HelpPlanChanged(Guid ClientId, Guid PlanId, string ChangedByName, uint Token);

/// <summary>
/// Tells open plan pages that someone saved, so that the other editor sees a notice and can
/// reload before typing further. In-process, like <see cref="Clients.ClientChangeNotifier"/>.
/// </summary>
public sealed class HelpPlanChangeNotifier
{
    public event Action<HelpPlanChanged>? Changed;

    public void Publish(HelpPlanChanged change) => Changed?.Invoke(change);
}
