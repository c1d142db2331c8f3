using Bogus;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Staff;

namespace CaseManagement.Infrastructure.DemoData;

/// <summary>
/// Joint help plans for the demo caseload: drafts, agreed plans (some with an earlier, superseded
/// version), reviews in progress; due dates around today so that the home pages show overdue
/// steps and reviews due. Deterministic for a given seed and day.
/// </summary>
internal sealed class DemoPlanGenerator(IReadOnlyDictionary<string, DemoCaseworker> staff, DateTimeOffset now, int seed = DemoCaseGenerator.DefaultSeed)
{
    private readonly Randomizer _random = new(seed + 4);
    private readonly DateOnly _today = GermanCalendar.DateOf(now);

    private static readonly string[] IntegrationGoals =
    [
        "Aufnahme einer sozialversicherungspflichtigen Teilzeitbeschäftigung in der Lagerlogistik innerhalb von zwölf Monaten",
        "Beginn einer Ausbildung zur Fachkraft im Gastgewerbe im nächsten Ausbildungsjahr",
        "Gesundheitliche Stabilisierung und Beginn einer ambulanten Reha als Voraussetzung für eine Arbeitsaufnahme",
        "Schrittweiser Einstieg in Arbeit über eine Arbeitsgelegenheit mit Tagesstruktur",
        "Abschluss einer Qualifizierung im Garten- und Landschaftsbau und anschließende Beschäftigung",
    ];

    private static readonly string[] TargetJobs =
        ["Lagerhelfer:in, Kommissionierer:in", "Fachkraft im Gastgewerbe", "Helfer:in Garten- und Landschaftsbau", "Reinigungskraft, Hausmeisterhelfer:in", ""];

    private static readonly (PlanArea Area, string Goal, (string What, StepParty Who, string? Partner)[] Steps)[] Catalog =
    [
        (PlanArea.JobApplicationSupport, "Bewerbungsunterlagen sind vollständig und aktuell",
            [("Lebenslauf gemeinsam überarbeiten und Lücken ehrlich, aber knapp erklären", StepParty.Jobcenter, null),
             ("Zeugnisse und Nachweise zusammensuchen und zum nächsten Termin mitbringen", StepParty.Client, null),
             ("Bewerbungsfoto machen lassen; Kostenübernahme über das Vermittlungsbudget", StepParty.Jobcenter, null)]),
        (PlanArea.JobApplicationSupport, "Regelmäßige Bewerbungen auf Helfertätigkeiten",
            [("Vier Bewerbungen im Monat versenden und in der Bewerbungsliste festhalten", StepParty.Client, null),
             ("Bewerbungstraining im Jobcenter besuchen", StepParty.Client, null)]),
        (PlanArea.JobPlacement, "Probearbeit in einem Betrieb der Lagerlogistik",
            [("Passende Betriebe ansprechen und Probearbeit vermitteln", StepParty.Jobcenter, null),
             ("Staplerschein über einen Bildungsgutschein prüfen", StepParty.Jobcenter, null)]),
        (PlanArea.JobPlacement, "Tagesstruktur über eine Arbeitsgelegenheit",
            [("Platz in einer Arbeitsgelegenheit (AGH) beim Sozialkaufhaus anfragen", StepParty.Jobcenter, null),
             ("Drei Vormittage pro Woche in der AGH arbeiten", StepParty.Client, null)]),
        (PlanArea.PsychosocialCounselling, "Die Wohnung bleibt erhalten",
            [("Antrag auf Übernahme der Mietrückstände gemeinsam stellen", StepParty.DrugHelpService, null),
             ("Termin bei der Schuldnerberatung wahrnehmen", StepParty.Partner, "Schuldnerberatung der Stadt Ludwigshafen"),
             ("Post wöchentlich öffnen und Wichtiges in die Beratung mitbringen", StepParty.Client, null)]),
        (PlanArea.PsychosocialCounselling, "Stabilität im Alltag",
            [("Wöchentliche Beratungsgespräche in der Drogenhilfe wahrnehmen", StepParty.Client, null),
             ("Begleitung zu Terminen bei Behörden, wenn gewünscht", StepParty.DrugHelpService, null)]),
        (PlanArea.ReferralToFurtherHelp, "Aufnahme einer ambulanten Suchtrehabilitation",
            [("Sozialbericht für den Reha-Antrag erstellen", StepParty.DrugHelpService, null),
             ("Reha-Antrag bei der Deutschen Rentenversicherung stellen", StepParty.Client, null),
             ("Vorgespräch in der Fachambulanz führen", StepParty.Partner, "Fachambulanz für Suchtkranke Ludwigshafen")]),
        (PlanArea.ReferralToFurtherHelp, "Stabile Substitutionsbehandlung",
            [("Vergabetermine in der Substitutionspraxis regelmäßig wahrnehmen", StepParty.Client, null),
             ("Absprache zu Vergabezeiten und Arbeitszeiten mit der Praxis", StepParty.DrugHelpService, null)]),
        (PlanArea.FurtherQualification, "Nachholen des Hauptschulabschlusses",
            [("Zum Abendkurs der Volkshochschule anmelden", StepParty.Client, null),
             ("Kostenübernahme und Fahrtkosten klären", StepParty.Jobcenter, null)]),
        (PlanArea.FurtherQualification, "Qualifizierung im Garten- und Landschaftsbau",
            [("Beratung zur Maßnahme beim Bildungsträger", StepParty.Partner, "Bildungswerk Vorderpfalz"),
             ("Bildungsgutschein ausstellen", StepParty.Jobcenter, null)]),
    ];

