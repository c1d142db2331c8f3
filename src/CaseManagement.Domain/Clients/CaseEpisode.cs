namespace CaseManagement.Domain.Clients;

/// <summary>Who brought the client to the drug-help service (vermittelnde Instanz, KDS 3.0).</summary>
public enum ReferringBody
{
    NotStated = 0,
    Self = 1,
    FamilyOrFriends = 2,
    Jobcenter = 3,
    Physician = 4,
    Hospital = 5,
    AddictionCounselling = 6,
    CourtOrProbation = 7,
    YouthWelfare = 8,
    Other = 9,
}

/// <summary>
/// One period of joint work with a client. Start, end and closure reason are case facts; the
/// drug-help fields (referring body, diagnoses, conditions imposed) are health data (Art. 9 GDPR)
/// that the Jobcenter sees only with consent.
/// </summary>
public class CaseEpisode
{
    public Guid Id { get; set; }

    /// <summary>Record key of the steering report's cell-key method: random, drawn once, never shown (<see cref="Reports.ReportKeys"/>).</summary>
    public int ReportKey { get; set; } = Reports.ReportKeys.New();

    public Guid ClientId { get; set; }

    public DateOnly StartedOn { get; set; }

    public DateOnly? EndedOn { get; set; }

    public ClosureReason? ClosureReason { get; set; }

    public ReferringBody ReferringBody { get; set; }

    /// <summary>ICD-10 code, F10–F19 or F63.0 (see <see cref="Icd10"/>).</summary>
    public string? MainDiagnosis { get; set; }

    /// <summary>Further ICD-10 codes, comma-separated.</summary>
    public string? SecondaryDiagnoses { get; set; }

    /// <summary>Auflagen, e.g. by a court or the driving licence authority.</summary>
    public string? ConditionsImposed { get; set; }

    public bool IsOpen => EndedOn is null;

    public void Close(DateOnly endedOn, ClosureReason reason)
    {
        if (!IsOpen)
        {
            throw new InvalidOperationException("Die Episode ist bereits abgeschlossen.");
        }

        if (endedOn < StartedOn)
        {
            throw new ArgumentOutOfRangeException(nameof(endedOn), "Das Ende liegt vor dem Beginn der Episode.");
        }

        EndedOn = endedOn;
        ClosureReason = reason;
    }
}
