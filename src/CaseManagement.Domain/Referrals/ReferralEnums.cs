namespace CaseManagement.Domain.Referrals;

// Glossary (German term of art → code):
//   Vermittlung                  → referral (to a partner service)
//   Kooperationspartner          → partner (most do not use the product; the hand-over is personal)
//   Wiedervorlage                → follow-up date
//   Drehtüreffekt                → revolving door
// The German labels live in ReferralNames; the numbers are stored, so never renumber.

/// <summary>The kinds of partner service in the partner directory (Art der Stelle).</summary>
public enum PartnerType
{
    /// <summary>Schuldnerberatung.</summary>
    DebtCounselling = 1,

    /// <summary>Suchthilfenetzwerk (local addiction-help network).</summary>
    AddictionHelpNetwork = 2,

    /// <summary>Hepatitis-C-Initiative (health initiative).</summary>
    HepatitisCInitiative = 3,

    /// <summary>Jugendberufsagentur (youth employment agency).</summary>
    YouthEmploymentAgency = 4,

    /// <summary>Substitutionspraxis (substitution treatment).</summary>
    SubstitutionPractice = 5,

    /// <summary>Ambulante Suchtrehabilitation.</summary>
    OutpatientRehab = 6,

    /// <summary>Stationäre Suchtrehabilitation (Reha-Klinik).</summary>
    InpatientRehabClinic = 7,

    /// <summary>Wohnungslosenhilfe.</summary>
    HomelessHelp = 8,

    /// <summary>Jugendhilfe (youth welfare).</summary>
    YouthWelfare = 9,

    /// <summary>Eingliederungshilfe / Behindertenhilfe (disability help).</summary>
    DisabilityHelp = 10,

    /// <summary>Altenhilfe (elder care).</summary>
    ElderCare = 11,

    /// <summary>Sonstige Stelle.</summary>
    Other = 12,
}

/// <summary>
/// Where a referral stands. The regular path is Proposed → Requested → AppointmentAgreed →
/// Admitted → Completed; Declined and DroppedOut end it early. Completed, Declined and DroppedOut
/// are final. See <see cref="ReferralProgress"/> for the allowed moves.
/// </summary>
public enum ReferralStatus
{
    /// <summary>Vorgeschlagen: suggested to the client; the partner has not been asked yet.</summary>
    Proposed = 1,

    /// <summary>Angefragt: the partner has been asked (the hand-over begins).</summary>
    Requested = 2,

    /// <summary>Termin vereinbart: an intake or first appointment with the partner is agreed.</summary>
    AppointmentAgreed = 3,

    /// <summary>Aufgenommen: the partner has taken the client on (admission, treatment start).</summary>
    Admitted = 4,

    /// <summary>Abgeschlossen: the help at the partner has ended as planned.</summary>
    Completed = 5,

    /// <summary>Abgelehnt: a "no" before admission, by the client or by the partner; a reason is required.</summary>
    Declined = 6,

    /// <summary>Abgebrochen: the client broke off after the partner had been asked; a reason is required.</summary>
    DroppedOut = 7,
}
