using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Sessions;

namespace CaseManagement.Application;

/// <summary>What people read for each stored value: one place for the UI, PDFs and exports.</summary>
public static class GermanLabels
{
    public static string Of(Gender value) => value switch
    {
        Gender.Female => "weiblich",
        Gender.Male => "männlich",
        Gender.Diverse => "divers",
        _ => "keine Angabe",
    };

    public static string Of(HousingSituation value) => value switch
    {
        HousingSituation.OwnFlat => "eigene Wohnung",
        HousingSituation.WithFamily => "bei Familie/Angehörigen",
        HousingSituation.SharedOrSupportedHousing => "WG / betreutes Wohnen",
        HousingSituation.EmergencyShelter => "Notunterkunft",
        HousingSituation.Homeless => "wohnungslos",
        HousingSituation.Institution => "Einrichtung / Klinik / Haft",
        _ => "keine Angabe",
    };

    public static string Of(Schooling value) => value switch
    {
        Schooling.None => "ohne Schulabschluss",
        Schooling.Hauptschule => "Hauptschul-/Berufsreife",
        Schooling.Realschule => "Mittlere Reife",
        Schooling.Abitur => "Fachhochschul-/Hochschulreife",
        Schooling.StillAtSchool => "noch in der Schule",
        Schooling.Special => "Förderschulabschluss",
        _ => "keine Angabe",
    };

    public static string Of(VocationalTraining value) => value switch
    {
        VocationalTraining.None => "keine Berufsausbildung",
        VocationalTraining.Dropped => "Ausbildung abgebrochen",
        VocationalTraining.InTraining => "in Ausbildung",
        VocationalTraining.Completed => "abgeschlossene Berufsausbildung",
        VocationalTraining.Degree => "Studium abgeschlossen",
        _ => "keine Angabe",
    };

    public static string Of(EmploymentSituation value) => value switch
    {
        EmploymentSituation.UnemployedSgbII => "arbeitslos, Bürgergeld (SGB II)",
        EmploymentSituation.UnemployedSgbIII => "arbeitslos, Arbeitslosengeld (SGB III)",
        EmploymentSituation.EmployedTopUp => "erwerbstätig, aufstockend",
        EmploymentSituation.InMeasure => "in Maßnahme",
        EmploymentSituation.NotAvailable => "derzeit nicht erwerbsfähig",
        _ => "keine Angabe",
    };

    public static string Of(AgeGroup value) => value switch
    {
        AgeGroup.Adolescent => "Jugendliche (unter 18)",
        AgeGroup.YoungAdult => "junge Erwachsene (18–24)",
        AgeGroup.Adult => "Erwachsene (25+)",
        _ => "–",
    };

    public static string Of(ClosureReason value) => value switch
    {
        ClosureReason.WorkTakenUp => "Arbeitsaufnahme",
        ClosureReason.Apprenticeship => "Ausbildung",
        ClosureReason.Qualification => "Qualifizierungsmaßnahme",
        ClosureReason.RehabStarted => "Reha angetreten",
        ClosureReason.MovedAway => "Umzug / weggezogen",
        ClosureReason.ContactBrokenOff => "Kontaktabbruch",
        ClosureReason.ConsentRevoked => "Einwilligung widerrufen",
        ClosureReason.Other => "sonstiger Grund",
        _ => "–",
    };

    public static string Of(ReferringBody value) => value switch
    {
        ReferringBody.Self => "Selbstmelder:in",
        ReferringBody.FamilyOrFriends => "Familie / Freundeskreis",
        ReferringBody.Jobcenter => "Jobcenter",
        ReferringBody.Physician => "Ärztin / Arzt",
        ReferringBody.Hospital => "Krankenhaus",
        ReferringBody.AddictionCounselling => "Suchtberatung",
        ReferringBody.CourtOrProbation => "Justiz / Bewährungshilfe",
        ReferringBody.YouthWelfare => "Jugendhilfe",
        ReferringBody.Other => "sonstige",
        _ => "keine Angabe",
    };

    public static string Of(TargetAreaDecision value) => value switch
    {
        TargetAreaDecision.Pending => "Wohnort außerhalb – Entscheidung der Teamleitung offen",
        TargetAreaDecision.Approved => "Wohnort außerhalb – von der Teamleitung zugelassen",
        TargetAreaDecision.Rejected => "Wohnort außerhalb – von der Teamleitung abgelehnt",
        _ => "Wohnort in Ludwigshafen",
    };

    public static string Of(ConsentState value) => Consent.ConsentLabels.State(value);

    public static string Of(DataCategory value) => value switch
    {
        DataCategory.MasterData => "Stammdaten",
        DataCategory.HelpPlan => "Hilfeplan",
        DataCategory.Appointments => "Termine",
        DataCategory.Referrals => "Vermittlungen",
        DataCategory.HealthData => "Gesundheits-/Suchtdaten",
        DataCategory.InternalNotes => "Interne Notizen",
        _ => "–",
    };

