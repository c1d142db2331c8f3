using CaseManagement.Domain.Staff;

namespace CaseManagement.Domain.Clients;

/// <summary>A note only the writing organisation ever sees (e.g. confidential counselling notes of the Drogenhilfe).</summary>
public class InternalNote
{
    public Guid Id { get; set; }

    public Guid ClientId { get; set; }

    public Organisation Organisation { get; set; }

    public required string AuthorId { get; set; }

    public required string AuthorName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string Text { get; set; }
}
