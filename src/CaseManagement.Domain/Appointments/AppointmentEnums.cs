namespace CaseManagement.Domain.Appointments;

// Glossary (German term of art → code):
//   Termin                          → appointment
//   gemeinsame Beratung             → joint counselling (Jobcenter and Drogenhilfe together)
//   aufsuchende Arbeit / Kontakt    → outreach (contact)
//   Begleitung                      → accompaniment (to an authority, a practice, a clinic)
//   Krisenintervention              → crisis intervention
// The German labels live in AppointmentNames; the numbers are stored, so never renumber.

/// <summary>The kinds of contact the cooperation records (Terminart).</summary>
public enum AppointmentType
{
    /// <summary>Gemeinsame Beratung: Jobcenter and Drogenhilfe together with the client.</summary>
    JointCounselling = 1,

    /// <summary>Beratung Jobcenter: held by Jobcenter staff only.</summary>
    JobcenterOnly = 2,

    /// <summary>Beratung Drogenhilfe: held by drug-help staff only.</summary>
    DrugHelpOnly = 3,

    /// <summary>Aufsuchender Kontakt: outside the offices; the place is required.</summary>
    Outreach = 4,

    /// <summary>Begleitung: to an authority, a doctor's practice, a clinic; the target is required.</summary>
    Accompaniment = 5,

    /// <summary>Krisenintervention.</summary>
    CrisisIntervention = 6,
}

/// <summary>What became of an appointment (Ergebnis).</summary>
public enum AppointmentOutcome
{
    /// <summary>Offen / noch nicht erfasst: planned, or nobody has recorded the outcome yet.</summary>
    Open = 0,

    /// <summary>Wahrgenommen: the client came.</summary>
    Attended = 1,

    /// <summary>Nicht erschienen: the client did not come and did not cancel.</summary>
    NoShow = 2,

    /// <summary>Abgesagt: cancelled beforehand; <see cref="CancelledBy"/> says by whom.</summary>
    Cancelled = 3,
}

/// <summary>Who cancelled an appointment (abgesagt von).</summary>
public enum CancelledBy
{
    /// <summary>Klient:in.</summary>
    Client = 1,

    /// <summary>Jobcenter.</summary>
    Jobcenter = 2,

    /// <summary>Drogenhilfe.</summary>
    DrugHelpService = 3,

    /// <summary>Andere Stelle: e.g. the practice or authority an accompaniment was going to.</summary>
    OtherParty = 4,
}
