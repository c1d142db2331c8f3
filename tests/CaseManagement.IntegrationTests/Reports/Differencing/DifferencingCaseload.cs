using CaseManagement.Domain;
using CaseManagement.Domain.Staff;
using CaseManagement.Domain.Appointments;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Referrals;
using CaseManagement.Infrastructure.Persistence;

namespace CaseManagement.IntegrationTests.Reports.Differencing;

/// <summary>
/// A small service's caseload over 2024 and 2025, generated from a seed: about 140 people, so that
/// most figures of a month or a quarter are small and many of a year are not, which is what an
/// attacker who subtracts reports from each other needs. People come and go all through both years
/// (single admissions in every month), some come back, some turn 18 or 25 during 2025; plans,
/// goals, appointments, anonymous contacts and referrals with dated steps as in the real service.
/// Record keys come from the seed too, so the published figures are the same on every run.
/// </summary>
internal static class DifferencingCaseload
{
    public const string Surname = "Differenzprobe";

    private static readonly DateOnly FirstStart = new(2023, 9, 1);
    private static readonly DateOnly LastDay = new(2025, 12, 31);

    public static async Task SeedAsync(CaseManagementDbContext db, int seed)
    {
        var random = new Random(seed);
        var partners = Enum.GetValues<PartnerType>().ToDictionary(t => t, t => new Partner
        {
            Id = Guid.NewGuid(),
            Name = $"Stelle {t}",
            Type = t,
            ChangedAt = DateTimeOffset.UtcNow,
            ChangedByName = "Test",
        });
        db.Partners.AddRange(partners.Values);

        var clients = new List<Client>();
        var plans = new List<HelpPlan>();
        var appointments = new List<Appointment>();
        var referrals = new List<Referral>();
        for (var i = 0; i < 140; i++)
        {
            var client = CaseData.NewClient(Organisation.Jobcenter, null, null, $"D{i}", Surname, BirthDate(random));
            client.Gender = Pick(random, [Gender.Female, Gender.Female, Gender.Male, Gender.Male, Gender.Male, Gender.Diverse, Gender.NotStated]);
            clients.Add(client);

            var start = Day(random, FirstStart, LastDay);
            var end = random.NextDouble() < 0.55 ? start.AddDays(random.Next(10, 400)) : (DateOnly?)null;
            if (end > LastDay)
            {
                end = null;
            }

            SteeringReportData.Episode(client, start, end, end is null ? null : Pick(random, Enum.GetValues<ClosureReason>()));
            var caseEnd = end ?? LastDay;
            if (end is { } ended && random.NextDouble() < 0.3 && ended.AddDays(30) < LastDay)
            {
                var again = Day(random, ended.AddDays(30), LastDay);
                SteeringReportData.Episode(client, again);
                caseEnd = LastDay;
            }

            if (random.NextDouble() < 0.7)
            {
                plans.AddRange(Plans(random, client, start, caseEnd));
            }

            for (var k = random.Next(0, 8); k > 0; k--)
            {
                var outcome = Pick(random, Enum.GetValues<AppointmentOutcome>());
                var appointment = SteeringReportData.Appointment(client.Id, Pick(random, Enum.GetValues<AppointmentType>()), Time(random, Day(random, start, caseEnd)), outcome);
                appointment.CancelledBy = outcome == AppointmentOutcome.Cancelled ? CancelledBy.Client : null;
                appointments.Add(appointment);
            }

            for (var k = random.Next(0, 3); k > 0; k--)
            {
                referrals.Add(Referral(random, client, partners[Pick(random, Enum.GetValues<PartnerType>())], Day(random, start, caseEnd)));
            }
        }

        // Anonymous outreach contacts and crisis interventions, a few a month.
        for (var k = 0; k < 60; k++)
        {
            var type = random.NextDouble() < 0.75 ? AppointmentType.Outreach : AppointmentType.CrisisIntervention;
            appointments.Add(SteeringReportData.Appointment(null, type, Time(random, Day(random, new DateOnly(2024, 1, 1), LastDay)), AppointmentOutcome.Attended));
        }

        // Record keys from the seed as well, so that every run publishes the same figures.
        SteeringReportData.SetReportKeys(random, clients, plans, appointments, referrals);
        db.Clients.AddRange(clients);
        db.HelpPlans.AddRange(plans);
        db.Appointments.AddRange(appointments);
        db.Referrals.AddRange(referrals);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Needs without an offer for the people of <see cref="SeedAsync"/>, over 2024 and 2025: a few kinds
    /// of service often (so that a year's figure is large and a month's small), others rarely. Record
    /// keys from the seed. Separate from <see cref="SeedAsync"/>, so the steering report's caseload stays as it was.
    /// </summary>
    public static async Task SeedUnmetNeedsAsync(CaseManagementDbContext db, int seed)
    {
        var random = new Random(seed);
        var clients = db.Clients.Where(c => c.LastName == Surname).OrderBy(c => c.CaseNumber).Select(c => c.Id).ToList();
        PartnerType[] types = [PartnerType.ElderCare, PartnerType.ElderCare, PartnerType.ElderCare, PartnerType.DisabilityHelp, PartnerType.DisabilityHelp, .. Enum.GetValues<PartnerType>()];
        var bytes = new byte[sizeof(int)];
        for (var k = 0; k < 110; k++)
        {
            var need = UnmetNeed.Record(Pick(random, [.. clients]), Pick(random, types), null, Day(random, new DateOnly(2024, 1, 1), LastDay), SteeringReportData.Actor, DateTimeOffset.UtcNow);
            random.NextBytes(bytes);
            need.ReportKey = BitConverter.ToInt32(bytes);
            db.UnmetNeeds.Add(need);
        }

        await db.SaveChangesAsync();
    }

    private static IEnumerable<HelpPlan> Plans(Random random, Client client, DateOnly start, DateOnly caseEnd)
    {
        var created = start.AddDays(random.Next(3, 60));
        if (created > caseEnd)
        {
            yield break;
        }

        var agreed = random.NextDouble() < 0.75 ? created.AddDays(random.Next(2, 40)) : (DateOnly?)null;
        if (agreed > caseEnd)
        {
            agreed = null;
        }

        var closed = agreed is not null && caseEnd < LastDay && random.NextDouble() < 0.5 ? caseEnd : (DateOnly?)null;
        var first = SteeringReportData.Plan(client, 1, At(created), agreed, closed);
        AddGoals(random, first);
        yield return first;

        var reviewed = agreed?.AddDays(random.Next(60, 300));
        if (closed is null && reviewed is { } on && on <= caseEnd && random.NextDouble() < 0.4)
        {
            var review = SteeringReportData.Plan(client, 2, At(on));
            AddGoals(random, review);
            yield return review;
        }
    }

    private static void AddGoals(Random random, HelpPlan plan)
    {
        for (var g = random.Next(1, 4); g > 0; g--)
        {
            SteeringReportData.Goal(plan, Pick(random, Enum.GetValues<PlanArea>()), [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pick(random, Enum.GetValues<StepStatus>()))]);
        }
    }

