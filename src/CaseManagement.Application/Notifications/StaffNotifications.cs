using CaseManagement.Domain.Access;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Notifications;

/// <summary>A notification as its recipient sees it on the home page.</summary>
/// <param name="LinkPath">A page of the product it leads to instead of a case (e.g. a hand-over list).</param>
public sealed record NotificationView(Guid Id, DateTimeOffset CreatedAt, string Text, Guid? ClientId, string? LinkPath = null);

public sealed record UnreadNotifications(IReadOnlyList<NotificationView> Newest, int Total);

/// <summary>
/// Tells open home pages that someone's notifications changed, so a case handed over shows at
/// once. Like <see cref="Clients.ClientChangeNotifier"/>, a relay carries it to the other instances.
/// </summary>
public sealed class StaffNotificationSignal
{
    public event Action<string>? Changed;

    /// <summary>Raised for the relay to the other instances.</summary>
    public event Action<string>? PublishedHere;

    public void Publish(string staffId)
    {
        Changed?.Invoke(staffId);
        PublishedHere?.Invoke(staffId);
    }

    /// <summary>A change made on another instance.</summary>
    public void DeliverFromElsewhere(string staffId) => Changed?.Invoke(staffId);
}

/// <summary>
/// A staff member's own notifications: unread ones for the home page, and marking them read.
/// Nobody reads or dismisses another person's notifications. They carry case numbers, never
/// names, so showing them is not a read of client data.
/// </summary>
public sealed class StaffNotifications(IDbContextFactory<CaseManagementDbContext> contextFactory, StaffNotificationSignal signal, TimeProvider clock)
{
    /// <summary>How many unread notifications the home page lists at most.</summary>
    public const int Shown = 20;

    public async Task<UnreadNotifications> UnreadAsync(StaffMember reader, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var unread = db.StaffNotifications.AsNoTracking().Where(n => n.StaffId == reader.Id && n.ReadAt == null);
        var newest = await unread
            .OrderByDescending(n => n.CreatedAt)
            .Take(Shown)
            .Select(n => new NotificationView(n.Id, n.CreatedAt, n.Text, n.LinksToCase ? n.ClientId : null, n.LinkPath))
            .ToListAsync(cancellationToken);
        var total = newest.Count < Shown ? newest.Count : await unread.CountAsync(cancellationToken);
        return new UnreadNotifications(newest, total);
    }

    /// <summary>Marks one of the reader's own notifications as read; false when it is not theirs or does not exist.</summary>
    public async Task<bool> MarkReadAsync(StaffMember reader, Guid notificationId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var notification = await db.StaffNotifications
            .SingleOrDefaultAsync(n => n.Id == notificationId && n.StaffId == reader.Id, cancellationToken);
        if (notification is null)
        {
            return false;
        }

        notification.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        signal.Publish(reader.Id);
        return true;
    }

    /// <summary>Marks all of the reader's unread notifications as read.</summary>
    public async Task MarkAllReadAsync(StaffMember reader, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var unread = await db.StaffNotifications.Where(n => n.StaffId == reader.Id && n.ReadAt == null).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        unread.ForEach(n => n.MarkRead(now));
        await db.SaveChangesAsync(cancellationToken);
        signal.Publish(reader.Id);
    }
}
