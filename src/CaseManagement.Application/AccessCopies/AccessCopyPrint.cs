using System.Globalization;
using CaseManagement.Documents.AccessCopies;
using CaseManagement.Documents.HelpPlans;
using CaseManagement.Domain;

namespace CaseManagement.Application.AccessCopies;

/// <summary>
/// The Art. 15 copy as the person reads it on paper: the same content as the JSON, section by
/// section, in plain German. Every field of <see cref="AccessCopy"/> appears here; what the officer
/// withheld is named, not silently missing.
/// </summary>
public static class AccessCopyPrint
{
    public static AccessCopyDocument ToDocument(AccessCopy copy)
    {
        ArgumentNullException.ThrowIfNull(copy);
        var person = copy.Person;
        return new AccessCopyDocument(
            HelpPlanDocument.DefaultJobcenterName,
            HelpPlanDocument.DefaultDrugHelpServiceName,
            $"{person.FirstName} {person.LastName}, geboren {Date(person.BirthDate)} – Fallnummer {person.CaseNumber}",
            Introduction(copy),
            [MasterData(person), Episodes(copy), Consents(copy), Plans(copy), Appointments(copy), Referrals(copy), UnmetNeeds(copy), Notes(copy), AccessHistory(copy), Rights()],
            $"Erstellt am {DateTime(copy.CompiledAt)} von {copy.CompiledBy}",
            $"Auskunft – Fallnummer {person.CaseNumber}");
    }

    private static string[] Introduction(AccessCopy copy) =>
    [
        "Sie haben gefragt, welche Daten das Jobcenter und die Drogenhilfe in ihrer gemeinsamen Fallarbeit über Sie gespeichert haben "
            + "(Auskunft nach Artikel 15 der Datenschutz-Grundverordnung, DSGVO). Hier steht alles, was am "
            + $"{Date(GermanCalendar.DateOf(copy.CompiledAt))} gespeichert war: Ihre Stammdaten, Ihre Fallepisoden mit den Angaben zu Ihrer Gesundheit, "
            + "Ihre Einwilligungen, jede Fassung Ihrer Hilfepläne, Ihre Termine und Vermittlungen und wer Ihre Akte wann gelesen oder geändert hat.",
        "Wozu: Beide Stellen arbeiten gemeinsam mit Ihnen an Ihrem Hilfeplan. Angaben der einen Stelle sieht die andere nur, soweit Sie es "
            + "schriftlich erlaubt haben (Schweigepflichtentbindung). Diese Erlaubnis können Sie jederzeit widerrufen. Nach dem Ende Ihres Falls "
            + "werden Ihre persönlichen Daten nach Ablauf der Aufbewahrungsfrist gelöscht; übrig bleiben nur Zahlen ohne Bezug zu Ihnen.",
    ];

    private static CopySection MasterData(AccessCopyPerson p) => new("Ihre Stammdaten", null,
    [
        new CopyEntry(null,
        [
            new("Fallnummer", p.CaseNumber),
            new("Vorname", p.FirstName),
            new("Nachname", p.LastName),
            new("Geburtsdatum", Date(p.BirthDate)),
            new("Geschlecht", p.Gender),
            new("Anschrift", string.Join(", ", new[] { p.Street, $"{p.PostalCode} {p.City}".Trim() }.Where(t => !string.IsNullOrWhiteSpace(t)))),
            new("Telefon", p.Phone ?? "nicht gespeichert"),
            new("E-Mail", p.Email ?? "nicht gespeichert"),
            new("Wohnsituation", p.Housing),
            new("Schulabschluss", p.Schooling),
            new("Berufsausbildung", p.VocationalTraining),
            new("Erwerbssituation", p.Employment),
            new("Jugendberufsagentur beteiligt", YesNo(p.YouthEmploymentAgencyInvolved)),
            new("Angelegt", $"am {DateTime(p.RegisteredAt)} von: {p.RegisteredBy}"),
        ]),
    ]);

    private static CopySection Episodes(AccessCopy copy) => new(
        "Fallepisoden und Angaben zu Ihrer Gesundheit",
        "Eine Fallepisode ist die Zeit, in der Sie betreut werden. Diagnosen und Auflagen sind Gesundheitsdaten; das Jobcenter sieht sie nur mit Ihrer Einwilligung.",
        [.. copy.Episodes.Select((e, i) => new CopyEntry($"Episode {Number(i + 1)}: ab {Date(e.StartedOn)}",
        [
            new("Beginn", Date(e.StartedOn)),
            new("Ende", e.EndedOn is { } ended ? Date(ended) : "läuft noch"),
            new("Grund des Endes", e.ClosureReason ?? "–"),
            new("Vermittelt durch", e.ReferringBody),
            new("Hauptdiagnose", e.MainDiagnosis ?? "keine"),
            new("Weitere Diagnosen", e.SecondaryDiagnoses ?? "keine"),
            new("Auflagen", e.ConditionsImposed ?? "keine"),
        ]))]);

