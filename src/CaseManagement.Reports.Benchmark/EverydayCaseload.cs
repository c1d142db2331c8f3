using System.Diagnostics;
using CaseManagement.Domain;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Persistence.Workload;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Reports.Benchmark;

/// <summary>
/// Makes the generated caseload (<see cref="BenchmarkCaseload"/>) one that caseworkers and team
/// leads can work with: staff accounts in teams, a responsible person per client on each side
/// where there is one, consents, and the responsible people as participants of the appointments.
/// Added in place to an existing benchmark database ("enrichment"), in one transaction, and only
/// once: the accounts carry the id prefix <see cref="IdPrefix"/>, which is how a later run sees
/// that it has been done. Deterministic for a seed and a base caseload (clients in case-number
/// order; the anonymous contacts in start order).
/// <list type="bullet">
/// <item>Jobcenter: 28 teams ("Team 01" …) of 15 Fallmanager:innen (420) with one team lead each,
/// and one team lead without a team, who sees the whole organisation.</item>
/// <item>Drogenhilfe: 20 teams of 14 Fachkräfte (280) with one team lead each, and one without a team.</item>
/// <item>Steering, data protection and administration (10), and 352 deactivated accounts of people
/// who left over the five years (caseworker roles, no cases): 1,112 accounts. Teams and former
/// staff are scaled to the size of the caseload when it is not 100,000 clients.</item>
/// <item>Clients held by the Jobcenter always have a case manager, and a drug-help worker in 45 %;
/// clients held by the Drogenhilfe always have a drug-help worker, and a case manager in 75 %.
/// Closed cases keep their last responsible people.</item>
/// <item>Consents: 80 % of joint cases and 8 % of the others have one; of these 72 % are in force on
/// <see cref="Today"/>, 15 % expired, 13 % revoked; a quarter of those in force follow an earlier
/// expired one. Scopes from master data only to everything including health data; both directions
/// in 70 %.</item>
/// <item>Appointment participants: the responsible people the type calls for (joint counselling
/// both, Jobcenter-only the case manager, every other type the drug-help worker; the other side
/// when that one is missing); anonymous contacts one drug-help worker, chosen by the contact's
/// record key. Both in SQL, with the appointment's start copied to the participant.</item>
/// <item>Deadlines: review dates of the plans in force and due dates of most of their steps (see
/// <see cref="DeadlinesAsync"/>), which the base caseload lacks.</item>
/// </list>
/// </summary>
internal sealed class EverydayCaseload(int seed, DateOnly today, int clientCount)
{
    public const string IdPrefix = "bench-";

    public const int JobcenterTeamSize = 15;
    public const int DrugHelpTeamSize = 14;

    // The staff grow with the caseload (the figures above are those of 100,000 clients), so that a
    // smaller caseload keeps caseloads of the same size per person.
    private readonly int _jobcenterTeams = Scaled(28, clientCount);
    private readonly int _drugHelpTeams = Scaled(20, clientCount);
    private readonly int _formerStaff = Scaled(352, clientCount);

    private static int Scaled(int atHundredThousand, int clients) => Math.Max(1, (int)Math.Round(atHundredThousand * (double)clients / 100_000));

    public const string PasswordHash = "benchmark-account-no-sign-in";

    public DateOnly Today { get; } = today;

    public sealed record Counts(int Accounts, int WithCaseManager, int WithDrugHelpWorker, int Joint, int Consents, int ConsentsInForce, int Participants)
    {
        public override string ToString() =>
            $"{Accounts} accounts; clients with a case manager {WithCaseManager}, with a drug-help worker {WithDrugHelpWorker}, joint {Joint}; " +
            $"{Consents} consents ({ConsentsInForce} in force); {Participants} appointment participants";
    }

    private sealed record Person(string Id, string DisplayName, Organisation Organisation, string Role, string? Team, DateTimeOffset? DeactivatedAt);

    public static async Task<bool> IsDoneAsync(CaseManagementDbContext db) =>
        await db.Users.AnyAsync(u => u.Id.StartsWith(IdPrefix));

