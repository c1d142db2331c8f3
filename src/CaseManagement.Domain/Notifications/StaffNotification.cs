namespace CaseManagement.Domain.Notifications;

/// <summary>
/// A message for one staff member, shown on their home page until they mark it as read
/// (e.g. "Fall LU-2026-00042 wurde Ihnen zugewiesen"). It names the case number, never the
/// client's name: a notification outlives the recipient's right to read the case.
/// </summary>
public class StaffNotification
{
    public const int TextMaxLength = 500;

    public const int LinkPathMaxLength = 200;

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

    /// <summary>A page of the product the notification leads to (e.g. a team lead's hand-over list); never a client's id.</summary>
    public string? LinkPath { get; set; }

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

    /// <summary>A notification that leads to a page of the product rather than to a case.</summary>
    public static StaffNotification WithLink(string staffId, string text, string linkPath, DateTimeOffset now)
    {
        if (!linkPath.StartsWith('/') || linkPath.StartsWith("//", StringComparison.Ordinal) || linkPath.Length > LinkPathMaxLength)
        {
            throw new ArgumentException("A path of this application is expected.", nameof(linkPath));
        }

        var notification = For(staffId, text, clientId: null, now);
        notification.LinkPath = linkPath;
        return notification;
    }

    /// <summary>Marks it as read; reading it twice keeps the first time.</summary>
    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}
