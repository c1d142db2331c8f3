namespace CaseManagement.Application;

/// <summary>
/// How long each text typed by staff may be: the validators refuse longer text (<see cref="FreeTextRule"/>)
/// and the forms take no more (maxlength, with a notice when the limit is reached). Limits of
/// texts that belong to an entity (partners, referrals, appointments) stand with the entity.
/// </summary>
public static class TextLimits
{
    public const int PersonName = 100;
    public const int Street = 200;
    public const int City = 100;
    public const int PostalCode = 5;
    public const int Phone = 50;
    public const int Email = 256;
    public const int MainDiagnosis = 10;
    public const int SecondaryDiagnoses = 200;
    public const int ConditionsImposed = 1000;
    public const int InternalNote = 4000;
    public const int ConsentPurpose = 500;
    public const int RevocationNote = 500;
    public const int HandOverReason = 200;
    public const int IntegrationGoal = 2000;
    public const int TargetJobs = 500;
    public const int OwnEfforts = 2000;
    public const int OwnEffortsEvidence = 1000;
    public const int Goal = 1000;
    public const int Step = 4000;
    public const int StepPartner = 200;
    public const int StepNote = 2000;
}
