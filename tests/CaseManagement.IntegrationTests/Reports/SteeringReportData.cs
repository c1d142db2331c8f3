using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Appointments;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;

namespace CaseManagement.IntegrationTests.Reports;

/// <summary>
/// A hand-built caseload with a known answer for every figure of the steering report for 2025 (and
/// the comparison year 2024), written straight into the database. Every group is described where it
/// is made; <see cref="SteeringReportFigures"/> spells out the resulting tables.
/// </summary>
/// <remarks>
/// Groups (all clients carry the surname <see cref="Surname"/> and case numbers of year 1990, so a
/// test can look for them in exports):
/// <list type="bullet">
/// <item>A – 14 adults (6 women, 8 men), episode since 01.03.2024, closed in 2025: A-W 5 women with
/// work taken up (plan agreed 2024, closed 2025), A-R 1 woman and 2 men with rehab started (no plan,
/// rehab referral still waiting at the end of 2025), A-C 6 men with contact broken off (plan agreed
/// 2024, review draft 2025).</item>
/// <item>R – 6 adult men, an episode in 2023 and again from 01.04.2025 (readmission); debt counselling
/// completed in 2024, asked for again in 2025 and declined (revolving door for five of them).</item>
/// <item>Y – 12 young adults (5 women, 7 men), new in 2025, plan agreed, joint counselling, three with
/// two missed Jobcenter appointments each, six admitted to substitution.</item>
/// <item>J – 2 adolescent boys, new in 2025; their plan was only begun in 2026.</item>
/// <item>Anonymous – 7 outreach contacts and 2 crisis interventions without a client in 2025.</item>
/// <item>E – 5 adults in 2021 only, for the revolving-door edge cases (period June 2021).</item>
/// </list>
/// </remarks>
internal static class SteeringReportData
{
    public const string Surname = "Kennzahlenprobe";

    public static readonly DateOnly Today = new(2026, 11, 21);

    internal static readonly StaffMember Actor = new("report-test", "Testautor:in", Organisation.DrugHelpService, new HashSet<string>());

