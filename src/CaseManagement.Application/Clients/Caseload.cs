using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.Staff;

namespace CaseManagement.Application.Clients;

public enum CaseloadSort
{
    CaseNumber = 0,
    Name = 1,
    Newest = 2,
}

public enum CaseStatusFilter
{
    Active = 1,
    Closed = 2,
}

public enum ConsentFilter
{
    /// <summary>A consent is in force now.</summary>
    Valid = 1,

    /// <summary>No consent was ever recorded.</summary>
    None = 2,

    /// <summary>Consents exist, none in force (expired or revoked).</summary>
    Lapsed = 3,
}

public sealed record CaseloadQuery
{
    public string? Search { get; init; }

    public AgeGroup? AgeGroup { get; init; }

    public CaseStatusFilter? Status { get; init; }

    /// <summary>The organisation that registered the client and holds its master data.</summary>
    public Organisation? HeldBy { get; init; }

    public ConsentFilter? Consent { get; init; }

    public CaseloadSort Sort { get; init; }

    /// <summary>Opaque keyset cursor from the previous page; null for the first page.</summary>
    public string? After { get; init; }

    public int PageSize { get; init; } = 25;
}

/// <summary>
/// A list row: the name and age group are null when the reader may not see the master data.
/// <paramref name="ValidDirections"/> are the directions of the consents valid today, so a row can say
/// why a valid consent still shows no name ("nur Jobcenter → Drogenhilfe").
/// </summary>
public sealed record CaseloadRow(
    Guid Id, string CaseNumber, string? DisplayName, AgeGroup? AgeGroup, bool IsActive, Organisation HeldBy,
    ConsentState ConsentState, bool TargetAreaPending, ConsentDirections ValidDirections = ConsentDirections.None);

public sealed record CaseloadPage(IReadOnlyList<CaseloadRow> Rows, string? NextCursor);
