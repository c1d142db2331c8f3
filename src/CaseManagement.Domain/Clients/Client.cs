using CaseManagement.Domain.Consent;
using CaseManagement.Domain.Staff;

namespace CaseManagement.Domain.Clients;

/// <summary>
/// A client of the cooperation and their joint case: master data, the responsible caseworker of
/// each organisation, episodes, consents and internal notes. The organisation that registered
/// the client holds the master data; the other one sees it only with consent.
/// </summary>
public class Client
{
    public Guid Id { get; set; }

    /// <summary>Record key of the steering report's cell-key method: random, drawn once, never shown (<see cref="Reports.ReportKeys"/>).</summary>
    public int ReportKey { get; set; } = Reports.ReportKeys.New();

    /// <summary>Pseudonymous case number, e.g. LU-2026-00042 (see <see cref="Clients.CaseNumber"/>).</summary>
    public required string CaseNumber { get; set; }

    public Organisation OwningOrganisation { get; set; }

    /// <summary>The responsible Fallmanager:in (Jobcenter).</summary>
    public string? ResponsibleCaseManagerId { get; set; }

    /// <summary>The responsible Fachkraft Drogenhilfe.</summary>
    public string? ResponsibleDrugHelpWorkerId { get; set; }

    public required string FirstName { get; set; }

    public required string LastName { get; set; }

    public DateOnly BirthDate { get; set; }

    public Gender Gender { get; set; }

    public string? Street { get; set; }

    public required string PostalCode { get; set; }

    public required string City { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public HousingSituation Housing { get; set; }

    public Schooling Schooling { get; set; }

    public VocationalTraining VocationalTraining { get; set; }

    public EmploymentSituation Employment { get; set; }

    /// <summary>Jugendberufsagentur involved (offered for clients under 25).</summary>
    public bool YouthEmploymentAgencyInvolved { get; set; }

    public TargetAreaDecision TargetAreaDecision { get; set; }

    /// <summary>Lower-case, accent-folded "last first" for search; derived, never shown.</summary>
    public string SearchName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// When the retention run removed this client's personal data (Löschkonzept): only the facts the
    /// anonymous figures need are left, and no staff member is responsible any more, so nobody sees it.
    /// </summary>
    public DateTimeOffset? AnonymisedAt { get; set; }

    /// <summary>Changes on every save; a save carrying an older stamp is refused (optimistic concurrency).</summary>
    public Guid ConcurrencyStamp { get; set; }

    public List<CaseEpisode> Episodes { get; set; } = [];

    public List<ClientConsent> Consents { get; set; } = [];

    public List<InternalNote> Notes { get; set; } = [];

    public string FullName => $"{FirstName} {LastName}";

    public string? ResponsibleIn(Organisation organisation) => organisation switch
    {
        Organisation.Jobcenter => ResponsibleCaseManagerId,
        Organisation.DrugHelpService => ResponsibleDrugHelpWorkerId,
        _ => null,
    };

    public void AssignResponsible(Organisation organisation, string? staffId)
    {
        switch (organisation)
        {
            case Organisation.Jobcenter:
                ResponsibleCaseManagerId = staffId;
                break;
            case Organisation.DrugHelpService:
                ResponsibleDrugHelpWorkerId = staffId;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(organisation), organisation, null);
        }
    }

    public CaseEpisode? OpenEpisode => Episodes.FirstOrDefault(e => e.EndedOn is null);

    /// <summary>A client who returns opens a new episode on the same record; only one may be open.</summary>
    public CaseEpisode OpenNewEpisode(DateOnly startedOn)
    {
        if (OpenEpisode is not null)
        {
            throw new InvalidOperationException("Es gibt bereits eine laufende Episode.");
        }

        var episode = new CaseEpisode { Id = Guid.NewGuid(), ClientId = Id, StartedOn = startedOn };
        Episodes.Add(episode);
        return episode;
    }

    public void RefreshDerivedFields()
    {
        SearchName = SearchText.Normalize($"{LastName} {FirstName}");
        TargetAreaDecision = TargetArea.Contains(PostalCode)
            ? TargetAreaDecision.NotNeeded
            : TargetAreaDecision is TargetAreaDecision.NotNeeded ? TargetAreaDecision.Pending : TargetAreaDecision;
    }
}
