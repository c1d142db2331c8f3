using Bogus;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Appointments;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Staff;

namespace CaseManagement.Infrastructure.DemoData;

/// <summary>
/// Appointments and contacts for the demo caseload: the last eight weeks with outcomes (a few
/// still without one, so the home page has something to ask for), this week and the next two
/// planned, street-outreach contacts (many anonymous) and accompaniments. Weekdays, office hours,
/// Ludwigshafen time. Deterministic for a given seed and day.
/// </summary>
internal sealed class DemoAppointmentGenerator(IReadOnlyDictionary<string, DemoCaseworker> staff, DateTimeOffset now, int seed = DemoCaseGenerator.DefaultSeed)
{
    private static readonly string[] OutreachPlaces =
        ["Berliner Platz", "Hauptbahnhof, Vorplatz", "Ebertpark, Eingang Erich-Reimann-Straße", "Kontaktladen Bahnhofstraße", "Rathausplatz", "Bürgerhof Hemshof"];

    private static readonly string[] AccompanimentTargets =
        ["Jobcenter Vorderpfalz-Ludwigshafen, Eingangszone", "Schuldner- und Insolvenzberatung, Ludwigstraße", "Substitutionsambulanz am Klinikum",
         "Bürgerbüro der Stadtverwaltung", "Hausarztpraxis in Oggersheim", "Fachklinik für Suchtrehabilitation, Aufnahmegespräch"];

    private static readonly string[] JobcenterNotes =
        ["Bewerbungsunterlagen aktualisiert, zwei Stellen im Lager besprochen.", "Eingliederungsschritte durchgesprochen, Fahrtkosten geklärt.",
         "Unterlagen zur Weiterbewilligung nachgereicht.", "Maßnahmeangebot vorgestellt, Bedenkzeit bis nächste Woche."];

    private static readonly string[] DrugHelpNotes =
        ["Konsum in den letzten Wochen reduziert; Rückfall am Wochenende offen angesprochen.", "Substitution stabil, Vergabezeiten passen zur Maßnahme.",
         "Krisengespräch nach Wohnungsverlust-Drohung, Kontakt zur Wohnungslosenhilfe vereinbart.", "Motivation für stationäre Reha besprochen, Antrag vorbereitet."];

    private static readonly int[] QuarterHours = [0, 15, 30, 45];
    private static readonly int[] HalfHours = [0, 30];
    private static readonly int[] ContactMinutes = [10, 15, 20, 30, 45];
    private static readonly int[] AccompanimentMinutes = [90, 120, 180];
    private static readonly int[] CounsellingMinutes = [30, 45, 60];

    private readonly Randomizer _random = new(seed + 7);
    private readonly DateOnly _today = GermanCalendar.DateOf(now);

    public List<Appointment> Generate(IEnumerable<Client> clients)
    {
        var appointments = new List<Appointment>();
        foreach (var client in clients.Where(c => c.OpenEpisode is not null))
        {
            var caseManager = client.ResponsibleCaseManagerId is { } jc && staff.TryGetValue(jc, out var a) ? a : null;
            var drugHelpWorker = client.ResponsibleDrugHelpWorkerId is { } dh && staff.TryGetValue(dh, out var b) ? b : null;
            var past = _random.Int(0, 4);
            for (var i = 0; i < past; i++)
            {
                appointments.Add(ForClient(client, caseManager, drugHelpWorker, _today.AddDays(-_random.Int(1, 56))));
            }

            if (_random.Double() < 0.45)
            {
                appointments.Add(ForClient(client, caseManager, drugHelpWorker, _today.AddDays(_random.Int(0, 20))));
            }
        }

        var outreachWorkers = staff.Values.Where(s => s.Organisation == Organisation.DrugHelpService).ToList();
        for (var i = 0; i < 60; i++)
        {
            var worker = _random.ListItem(outreachWorkers);
            var day = Weekday(_today.AddDays(-_random.Int(0, 56)));
            var start = GermanCalendar.At(day, new TimeOnly(_random.Int(10, 17), _random.ArrayElement(QuarterHours)));
            if (start > now)
            {
                continue;
            }

            var plan = new AppointmentPlan(_random.Double() < 0.85 ? AppointmentType.Outreach : AppointmentType.CrisisIntervention, start,
                TimeSpan.FromMinutes(_random.ArrayElement(ContactMinutes)), [new AppointmentParticipant(worker.Id, worker.Organisation)],
                _random.ArrayElement(OutreachPlaces));
            var contact = Appointment.Schedule(null, plan, Member(worker), start);
            contact.RecordOutcome(AppointmentOutcome.Attended, null, null, Member(worker), start + plan.Duration);
            appointments.Add(contact);
        }

        return appointments;
    }

    private Appointment ForClient(Client client, DemoCaseworker? caseManager, DemoCaseworker? drugHelpWorker, DateOnly day)
    {
        day = Weekday(day);
        var roll = _random.Double();
        var (type, author, participants) = (caseManager, drugHelpWorker) switch
        {
            ({ } jc, { } dh) when roll < 0.35 => (AppointmentType.JointCounselling, _random.Bool() ? jc : dh, new[] { jc, dh }),
            (_, { } dh) when roll < 0.55 => (AppointmentType.Accompaniment, dh, new[] { dh }),
            (_, { } dh) when roll < 0.62 => (AppointmentType.CrisisIntervention, dh, new[] { dh }),
            (_, { } dh) when roll < 0.80 || caseManager is null => (AppointmentType.DrugHelpOnly, dh, new[] { dh }),
            ({ } jc, _) => (AppointmentType.JobcenterOnly, jc, new[] { jc }),
            _ => throw new InvalidOperationException("A running demo case has somebody responsible."),
        };

        var start = GermanCalendar.At(day, new TimeOnly(_random.Int(8, 15), _random.ArrayElement(HalfHours)));
        var duration = type == AppointmentType.Accompaniment ? _random.ArrayElement(AccompanimentMinutes) : _random.ArrayElement(CounsellingMinutes);
        var plan = new AppointmentPlan(type, start, TimeSpan.FromMinutes(duration),
            [.. participants.Select(p => new AppointmentParticipant(p.Id, p.Organisation))],
            type == AppointmentType.Accompaniment ? "Treffpunkt Kontaktladen" : author.Organisation == Organisation.Jobcenter ? "Jobcenter, Raum 2.14" : "Beratungsstelle, Raum 3",
            type == AppointmentType.Accompaniment ? _random.ArrayElement(AccompanimentTargets) : null);
        var created = start.AddDays(-_random.Int(3, 14));
        var appointment = Appointment.Schedule(client.Id, plan, Member(author), created);
        if (start + plan.Duration <= now && !(day >= _today.AddDays(-10) && _random.Double() < 0.15))
        {
            var outcomeRoll = _random.Double();
            var outcome = outcomeRoll < 0.74 ? AppointmentOutcome.Attended : outcomeRoll < 0.88 ? AppointmentOutcome.NoShow : AppointmentOutcome.Cancelled;
            var note = outcome == AppointmentOutcome.Attended && _random.Double() < 0.5
                ? _random.ArrayElement(author.Organisation == Organisation.Jobcenter ? JobcenterNotes : DrugHelpNotes)
                : null;
            appointment.RecordOutcome(outcome, outcome == AppointmentOutcome.Cancelled ? CancelledBy.Client : null, note, Member(author), start + plan.Duration);
        }

        return appointment;
    }

    private static DateOnly Weekday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(2),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };

    private static StaffMember Member(DemoCaseworker worker) => new(worker.Id, worker.DisplayName, worker.Organisation, new HashSet<string>());
}
