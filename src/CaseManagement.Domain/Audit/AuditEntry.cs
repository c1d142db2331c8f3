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

    // The data-protection officer's work (issue #16) numbers from 40, apart from the account work.

    /// <summary>
    /// The data-protection officer looked a person up by name in the audit log; <see cref="AuditEntry.Fields"/>
    /// names the case numbers found, never the name typed.
    /// </summary>
    PersonLookedUp = 40,

    /// <summary>The data-protection officer read a case's history in the audit log.</summary>
    HistoryViewed = 41,

    /// <summary>A retention run removed the client's personal data; <see cref="AuditEntry.Fields"/> names the categories.</summary>
    Anonymised = 42,

    /// <summary>A retention run finished; <see cref="AuditEntry.Fields"/> gives its counts.</summary>
    RetentionRun = 43,

    /// <summary>The data-protection officer put a case on legal hold (the reason stays in the hold, not in the log).</summary>
    RetentionHoldPlaced = 44,

    /// <summary>The data-protection officer lifted a legal hold.</summary>
    RetentionHoldLifted = 45,

    /// <summary>Administration changed the retention periods; <see cref="AuditEntry.Fields"/> gives the new values.</summary>
    RetentionPeriodsChanged = 46,

    /// <summary>The data-protection officer compiled a client's copy under Art. 15 GDPR; <see cref="AuditEntry.Fields"/> names the format and what was withheld.</summary>
    AccessCopyCompiled = 47,
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
