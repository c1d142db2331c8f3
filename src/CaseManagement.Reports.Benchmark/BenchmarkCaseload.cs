using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Appointments;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Reports.Benchmark;

/// <summary>
/// A large generated caseload (no real people: "Person" and a number) spread over
/// <see cref="FirstDay"/> to <see cref="LastDay"/>: per client one episode (15 % come back for a
/// second), 85 % with a help plan (reviews, closings, three goals of two steps), appointments every
/// few weeks while the case runs, one to two referrals with dated steps; plus anonymous outreach
/// contacts. Deterministic for a seed.
/// </summary>
internal sealed class BenchmarkCaseload(int seed)
{
    public static readonly DateOnly FirstDay = new(2022, 1, 3);
    public static readonly DateOnly LastDay = new(2026, 10, 30);

    private static readonly StaffMember Author = new("benchmark", "Benchmark", Organisation.Jobcenter, new HashSet<string>());

    private readonly Random _random = new(seed);

    public sealed record Counts(int Clients, int Episodes, int Plans, int Goals, int Steps, int Appointments, int Referrals);

    public async Task<Counts> WriteAsync(IDbContextFactory<CaseManagementDbContext> contexts, int clientCount, Action<int> progress)
    {
        var partners = Enum.GetValues<PartnerType>().Select(t => new Partner
        {
            Id = Guid.NewGuid(),
            Name = $"Stelle {(int)t}",
            Type = t,
            ChangedAt = DateTimeOffset.UtcNow,
            ChangedByName = "Benchmark",
        }).ToList();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.Partners.AddRange(partners);
            await db.SaveChangesAsync();
        }

        // Clients first, then plans, referrals and appointments each in the order of their dates: a
        // service in use writes them as time goes by, so a year's rows lie together on disk.
        var sequences = new Dictionary<int, int>();
        var plans = new List<HelpPlan>();
        var appointments = new List<Appointment>();
        var referrals = new List<Referral>();
        var episodes = 0;
        const int chunk = 2000;
        for (var start = 0; start < clientCount; start += chunk)
        {
            var clients = new List<Client>();
            for (var i = start; i < Math.Min(clientCount, start + chunk); i++)
            {
                NextClient(i, sequences, partners, clients, plans, appointments, referrals);
            }

            episodes += clients.Sum(c => c.Episodes.Count);
            await SaveAsync(contexts, db => db.Clients.AddRange(clients));
            progress(Math.Min(clientCount, start + chunk));
        }

        for (var k = 0; k < clientCount / 5; k++)
        {
            appointments.Add(AnonymousContact());
        }

        foreach (var batch in plans.OrderBy(p => p.CreatedAt).Chunk(chunk))
        {
            await SaveAsync(contexts, db => db.HelpPlans.AddRange(batch));
        }

        foreach (var batch in referrals.OrderBy(r => r.Progress.ProposedOn).Chunk(chunk * 2))
        {
            await SaveAsync(contexts, db => db.Referrals.AddRange(batch));
        }

        foreach (var batch in appointments.OrderBy(a => a.Start).Chunk(chunk * 4))
        {
            await SaveAsync(contexts, db => db.Appointments.AddRange(batch));
        }

