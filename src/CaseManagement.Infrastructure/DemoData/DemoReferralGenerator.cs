using Bogus;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Staff;

namespace CaseManagement.Infrastructure.DemoData;

/// <summary>
/// Referrals for the demo caseload: about half of the running cases get one or two, in every status
/// with plausible dates; steps of agreed help plans that name a partner of the directory are carried
/// out by a referral; some clients come back to the same kind of service within a year (revolving
/// door); follow-up dates around today, so that the demo caseworkers' home pages show due follow-ups
/// and long waits. Every referral goes through the domain rules (Propose, Record), so the demo data
/// obeys them. Deterministic for a given seed and day.
/// </summary>
internal sealed class DemoReferralGenerator(
    IReadOnlyDictionary<string, DemoCaseworker> staff, IReadOnlyList<Partner> partners, IReadOnlySet<string> demoCaseworkerIds, DateTimeOffset now,
    int seed = DemoCaseGenerator.DefaultSeed)
{
    private readonly Randomizer _random = new(seed + 5);
    private readonly DateOnly _today = GermanCalendar.DateOf(now);
    // In a fixed order, whatever order the database returned them in: the same seed gives the same referrals.
    private readonly IReadOnlyList<Partner> _active = [.. partners.Where(p => !p.IsArchived).OrderBy(p => p.Name, StringComparer.Ordinal)];

    private static readonly (ReferralStatus Value, double Weight)[] Outcomes =
    [
        (ReferralStatus.Proposed, 0.12), (ReferralStatus.Requested, 0.14), (ReferralStatus.AppointmentAgreed, 0.12), (ReferralStatus.Admitted, 0.17),
        (ReferralStatus.Completed, 0.20), (ReferralStatus.Declined, 0.12), (ReferralStatus.DroppedOut, 0.13),
    ];

    private static readonly (PartnerType Value, double Weight)[] AdultTypes =
    [
        (PartnerType.DebtCounselling, 0.20), (PartnerType.SubstitutionPractice, 0.14), (PartnerType.OutpatientRehab, 0.13), (PartnerType.InpatientRehabClinic, 0.12),
        (PartnerType.AddictionHelpNetwork, 0.09), (PartnerType.HomelessHelp, 0.09), (PartnerType.HepatitisCInitiative, 0.07), (PartnerType.DisabilityHelp, 0.05),
        (PartnerType.ElderCare, 0.03), (PartnerType.Other, 0.08),
    ];

    private static readonly (PartnerType Value, double Weight)[] YoungTypes =
    [
        (PartnerType.YouthEmploymentAgency, 0.28), (PartnerType.YouthWelfare, 0.20), (PartnerType.OutpatientRehab, 0.12), (PartnerType.AddictionHelpNetwork, 0.10),
        (PartnerType.DebtCounselling, 0.08), (PartnerType.HomelessHelp, 0.07), (PartnerType.InpatientRehabClinic, 0.07), (PartnerType.Other, 0.08),
    ];

    private static readonly Dictionary<PartnerType, string[]> Reasons = new()
    {
        [PartnerType.DebtCounselling] =
        [
            "Mietrückstände und mehrere Inkassoforderungen; Überblick über die Schulden verschaffen und Pfändungsschutzkonto einrichten.",
            "Stromsperre angedroht; Ratenzahlung mit dem Versorger klären und Schuldenübersicht erstellen.",
        ],
        [PartnerType.AddictionHelpNetwork] = ["Anbindung an eine Selbsthilfegruppe und an Freizeitangebote, um die Wochenenden zu stabilisieren."],
        [PartnerType.HepatitisCInitiative] = ["Positiver Schnelltest; Beratung und Begleitung zur Behandlung vereinbaren.", "Test auf Hepatitis C nach Beikonsum angeraten."],
        [PartnerType.YouthEmploymentAgency] = ["Berufsorientierung und Klärung einer Einstiegsqualifizierung; Kontakt zur Berufsberatung herstellen.", "Ausbildungsplatzsuche gemeinsam mit der Berufsberatung planen."],
        [PartnerType.SubstitutionPractice] = ["Wunsch nach Substitutionsbehandlung; wohnortnahe Praxis mit freien Plätzen gesucht.", "Wechsel der Substitutionspraxis, weil die Vergabezeiten nicht zur Arbeit passen."],
        [PartnerType.OutpatientRehab] = ["Ambulante Entwöhnung berufsbegleitend; Vorgespräch und Antrag bei der Rentenversicherung.", "Nachsorge nach stationärer Entwöhnung wohnortnah fortsetzen."],
        [PartnerType.InpatientRehabClinic] = ["Stationäre Entwöhnungsbehandlung nach der Entgiftung; Antrag bei der Rentenversicherung gestellt.", "Erneute stationäre Behandlung nach Rückfall gewünscht."],
        [PartnerType.HomelessHelp] = ["Wohnung gekündigt; Unterstützung bei der Wohnungssuche und eine Postadresse.", "Übergangsweise Unterkunft nach Auszug bei der Familie."],
        [PartnerType.YouthWelfare] = ["Konflikte im Elternhaus; Hilfe für junge Volljährige (§ 41 SGB VIII) klären.", "Unterstützung beim Übergang in eine eigene Wohnung."],
        [PartnerType.DisabilityHelp] = ["Psychische Belastung neben der Sucht; Leistungen der Eingliederungshilfe klären."],
        [PartnerType.ElderCare] = ["Pflegebedürftige Mutter im Haushalt; Entlastung und Beratung zur Pflege."],
        [PartnerType.Other] = ["Arbeitsgelegenheit mit Tagesstruktur als erster Schritt in Beschäftigung.", "Qualifizierung im Garten- und Landschaftsbau."],
    };

    private static readonly string[] DeclinedReasons =
    [
        "Klient:in möchte das Angebot derzeit nicht annehmen.",
        "Kein freier Platz; die Warteliste ist länger als sechs Monate.",
        "Die Stelle ist für den Wohnort nicht zuständig.",
        "Der Kostenträger hat die Kostenübernahme abgelehnt.",
    ];

    private static readonly string[] DroppedOutReasons =
    [
        "Zum Aufnahmegespräch nicht erschienen und telefonisch nicht erreichbar.",
        "Behandlung nach einem Rückfall vorzeitig beendet.",
        "Kontakt nach Umzug abgebrochen.",
        "Hat das Angebot nach drei Wochen nicht mehr wahrgenommen.",
    ];

    private static readonly string[] CompletedOutcomes =
    [
        "Regulär abgeschlossen; Nachsorge ist vereinbart.",
        "Ziel erreicht: Schuldenübersicht erstellt, Pfändungsschutzkonto eingerichtet.",
        "Behandlung regulär beendet, abstinent entlassen.",
        "Angebot abgeschlossen; die Anbindung an die Selbsthilfegruppe besteht weiter.",
        "",
    ];

    public List<Referral> Generate(IEnumerable<Client> clients, IEnumerable<HelpPlan> plans)
    {
        var referrals = new List<Referral>();
        if (_active.Count == 0)
        {
            return referrals;
        }

        var plansByClient = plans.Where(p => p.Status == HelpPlanStatus.Agreed).ToLookup(p => p.ClientId);
        foreach (var client in clients.Where(c => c.OpenEpisode is not null).OrderBy(c => c.CaseNumber, StringComparer.Ordinal))
        {
            var holders = Enum.GetValues<Organisation>().Where(o => client.ResponsibleIn(o) is not null).ToList();
            if (holders.Count == 0)
            {
                continue;
            }

            var started = Later(client.OpenEpisode!.StartedOn, GermanCalendar.DateOf(client.CreatedAt));
            foreach (var plan in plansByClient[client.Id].OrderBy(p => p.Version))
            {
                referrals.AddRange(FromPlan(client, plan, holders));
            }

            var forDemoCaseworker = holders.Any(h => demoCaseworkerIds.Contains(client.ResponsibleIn(h)!));
            if (_random.Double() < (forDemoCaseworker ? 0.6 : 0.42))
            {
                var count = _random.Double() < 0.3 ? 2 : 1;
                for (var i = 0; i < count; i++)
                {
                    var type = Weighted(AgeGroups.Of(client.BirthDate, _today) == AgeGroup.Adult ? AdultTypes : YoungTypes);
                    var holder = HolderFor(type, holders);
                    if (Build(client, PartnerOf(type), holder, Weighted(Outcomes), started, null) is { } referral)
                    {
                        referrals.Add(referral);
                    }
                }
            }

            // A revolving door: the same kind of service again within the year after an earlier attempt failed or ended.
            if (started < _today.AddMonths(-7) && _random.Double() < 0.12)
            {
                var type = _random.ArrayElement([PartnerType.InpatientRehabClinic, PartnerType.SubstitutionPractice, PartnerType.OutpatientRehab, PartnerType.HomelessHelp]);
                var holder = HolderFor(type, holders);
                var earlierStart = Later(started, _today.AddDays(-_random.Int(200, 330)));
                var earlier = Build(client, PartnerOf(type), holder, _random.Bool(0.7f) ? ReferralStatus.DroppedOut : ReferralStatus.Completed, earlierStart, null, exactStart: true);
                var again = Build(client, PartnerOf(type), holder, _random.ArrayElement([ReferralStatus.Proposed, ReferralStatus.Requested, ReferralStatus.AppointmentAgreed]),
                    _today.AddDays(-_random.Int(5, 40)), null, exactStart: true);
                if (earlier is not null && again is not null && earlier.Progress.ReachedPartner)
                {
                    referrals.Add(earlier);
                    referrals.Add(again);
                }
            }
        }

        referrals.AddRange(History(clients));
        return referrals;
    }

    /// <summary>
    /// Finished referrals of the past, from the start of the year before last until about five months
    /// ago, for running and closed cases alike: the steering report's last complete year and its
    /// comparison year have referrals to count, waiting times and a few revolving doors. Drawn after
    /// everything else, so the recent referrals above stay as they are.
    /// </summary>
    private IEnumerable<Referral> History(IEnumerable<Client> clients)
    {
        var first = new DateOnly(_today.Year - 2, 1, 1);
        var last = _today.AddDays(-150);
        foreach (var client in clients.OrderBy(c => c.CaseNumber, StringComparer.Ordinal))
        {
            var holders = Enum.GetValues<Organisation>().Where(o => client.ResponsibleIn(o) is not null).ToList();
            var episode = client.Episodes.OrderBy(e => e.StartedOn).LastOrDefault(e => e.StartedOn <= last && (e.EndedOn ?? _today) >= first);
            if (holders.Count == 0 || episode is null || _random.Double() >= 0.45)
            {
                continue;
            }

            var from = Later(Later(episode.StartedOn, first), GermanCalendar.DateOf(client.CreatedAt));
            var until = episode.EndedOn is { } ended && ended < last ? ended.AddDays(-30) : last;
            if (until <= from)
            {
                continue;
            }

            var type = Weighted(AgeGroups.Of(client.BirthDate, _today) == AgeGroup.Adult ? AdultTypes : YoungTypes);
            var holder = HolderFor(type, holders);
            var proposedOn = from.AddDays(_random.Int(0, until.DayNumber - from.DayNumber));
            var outcome = _random.ArrayElement([ReferralStatus.Completed, ReferralStatus.Completed, ReferralStatus.Admitted, ReferralStatus.Declined, ReferralStatus.DroppedOut]);
            if (Build(client, PartnerOf(type), holder, outcome, proposedOn, null, exactStart: true) is { } referral)
            {
                yield return referral;
                // A revolving door: after a failed attempt, the same kind of service again within the year.
                var again = proposedOn.AddDays(_random.Int(90, 300));
                if (outcome == ReferralStatus.DroppedOut && again <= until && _random.Double() < 0.6
                    && Build(client, PartnerOf(type), holder, _random.Bool() ? ReferralStatus.Admitted : ReferralStatus.DroppedOut, again, null, exactStart: true) is { } second)
                {
                    yield return second;
                }
            }
        }
    }

    /// <summary>Steps of the plan in force whose partner is in the directory, carried out by a referral whose status follows the step's.</summary>
    private IEnumerable<Referral> FromPlan(Client client, HelpPlan plan, IReadOnlyList<Organisation> holders)
    {
        var steps = plan.Goals.OrderBy(g => g.Position).SelectMany(g => g.Steps.OrderBy(s => s.Position));
        foreach (var step in steps.Where(s => s.Responsible == StepParty.Partner))
        {
            var partner = _active.FirstOrDefault(p => string.Equals(p.Name, step.PartnerName, StringComparison.OrdinalIgnoreCase));
            if (partner is null || _random.Double() > 0.8)
            {
                continue;
            }

            var outcome = step.Status switch
            {
                StepStatus.Achieved => _random.Bool(0.6f) ? ReferralStatus.Completed : ReferralStatus.Admitted,
                StepStatus.InProgress => _random.Bool() ? ReferralStatus.Requested : ReferralStatus.AppointmentAgreed,
                StepStatus.Dropped => _random.Bool() ? ReferralStatus.Declined : ReferralStatus.DroppedOut,
                _ => ReferralStatus.Proposed,
            };
            var start = Later(plan.AgreedOn ?? _today, (step.DueOn ?? _today).AddDays(-_random.Int(20, 45)));
            if (Build(client, partner, HolderFor(partner.Type, holders), outcome, start, step.Key, exactStart: true) is { } referral)
            {
                yield return referral;
            }
        }
    }

    /// <summary>
    /// A referral that reaches <paramref name="outcome"/> (or, when its dates would lie after today,
    /// the last step already reached). <paramref name="earliest"/> is the earliest possible proposal;
    /// with <paramref name="exactStart"/> the proposal is on that day.
    /// </summary>
    private Referral? Build(Client client, Partner partner, Organisation holder, ReferralStatus outcome, DateOnly earliest, Guid? planStepKey, bool exactStart = false)
    {
        var proposedOn = exactStart ? earliest : Later(earliest, _today.AddDays(-AgeFor(outcome)));
        if (proposedOn > _today)
        {
            return null;
        }

        var worker = staff[client.ResponsibleIn(holder)!];
        var actor = new StaffMember(worker.Id, worker.DisplayName, worker.Organisation, new HashSet<string>());
        var reason = _random.ArrayElement(Reasons[partner.Type]);
        var referral = Referral.Propose(client.Id, partner, reason, planStepKey, proposedOn, _today, actor, AtNine(proposedOn));

        var steps = new List<ReferralStep>();
        var day = proposedOn;
        foreach (var status in PathOf(outcome))
        {
            day = day.AddDays(status switch
            {
                ReferralStatus.Requested => _random.Int(0, 10),
                ReferralStatus.AppointmentAgreed => _random.Int(3, 35),
                ReferralStatus.Admitted => _random.Int(0, 21),
                ReferralStatus.Completed => _random.Int(30, 120),
                _ => _random.Int(2, 30),
            });
            if (day > _today)
            {
                break; // not yet: the referral stays at the last step reached
            }

            steps.Add(new ReferralStep(status, day));
        }

        if (steps.Count > 0)
        {
            var last = steps[^1].Status;
            var note = last switch
            {
                ReferralStatus.Declined => _random.ArrayElement(DeclinedReasons),
                ReferralStatus.DroppedOut => _random.ArrayElement(DroppedOutReasons),
                ReferralStatus.Completed => _random.ArrayElement(CompletedOutcomes) is { Length: > 0 } text ? text : null,
                _ => null,
            };
            referral.Progress.Record(steps, _today, note);
            referral.Touch(actor, AtNine(steps[^1].On));
        }

        SetFollowUp(referral, demoCaseworkerIds.Contains(worker.Id));
        return referral;
    }

    /// <summary>Open referrals often carry a follow-up date around today; the demo caseworkers' more often, so their home page has some due.</summary>
    private void SetFollowUp(Referral referral, bool forDemoCaseworker)
    {
        if (referral.Progress.IsFinal || _random.Double() > (forDemoCaseworker ? 0.7 : 0.4))
        {
            return;
        }

        var on = _today.AddDays(_random.Int(forDemoCaseworker ? -6 : -10, forDemoCaseworker ? 10 : 21));
        // Set on a day when it still lay ahead; a follow-up is never set in the past.
        referral.Progress.SetFollowUp(on, on < _today ? on : _today);
    }

    private static IReadOnlyList<ReferralStatus> PathOf(ReferralStatus outcome) => outcome switch
    {
        ReferralStatus.Proposed => [],
        ReferralStatus.Declined => [ReferralStatus.Requested, ReferralStatus.Declined],
        ReferralStatus.DroppedOut => [ReferralStatus.Requested, ReferralStatus.AppointmentAgreed, ReferralStatus.DroppedOut],
        _ => ReferralProgress.PathTo(ReferralStatus.Proposed, outcome),
    };

    /// <summary>How long ago a referral that has reached <paramref name="outcome"/> was typically proposed.</summary>
    private int AgeFor(ReferralStatus outcome) => outcome switch
    {
        ReferralStatus.Proposed => _random.Int(0, 25),
        ReferralStatus.Requested => _random.Int(5, 70),
        ReferralStatus.AppointmentAgreed => _random.Int(15, 90),
        ReferralStatus.Admitted => _random.Int(30, 200),
        ReferralStatus.Completed => _random.Int(90, 330),
        ReferralStatus.Declined => _random.Int(10, 200),
        _ => _random.Int(40, 300),
    };

    /// <summary>Health and addiction services are usually arranged by the Drogenhilfe, work and training by the Jobcenter.</summary>
    private Organisation HolderFor(PartnerType type, IReadOnlyList<Organisation> holders)
    {
        var preferred = type is PartnerType.YouthEmploymentAgency or PartnerType.Other or PartnerType.DebtCounselling && _random.Bool(0.7f)
            ? Organisation.Jobcenter
            : Organisation.DrugHelpService;
        return holders.Contains(preferred) ? preferred : holders[0];
    }

    private Partner PartnerOf(PartnerType type)
    {
        var ofType = _active.Where(p => p.Type == type).ToList();
        return ofType.Count > 0 ? _random.ListItem(ofType) : _random.ListItem(_active.ToList());
    }

    private T Weighted<T>((T Value, double Weight)[] options)
    {
        var roll = _random.Double() * options.Sum(o => o.Weight);
        foreach (var (value, weight) in options)
        {
            roll -= weight;
            if (roll <= 0)
            {
                return value;
            }
        }

        return options[^1].Value;
    }

    private static DateTimeOffset AtNine(DateOnly day) => GermanCalendar.At(day, new TimeOnly(9, 0));

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
