using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.Staff;

namespace CaseManagement.Application.Clients;

public sealed record StaffRef(string Id, string DisplayName, Organisation Organisation);

public sealed record MasterDataView(
    string FirstName, string LastName, DateOnly BirthDate, AgeGroup AgeGroup, Gender Gender,
    string? Street, string PostalCode, string City, string? Phone, string? Email,
    HousingSituation Housing, Schooling Schooling, VocationalTraining VocationalTraining, EmploymentSituation Employment,
    bool YouthEmploymentAgencyInvolved, bool ShouldOfferYouthEmploymentAgency)
{
    public string FullName => $"{FirstName} {LastName}";
}

/// <summary>Health fields are null unless the reader may see health data.</summary>
public sealed record EpisodeView(
    Guid Id, DateOnly StartedOn, DateOnly? EndedOn, ClosureReason? ClosureReason,
    bool HealthDataVisible, ReferringBody? ReferringBody, string? MainDiagnosis, string? SecondaryDiagnoses, string? ConditionsImposed);

/// <summary>
/// A consent as a caseworker sees it: scope, directions and dates for both organisations; the
/// free texts (purpose, revocation note) only for the organisation that wrote them, else null.
/// <paramref name="ScanUploadedAt"/> says when the scan of the signed form was stored, if it was.
/// </summary>
public sealed record ConsentView(
    Guid Id, ConsentScope Scope, ConsentDirections Directions, Organisation RecordedBy, string? Purpose, DateOnly SignedOn, DateOnly? ValidUntil,
    DateTimeOffset? RevokedAt, Organisation? RevokedBy, string? RevocationNote, ConsentState State, DateTimeOffset? ScanUploadedAt = null);

/// <summary>A case as a form names it: the case number, and the name when the reader may read it.</summary>
public sealed record CaseHeading(Guid Id, string CaseNumber, string? Name);

public sealed record NoteView(Guid Id, string AuthorName, DateTimeOffset CreatedAt, string Text);

/// <summary>
/// One client's page as a particular user may see it: every section is null or empty when the
/// access decision does not allow it, and the flags say what the user may change.
/// </summary>
public sealed record ClientFile(
    Guid Id,
    string CaseNumber,
    Organisation OwningOrganisation,
    StaffRef? CaseManager,
    StaffRef? DrugHelpWorker,
    Guid ConcurrencyStamp,
    TargetAreaDecision TargetAreaDecision,
    bool IsActive,
    MasterDataView? MasterData,
    bool MayEditMasterData,
    IReadOnlyList<EpisodeView> Episodes,
    bool MayEditHealthData,
    IReadOnlyList<ConsentView> Consents,
    bool MayRecordConsent,
    bool MayAssignCounterpart,
    IReadOnlyList<NoteView> Notes,
    bool MayWriteNotes,
    Organisation ReaderOrganisation)
{
    /// <summary>The open episode, if the reader may see episodes at all (see <see cref="IsActive"/> for the status).</summary>
    public EpisodeView? OpenEpisode => Episodes.FirstOrDefault(e => e.EndedOn is null);
}