    private static CopySection Consents(AccessCopy copy) => new(
        "Ihre Einwilligungen (Schweigepflichtentbindungen)",
        "Wer was von wem sehen darf, von wann bis wann, und ob Sie die Einwilligung widerrufen haben.",
        [.. copy.Consents.Select(c => new CopyEntry($"Einwilligung vom {Date(c.SignedOn)} – {c.State}",
        [
            new("Umfang", c.Scope),
            new("Zweck", c.Purpose),
            new("Unterschrieben am", Date(c.SignedOn)),
            new("Gültig bis", c.ValidUntil is { } until ? Date(until) : "ohne Enddatum"),
            new("Erfasst", $"am {DateTime(c.RecordedAt)} von: {c.RecordedBy}"),
            new("Widerruf", c.RevokedAt is { } revoked
                ? $"widerrufen am {DateTime(revoked)}{(c.RevokedBy is null ? "" : $", erfasst von: {c.RevokedBy}")}{(c.RevocationNote is null ? "" : $" – {c.RevocationNote}")}"
                : "nicht widerrufen"),
            new("Stand", c.State),
        ]))],
        "Keine Einwilligung gespeichert.");

    private static CopySection Plans(AccessCopy copy) => new(
        "Ihre Hilfepläne, jede Fassung",
        "Bei jeder Überprüfung entsteht eine neue Fassung; die früheren bleiben gespeichert.",
        [.. copy.Plans.Select(p => new CopyEntry($"Hilfeplan, Fassung {Number(p.Version)} – {p.Status}",
        [
            new("Angelegt am", DateTime(p.CreatedAt)),
            new("Vereinbart am", p.AgreedOn is { } agreed ? Date(agreed) : "noch nicht vereinbart"),
            new("Nächste Überprüfung", p.NextReviewOn is { } review ? Date(review) : "offen"),
            new("Abgeschlossen am", p.ClosedOn is { } closed ? Date(closed) : "–"),
            new("Integrationsziel", p.IntegrationGoal),
            new("Zielberufe", p.TargetJobs ?? "–"),
            new("Eigenbemühungen", p.OwnEfforts ?? "–"),
            new("Nachweis", p.OwnEffortsEvidence ?? "–"),
            .. p.Goals.SelectMany((g, i) => Goal(g, i + 1)),
        ]))],
        "Kein Hilfeplan gespeichert.");

    private static IEnumerable<CopyFact> Goal(AccessCopyGoal goal, int number)
    {
        yield return new($"Ziel {Number(number)} ({goal.Area})", $"{goal.Text}\nStand: {goal.Progress}");
        var step = 0;
        foreach (var s in goal.Steps)
        {
            var lines = new List<string>
            {
                s.Description,
                $"Zuständig: {s.Responsible}; bis: {(s.DueOn is { } due ? Date(due) : "offen")}; Stand: {s.Status}",
            };
            if (s.JobcenterNote is { } jobcenterNote)
            {
                lines.Add($"Notiz des Jobcenters: {jobcenterNote}");
            }

            if (s.DrugHelpNote is { } drugHelpNote)
            {
                lines.Add($"Notiz der Drogenhilfe: {drugHelpNote}");
            }

            yield return new($"Schritt {Number(number)}.{Number(++step)}", string.Join('\n', lines));
        }
    }

    private static CopySection Appointments(AccessCopy copy) => new(
        "Ihre Termine", null,
        [.. copy.Appointments.Select(a => new CopyEntry($"{DateTime(a.Start)} Uhr – {a.Type}",
        [
            new("Dauer", $"{Number(a.DurationMinutes)} Minuten"),
            new("Ort", a.Place ?? "–"),
            new("Begleitung zu", a.AccompanimentTarget ?? "–"),
            new("Ergebnis", a.Outcome),
            new("Notiz zum Ergebnis", a.OutcomeNote ?? "–"),
            new("Eingetragen von", a.RecordedBy),
        ]))],
        "Kein Termin gespeichert.");

