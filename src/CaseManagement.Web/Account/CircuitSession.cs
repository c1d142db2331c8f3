using CaseManagement.Domain.Sessions;

namespace CaseManagement.Web.Account;

/// <summary>
/// What one browser tab (its circuit, or its request while prerendering) knows about the end of
/// its session. The tab's id travels with its sign-out form, so the tab that signed out is told
/// apart from the others: it is already on its way to the sign-in page and must not be redirected.
/// </summary>
public sealed class CircuitSession
{
    public string TabId { get; } = Guid.NewGuid().ToString("N");

    public bool HasEnded { get; private set; }

    public SessionEndReason? EndReason { get; private set; }

    public bool EndedFromThisTab { get; private set; }

    public void MarkEnded(SessionEndReason? reason, bool fromThisTab)
    {
        HasEnded = true;
        EndReason = reason;
        EndedFromThisTab = fromThisTab;
    }
}
