using CaseManagement.Domain.Concurrency;

namespace CaseManagement.Domain.Referrals;

/// <summary>
/// A partner service of the network (Netzwerkpartner), kept by Administration. Most partners do not
/// use the product: the hand-over is personal, the tracking is ours. A partner that referrals
/// point to is archived rather than deleted, so old referrals keep their target.
/// </summary>
public class Partner : IRowVersioned
{
    public const int NameMaxLength = 200;
    public const int ShortTextMaxLength = 200;
    public const int NotesMaxLength = 2000;

    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public PartnerType Type { get; set; }

    /// <summary>Ansprechperson.</summary>
    public string? ContactPerson { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Street { get; set; }

    public string? PostalCode { get; set; }

    public string? City { get; set; }

    /// <summary>Opening hours, how intake works, waiting lists: practical hints for the hand-over. No client data.</summary>
    public string? Notes { get; set; }

    /// <summary>No longer offered for new referrals; existing referrals keep it.</summary>
    public bool IsArchived { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public string ChangedByName { get; set; } = "";

    public uint RowVersion { get; set; }

    /// <summary>"Straße, PLZ Ort" as far as known.</summary>
    public string Address => string.Join(", ", new[] { Street, string.Join(' ', new[] { PostalCode, City }.Where(p => !string.IsNullOrWhiteSpace(p))) }
        .Where(p => !string.IsNullOrWhiteSpace(p)));
}