    private static CopySection UnmetNeeds(AccessCopy copy) => new(
        "Hilfen, für die es keine passende Stelle gab", null,
        [.. copy.UnmetNeeds.Select(n => new CopyEntry($"{n.ServiceType} – {Date(n.RecordedOn)}",
        [
            new("Beschreibung", n.Description ?? "–"),
            new("Eingetragen von", n.RecordedBy),
        ]))],
        "Kein solcher Bedarf gespeichert.");

    private static CopySection Referrals(AccessCopy copy) => new(
        "Ihre Vermittlungen an andere Hilfen", null,
        [.. copy.Referrals.Select(r => new CopyEntry($"{r.Partner} ({r.PartnerType}) – {r.Status}",
        [
            new("Anlass", r.Reason),
            new("Vorgeschlagen am", Date(r.ProposedOn)),
            new("Angefragt am", OptionalDate(r.RequestedOn)),
            new("Aufgenommen am", OptionalDate(r.AdmittedOn)),
            new("Abgeschlossen am", OptionalDate(r.CompletedOn)),
            new("Abgelehnt am", OptionalDate(r.DeclinedOn)),
            new("Abgebrochen am", OptionalDate(r.DroppedOutOn)),
            new("Ergebnis", r.Outcome ?? "–"),
            new("Grund, wenn es nicht geklappt hat", r.FailureReason ?? "–"),
            new("Eingetragen von", r.RecordedBy),
        ]))],
        "Keine Vermittlung gespeichert.");

    private static CopySection Notes(AccessCopy copy)
    {
        var withheld = copy.NotesWithheld.Count == 0
            ? null
            : $"Nicht beigefügt sind die internen Notizen: {string.Join(" und ", copy.NotesWithheld.Select(o => $"der Stelle „{o}“"))}, "
                + "samt deren Notizen zu Schritten und Terminen. Sie können Rechte anderer Personen berühren (Artikel 15 Absatz 4 DSGVO).";
        return new CopySection(
            "Interne Notizen",
            withheld ?? "Notizen, die jede Stelle nur für sich führt.",
            [.. copy.InternalNotes.Select(n => new CopyEntry(null, [new($"{DateTime(n.CreatedAt)}, {n.Organisation} ({n.Author})", n.Text)]))],
            copy.NotesWithheld.Count == 2 ? "Keine beigefügt." : "Keine gespeichert.");
    }

    private static CopySection AccessHistory(AccessCopy copy) => new(
        "Wer Ihre Akte gelesen oder geändert hat",
        "Jeder Zugriff wird protokolliert: wann, wer, von welcher Stelle und was.",
        copy.AccessHistory.Count == 0
            ? []
            : [new CopyEntry(null, [.. copy.AccessHistory.Select(a => new CopyFact(DateTime(a.At), $"{a.Who} ({a.Organisation}): {a.Action}{(string.IsNullOrWhiteSpace(a.Subject) ? "" : $" – {a.Subject}")}"))])],
        "Kein Zugriff protokolliert.");

    private static CopySection Rights() => new("Ihre Rechte", null,
    [
        new CopyEntry(null,
        [
            new("Berichtigung", "Sind Angaben falsch, werden sie auf Ihren Wunsch berichtigt (Artikel 16 DSGVO)."),
            new("Löschung", "Daten, die nicht mehr gebraucht werden, werden auf Ihren Wunsch gelöscht (Artikel 17 DSGVO)."),
            new("Einschränkung", "Sie können verlangen, dass Daten nur noch eingeschränkt genutzt werden (Artikel 18 DSGVO)."),
            new("Widerruf", "Eine Einwilligung können Sie jederzeit widerrufen; sie gilt dann ab diesem Zeitpunkt nicht mehr."),
            new("Beschwerde", "Sie können sich bei der zuständigen Aufsichtsbehörde für den Datenschutz beschweren (Artikel 77 DSGVO)."),
            new("Ansprechpersonen", "Ihre Fallmanagerin oder Ihr Fallmanager im Jobcenter, Ihre Fachkraft in der Drogenhilfe oder die Datenschutzbeauftragten beider Stellen."),
        ]),
    ]);

    private static string Date(DateOnly date) => GermanCalendar.Format(date);

    private static string OptionalDate(DateOnly? date) => date is { } value ? Date(value) : "–";

    private static string DateTime(DateTimeOffset instant) => GermanCalendar.ToLocal(instant).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string YesNo(bool value) => value ? "ja" : "nein";
}