    public static string TeamName(int number) => $"Team {number:00}";

    public static string CaseManagerId(int team, int member) => $"{IdPrefix}jc-{team:00}-{member:00}";

    public static string DrugHelpWorkerId(int team, int member) => $"{IdPrefix}dh-{team:00}-{member:00}";

    public static string TeamLeadId(Organisation organisation, int? team) =>
        $"{IdPrefix}{(organisation == Organisation.Jobcenter ? "jc" : "dh")}-lead{(team is { } t ? $"-{t:00}" : "")}";

    public async Task<Counts> WriteAsync(IDbContextFactory<CaseManagementDbContext> contexts, Action<string> log)
    {
        var random = new Random(seed);
        var watch = Stopwatch.StartNew();
        var people = Staff(random);
        var caseManagers = people.Where(p => p.Role == StaffRole.CaseManager && p.DeactivatedAt is null).Select(p => p.Id).ToArray();
        var drugHelpWorkers = people.Where(p => p.Role == StaffRole.DrugHelpWorker && p.DeactivatedAt is null).Select(p => p.Id).ToArray();

        await using var db = await contexts.CreateDbContextAsync();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var postgres = db.Database.IsNpgsql();
        if (postgres)
        {
            // The team lead's summary triggers recompute a client per changed row; for 145,000 plan
            // steps that takes hours. Off inside this transaction only (foreign keys and the audit
            // log's guards stay on), and the summary is rebuilt once from its views before the commit.
            await SetWorkloadTriggersAsync(db, enabled: false);
        }

        // Accounts and their roles (Identity's own tables, as the administration page writes them).
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id);
        foreach (var role in StaffRole.All.Where(r => !roles.ContainsKey(r)))
        {
            var created = new IdentityRole(role) { Id = $"{IdPrefix}role-{role}", NormalizedName = role.ToUpperInvariant(), ConcurrencyStamp = $"{IdPrefix}{role}" };
            db.Roles.Add(created);
            roles[role] = created.Id;
        }

