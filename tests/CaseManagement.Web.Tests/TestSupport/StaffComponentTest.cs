using System.Security.Claims;
using CaseManagement.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CaseManagement.Web.Tests.TestSupport;

/// <summary>
/// A bunit context with the app's real authorization policies and a real signed-in principal.
/// bunit's own AddAuthorization() is deliberately not used: its fake authorization service
/// answers policies by name and would bypass what Policies.cs actually requires.
/// </summary>
public abstract class StaffComponentTest : BunitContext
{
    protected StaffComponentTest()
    {
        // bunit registers placeholders that throw when a component asks for authorization.
        // AddAuthorizationCore only TryAdds the real service, so the placeholder has to go first.
        Services.RemoveAll<IAuthorizationService>();
        Services.RemoveAll<AuthenticationStateProvider>();
        Services.AddCaseManagementAuthorization();
        Services.AddCascadingAuthenticationState();
        Services.AddSingleton<AntiforgeryStateProvider, TestAntiforgeryStateProvider>();
        Services.AddScoped<CaseManagement.Web.Account.CircuitSession>();
    }

    /// <summary>
    /// Call before the first render; bunit's service provider is fixed from then on. Components
    /// render as over a live circuit (interactive) unless a test sets other renderer info.
    /// </summary>
    protected void SignInAs(ClaimsPrincipal user)
    {
        Services.AddSingleton<AuthenticationStateProvider>(new TestAuthenticationStateProvider(user));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private sealed class TestAuthenticationStateProvider(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
            Task.FromResult(new AuthenticationState(user));
    }

    /// <summary>Stands in for the request-bound provider of the server, which needs an HttpContext.</summary>
    private sealed class TestAntiforgeryStateProvider : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() =>
            new("test-token", "__RequestVerificationToken");
    }
}
