namespace CaseManagement.Documents.Consent;

// Glossary (German term of art → code):
//   Schweigepflichtentbindung / Einwilligung → consent form (release from professional secrecy)
//   Widerruf                                 → revocation
//   Fallmanager:in                           → case manager (Jobcenter)
//   Fachkraft der Drogenhilfe                → drug-help caseworker

/// <summary>
/// Everything printed on the consent form (Schweigepflichtentbindung) the client signs, and nothing more.
/// </summary>
/// <remarks>
/// Separate from the consent feature's entities, like the help plan's print model: whoever maps a
/// consent onto this record decides what may be printed. A field the reader may not see (the
/// client's name without a consent covering master data, a purpose the other organisation wrote)
/// is <c>null</c> and printed as an empty line to fill in by hand.
/// </remarks>
/// <param name="ClientName">Full name; <c>null</c> when the reader may not see it.</param>
/// <param name="BirthDate">Birth date; <c>null</c> when the reader may not see it.</param>
/// <param name="CaseNumber">The pseudonymous case number (Fallnummer).</param>
/// <param name="JobcenterName">E.g. "Jobcenter Ludwigshafen".</param>
/// <param name="DrugHelpServiceName">E.g. "Stadt Ludwigshafen am Rhein – Drogenhilfe".</param>
/// <param name="Categories">The kinds of data the consent covers, in the order printed.</param>
/// <param name="JobcenterToDrugHelp">The Jobcenter may pass the data it holds to the drug-help service.</param>
/// <param name="DrugHelpToJobcenter">The drug-help service may pass the data it holds to the Jobcenter.</param>
/// <param name="Purpose">What the data is exchanged for; <c>null</c> when the reader may not see it.</param>
/// <param name="ValidFrom">The day the consent was signed and takes effect.</param>
/// <param name="ValidUntil">Last day of validity; <c>null</c> for "until revoked".</param>
/// <param name="RecordedBy">The organisation that records the consent; its caseworker signs beside the client.</param>
/// <param name="ClientIsMinor">Under 18 on <paramref name="ValidFrom"/>, or the birth date is not known to the printing person: a line for the legal guardian (bei Minderjährigen) is added.</param>
/// <param name="Mark">"WIDERRUFEN" or "ABGELAUFEN" across every page when the consent no longer holds; <c>null</c> otherwise.</param>
/// <param name="PrintedOn">Print date shown in every page's footer.</param>
public sealed record ConsentFormDocument(
    string? ClientName,
    DateOnly? BirthDate,
    string CaseNumber,
    string JobcenterName,
    string DrugHelpServiceName,
    IReadOnlyList<ConsentFormCategory> Categories,
    bool JobcenterToDrugHelp,
    bool DrugHelpToJobcenter,
    string? Purpose,
    DateOnly ValidFrom,
    DateOnly? ValidUntil,
    ConsentFormParty RecordedBy,
    bool ClientIsMinor,
    string? Mark,
    DateOnly PrintedOn);

/// <summary>The kinds of data a consent can cover.</summary>
public enum ConsentFormCategory
{
    MasterData = 1,
    HelpPlan = 2,
    Appointments = 3,
    Referrals = 4,

    /// <summary>A special category of personal data (Art. 9 GDPR): named explicitly on the form.</summary>
    HealthData = 5,
}

/// <summary>The two organisations of the cooperation.</summary>
public enum ConsentFormParty
{
    Jobcenter = 1,
    DrugHelpService = 2,
}