    public static string Of(AuditAction value) => value switch
    {
        AuditAction.Viewed => "geöffnet",
        AuditAction.Created => "angelegt",
        AuditAction.Changed => "geändert",
        AuditAction.AccessDenied => "Zugriff verweigert",
        AuditAction.ConsentRecorded => "Einwilligung erfasst",
        AuditAction.ConsentRevoked => "Einwilligung widerrufen",
        AuditAction.EpisodeOpened => "Episode eröffnet",
        AuditAction.EpisodeClosed => "Episode abgeschlossen",
        AuditAction.NoteAdded => "Notiz hinzugefügt",
        AuditAction.ResponsibilityChanged => "Zuständigkeit geändert",
        AuditAction.TargetAreaDecided => "Wohnort-Entscheidung",
        AuditAction.Exported => "exportiert",
        AuditAction.ListViewed => "in Liste angezeigt",
        AuditAction.SignedIn => "angemeldet",
        AuditAction.SignedOut => "abgemeldet",
        AuditAction.SessionEnded => "Sitzung beendet",
        AuditAction.AccountLocked => "Konto gesperrt",
        AuditAction.AccountUnlocked => "Konto entsperrt",
        AuditAction.AccountCreated => "Konto angelegt",
        AuditAction.AccountDeactivated => "Konto deaktiviert",
        AuditAction.AccountReactivated => "Konto reaktiviert",
        AuditAction.AccountChanged => "Konto geändert",
        AuditAction.PasswordReset => "vorläufiges Passwort vergeben",
        AuditAction.PasswordChanged => "Passwort geändert",
        AuditAction.SecondFactorEnabled => "zweiter Faktor eingerichtet",
        AuditAction.SecondFactorDisabled => "zweiter Faktor ausgeschaltet",
        AuditAction.SecondFactorReset => "zweiter Faktor zurückgesetzt",
        AuditAction.RecoveryCodesRenewed => "Wiederherstellungscodes erneuert",
        AuditAction.HandOverRequested => "Übergabe der Fälle erbeten",
        AuditAction.PersonLookedUp => "Person im Protokoll gesucht",
        AuditAction.HistoryViewed => "Verlauf im Protokoll gelesen",
        AuditAction.Anonymised => "anonymisiert (Löschlauf)",
        AuditAction.RetentionRun => "Löschlauf ausgeführt",
        AuditAction.RetentionHoldPlaced => "Löschsperre gesetzt",
        AuditAction.RetentionHoldLifted => "Löschsperre aufgehoben",
        AuditAction.RetentionPeriodsChanged => "Aufbewahrungsfristen geändert",
        AuditAction.AccessCopyCompiled => "Auskunft nach Art. 15 erstellt",
        AuditAction.DuplicateDecided => "Dublettenverdacht entschieden",
        AuditAction.RecordsMerged => "Akten zusammengeführt",
        AuditAction.SteeringTextNamedClient => "Name in einem Text der Lenkungsrunde erkannt",
        _ => "–",
    };

    public static string Of(SessionEndReason value) => value switch
    {
        SessionEndReason.SignedOut => "abgemeldet",
        SessionEndReason.AccountChanged => "Konto geändert (Rolle, Organisation, E-Mail oder zweiter Faktor)",
        SessionEndReason.IdleTimeout => "Zeitlimit: keine Eingabe",
        SessionEndReason.AbsoluteTimeout => "Zeitlimit: Höchstdauer erreicht",
        SessionEndReason.EndedFromSessionList => "in der Sitzungsübersicht beendet",
        SessionEndReason.AccountDeactivated => "Konto deaktiviert",
        SessionEndReason.PasswordChanged => "Passwort geändert",
        _ => "–",
    };

    public static string Of(HelpPlanStatus value) => value switch
    {
        HelpPlanStatus.Draft => "Entwurf",
        HelpPlanStatus.Agreed => "Vereinbart",
        HelpPlanStatus.Superseded => "Fortgeschrieben",
        HelpPlanStatus.Closed => "Abgeschlossen",
        _ => "unbekannt",
    };

    public static string Of(PlanArea value) => value switch
    {
        PlanArea.JobApplicationSupport => "Unterstützung bei Bewerbungsbemühungen",
        PlanArea.JobPlacement => "Arbeitsvermittlung",
        PlanArea.PsychosocialCounselling => "Psychosoziale Beratung und Begleitung",
        PlanArea.ReferralToFurtherHelp => "Vermittlung in weiterführende Hilfen",
        PlanArea.FurtherQualification => "Weiterqualifizierung",
        _ => "unbekannt",
    };

    public static string Of(StepStatus value) => value switch
    {
        StepStatus.Planned => "geplant",
        StepStatus.InProgress => "in Arbeit",
        StepStatus.Achieved => "erreicht",
        StepStatus.Dropped => "entfallen",
        _ => "unbekannt",
    };

    public static string Of(StepParty value) => value switch
    {
        StepParty.Jobcenter => "Jobcenter",
        StepParty.DrugHelpService => "Drogenhilfe",
        StepParty.Client => "Klient:in",
        StepParty.Partner => "Partnerdienst",
        _ => "unbekannt",
    };

    public static string ResponsibleOf(StepParty party, string? partnerName) =>
        party == StepParty.Partner && !string.IsNullOrWhiteSpace(partnerName) ? partnerName.Trim() : Of(party);

    /// <summary>Heads the total row and the total column of a steering-report table.</summary>
    public const string Total = "Gesamt";

    /// <summary>Flattens line breaks and shortens a free text for a list or a change summary: "Bewerbungsmappe erstellen und …".</summary>
    public static string Excerpt(string? text, int length)
    {
        var flat = string.Join(' ', (text ?? "").Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return flat.Length == 0 ? "–" : flat.Length <= length ? flat : string.Concat(flat.AsSpan(0, length - 1), "…");
    }
}
