using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;

namespace CaseManagement.Web.Authorization;

/// <summary>
/// Named policies for pages and navigation. They decide which parts of the product a role
/// reaches; which client records a person may see is decided per record by the access
/// decision of the case features, never by these policies alone.
/// </summary>
public static class Policies
{
    public const string CaseWork = nameof(CaseWork);
    public const string TeamLead = nameof(TeamLead);
    public const string SteeringFigures = nameof(SteeringFigures);
    public const string DataProtection = nameof(DataProtection);
    public const string Administration = nameof(Administration);

    /// <summary>The people joint trainings are meant for (caseworkers and team leads): their own trainings.</summary>
    public const string Trainee = nameof(Trainee);

    /// <summary>Every page requires a signed-in staff member of one of the two organisations unless it opts out.</summary>
    public static AuthorizationPolicy SignedInStaff { get; } = new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .RequireClaim(StaffClaimTypes.Organisation)
        .Build();

    public static IServiceCollection AddCaseManagementAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(SignedInStaff)
            .SetFallbackPolicy(SignedInStaff)
            .AddPolicy(CaseWork, RolesOf(StaffRole.CaseManager, StaffRole.DrugHelpWorker))
            .AddPolicy(TeamLead, RolesOf(StaffRole.TeamLeadJobcenter, StaffRole.TeamLeadDrugHelp))
            .AddPolicy(SteeringFigures, RolesOf(StaffRole.SteeringCommittee, StaffRole.TeamLeadJobcenter, StaffRole.TeamLeadDrugHelp))
            .AddPolicy(DataProtection, RolesOf(StaffRole.DataProtectionOfficer))
            .AddPolicy(Administration, RolesOf(StaffRole.Administrator))
            .AddPolicy(Trainee, RolesOf(StaffRole.CaseManager, StaffRole.DrugHelpWorker, StaffRole.TeamLeadJobcenter, StaffRole.TeamLeadDrugHelp));
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, RefusalLoggingResultHandler>();
        return services;
    }

    private static AuthorizationPolicy RolesOf(params string[] roles) => new AuthorizationPolicyBuilder()
        .Combine(SignedInStaff)
        .RequireRole(roles)
        .Build();
}
