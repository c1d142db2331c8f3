using CaseManagement.Application.Access;
using CaseManagement.Application.Appointments;
using CaseManagement.Application.Audit;
using CaseManagement.Application.Clients;
using CaseManagement.Application.Consent;
using CaseManagement.Application.HelpPlans;
using CaseManagement.Application.Notifications;
using CaseManagement.Application.Referrals;
using CaseManagement.Application.Reports;
using CaseManagement.Application.Security;
using CaseManagement.Application.Sessions;
using CaseManagement.Application.Staff;
using CaseManagement.Application.Team;
using CaseManagement.Documents.Calendar;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CaseManagement.Application;

public static class ApplicationServiceCollectionExtensions
{
    /// <summary>The use cases. They are stateless and open a DbContext per call, so singletons are safe in a circuit.</summary>
    public static IServiceCollection AddCaseManagementApplication(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<ClientChangeNotifier>();
        services.AddSingleton<ClientAccess>();
        services.AddSingleton<ClientRegistration>();
        services.AddSingleton<DuplicateReview>();
        services.AddSingleton<ClientFileQuery>();
        services.AddSingleton<CaseloadQueryHandler>();
        services.AddSingleton<CaseCommands>();
        services.AddSingleton<ConsentCommands>();
        services.AddSingleton<TargetAreaReviews>();
        services.AddSingleton<CaseworkerOverview>();
        services.AddSingleton<AuditLogQuery>();
        services.AddSingleton<PersonLookup>();
        services.AddSingleton<CaseHistoryQuery>();
        services.AddSingleton<AuditExport>();
        services.AddSingleton<Retention.RetentionPolicy>();
        services.AddSingleton<Retention.RetentionRuns>();
        services.AddSingleton<AccessCopies.AccessCopyQuery>();
        services.AddSingleton<Consent.ConsentRegister>();
        services.AddSingleton<Consent.ConsentScans>();
        services.AddSingleton<Consent.ConsentFormPrint>();
        services.AddSingleton<StaffDirectory>();
        services.AddSingleton<SecurityEvents>();
        services.AddSingleton<StaffAccounts>();
        services.AddSingleton<StaffAccountAdministration>();
        services.AddSingleton<AccountHandOver>();
        services.AddSingleton<OwnAccount>();
        services.AddSingleton<SecondFactorPolicy>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<StaffSignIn>();
        services.AddSingleton<InProcessStaffSessionSignal>();
        services.AddSingleton<IStaffSessionSignal>(provider => provider.GetRequiredService<InProcessStaffSessionSignal>());
        services.AddSingleton<StaffSessions>();
        services.AddSingleton<HelpPlanChangeNotifier>();
        services.AddSingleton<HelpPlanQuery>();
        services.AddSingleton<HelpPlanCommands>();
        services.AddSingleton<CommandGuard>();
        services.AddSingleton<HelpPlanPrint>();
        services.AddSingleton<PlanDeadlines>();
        services.AddSingleton<ICalendarWriter, Rfc5545CalendarWriter>();
        services.AddSingleton<AppointmentQuery>();
        services.AddSingleton<AppointmentCommands>();
        services.AddSingleton<AppointmentCalendarFile>();
        services.AddSingleton<PartnerDirectory>();
        services.AddSingleton<Steering.SteeringRounds>();
        services.AddSingleton<Steering.MunicipalReports>();
        services.AddSingleton<Trainings.TrainingCatalogue>();
        services.AddSingleton<Trainings.TrainingCoverageQuery>();
        services.AddSingleton<ReferralQuery>();
        services.AddSingleton<ReferralCommands>();
        services.AddSingleton<UnmetNeeds>();
        services.AddSingleton<StaffNotificationSignal>();
        services.AddSingleton<StaffNotifications>();
        services.AddSingleton<TeamWorkloadQuery>();
        services.AddSingleton<TeamDirectory>();
        services.AddSingleton<TeamCaseQuery>();
        services.AddSingleton<CaseReassignment>();
        services.AddSingleton<SteeringReportQuery>();
        services.AddSingleton<ISteeringReportSource>(sp => sp.GetRequiredService<SteeringReportQuery>());
        services.AddSingleton<NeedsAnalysisQuery>();
        services.AddSingleton<INeedsAnalysisSource>(sp => sp.GetRequiredService<NeedsAnalysisQuery>());
        // Validators are stateless; singletons so that the singleton use cases can take them.
        services.AddValidatorsFromAssemblyContaining<ClientInputValidator>(ServiceLifetime.Singleton, includeInternalTypes: true);
        return services;
    }
}