    public static async Task SeedAsync(CaseManagementDbContext db)
    {
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

        Client NewClient(string group, int number, Gender gender, DateOnly birthDate)
        {
            var client = CaseData.NewClient(Organisation.Jobcenter, null, null, $"{group}{number}", Surname, birthDate);
            client.Gender = gender;
            clients.Add(client);
            return client;
        }

        Referral Refer(Client client, PartnerType type, DateOnly proposedOn, params (ReferralStatus Status, DateOnly On)[] steps)
        {
            var referral = Referral.Propose(client.Id, partners[type], "Grund der Vermittlung", null, proposedOn, Today, Actor, DateTimeOffset.UtcNow);
            var note = steps.Length > 0 && steps[^1].Status is ReferralStatus.Declined or ReferralStatus.DroppedOut ? "abgelehnt" : null;
            if (steps.Length > 0)
            {
                referral.Progress.Record([.. steps.Select(s => new ReferralStep(s.Status, s.On))], Today, note);
            }

            referrals.Add(referral);
            return referral;
        }

        // ----- A: 14 adults, in care since 01.03.2024, all closed in 2025 -------------------------
        var adultBirth = new DateOnly(1980, 2, 14);
        for (var i = 1; i <= 5; i++)
        {
            var client = NewClient("AW", i, Gender.Female, adultBirth);
            Episode(client, new DateOnly(2024, 3, 1), new DateOnly(2025, 9, 30), ClosureReason.WorkTakenUp);
            var plan = Plan(client, 1, At(2024, 4, 1), agreedOn: new DateOnly(2024, 4, 10), closedOn: new DateOnly(2025, 9, 30));
            Goal(plan, PlanArea.ReferralToFurtherHelp, StepStatus.Dropped, StepStatus.Dropped);
            if (i <= 2)
            {
                Goal(plan, PlanArea.FurtherQualification, StepStatus.Achieved, StepStatus.Dropped);
            }

            plans.Add(plan);
        }

        var rehabClients = new[] { Gender.Female, Gender.Male, Gender.Male }.Select((g, i) => NewClient("AR", i + 1, g, adultBirth)).ToList();
        foreach (var client in rehabClients)
        {
            Episode(client, new DateOnly(2024, 3, 1), new DateOnly(2025, 10, 15), ClosureReason.RehabStarted);
        }

        // Still waiting for the clinic at the end of 2025 (350 days since the request); one admitted in 2026.
        Refer(rehabClients[0], PartnerType.InpatientRehabClinic, new DateOnly(2025, 1, 10),
            (ReferralStatus.Requested, new DateOnly(2025, 1, 15)), (ReferralStatus.AppointmentAgreed, new DateOnly(2025, 2, 1)),
            (ReferralStatus.Admitted, new DateOnly(2026, 1, 20)));
        Refer(rehabClients[1], PartnerType.InpatientRehabClinic, new DateOnly(2025, 1, 10),
            (ReferralStatus.Requested, new DateOnly(2025, 1, 15)), (ReferralStatus.AppointmentAgreed, new DateOnly(2025, 2, 1)));
        Refer(rehabClients[2], PartnerType.InpatientRehabClinic, new DateOnly(2025, 1, 10),
            (ReferralStatus.Requested, new DateOnly(2025, 1, 15)), (ReferralStatus.AppointmentAgreed, new DateOnly(2025, 2, 1)));

        for (var i = 1; i <= 6; i++)
        {
            var client = NewClient("AC", i, Gender.Male, adultBirth);
            Episode(client, new DateOnly(2024, 3, 1), new DateOnly(2025, 11, 3), ClosureReason.ContactBrokenOff);
            var first = Plan(client, 1, At(2024, 4, 1), agreedOn: new DateOnly(2024, 4, 10));
            Goal(first, PlanArea.FurtherQualification, StepStatus.Dropped);
            var review = Plan(client, 2, At(2025, 6, 1));
            Goal(review, PlanArea.PsychosocialCounselling, StepStatus.InProgress, StepStatus.Planned);
            plans.Add(first);
            plans.Add(review);
        }

        // All 14 had a drug-help counselling in 2024; one of them late on New Year's Eve (local time).
        foreach (var (client, index) in clients.Select((c, i) => (c, i)).ToList())
        {
            var start = index == 0 ? Local(2024, 12, 31, 23, 30) : Local(2024, 6, 3, 10, 0);
            appointments.Add(Appointment(client.Id, AppointmentType.DrugHelpOnly, start, AppointmentOutcome.Attended));
        }

        // ----- R: 6 adult men, readmitted in 2025 --------------------------------------------------
        var readmitted = new List<Client>();
        for (var i = 1; i <= 6; i++)
        {
            var client = NewClient("R", i, Gender.Male, new DateOnly(1975, 7, 1));
            Episode(client, new DateOnly(2023, 1, 10), new DateOnly(2023, 6, 30), ClosureReason.ContactBrokenOff);
            Episode(client, new DateOnly(2025, 4, 1));
            var plan = Plan(client, 1, At(2025, 4, 15));
            Goal(plan, PlanArea.ReferralToFurtherHelp);
            plans.Add(plan);
            readmitted.Add(client);
        }

        // Debt counselling in 2024 (completed; waiting 20, 27, 36, 36, 7 and 0 days), again in 2025 (declined).
        (DateOnly Proposed, DateOnly Requested, DateOnly Admitted)[] debt2024 =
        [
            (new(2024, 8, 1), new(2024, 8, 5), new(2024, 8, 25)),
            (new(2024, 8, 1), new(2024, 8, 5), new(2024, 9, 1)),
            (new(2024, 8, 1), new(2024, 8, 5), new(2024, 9, 10)),
            (new(2024, 8, 1), new(2024, 8, 5), new(2024, 9, 10)),
            (new(2024, 5, 1), new(2024, 5, 3), new(2024, 5, 10)),   // exactly 12 months before 01.05.2025: counts
            (new(2024, 4, 30), new(2024, 5, 2), new(2024, 5, 2)),   // one day more: does not count
        ];
        for (var i = 0; i < readmitted.Count; i++)
        {
            var (proposed, requested, admitted) = debt2024[i];
            Refer(readmitted[i], PartnerType.DebtCounselling, proposed,
                (ReferralStatus.Requested, requested), (ReferralStatus.AppointmentAgreed, admitted),
                (ReferralStatus.Admitted, admitted), (ReferralStatus.Completed, new DateOnly(2024, 11, 30)));
            Refer(readmitted[i], PartnerType.DebtCounselling, new DateOnly(2025, 5, 1),
                (ReferralStatus.Requested, new DateOnly(2025, 5, 2)), (ReferralStatus.Declined, new DateOnly(2025, 5, 20)));
        }

        // Five outreach contacts with a client; the last late on New Year's Eve 2025.
        for (var i = 0; i < 5; i++)
        {
            var start = i == 4 ? Local(2025, 12, 31, 23, 30) : Local(2025, 8, 4 + i, 11, 0);
            appointments.Add(Appointment(readmitted[i].Id, AppointmentType.Outreach, start, AppointmentOutcome.Attended));
        }

        // ----- Y: 12 young adults, new in 2025 ------------------------------------------------------
        var youngBirth = new DateOnly(2003, 3, 1);
        var young = new[] { Gender.Female, Gender.Female, Gender.Female, Gender.Female, Gender.Female }
            .Concat(Enumerable.Repeat(Gender.Male, 7))
            .Select((g, i) => NewClient("Y", i + 1, g, youngBirth))
            .ToList();
        int[] substitutionWait = [10, 10, 12, 14, 20, 30];
        for (var i = 0; i < young.Count; i++)
        {
            var client = young[i];
            Episode(client, new DateOnly(2025, 2, 1));
            var plan = Plan(client, 1, At(2025, 3, 1), agreedOn: new DateOnly(2025, 3, 15));
            Goal(plan, PlanArea.JobApplicationSupport, StepStatus.Achieved, StepStatus.Achieved);
            Goal(plan, PlanArea.JobPlacement, StepStatus.Planned);
            plans.Add(plan);
            appointments.Add(Appointment(client.Id, AppointmentType.JointCounselling, Local(2025, 5, 12, 10, 0), AppointmentOutcome.Attended));
            if (i < 3)
            {
                appointments.Add(Appointment(client.Id, AppointmentType.JobcenterOnly, Local(2025, 6, 2, 9, 0), AppointmentOutcome.NoShow));
                appointments.Add(Appointment(client.Id, AppointmentType.JobcenterOnly, Local(2025, 6, 9, 9, 0), AppointmentOutcome.NoShow));
            }

            if (i < substitutionWait.Length)
            {
                var requested = new DateOnly(2025, 3, 3);
                var admitted = requested.AddDays(substitutionWait[i]);
                Refer(client, PartnerType.SubstitutionPractice, new DateOnly(2025, 3, 1),
                    (ReferralStatus.Requested, requested), (ReferralStatus.AppointmentAgreed, admitted), (ReferralStatus.Admitted, admitted));
            }
        }

        // Just after midnight on New Year's Day 2026 in Ludwigshafen (still 2025 in UTC): not in 2025.
        appointments.Add(Appointment(young[0].Id, AppointmentType.JointCounselling, Local(2026, 1, 1, 0, 15), AppointmentOutcome.Attended));

        // ----- J: 2 adolescent boys, new in 2025, plan begun only in 2026 ---------------------------
        for (var i = 1; i <= 2; i++)
        {
            var client = NewClient("J", i, Gender.Male, new DateOnly(2009, 6, 1));
            Episode(client, new DateOnly(2025, 5, 1));
            var plan = Plan(client, 1, At(2026, 1, 5));
            Goal(plan, PlanArea.JobApplicationSupport, StepStatus.Planned);
            plans.Add(plan);
        }

        // ----- Anonymous contacts in 2025 ------------------------------------------------------------
        for (var i = 0; i < 7; i++)
        {
            appointments.Add(Appointment(null, AppointmentType.Outreach, Local(2025, 7, 1 + i, 15, 0), AppointmentOutcome.Attended));
        }

        for (var i = 0; i < 2; i++)
        {
            appointments.Add(Appointment(null, AppointmentType.CrisisIntervention, Local(2025, 9, 1 + i, 15, 0), AppointmentOutcome.Attended));
        }

        // ----- E: five adults in 2021, revolving-door edge cases in June 2021 -----------------------
        for (var i = 1; i <= 5; i++)
        {
            var client = NewClient("E", i, Gender.Female, adultBirth);
            Episode(client, new DateOnly(2021, 1, 4), new DateOnly(2021, 12, 31), ClosureReason.Other);
            // Declined at the proposal: never reached the debt counselling.
            Refer(client, PartnerType.DebtCounselling, new DateOnly(2021, 2, 1), (ReferralStatus.Declined, new DateOnly(2021, 2, 2)));
            Refer(client, PartnerType.HomelessHelp, new DateOnly(2021, 3, 1), (ReferralStatus.Requested, new DateOnly(2021, 3, 2)));
            Refer(client, PartnerType.Other, new DateOnly(2021, 4, 1), (ReferralStatus.Requested, new DateOnly(2021, 4, 2)));
            // Asked only after the end of June: as of 30.06.2021 it had not reached the partner.
            Refer(client, PartnerType.YouthWelfare, new DateOnly(2021, 5, 1), (ReferralStatus.Requested, new DateOnly(2021, 7, 15)));
            foreach (var type in new[] { PartnerType.DebtCounselling, PartnerType.HomelessHelp, PartnerType.Other, PartnerType.YouthWelfare })
            {
                Refer(client, type, new DateOnly(2021, 6, 10));
            }
        }

        SetReportKeys(new Random(2025), clients, plans, appointments, referrals);
        db.Clients.AddRange(clients);
        db.HelpPlans.AddRange(plans);
        db.Appointments.AddRange(appointments);
        db.Referrals.AddRange(referrals);
        await db.SaveChangesAsync();
    }

