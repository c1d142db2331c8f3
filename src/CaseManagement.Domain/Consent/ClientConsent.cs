using CaseManagement.Domain.Staff;

namespace CaseManagement.Domain.Consent;

public enum ConsentState
{
    None = 0,
    Valid = 1,
    NotYetValid = 2,
    Expired = 3,
    Revoked = 4,
}

/// <summary>
/// A client's written consent (Schweigepflichtentbindung / Einwilligung): which categories, in
/// which direction, for what purpose, signed on, valid until, revoked on. Revocation takes effect
/// at the moment it is recorded.
/// </summary>
public class ClientConsent
{
    public Guid Id { get; set; }

    public Guid ClientId { get; set; }

    public ConsentScope Scope { get; set; }

    public ConsentDirections Directions { get; set; }

    public required string Purpose { get; set; }

    public DateOnly SignedOn { get; set; }

    public DateOnly? ValidUntil { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>The note on the revocation belongs to the organisation that recorded it, like an internal note.</summary>
    public string? RevocationNote { get; set; }

    public string? RevokedById { get; set; }

    public Organisation? RevokedByOrganisation { get; set; }

    public required string RecordedById { get; set; }

    /// <summary>The purpose belongs to this organisation, which wrote it, like an internal note.</summary>
    public Organisation RecordedByOrganisation { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public ConsentState StateAt(DateTimeOffset now) => StateOf(SignedOn, ValidUntil, RevokedAt, now);

    public static ConsentState StateOf(DateOnly signedOn, DateOnly? validUntil, DateTimeOffset? revokedAt, DateTimeOffset now)
    {
        var today = GermanCalendar.DateOf(now);
        if (revokedAt is { } revoked && revoked <= now)
        {
            return ConsentState.Revoked;
        }

        if (signedOn > today)
        {
            return ConsentState.NotYetValid;
        }

        return validUntil is { } until && until < today ? ConsentState.Expired : ConsentState.Valid;
    }

    public void Revoke(DateTimeOffset at, string? note, string revokedById, Organisation revokedByOrganisation)
    {
        if (RevokedAt is not null)
        {
            throw new InvalidOperationException("Die Einwilligung ist bereits widerrufen.");
        }

        RevokedAt = at;
        RevocationNote = note;
        RevokedById = revokedById;
        RevokedByOrganisation = revokedByOrganisation;
    }
}
