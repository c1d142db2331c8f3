namespace CaseManagement.Domain.Access;

/// <summary>
/// What the data-protection officer (Datenschutz) does that reaches into client data. Each is an
/// explicit exception to "data protection sees no client data", decided by
/// <see cref="AccessDecision.MayCarryOut"/> and audited by the use case that carries it out.
/// </summary>
public enum DataProtectionTask
{
    /// <summary>Read the audit log, a case's history in it, and export a filtered view.</summary>
    AuditLog = 1,

    /// <summary>Find the case numbers of a person by name (and birth date) for an inquiry; the name is never logged.</summary>
    IdentifyPerson = 2,

    /// <summary>Compile everything held about one client for a request under Art. 15 GDPR.</summary>
    AccessCopy = 3,

    /// <summary>See every consent with its scope, directions, validity, revocation and signed form.</summary>
    ConsentRegister = 4,

    /// <summary>See what the retention run will remove, release it or put a case on legal hold.</summary>
    Retention = 5,
}
