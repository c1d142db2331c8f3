using Bogus;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Appointments;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Staff;

namespace CaseManagement.Infrastructure.DemoData;

/// <summary>
/// The demo caseload's past before the last eight weeks (which <see cref="DemoAppointmentGenerator"/>
/// fills in detail): about one appointment a month while a client's episode ran, from 1 January
/// of the year before last, and a handful of anonymous street contacts a month. Outcomes only, no notes. It
/// gives the steering report (/kennzahlen) a year and a comparison year to show. Uses a random
/// stream of its own, so the recent weeks stay as they were. Deterministic for a seed and day.
/// </summary>
internal sealed class DemoAppointmentHistoryGenerator(IReadOnlyDictionary<string, DemoCaseworker> staff, DateTimeOffset now, int seed = DemoCaseGenerator.DefaultSeed)
{
    /// <summary>Where the detailed recent weeks of <see cref="DemoAppointmentGenerator"/> begin.</summary>
    private const int RecentDays = 57;

    private static readonly string[] OutreachPlaces = ["Berliner Platz", "Hauptbahnhof, Vorplatz", "Ebertpark", "Kontaktladen Bahnhofstraße", "Bürgerhof Hemshof"];

    private readonly Randomizer _random = new(seed + 19);
    private readonly DateOnly _today = GermanCalendar.DateOf(now);

    public List<Appointment> Generate(IEnumerable<Client> clients)
    {
        var first = new DateOnly(_today.Year - 2, 1, 1);
        var last = _today.AddDays(-RecentDays);
        var appointments = new List<Appointment>();
        foreach (var client in clients)
        {
            var caseManager = client.ResponsibleCaseManagerId is { } jc && staff.TryGetValue(jc, out var a) ? a : null;
            var drugHelpWorker = client.ResponsibleDrugHelpWorkerId is { } dh && staff.TryGetValue(dh, out var b) ? b : null;
            foreach (var episode in client.Episodes)
            {
                var from = Later(episode.StartedOn, first);
                var to = Earlier(episode.EndedOn ?? last, last);
                for (var day = from.AddDays(_random.Int(3, 20)); day <= to; day = day.AddDays(_random.Int(21, 45)))
                {
                    var weekday = Weekday(day);
                    if (weekday >= from && ForClient(client, caseManager, drugHelpWorker, weekday) is { } appointment)
                    {
                        appointments.Add(appointment);
                    }
                }
            }
        }

        var outreachWorkers = staff.Values.Where(s => s.Organisation == Organisation.DrugHelpService).ToList();
        for (var day = first; day <= last && outreachWorkers.Count > 0; day = day.AddDays(_random.Int(3, 8)))
        {
            var worker = _random.ListItem(outreachWorkers);
            var start = GermanCalendar.At(Weekday(day), new TimeOnly(_random.Int(10, 17), 0));
            var type = _random.Double() < 0.85 ? AppointmentType.Outreach : AppointmentType.CrisisIntervention;
            var plan = new AppointmentPlan(type, start, TimeSpan.FromMinutes(20), [new AppointmentParticipant(worker.Id, worker.Organisation)], _random.ArrayElement(OutreachPlaces));
            var contact = Appointment.Schedule(null, plan, Member(worker), start);
            contact.RecordOutcome(AppointmentOutcome.Attended, null, null, Member(worker), start + plan.Duration);
            appointments.Add(contact);
        }

        return appointments;
    }

    private Appointment? ForClient(Client client, DemoCaseworker? caseManager, DemoCaseworker? drugHelpWorker, DateOnly day)
    {
        var roll = _random.Double();
        var (type, author, participants) = (caseManager, drugHelpWorker) switch
        {
            ({ } jc, { } dh) when roll < 0.35 => (AppointmentType.JointCounselling, jc, new[] { jc, dh }),
            (_, { } dh) when roll < 0.50 => (AppointmentType.Accompaniment, dh, new[] { dh }),
            (_, { } dh) when roll < 0.55 => (AppointmentType.CrisisIntervention, dh, new[] { dh }),
            (_, { } dh) when roll < 0.62 => (AppointmentType.Outreach, dh, new[] { dh }),
            (_, { } dh) when roll < 0.80 || caseManager is null => (AppointmentType.DrugHelpOnly, dh, new[] { dh }),
            ({ } jc, _) => (AppointmentType.JobcenterOnly, jc, new[] { jc }),
            _ => (AppointmentType.JointCounselling, (DemoCaseworker?)null, Array.Empty<DemoCaseworker>()),
        };
        if (author is null)
        {
            return null;
        }

        var start = GermanCalendar.At(day, new TimeOnly(_random.Int(8, 15), 30));
        var plan = new AppointmentPlan(
            type, start, TimeSpan.FromMinutes(type == AppointmentType.Accompaniment ? 120 : 45),
            [.. participants.Select(p => new AppointmentParticipant(p.Id, p.Organisation))],
            type is AppointmentType.Outreach or AppointmentType.CrisisIntervention or AppointmentType.Accompaniment ? "Treffpunkt Kontaktladen" : "Beratungsstelle",
            type == AppointmentType.Accompaniment ? "Bürgerbüro der Stadtverwaltung" : null);
        var appointment = Appointment.Schedule(client.Id, plan, Member(author), start.AddDays(-7));
        var outcomeRoll = _random.Double();
        var outcome = outcomeRoll < 0.74 ? AppointmentOutcome.Attended : outcomeRoll < 0.88 ? AppointmentOutcome.NoShow : AppointmentOutcome.Cancelled;
        appointment.RecordOutcome(outcome, outcome == AppointmentOutcome.Cancelled ? CancelledBy.Client : null, null, Member(author), start + plan.Duration);
        return appointment;
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Weekday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(-1),
        DayOfWeek.Sunday => day.AddDays(-2),
        _ => day,
    };

    private static StaffMember Member(DemoCaseworker worker) => new(worker.Id, worker.DisplayName, worker.Organisation, new HashSet<string>());
}
