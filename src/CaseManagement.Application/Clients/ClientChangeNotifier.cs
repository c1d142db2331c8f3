namespace CaseManagement.Application.Clients;

/// <summary>
/// Tells open pages that a client's data or permissions changed, so that a revocation or
/// another person's save reaches every open tab at once instead of on its next click.
/// In-process: with several app instances this needs a shared channel (see deploy/README.md).
/// </summary>
public sealed class ClientChangeNotifier
{
    public event Action<Guid>? Changed;

    public void Publish(Guid clientId) => Changed?.Invoke(clientId);
}
