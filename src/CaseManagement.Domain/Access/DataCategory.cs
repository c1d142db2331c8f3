namespace CaseManagement.Domain.Access;

/// <summary>The kinds of client data the access decision and the consent speak about.</summary>
public enum DataCategory
{
    /// <summary>Stammdaten: name, contact, address, situation; also the case's episodes.</summary>
    MasterData = 1,

    /// <summary>Hilfeplan: the joint plan.</summary>
    HelpPlan = 2,

    /// <summary>Termine: appointments, outreach contacts, accompaniments.</summary>
    Appointments = 3,

    /// <summary>Vermittlungen: referrals to partner services.</summary>
    Referrals = 4,

    /// <summary>Gesundheits-/Suchtdaten (Art. 9 GDPR): diagnoses, conditions, referring body.</summary>
    HealthData = 5,

    /// <summary>Interne Notizen: never shared with the other organisation, whatever the consent.</summary>
    InternalNotes = 6,
}

public enum AccessOperation
{
    Read = 1,
    Write = 2,
}
