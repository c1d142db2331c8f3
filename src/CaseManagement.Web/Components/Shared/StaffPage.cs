using CaseManagement.Domain.Access;
using CaseManagement.Web.Account;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CaseManagement.Web.Components.Shared;

/// <summary>Base for pages that act on behalf of the signed-in staff member.</summary>
public abstract class StaffPage : ComponentBase
{
    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The server-side session of this sign-in (every signed-in page has one).</summary>
    protected async Task<Guid> CurrentSessionAsync() =>
        (await AuthenticationState).User.SessionId()
        ?? throw new InvalidOperationException("A sign-in without a session; the cookie check should have prevented this.");

    protected async Task<StaffMember> CurrentStaffAsync() =>
        (await AuthenticationState).User.ToStaffMember()
        ?? throw new InvalidOperationException("Signed-in staff member expected; the page policy should have prevented this.");
}