    /// <summary>Plans for most running joint cases whose consent covers the plan (some consents have since lapsed).</summary>
    public List<HelpPlan> Generate(IEnumerable<Client> clients)
    {
        var plans = new List<HelpPlan>();
        foreach (var client in clients.Where(c => c.OpenEpisode is not null && c.ResponsibleCaseManagerId is not null && c.ResponsibleDrugHelpWorkerId is not null
            && c.Consents.Any(k => k.Scope.HasFlag(ConsentScope.HelpPlan))))
        {
            if (_random.Double() < 0.66)
            {
                plans.AddRange(PlansFor(client));
            }
        }

        plans.AddRange(ClosedWithTheirCases(clients));
        return plans;
    }

    /// <summary>
    /// Joint cases closed since the start of the year before last had an agreed plan too, closed on
    /// the day the case was: the steering report's "Abgeschlossen".
    /// </summary>
    private IEnumerable<HelpPlan> ClosedWithTheirCases(IEnumerable<Client> clients)
    {
        var since = new DateOnly(_today.Year - 2, 1, 1);
        foreach (var client in clients.Where(c => c.OpenEpisode is null && c.Episodes.Count > 0 && c.ResponsibleCaseManagerId is not null && c.ResponsibleDrugHelpWorkerId is not null))
        {
            var episode = client.Episodes[^1];
            var started = Later(episode.StartedOn.AddDays(_random.Int(7, 21)), GermanCalendar.DateOf(client.CreatedAt));
            if (episode.EndedOn is not { } ended || ended < since || ended < started.AddDays(30) || _random.Double() >= 0.66)
            {
                continue;
            }

            var caseManager = staff[client.ResponsibleCaseManagerId!];
            var plan = Agreed(client, 1, started, caseManager, staff[client.ResponsibleDrugHelpWorkerId!]);
            plan.Close(ended, _today, Member(caseManager), AtNine(ended));
            yield return plan;
        }
    }

    private IEnumerable<HelpPlan> PlansFor(Client client)
    {
        var caseManager = staff[client.ResponsibleCaseManagerId!];
        var drugHelpWorker = staff[client.ResponsibleDrugHelpWorkerId!];
        // Up to the start of the year before last, so that the steering report's last complete year and its comparison year have plans to count.
        var started = Later(GermanCalendar.DateOf(client.CreatedAt).AddDays(7), new DateOnly(_today.Year - 2, 1, 10));
        var kind = _random.Double();
        if (kind < 0.25 || started > _today.AddDays(-20))
        {
            yield return Draft(client, 1, _today.AddDays(-_random.Int(0, 20)), _random.Bool() ? caseManager : drugHelpWorker);
            yield break;
        }

        var first = Agreed(client, 1, started, caseManager, drugHelpWorker);
        var reviewedOn = first.AgreedOn!.Value.AddDays(_random.Int(60, 120));
        if (kind < 0.6 || reviewedOn > _today.AddDays(-3))
        {
            yield return first;
            if (kind is > 0.5 and < 0.6)
            {
                yield return Reviewed(first, 2, caseManager, _today.AddDays(-_random.Int(0, 10)));
            }

            yield break;
        }

        // Reviewed once: version 1 superseded on the day version 2 was agreed.
        first.NextReviewOn = reviewedOn;
        first.Status = HelpPlanStatus.Superseded;
        yield return first;
        var second = Reviewed(first, 2, drugHelpWorker, reviewedOn.AddDays(-7));
        Agree(second, reviewedOn, caseManager, drugHelpWorker);
        MoveOn(second, reviewedOn);
        yield return second;
    }