    private static Referral Referral(Random random, Client client, Partner partner, DateOnly proposedOn)
    {
        var referral = Domain.Referrals.Referral.Propose(client.Id, partner, "Grund der Vermittlung", null, proposedOn, SteeringReportData.Today, SteeringReportData.Actor, DateTimeOffset.UtcNow);
        var steps = new List<ReferralStep>();
        var on = proposedOn;
        ReferralStatus[] path = [ReferralStatus.Requested, ReferralStatus.AppointmentAgreed, ReferralStatus.Admitted, ReferralStatus.Completed];
        foreach (var status in path.Take(random.Next(0, path.Length + 1)))
        {
            on = on.AddDays(random.Next(0, 60));
            steps.Add(new ReferralStep(status, on));
        }

        string? note = null;
        if (steps.Count is > 0 and < 4 && random.NextDouble() < 0.3)
        {
            steps.Add(new ReferralStep(steps.Count == 3 ? ReferralStatus.DroppedOut : ReferralStatus.Declined, on.AddDays(random.Next(0, 30))));
            note = "abgelehnt";
        }

        if (steps.Count > 0 && steps[^1].On <= SteeringReportData.Today)
        {
            referral.Progress.Record(steps, SteeringReportData.Today, note);
        }

        return referral;
    }

    /// <summary>Adolescents, young adults and adults, some with an 18th or 25th birthday in 2025.</summary>
    private static DateOnly BirthDate(Random random) => random.Next(10) switch
    {
        0 => Day(random, new DateOnly(2007, 1, 1), new DateOnly(2007, 12, 31)),
        1 => Day(random, new DateOnly(2000, 1, 1), new DateOnly(2000, 12, 31)),
        2 => Day(random, new DateOnly(2008, 1, 1), new DateOnly(2010, 12, 31)),
        3 or 4 => Day(random, new DateOnly(2001, 1, 1), new DateOnly(2006, 12, 31)),
        _ => Day(random, new DateOnly(1960, 1, 1), new DateOnly(1999, 12, 31)),
    };

    private static DateOnly Day(Random random, DateOnly first, DateOnly last) =>
        first.AddDays(random.Next(0, last.DayNumber - first.DayNumber + 1));

    private static DateTimeOffset Time(Random random, DateOnly day) => GermanCalendar.At(day, new TimeOnly(random.Next(8, 20), 0));

    private static DateTimeOffset At(DateOnly day) => GermanCalendar.At(day, new TimeOnly(10, 0));

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];
}
