using System.Security.Claims;
using CaseManagement.Application.Sessions;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CaseManagement.Web.Account;

/// <summary>
/// A circuit lives as long as the browser tab. When its session ends in this app instance (sign-out
/// in another tab), <see cref="IStaffSessionSignal"/> takes the tab's sign-in away at once; the
/// router then sends it to the sign-in page. Every minute it also checks the session against the
/// database (an end in another instance, a changed security stamp). A lock after failed sign-ins
/// does not end open sessions: an outsider could otherwise throw staff out of their work.
/// </summary>
public sealed class StaffRevalidatingAuthenticationStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private static readonly AuthenticationState SignedOut = new(new ClaimsPrincipal(new ClaimsIdentity()));

    private readonly StaffSessions _sessions;
    private readonly IStaffSessionSignal _signal;
    private readonly CircuitSession _circuit;
    private readonly IOptions<IdentityOptions> _identityOptions;
    private Guid? _sessionId;

    public StaffRevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory,
        StaffSessions sessions,
        IStaffSessionSignal signal,
        CircuitSession circuit,
        IOptions<IdentityOptions> identityOptions)
        : base(loggerFactory)
    {
        _sessions = sessions;
        _signal = signal;
        _circuit = circuit;
        _identityOptions = identityOptions;
        AuthenticationStateChanged += RememberSession;
        _signal.Ended += OnSessionEnded;
    }

    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var user = authenticationState.User;
        if (user.ToStaffMember() is not { } member || user.SessionId() is not { } sessionId)
        {
            _circuit.MarkEnded(null, fromThisTab: false);
            return false;
        }

        var stamp = user.FindFirstValue(_identityOptions.Value.ClaimsIdentity.SecurityStampClaimType);
        // An open page is not activity of its own: only requests and (issue #17) input count.
        var check = await _sessions.CheckAsync(sessionId, member, stamp, recordActivity: false, cancellationToken);
        if (!check.IsActive)
        {
            _circuit.MarkEnded(check.EndReason, fromThisTab: false);
        }

        return check.IsActive;
    }

    private void RememberSession(Task<AuthenticationState> state) =>
        _sessionId = state.IsCompletedSuccessfully ? state.Result.User.SessionId() : null;

    private void OnSessionEnded(StaffSessionEnded ended)
    {
        if (_sessionId is not { } sessionId || sessionId != ended.SessionId)
        {
            return;
        }

        _circuit.MarkEnded(ended.Reason, fromThisTab: ended.EndedFromTab == _circuit.TabId);
        SetAuthenticationState(Task.FromResult(SignedOut));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _signal.Ended -= OnSessionEnded;
            AuthenticationStateChanged -= RememberSession;
        }

        base.Dispose(disposing);
    }
}