    private HelpPlan Draft(Client client, int version, DateOnly createdOn, DemoCaseworker author)
    {
        var plan = HelpPlan.Start(client.Id, version, Member(author), AtNine(createdOn));
        plan.IntegrationGoal = _random.ArrayElement(IntegrationGoals);
        plan.TargetJobs = _random.ArrayElement(TargetJobs) is { Length: > 0 } jobs ? jobs : null;
        plan.OwnEfforts = "Nimmt die vereinbarten Termine wahr oder sagt spätestens am Vortag ab; bewirbt sich wie vereinbart.";
        plan.OwnEffortsEvidence = "Bewerbungsliste und Eingangsbestätigungen zu jedem Termin mitbringen.";
        plan.NextReviewOn = createdOn.AddDays(_random.Int(60, 120));
        var goals = _random.Shuffle(Catalog).Take(_random.Int(2, 4)).OrderBy(g => g.Area).ToList();
        for (var g = 0; g < goals.Count; g++)
        {
            var goal = new PlanGoal { Id = Guid.NewGuid(), PlanId = plan.Id, Key = Guid.NewGuid(), Area = goals[g].Area, Position = g, Text = goals[g].Goal };
            goal.Steps = [.. goals[g].Steps.Select((s, i) => new PlanStep
            {
                Id = Guid.NewGuid(), GoalId = goal.Id, Key = Guid.NewGuid(), Position = i, Description = s.What,
                Responsible = s.Who, PartnerName = s.Partner, DueOn = createdOn.AddDays(_random.Int(14, 100)),
            })];
            plan.Goals.Add(goal);
        }

        return plan;
    }

    private HelpPlan Agreed(Client client, int version, DateOnly createdOn, DemoCaseworker caseManager, DemoCaseworker drugHelpWorker)
    {
        var plan = Draft(client, version, createdOn, caseManager);
        var agreedOn = Earlier(createdOn.AddDays(_random.Int(3, 14)), _today);
        Agree(plan, agreedOn, caseManager, drugHelpWorker);
        MoveOn(plan, agreedOn);
        return plan;
    }

    private static HelpPlan Reviewed(HelpPlan earlier, int version, DemoCaseworker author, DateOnly startedOn)
    {
        var status = earlier.Status;
        earlier.Status = HelpPlanStatus.Agreed;
        var next = earlier.StartReview(Member(author), AtNine(startedOn));
        earlier.Status = status;
        next.Version = version;
        return next;
    }

    private static void Agree(HelpPlan plan, DateOnly agreedOn, DemoCaseworker caseManager, DemoCaseworker drugHelpWorker)
    {
        plan.Status = HelpPlanStatus.Agreed;
        plan.AgreedOn = agreedOn;
        plan.AgreedByCaseManager = caseManager.DisplayName;
        plan.AgreedByDrugHelpWorker = drugHelpWorker.DisplayName;
        plan.AgreedByClient = true;
        plan.Touch(Member(caseManager), AtNine(agreedOn));
    }

    /// <summary>
    /// Steps that fell due long ago are done or dropped; of those due in the last weeks a few are
    /// late, and a few reviews are due or overdue: what the home page shows on a normal day.
    /// </summary>
    private void MoveOn(HelpPlan plan, DateOnly agreedOn)
    {
        plan.NextReviewOn = Later(agreedOn.AddDays(30), _today.AddDays(_random.Int(-6, 120)));
        foreach (var step in plan.Steps)
        {
            step.DueOn = agreedOn.AddDays(_random.Int(10, 140));
            var roll = _random.Double();
            step.Status = step.DueOn < _today.AddDays(-30) ? roll < 0.85 ? StepStatus.Achieved : StepStatus.Dropped
                : step.DueOn < _today ? roll < 0.6 ? StepStatus.Achieved : roll < 0.8 ? StepStatus.InProgress : StepStatus.Planned
                : roll < 0.3 ? StepStatus.InProgress : StepStatus.Planned;
        }
    }

    private static StaffMember Member(DemoCaseworker worker) => new(worker.Id, worker.DisplayName, worker.Organisation, new HashSet<string>());

    private static DateTimeOffset AtNine(DateOnly day) => new(day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);

    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
