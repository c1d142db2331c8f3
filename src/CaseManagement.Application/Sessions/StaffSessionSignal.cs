using CaseManagement.Domain.Sessions;

namespace CaseManagement.Application.Sessions;

/// <summary>A session ended; <paramref name="EndedFromTab"/> names the browser tab that ended it, if one did.</summary>
public sealed record StaffSessionEnded(Guid SessionId, SessionEndReason Reason, string? EndedFromTab = null);

/// <summary>
/// Tells open pages (circuits) that a session ended, so that every tab of it loses access at
/// once rather than at its next periodic check. Behind an interface because several app
/// instances will need a shared channel (PostgreSQL LISTEN/NOTIFY, issue #19).
/// </summary>
public interface IStaffSessionSignal
{
    event Action<StaffSessionEnded>? Ended;

    void Publish(StaffSessionEnded ended);
}

/// <summary>The signal within one app instance, like <see cref="Clients.ClientChangeNotifier"/>.</summary>
public sealed class InProcessStaffSessionSignal : IStaffSessionSignal
{
    public event Action<StaffSessionEnded>? Ended;

    public void Publish(StaffSessionEnded ended) => Ended?.Invoke(ended);
}
