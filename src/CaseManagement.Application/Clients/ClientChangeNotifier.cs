namespace CaseManagement.Application.Clients;

/// <summary>
/// Tells open pages that a client's data or permissions changed, so that a revocation or
/// another person's save reaches every open tab at once instead of on its next click.
/// With several app instances on PostgreSQL, a relay in the host (PostgresInstanceRelay)
/// carries <see cref="PublishedHere"/> to the other instances and delivers theirs here.
/// </summary>
public sealed class ClientChangeNotifier
{
    /// <summary>A client changed, here or on another instance: pages showing it reload.</summary>
    public event Action<Guid>? Changed;

    /// <summary>A client changed through this instance: for the relay to the other instances.</summary>
    public event Action<Guid>? PublishedHere;

    public void Publish(Guid clientId)
    {
        Changed?.Invoke(clientId);
        PublishedHere?.Invoke(clientId);
    }

    /// <summary>A change made on another instance.</summary>
    public void DeliverFromElsewhere(Guid clientId) => Changed?.Invoke(clientId);
}