        foreach (var person in people)
        {
            var email = $"{person.Id}@{(person.Organisation == Organisation.Jobcenter ? "jobcenter" : "drogenhilfe")}.benchmark.example";
            db.Users.Add(new StaffUser
            {
                Id = person.Id,
                DisplayName = person.DisplayName,
                Organisation = person.Organisation,
                Team = person.Team,
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                PasswordHash = PasswordHash,
                SecurityStamp = person.Id,
                ConcurrencyStamp = person.Id,
                LockoutEnabled = true,
                DeactivatedAt = person.DeactivatedAt,
            });
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = person.Id, RoleId = roles[person.Role] });
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        log($"  {people.Count} accounts ({watch.Elapsed.TotalSeconds:F0} s)");

        // Responsibility, client by client in case-number order.
        var clients = await db.Clients.AsNoTracking()
            .OrderBy(c => c.CaseNumber)
            .Select(c => new { c.Id, c.OwningOrganisation, c.CreatedAt })
            .ToListAsync();
        var managerOf = new Dictionary<Guid, string>();
        var workerOf = new Dictionary<Guid, string>();
        foreach (var client in clients)
        {
            var jobcenter = client.OwningOrganisation == Organisation.Jobcenter;
            if (jobcenter || random.NextDouble() < 0.75)
            {
                managerOf[client.Id] = caseManagers[random.Next(caseManagers.Length)];
            }

            if (!jobcenter || random.NextDouble() < 0.45)
            {
                workerOf[client.Id] = drugHelpWorkers[random.Next(drugHelpWorkers.Length)];
            }
        }

        // One UPDATE per person (a few hundred rows each by primary key) instead of one per client.
        foreach (var group in managerOf.GroupBy(p => p.Value, p => p.Key))
        {
            var ids = group.ToList();
            await db.Clients.Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.ResponsibleCaseManagerId, group.Key));
        }

        foreach (var group in workerOf.GroupBy(p => p.Value, p => p.Key))
        {
            var ids = group.ToList();
            await db.Clients.Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.ResponsibleDrugHelpWorkerId, group.Key));
        }

        log($"  responsibility of {clients.Count} clients ({watch.Elapsed.TotalSeconds:F0} s)");

        // Consents, recorded by the responsible person of the organisation that holds the client.
        var consents = new List<ClientConsent>();
        var inForce = 0;
        foreach (var client in clients)
        {
            var manager = managerOf.GetValueOrDefault(client.Id);
            var worker = workerOf.GetValueOrDefault(client.Id);
            var joint = manager is not null && worker is not null;
            if (random.NextDouble() >= (joint ? 0.80 : 0.08))
            {
                continue;
            }

            var holder = client.OwningOrganisation;
            var recorder = holder == Organisation.Jobcenter ? manager! : worker!;
            var since = GermanCalendar.DateOf(client.CreatedAt);
            if (since >= Today.AddDays(-60))
            {
                since = Today.AddDays(-60);
            }

            var state = Weighted(random, 0.72, 0.15, 0.13);
            if (state == 0 && random.NextDouble() < 0.25)
            {
                // An earlier consent that ran out, renewed since.
                var earlier = Consent(random, client.Id, holder, recorder, since, Today.AddDays(-30), validUntilBefore: true);
                consents.Add(earlier);
                since = earlier.ValidUntil!.Value.AddDays(1) < Today ? earlier.ValidUntil!.Value.AddDays(1) : since;
            }

            var consent = state switch
            {
                0 => Consent(random, client.Id, holder, recorder, since, Today.AddDays(-1), validUntilBefore: false),
                1 => Consent(random, client.Id, holder, recorder, since, Today.AddDays(-30), validUntilBefore: true),
                _ => Consent(random, client.Id, holder, recorder, since, Today.AddDays(-2), validUntilBefore: false),
            };
            if (state == 2)
            {
                var revokedOn = Day(random, consent.SignedOn.AddDays(1), Today.AddDays(-1));
                var revoker = random.NextDouble() < 0.5 || !joint ? recorder : (holder == Organisation.Jobcenter ? worker! : manager!);
                consent.Revoke(
                    GermanCalendar.At(revokedOn, new TimeOnly(11, 0)),
                    random.NextDouble() < 0.3 ? "Widerruf durch die Klientin / den Klienten" : null,
                    revoker,
                    revoker == manager ? Organisation.Jobcenter : Organisation.DrugHelpService);
            }
            else if (state == 0)
            {
                inForce++;
            }

            consents.Add(consent);
        }

        foreach (var batch in consents.Chunk(10_000))
        {
            db.Consents.AddRange(batch);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        log($"  {consents.Count} consents ({watch.Elapsed.TotalSeconds:F0} s)");

        // Participants of client appointments: the responsible people the type calls for, in one statement.
        var participants = await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "AppointmentParticipants" ("AppointmentId", "StaffId", "Organisation", "Start")
            SELECT a."Id", c."ResponsibleCaseManagerId", 1, a."Start"
            FROM "Appointments" a JOIN "Clients" c ON c."Id" = a."ClientId"
            WHERE c."ResponsibleCaseManagerId" IS NOT NULL AND (a."Type" IN (1, 2) OR c."ResponsibleDrugHelpWorkerId" IS NULL)
            UNION ALL
            SELECT a."Id", c."ResponsibleDrugHelpWorkerId", 2, a."Start"
            FROM "Appointments" a JOIN "Clients" c ON c."Id" = a."ClientId"
            WHERE c."ResponsibleDrugHelpWorkerId" IS NOT NULL AND (a."Type" <> 2 OR c."ResponsibleCaseManagerId" IS NULL)
            """);
        log($"  {participants} participants of client appointments ({watch.Elapsed.TotalSeconds:F0} s)");

        // Anonymous contacts: one drug-help worker each, chosen by the contact's record key (a
        // participant is saved only with its appointment through EF Core, so this is SQL too).
        var workerRole = roles[StaffRole.DrugHelpWorker];
        var count = drugHelpWorkers.Length;
        var anonymousSql = $$"""
            INSERT INTO "AppointmentParticipants" ("AppointmentId", "StaffId", "Organisation", "Start")
            SELECT a."Id", w."Id", 2, a."Start"
            FROM "Appointments" a
            JOIN (SELECT u."Id", ROW_NUMBER() OVER (ORDER BY u."Id") - 1 AS "Number"
                  FROM "AspNetUsers" u JOIN "AspNetUserRoles" ur ON ur."UserId" = u."Id"
                  WHERE ur."RoleId" = {0} AND u."DeactivatedAt" IS NULL AND u."Id" LIKE '{{IdPrefix}}%') w
              ON w."Number" = ((a."ReportKey" % {{count}}) + {{count}}) % {{count}}
            WHERE a."ClientId" IS NULL
            """;
        var anonymousCount = await db.Database.ExecuteSqlRawAsync(anonymousSql, workerRole);
        participants += anonymousCount;
        log($"  {anonymousCount} participants of anonymous contacts ({watch.Elapsed.TotalSeconds:F0} s)");

        var (reviews, dueSteps) = await DeadlinesAsync(db, random);
        if (postgres)
        {
            await RebuildWorkloadSummaryAsync(db);
            await SetWorkloadTriggersAsync(db, enabled: true);
            log($"  team-lead summary rebuilt ({watch.Elapsed.TotalSeconds:F0} s)");
        }

        await transaction.CommitAsync();
        log($"  review dates of {reviews} plans in force, due dates of {dueSteps} of their steps; committed ({watch.Elapsed.TotalSeconds:F0} s)");

        return new Counts(
            people.Count, managerOf.Count, workerOf.Count, managerOf.Keys.Count(workerOf.ContainsKey), consents.Count, inForce, participants);
    }

    /// <summary>The summary for every client at once, from its views (<see cref="WorkloadSummaryRebuild"/>), and fresh planner statistics.</summary>
    private static async Task RebuildWorkloadSummaryAsync(CaseManagementDbContext db)
    {
        await db.Database.ExecuteSqlRawAsync(WorkloadSummaryRebuild.PostgreSql);
        await db.Database.ExecuteSqlRawAsync("""ANALYZE "ClientWorkloads"; ANALYZE "WorkloadDeadlines";""");
    }

    private static readonly string[] WorkloadTriggers =
    [
        "\"Clients\" workload_clients", "\"Episodes\" workload_episodes", "\"HelpPlans\" workload_help_plans",
        "\"Referrals\" workload_referrals", "\"PlanGoals\" workload_plan_goals", "\"PlanSteps\" workload_plan_steps",
    ];

    private static async Task SetWorkloadTriggersAsync(CaseManagementDbContext db, bool enabled)
    {
        foreach (var trigger in WorkloadTriggers)
        {
            var parts = trigger.Split(' ');
#pragma warning disable EF1002 // table and trigger names are the constants above, not input
            await db.Database.ExecuteSqlRawAsync($"ALTER TABLE {parts[0]} {(enabled ? "ENABLE" : "DISABLE")} TRIGGER {parts[1]}");
#pragma warning restore EF1002
        }
    }

    /// <summary>
    /// Plans in force get a review date and most of their steps a due date (the base caseload has
    /// neither), so that overdue reviews and steps exist as they do in a service: a review half a
    /// year after agreement, for older plans within the next months or up to six weeks overdue;
    /// 70 % of the steps due, about one in six of the open ones overdue.
    /// </summary>
    private async Task<(int Reviews, int Steps)> DeadlinesAsync(CaseManagementDbContext db, Random random)
    {
        var plans = await db.HelpPlans.AsNoTracking()
            .Where(p => p.Status == Domain.HelpPlans.HelpPlanStatus.Agreed && p.AgreedOn != null)
            .OrderBy(p => p.Id).Select(p => new { p.Id, AgreedOn = p.AgreedOn!.Value }).ToListAsync();
        var reviewOn = new Dictionary<Guid, DateOnly>();
        foreach (var plan in plans)
        {
            var halfYear = plan.AgreedOn.AddDays(182);
            reviewOn[plan.Id] = halfYear >= Today.AddDays(-42) ? halfYear : Today.AddDays(random.Next(-42, 183));
        }

        foreach (var group in reviewOn.GroupBy(p => p.Value, p => p.Key))
        {
            var ids = group.ToList();
            await db.HelpPlans.Where(p => ids.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.NextReviewOn, group.Key));
        }

        var steps = await (
            from step in db.PlanSteps.AsNoTracking()
            join goal in db.PlanGoals on step.GoalId equals goal.Id
            join plan in db.HelpPlans on goal.PlanId equals plan.Id
            where plan.Status == Domain.HelpPlans.HelpPlanStatus.Agreed && plan.AgreedOn != null
            orderby step.Id
            select new { step.Id, step.Status, PlanId = plan.Id }).ToListAsync();
        var dueOn = new Dictionary<Guid, DateOnly>();
        foreach (var step in steps)
        {
            if (random.NextDouble() >= 0.70)
            {
                continue;
            }

            var open = step.Status is Domain.HelpPlans.StepStatus.Planned or Domain.HelpPlans.StepStatus.InProgress;
            dueOn[step.Id] = open && random.NextDouble() < 0.17
                ? Today.AddDays(-random.Next(1, 120))
                : open ? Today.AddDays(random.Next(0, 180)) : reviewOn[step.PlanId].AddDays(-random.Next(30, 150));
        }

        foreach (var group in dueOn.GroupBy(p => p.Value, p => p.Key))
        {
            var ids = group.ToList();
            await db.PlanSteps.Where(s => ids.Contains(s.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.DueOn, group.Key));
        }

        return (reviewOn.Count, dueOn.Count);
    }

    private ClientConsent Consent(
        Random random, Guid clientId, Organisation holder, string recorder, DateOnly from, DateOnly to, bool validUntilBefore)
    {
        var signed = Day(random, from, to);
        DateOnly? validUntil = validUntilBefore
            ? Day(random, signed.AddDays(1) < Today ? signed.AddDays(1) : signed, Today.AddDays(-1))
            : random.NextDouble() < 0.5 ? null : Day(random, Today.AddDays(1), Today.AddDays(730));
        var scope = Weighted(random, 0.45, 0.15, 0.20, 0.10, 0.10) switch
        {
            0 => ConsentScope.MasterData | ConsentScope.HelpPlan | ConsentScope.Appointments | ConsentScope.Referrals,
            1 => ConsentScope.MasterData | ConsentScope.HelpPlan | ConsentScope.Appointments | ConsentScope.Referrals | ConsentScope.HealthData,
            2 => ConsentScope.MasterData | ConsentScope.HelpPlan,
            3 => ConsentScope.MasterData | ConsentScope.Appointments,
            _ => ConsentScope.HelpPlan | ConsentScope.Appointments | ConsentScope.Referrals,
        };
        var directions = Weighted(random, 0.70, 0.15, 0.15) switch
        {
            0 => ConsentDirections.JobcenterToDrugHelp | ConsentDirections.DrugHelpToJobcenter,
            1 => ConsentDirections.JobcenterToDrugHelp,
            _ => ConsentDirections.DrugHelpToJobcenter,
        };
        return new ClientConsent
        {
            Id = NextGuid(random),
            ClientId = clientId,
            Scope = scope,
            Directions = directions,
            Purpose = "Zusammenarbeit von Jobcenter und Drogenhilfe im Fallverbund",
            SignedOn = signed,
            ValidUntil = validUntil,
            RecordedById = recorder,
            RecordedByOrganisation = holder,
            RecordedAt = GermanCalendar.At(signed, new TimeOnly(10, 0)),
        };
    }

    private List<Person> Staff(Random random)
    {
        var people = new List<Person>();
        string Name() => $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}";
        for (var team = 1; team <= _jobcenterTeams; team++)
        {
            people.Add(new Person(TeamLeadId(Organisation.Jobcenter, team), Name(), Organisation.Jobcenter, StaffRole.TeamLeadJobcenter, TeamName(team), null));
            for (var member = 1; member <= JobcenterTeamSize; member++)
            {
                people.Add(new Person(CaseManagerId(team, member), Name(), Organisation.Jobcenter, StaffRole.CaseManager, TeamName(team), null));
            }
        }

        people.Add(new Person(TeamLeadId(Organisation.Jobcenter, null), Name(), Organisation.Jobcenter, StaffRole.TeamLeadJobcenter, null, null));
        for (var team = 1; team <= _drugHelpTeams; team++)
        {
            people.Add(new Person(TeamLeadId(Organisation.DrugHelpService, team), Name(), Organisation.DrugHelpService, StaffRole.TeamLeadDrugHelp, TeamName(team), null));
            for (var member = 1; member <= DrugHelpTeamSize; member++)
            {
                people.Add(new Person(DrugHelpWorkerId(team, member), Name(), Organisation.DrugHelpService, StaffRole.DrugHelpWorker, TeamName(team), null));
            }
        }

        people.Add(new Person(TeamLeadId(Organisation.DrugHelpService, null), Name(), Organisation.DrugHelpService, StaffRole.TeamLeadDrugHelp, null, null));
        foreach (var organisation in new[] { Organisation.Jobcenter, Organisation.DrugHelpService })
        {
            var side = organisation == Organisation.Jobcenter ? "jc" : "dh";
            for (var i = 1; i <= 3; i++)
            {
                people.Add(new Person($"{IdPrefix}{side}-steering-{i}", Name(), organisation, StaffRole.SteeringCommittee, null, null));
            }

            people.Add(new Person($"{IdPrefix}{side}-dataprotection", Name(), organisation, StaffRole.DataProtectionOfficer, null, null));
            people.Add(new Person($"{IdPrefix}{side}-admin", Name(), organisation, StaffRole.Administrator, null, null));
        }

        for (var i = 1; i <= _formerStaff; i++)
        {
            var jobcenter = i <= _formerStaff * 7 / 11;
            var left = GermanCalendar.At(Day(random, BenchmarkCaseload.FirstDay, BenchmarkCaseload.LastDay), new TimeOnly(16, 0));
            people.Add(new Person(
                $"{IdPrefix}{(jobcenter ? "jc" : "dh")}-former-{i:000}", Name(),
                jobcenter ? Organisation.Jobcenter : Organisation.DrugHelpService,
                jobcenter ? StaffRole.CaseManager : StaffRole.DrugHelpWorker,
                TeamName(random.Next(1, (jobcenter ? _jobcenterTeams : _drugHelpTeams) + 1)), left));
        }

        return people;
    }

    private static Guid NextGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static DateOnly Day(Random random, DateOnly first, DateOnly last) =>
        last <= first ? first : first.AddDays(random.Next(0, last.DayNumber - first.DayNumber + 1));

    private static int Weighted(Random random, params double[] weights)
    {
        var roll = random.NextDouble();
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private static readonly string[] FirstNames =
    [
        "Anna", "Ben", "Carla", "Deniz", "Elif", "Felix", "Greta", "Hannes", "Ines", "Jonas", "Katrin", "Lukas", "Mira", "Nils",
        "Olga", "Paul", "Rana", "Sven", "Tanja", "Uwe", "Vera", "Wiebke", "Yusuf", "Zoe", "Ömer", "Ülkü", "Jürgen", "Sören",
    ];

    private static readonly string[] LastNames =
    [
        "Albrecht", "Becker", "Çelik", "Dietrich", "Engel", "Fischer", "Groß", "Hartmann", "Ilgen", "Jung", "Keller", "Lange",
        "Möller", "Neumann", "Öztürk", "Peters", "Quast", "Richter", "Schäfer", "Thomas", "Ulrich", "Vogel", "Weber", "Yılmaz",
        "Zimmermann", "Bauer", "Koch", "Wolf", "Schröder", "Krüger",
    ];
}
