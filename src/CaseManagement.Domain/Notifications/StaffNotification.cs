namespace CaseManagement.Domain.Notifications;

/// <summary>
/// A message for one staff member, shown on their home page until they mark it as read
/// (e.g. "Fall LU-2026-00042 wurde Ihnen zugewiesen"). It names the case number, never the
/// client's name: a notification outlives the recipient's right to read the case.
/// </summary>
public class StaffNotification
{
    public const int TextMaxLength = 500;

    public Guid Id { get; set; }

    /// <summary>The recipient.</summary>
    public string StaffId { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public string Text { get; set; } = "";

    /// <summary>The case it is about: the notification is deleted with the client (retention).</summary>
    public Guid? ClientId { get; set; }

    /// <summary>Whether the recipient is offered a link to the case; not for a case they handed away.</summary>
    public bool LinksToCase { get; set; }

    public DateTimeOffset? ReadAt { get; set; }

    public static StaffNotification For(string staffId, string text, Guid? clientId, DateTimeOffset now, bool linksToCase = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(staffId);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return new StaffNotification
        {
            Id = Guid.NewGuid(),
            StaffId = staffId,
            CreatedAt = now,
            Text = text.Length <= TextMaxLength ? text : text[..TextMaxLength],
            ClientId = clientId,
            LinksToCase = clientId is not null && linksToCase,
        };
    }

    /// <summary>Marks it as read; reading it twice keeps the first time.</summary>
    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}