        return new Counts(
            clientCount, episodes, plans.Count, plans.Sum(p => p.Goals.Count), plans.Sum(p => p.Goals.Sum(g => g.Steps.Count)),
            appointments.Count, referrals.Count);
    }

    private static async Task SaveAsync(IDbContextFactory<CaseManagementDbContext> contexts, Action<CaseManagementDbContext> add)
    {
        await using var db = await contexts.CreateDbContextAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        add(db);
        await db.SaveChangesAsync();
    }

    private void NextClient(
        int index, Dictionary<int, int> sequences, List<Partner> partners,
        List<Client> clients, List<HelpPlan> plans, List<Appointment> appointments, List<Referral> referrals)
    {
        var started = Day(FirstDay, LastDay);
        var ageRoll = _random.NextDouble();
        var age = ageRoll < 0.10 ? _random.Next(15, 18) : ageRoll < 0.40 ? _random.Next(18, 25) : _random.Next(25, 62);
        var genderRoll = _random.NextDouble();
        var year = started.Year;
        var sequence = sequences.GetValueOrDefault(year) + 1;
        sequences[year] = sequence;
        var client = new Client
        {
            Id = Guid.NewGuid(),
            CaseNumber = CaseNumber.Format(year, sequence),
            OwningOrganisation = _random.NextDouble() < 0.6 ? Organisation.Jobcenter : Organisation.DrugHelpService,
            FirstName = "Person",
            LastName = $"Nr{index}",
            BirthDate = started.AddYears(-age).AddDays(-_random.Next(0, 365)),
            Gender = genderRoll < 0.70 ? Gender.Male : genderRoll < 0.98 ? Gender.Female : Gender.Diverse,
            PostalCode = "67059",
            City = TargetArea.CityName,
            CreatedAt = GermanCalendar.At(started, new TimeOnly(9, 0)),
            ConcurrencyStamp = Guid.NewGuid(),
        };
        client.RefreshDerivedFields();
        clients.Add(client);

        var episode = AddEpisode(client, started);
        if (episode.EndedOn is { } ended && _random.NextDouble() < 0.25)
        {
            var again = ended.AddDays(_random.Next(60, 400));
            if (again <= LastDay)
            {
                episode = AddEpisode(client, again);
            }
        }

        foreach (var e in client.Episodes)
        {
            AddAppointments(client, e, appointments);
            var referralCount = _random.Next(0, 3);
            for (var r = 0; r < referralCount; r++)
            {
                referrals.Add(NextReferral(client, e, partners[_random.Next(partners.Count)]));
            }
        }

        if (_random.NextDouble() < 0.85)
        {
            AddPlans(client, client.Episodes[0], plans);
        }
    }

    private CaseEpisode AddEpisode(Client client, DateOnly startedOn)
    {
        var episode = new CaseEpisode { Id = Guid.NewGuid(), ClientId = client.Id, StartedOn = startedOn, ReferringBody = ReferringBody.Jobcenter };
        var end = startedOn.AddDays(_random.Next(30, 720));
        if (_random.NextDouble() < 0.65 && end <= LastDay)
        {
            episode.EndedOn = end;
            episode.ClosureReason = (ClosureReason)_random.Next(1, 9);
        }

        client.Episodes.Add(episode);
        return episode;
    }

    private void AddAppointments(Client client, CaseEpisode episode, List<Appointment> appointments)
    {
        var end = episode.EndedOn ?? LastDay;
        var days = end.DayNumber - episode.StartedOn.DayNumber;
        var count = Math.Min(24, days / 40 + 1);
        for (var i = 0; i < count; i++)
        {
            var day = Day(episode.StartedOn, end);
            var type = (AppointmentType)_random.Next(1, 7);
            appointments.Add(Appointment(client.Id, type, day, (AppointmentOutcome)Weighted(0.05, 0.75, 0.12, 0.08)));
        }
    }

    private Appointment AnonymousContact()
    {
        var type = _random.NextDouble() < 0.85 ? AppointmentType.Outreach : AppointmentType.CrisisIntervention;
        return Appointment(null, type, Day(FirstDay, LastDay), AppointmentOutcome.Attended);
    }

    private Appointment Appointment(Guid? clientId, AppointmentType type, DateOnly day, AppointmentOutcome outcome)
    {
        var start = GermanCalendar.At(day, new TimeOnly(_random.Next(8, 17), 0));
        return new Appointment
        {
            Id = Guid.NewGuid(),
            ClientId = clientId,
            Type = type,
            Start = start,
            DurationMinutes = 45,
            Place = type is AppointmentType.Outreach or AppointmentType.CrisisIntervention ? "Berliner Platz" : null,
            AccompanimentTarget = type == AppointmentType.Accompaniment ? "Bürgerbüro" : null,
            HolderOrganisation = type is AppointmentType.JobcenterOnly ? Organisation.Jobcenter : Organisation.DrugHelpService,
            Outcome = outcome,
            CreatedAt = start.AddDays(-7),
            CreatedById = Author.Id,
            ChangedAt = start,
            ChangedByName = Author.DisplayName,
        };
    }

    private Referral NextReferral(Client client, CaseEpisode episode, Partner partner)
    {
        var end = episode.EndedOn ?? LastDay;
        var proposed = Day(episode.StartedOn, end);
        var referral = Referral.Propose(client.Id, partner, "Vermittlung", null, proposed, LastDay, Author, DateTimeOffset.UtcNow);
        var steps = new List<ReferralStep>();
        var on = proposed;
        ReferralStatus[] path = [ReferralStatus.Requested, ReferralStatus.AppointmentAgreed, ReferralStatus.Admitted, ReferralStatus.Completed];
        var reach = Weighted(0.15, 0.15, 0.15, 0.25, 0.30); // how many regular steps follow the proposal
        for (var s = 0; s < reach; s++)
        {
            on = on.AddDays(_random.Next(0, s == 1 ? 45 : 20));
            if (on > LastDay)
            {
                break;
            }

            steps.Add(new ReferralStep(path[s], on));
        }

        string? note = null;
        if (steps.Count < path.Length && _random.NextDouble() < 0.3 && on.AddDays(5) <= LastDay)
        {
            var failure = steps.Count == 0 || _random.NextDouble() < 0.5 ? ReferralStatus.Declined : ReferralStatus.DroppedOut;
            if (steps.Count == 3 && failure == ReferralStatus.Declined)
            {
                failure = ReferralStatus.DroppedOut;
            }

            steps.Add(new ReferralStep(failure, on.AddDays(5)));
            note = "Grund";
        }

        if (steps.Count > 0)
        {
            referral.Progress.Record(steps, LastDay, note);
        }

        return referral;
    }

    private void AddPlans(Client client, CaseEpisode episode, List<HelpPlan> plans)
    {
        var created = episode.StartedOn.AddDays(_random.Next(7, 30));
        if (created > LastDay)
        {
            return;
        }

        var first = Plan(client, 1, created);
        plans.Add(first);
        if (_random.NextDouble() > 0.7)
        {
            return;
        }

        var agreed = created.AddDays(_random.Next(5, 20));
        if (agreed > LastDay)
        {
            return;
        }

        first.Status = HelpPlanStatus.Agreed;
        first.AgreedOn = agreed;
        first.AgreedByClient = true;
        var reviewed = agreed.AddDays(180);
        if (_random.NextDouble() < 0.3 && reviewed <= LastDay && (episode.EndedOn is null || reviewed < episode.EndedOn))
        {
            var second = Plan(client, 2, reviewed);
            plans.Add(second);
            if (_random.NextDouble() < 0.5 && reviewed.AddDays(10) <= LastDay)
            {
                first.Status = HelpPlanStatus.Superseded;
                second.Status = HelpPlanStatus.Agreed;
                second.AgreedOn = reviewed.AddDays(10);
                second.AgreedByClient = true;
            }
        }
        else if (episode.EndedOn is { } ended && ended >= agreed)
        {
            first.Status = HelpPlanStatus.Closed;
            first.ClosedOn = ended;
        }
    }

    private HelpPlan Plan(Client client, int version, DateOnly created)
    {
        var plan = HelpPlan.Start(client.Id, version, Author, GermanCalendar.At(created, new TimeOnly(10, 0)));
        plan.IntegrationGoal = "Arbeitsaufnahme";
        for (var g = 0; g < 3; g++)
        {
            var goal = new PlanGoal { Id = Guid.NewGuid(), PlanId = plan.Id, Key = Guid.NewGuid(), Area = (PlanArea)_random.Next(1, 6), Position = g, Text = "Ziel" };
            for (var s = 0; s < 2; s++)
            {
                goal.Steps.Add(new PlanStep
                {
                    Id = Guid.NewGuid(),
                    GoalId = goal.Id,
                    Key = Guid.NewGuid(),
                    Position = s,
                    Description = "Schritt",
                    Responsible = StepParty.Client,
                    Status = (StepStatus)Weighted(0, 0.35, 0.25, 0.30, 0.10),
                });
            }

            plan.Goals.Add(goal);
        }

        return plan;
    }

    private DateOnly Day(DateOnly first, DateOnly last) =>
        last <= first ? first : first.AddDays(_random.Next(0, last.DayNumber - first.DayNumber + 1));

    /// <summary>An index drawn with the given weights (which sum to 1).</summary>
    private int Weighted(params double[] weights)
    {
        var roll = _random.NextDouble();
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
}