    /// <summary>Record keys from a seed instead of the secure generator, so that every run publishes the same perturbed figures.</summary>
    internal static void SetReportKeys(Random random, List<Client> clients, List<HelpPlan> plans, List<Appointment> appointments, List<Referral> referrals)
    {
        int Key()
        {
            Span<byte> bytes = stackalloc byte[sizeof(int)];
            random.NextBytes(bytes);
            return BitConverter.ToInt32(bytes);
        }

        foreach (var client in clients)
        {
            client.ReportKey = Key();
            client.Episodes.ForEach(e => e.ReportKey = Key());
        }

        plans.SelectMany(p => p.Goals).ToList().ForEach(g => g.ReportKey = Key());
        appointments.ForEach(a => a.ReportKey = Key());
        referrals.ForEach(r => r.ReportKey = Key());
    }

    public static IEnumerable<string> CaseNumbers(CaseManagementDbContext db) =>
        db.Clients.Where(c => c.LastName == Surname).Select(c => c.CaseNumber).ToList();

    internal static void Episode(Client client, DateOnly startedOn, DateOnly? endedOn = null, ClosureReason? reason = null)
    {
        client.Episodes.Add(new CaseEpisode
        {
            Id = Guid.NewGuid(),
            ClientId = client.Id,
            StartedOn = startedOn,
            EndedOn = endedOn,
            ClosureReason = reason,
            ReferringBody = ReferringBody.Jobcenter,
            MainDiagnosis = "F12.2",
        });
    }

