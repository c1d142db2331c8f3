using CaseManagement.Domain.Access;
using CaseManagement.Domain.Staff;

namespace CaseManagement.Domain.Referrals;

// Glossary: Bedarf ohne Angebot → unmet need (a service a client needs that no partner in the directory offers).

/// <summary>
/// A need without a fitting offer (Bedarf ohne Angebot): the caseworker found that the client needs
/// a kind of service for which no partner in the directory fits (none of that kind, none with room,
/// none reachable). It feeds the needs analysis of the network (Bedarfsanalyse); it is a fact of the
/// referral work and belongs to <see cref="DataCategory.Referrals"/> of the organisation that
/// recorded it (<see cref="HolderOrganisation"/>): the other side sees it only while a consent
/// covers referrals in that direction, the description (counselling content) never.
/// It is recorded once and not edited; a wrong entry is removed by its holder.
/// </summary>
public class UnmetNeed
{
    public const int DescriptionMaxLength = 1000;

    public Guid Id { get; set; }

    /// <summary>Record key of the report's cell-key method: random, drawn once, never shown (<see cref="Reports.ReportKeys"/>).</summary>
    public int ReportKey { get; set; } = Reports.ReportKeys.New();

    public Guid ClientId { get; set; }

    /// <summary>The kind of service that was needed.</summary>
    public PartnerType ServiceType { get; set; }

    /// <summary>What exactly was needed and why nothing fitted (optional); holder organisation only.</summary>
    public string? Description { get; set; }

    /// <summary>The day the need was found.</summary>
    public DateOnly RecordedOn { get; set; }

    public Organisation HolderOrganisation { get; set; }

    public string CreatedById { get; set; } = "";

    public string CreatedByName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public static UnmetNeed Record(Guid clientId, PartnerType serviceType, string? description, DateOnly recordedOn, StaffMember actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return new UnmetNeed
        {
            Id = Guid.NewGuid(),
            ClientId = clientId,
            ServiceType = serviceType,
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            RecordedOn = recordedOn,
            HolderOrganisation = actor.Organisation,
            CreatedById = actor.Id,
            CreatedByName = actor.DisplayName,
            CreatedAt = now,
        };
    }
}
