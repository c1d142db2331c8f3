using CaseManagement.Domain.Access;
using CaseManagement.Domain.Staff;

namespace CaseManagement.Domain.Audit;

public enum AuditAction
{
    Viewed = 1,
    Created = 2,
    Changed = 3,
    AccessDenied = 4,
    ConsentRecorded = 5,
    ConsentRevoked = 6,
    EpisodeOpened = 7,
    EpisodeClosed = 8,
    NoteAdded = 9,
    ResponsibilityChanged = 10,
    TargetAreaDecided = 11,
    Exported = 12,

    /// <summary>A list showed clients' data (names); the case numbers shown are in <see cref="AuditEntry.Fields"/>.</summary>
    ListViewed = 13,

    /// <summary>The staff member signed in; the actor is the account itself, no client.</summary>
    SignedIn = 14,

    /// <summary>The staff member signed out, which ended that session in every tab.</summary>
    SignedOut = 15,

    /// <summary>A session ended for another reason than signing out (named in <see cref="AuditEntry.Fields"/>).</summary>
    SessionEnded = 16,

    /// <summary>Too many failed sign-ins locked the account; the actor is the locked account.</summary>
    AccountLocked = 17,

    /// <summary>An administrator unlocked an account (named in <see cref="AuditEntry.Fields"/>).</summary>
    AccountUnlocked = 18,

    // Account administration and sign-in security (issue #17). Numbered from 30 so that actions
    // added meanwhile on other branches (19, 20, …) cannot collide; the account concerned is named
    // in Fields, the actor is the person who acted.

    /// <summary>Administration created an account with a one-time initial password.</summary>
    AccountCreated = 30,

    /// <summary>Administration deactivated an account; its open sessions ended.</summary>
    AccountDeactivated = 31,

    AccountReactivated = 32,

    /// <summary>Administration changed name, e-mail, organisation, role or team (the fields named, not their values).</summary>
    AccountChanged = 33,

    /// <summary>Administration gave an account a new one-time initial password.</summary>
    PasswordReset = 34,

    /// <summary>The staff member changed their own password (also the first change of an initial password).</summary>
    PasswordChanged = 35,

    /// <summary>The staff member set up sign-in with an authenticator app.</summary>
    SecondFactorEnabled = 36,

    /// <summary>The staff member turned their second factor off.</summary>
    SecondFactorDisabled = 37,

    /// <summary>Administration reset a person's second factor (lost phone).</summary>
    SecondFactorReset = 38,

    /// <summary>The staff member made new recovery codes; the old ones are void.</summary>
    RecoveryCodesRenewed = 39,

    /// <summary>Administration asked the team leads to hand over a leaving person's cases.</summary>
    HandOverRequested = 40,

    // The data-protection officer's work (issue #16) numbers from 50, apart from the account work (30–49).

    /// <summary>
    /// The data-protection officer looked a person up by name in the audit log; <see cref="AuditEntry.Fields"/>
    /// names the case numbers found, never the name typed.
    /// </summary>
    PersonLookedUp = 50,

    /// <summary>The data-protection officer read a case's history in the audit log.</summary>
    HistoryViewed = 51,

    /// <summary>A retention run removed the client's personal data; <see cref="AuditEntry.Fields"/> names the categories.</summary>
    Anonymised = 52,

    /// <summary>A retention run finished; <see cref="AuditEntry.Fields"/> gives its counts.</summary>
    RetentionRun = 53,

    /// <summary>The data-protection officer put a case on legal hold (the reason stays in the hold, not in the log).</summary>
    RetentionHoldPlaced = 54,

    /// <summary>The data-protection officer lifted a legal hold.</summary>
    RetentionHoldLifted = 55,

    /// <summary>Administration changed the retention periods; <see cref="AuditEntry.Fields"/> gives the new values.</summary>
    RetentionPeriodsChanged = 56,

    /// <summary>The data-protection officer compiled a client's copy under Art. 15 GDPR; <see cref="AuditEntry.Fields"/> names the format and what was withheld.</summary>
    AccessCopyCompiled = 57,

    /// <summary>A team lead decided on a possible duplicate; <see cref="AuditEntry.Fields"/> names both case numbers and the verdict.</summary>
    DuplicateDecided = 58,

    /// <summary>Two records of one person were merged; <see cref="AuditEntry.Fields"/> names which went into which.</summary>
    RecordsMerged = 59,

    /// <summary>
    /// A steering round's text named a client as the register holds the name; the writer was warned.
    /// One entry per client found (so the history of the case shows it), never the text.
    /// </summary>
    SteeringTextNamedClient = 60,
}

/// <summary>
/// One line of the append-only audit log: who did what to which client's data, and when. It
/// names changed fields, never their contents (no note texts, no diagnoses). Sign-ins, sign-outs
/// and account locks are recorded here too, without a client.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public required string UserId { get; set; }

    public required string UserName { get; set; }

    public Organisation UserOrganisation { get; set; }

    public Guid? ClientId { get; set; }

    public string? CaseNumber { get; set; }

    public AuditAction Action { get; set; }

    public DataCategory? Category { get; set; }

    /// <summary>Names of changed fields, comma-separated; never values.</summary>
    public string? Fields { get; set; }
}

/// <summary>
/// The one door through the audit log's append-only protection: while a retention run's transaction
/// holds a permit, the database lets it delete entries older than <see cref="Before"/> (and nothing
/// else, and never change one). The permit is removed in the same transaction, so it never outlives it.
/// </summary>
public class AuditExpiryPermit
{
    public const int SingleId = 1;

    public int Id { get; set; } = SingleId;

    public DateTimeOffset Before { get; set; }
}
