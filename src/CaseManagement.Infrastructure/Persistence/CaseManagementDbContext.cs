using CaseManagement.Domain.Appointments;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Concurrency;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Notifications;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Retention;
using CaseManagement.Domain.Sessions;
using CaseManagement.Domain.Steering;
using CaseManagement.Domain.Trainings;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Persistence.CircuitState;
using CaseManagement.Infrastructure.Persistence.Workload;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CaseManagement.Infrastructure.Persistence;

/// <summary>
/// The one database of the product: accounts (Identity) and case data live together so that a
/// change and its audit row commit in one transaction. Components never hold an instance:
/// they ask <see cref="IDbContextFactory{TContext}"/> for one per operation. The key ring of
/// ASP.NET Core Data Protection (sign-in cookies, antiforgery) lives here too, so a restart
/// signs nobody out and every instance on this database shares it.
/// </summary>
public class CaseManagementDbContext(DbContextOptions<CaseManagementDbContext> options)
    : IdentityDbContext<StaffUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Client> Clients => Set<Client>();

    public DbSet<CaseEpisode> Episodes => Set<CaseEpisode>();

    public DbSet<ClientConsent> Consents => Set<ClientConsent>();

    public DbSet<ConsentScan> ConsentScans => Set<ConsentScan>();

    public DbSet<InternalNote> InternalNotes => Set<InternalNote>();

    public DbSet<DuplicateSuspicion> DuplicateSuspicions => Set<DuplicateSuspicion>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AuditExpiryPermit> AuditExpiryPermits => Set<AuditExpiryPermit>();

    public DbSet<HelpPlan> HelpPlans => Set<HelpPlan>();

    public DbSet<PlanGoal> PlanGoals => Set<PlanGoal>();

    public DbSet<PlanStep> PlanSteps => Set<PlanStep>();

    public DbSet<Appointment> Appointments => Set<Appointment>();

    public DbSet<AppointmentStaffMember> AppointmentParticipants => Set<AppointmentStaffMember>();

    public DbSet<Partner> Partners => Set<Partner>();

    public DbSet<Referral> Referrals => Set<Referral>();

    public DbSet<UnmetNeed> UnmetNeeds => Set<UnmetNeed>();

    public DbSet<StaffNotification> StaffNotifications => Set<StaffNotification>();

    public DbSet<StaffSession> StaffSessions => Set<StaffSession>();

    public DbSet<RetentionSetting> RetentionSettings => Set<RetentionSetting>();

    public DbSet<RetentionHold> RetentionHolds => Set<RetentionHold>();

    public DbSet<RetentionRun> RetentionRuns => Set<RetentionRun>();

    public DbSet<SteeringRoundMember> SteeringRoundMembers => Set<SteeringRoundMember>();

    public DbSet<SteeringMeeting> SteeringMeetings => Set<SteeringMeeting>();

    public DbSet<SteeringMeasure> SteeringMeasures => Set<SteeringMeasure>();

    public DbSet<MunicipalReport> MunicipalReports => Set<MunicipalReport>();

    public DbSet<Training> Trainings => Set<Training>();

    public DbSet<TrainingSession> TrainingSessions => Set<TrainingSession>();

    public DbSet<TrainingAttendance> TrainingAttendances => Set<TrainingAttendance>();

    public DbSet<PersistedCircuitStateEntry> PersistedCircuitStates => Set<PersistedCircuitStateEntry>();

    /// <summary>The team lead's figures per client, kept by database triggers (<see cref="ClientWorkload"/>); read-only for the application.</summary>
    public DbSet<ClientWorkload> ClientWorkloads => Set<ClientWorkload>();

    /// <summary>The dated items behind the team lead's figures, kept by the same triggers.</summary>
    public DbSet<WorkloadDeadline> WorkloadDeadlines => Set<WorkloadDeadline>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or sort DateTimeOffset stored as text; store UTC ticks there.
        // PostgreSQL keeps timestamptz (values are written in UTC).
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<StaffUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(StaffUser.DisplayNameMaxLength).IsRequired();
            user.Property(u => u.Team).HasMaxLength(StaffUser.TeamMaxLength);
            user.Property(u => u.TeamKey).HasMaxLength(StaffUser.TeamMaxLength);
            user.HasIndex(u => new { u.Organisation, u.TeamKey });
            user.Property(u => u.Organisation).HasConversion<int>();
        });

        builder.ApplyConfigurationsFromAssembly(typeof(CaseManagementDbContext).Assembly);
        ReportFunctions.Register(builder, postgres: Database.IsNpgsql());
        if (Database.IsNpgsql())
        {
            // The steering report's age groups and genders of the clients in care: read in id order from
            // this index alone, merged with the episodes instead of hashing 100,000 ids. Without INCLUDE
            // (SQLite) it would only repeat the primary key.
            builder.Entity<Client>().HasIndex(c => c.Id).IncludeProperties(c => new { c.BirthDate, c.Gender, c.ReportKey });
        }

        // PostgreSQL: a uint row version maps to the system column xmin, which changes with every
        // update of the row (no column of our own). SQLite: a counter, see SqliteRowVersionCounter.
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(IRowVersioned).IsAssignableFrom(e.ClrType) && !e.IsOwned()).ToList())
        {
            var version = builder.Entity(entity.ClrType).Property(nameof(IRowVersioned.RowVersion));
            if (Database.IsNpgsql())
            {
                version.IsRowVersion();
            }
            else
            {
                version.IsConcurrencyToken();
            }
        }
    }
}