    internal static HelpPlan Plan(Client client, int version, DateTimeOffset createdAt, DateOnly? agreedOn = null, DateOnly? closedOn = null)
    {
        var plan = HelpPlan.Start(client.Id, version, Actor, createdAt);
        plan.IntegrationGoal = "Arbeitsaufnahme";
        plan.AgreedOn = agreedOn;
        plan.AgreedByClient = agreedOn is not null;
        plan.ClosedOn = closedOn;
        plan.Status = closedOn is not null ? HelpPlanStatus.Closed : agreedOn is not null ? HelpPlanStatus.Agreed : HelpPlanStatus.Draft;
        return plan;
    }

    internal static void Goal(HelpPlan plan, PlanArea area, params StepStatus[] steps)
    {
        var goal = new PlanGoal { Id = Guid.NewGuid(), PlanId = plan.Id, Key = Guid.NewGuid(), Area = area, Position = plan.Goals.Count, Text = "Ziel" };
        goal.Steps.AddRange(steps.Select((status, i) => new PlanStep
        {
            Id = Guid.NewGuid(),
            GoalId = goal.Id,
            Key = Guid.NewGuid(),
            Position = i,
            Description = "Schritt",
            Responsible = StepParty.Client,
            Status = status,
        }));
        plan.Goals.Add(goal);
    }

    internal static Appointment Appointment(Guid? clientId, AppointmentType type, DateTimeOffset start, AppointmentOutcome outcome) => new()
    {
        Id = Guid.NewGuid(),
        ClientId = clientId,
        Type = type,
        Start = start,
        DurationMinutes = 30,
        Place = type is AppointmentType.Outreach or AppointmentType.CrisisIntervention ? "Berliner Platz" : null,
        HolderOrganisation = Organisation.DrugHelpService,
        Outcome = outcome,
        CreatedAt = start.AddDays(-1),
        CreatedById = Actor.Id,
        ChangedAt = start,
        ChangedByName = Actor.DisplayName,
    };

    internal static DateTimeOffset At(int year, int month, int day) => Local(year, month, day, 10, 0);

    internal static DateTimeOffset Local(int year, int month, int day, int hour, int minute) =>
        GermanCalendar.At(new DateOnly(year, month, day), new TimeOnly(hour, minute));
}
