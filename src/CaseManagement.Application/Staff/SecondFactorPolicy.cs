using CaseManagement.Domain.Staff;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CaseManagement.Application.Staff;

/// <summary>Bound from <c>SecondFactor</c>.</summary>
public sealed class SecondFactorOptions
{
    public const string SectionName = "SecondFactor";

    /// <summary>
    /// Whether Administration and Datenschutz must sign in with an authenticator app. True unless
    /// set to false, which the demo setup does (appsettings.Development.json, the test app) so that
    /// a newcomer signs in with the documented demo password; ignored in Production.
    /// </summary>
    public bool Required { get; set; } = true;
}

/// <summary>
/// Who must use a second factor: the roles that reach every account (Administration) or every
/// audit entry (Datenschutz). Everyone else may set one up.
/// </summary>
public sealed class SecondFactorPolicy(IOptions<SecondFactorOptions> options, IHostEnvironment environment)
{
    public static IReadOnlyList<string> RolesThatRequireIt { get; } = [StaffRole.Administrator, StaffRole.DataProtectionOfficer];

    public bool IsEnforced => options.Value.Required || environment.IsProduction();

    public bool IsRequiredFor(IEnumerable<string> roles) => IsEnforced && roles.Any(RolesThatRequireIt.Contains);
}
