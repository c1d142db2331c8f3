using CaseManagement.Domain.Sessions;

namespace CaseManagement.Application.Sessions;

/// <summary>A session ended; <paramref name="EndedFromTab"/> names the browser tab that ended it, if one did.</summary>
public sealed record StaffSessionEnded(Guid SessionId, SessionEndReason Reason, string? EndedFromTab = null);

/// <summary>
/// Tells open pages (circuits) that a session ended, so that every tab of it loses access at
/// once rather than at its next periodic check. With several app instances on PostgreSQL the
/// host's relay (PostgresInstanceRelay) carries it to the other instances.
/// </summary>
public interface IStaffSessionSignal
{
    event Action<StaffSessionEnded>? Ended;

    void Publish(StaffSessionEnded ended);
}

/// <summary>The signal within one app instance, with hooks for a relay to other instances, like <see cref="Clients.ClientChangeNotifier"/>.</summary>
public sealed class InProcessStaffSessionSignal : IStaffSessionSignal
{
    public event Action<StaffSessionEnded>? Ended;

    /// <summary>A session ended through this instance: for the relay to the other instances.</summary>
    public event Action<StaffSessionEnded>? PublishedHere;

    public void Publish(StaffSessionEnded ended)
    {
        Ended?.Invoke(ended);
        PublishedHere?.Invoke(ended);
    }

    /// <summary>A session ended on another instance.</summary>
    public void DeliverFromElsewhere(StaffSessionEnded ended) => Ended?.Invoke(ended);
}
