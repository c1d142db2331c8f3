using CaseManagement.Application.Notifications;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Notifications;
using CaseManagement.Domain.Staff;

namespace CaseManagement.IntegrationTests.Team;

/// <summary>Home-page notifications: each person sees and dismisses only their own, newest first.</summary>
public sealed class StaffNotificationTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_person_sees_only_their_own_unread_notifications_newest_first()
    {
        var (anna, ben) = await PeopleAsync();
        var now = app.Now();
        await AddAsync(
            StaffNotification.For(anna.Id, "älter", null, now.AddMinutes(-5)),
            StaffNotification.For(anna.Id, "neuer", null, now),
            StaffNotification.For(ben.Id, "für Ben", null, now));

        var unread = await app.Service<StaffNotifications>().UnreadAsync(anna);

        Assert.Equal(["neuer", "älter"], unread.Newest.Select(n => n.Text));
        Assert.Equal(2, unread.Total);
    }

    [Fact]
    public async Task Marking_as_read_works_only_on_one_s_own_notification()
    {
        var (anna, ben) = await PeopleAsync();
        var notification = StaffNotification.For(anna.Id, "Fall übergeben", null, app.Now());
        await AddAsync(notification);
        var notifications = app.Service<StaffNotifications>();

        Assert.False(await notifications.MarkReadAsync(ben, notification.Id));
        Assert.Single((await notifications.UnreadAsync(anna)).Newest);

        Assert.True(await notifications.MarkReadAsync(anna, notification.Id));
        Assert.Empty((await notifications.UnreadAsync(anna)).Newest);
    }

    [Fact]
    public async Task All_of_one_s_notifications_can_be_marked_read_at_once_and_the_total_counts_beyond_the_shown_ones()
    {
        var (anna, ben) = await PeopleAsync();
        var now = app.Now();
        await AddAsync([.. Enumerable.Range(0, StaffNotifications.Shown + 3).Select(i => StaffNotification.For(anna.Id, $"Nr. {i}", null, now.AddSeconds(i)))]);
        await AddAsync(StaffNotification.For(ben.Id, "für Ben", null, now));
        var notifications = app.Service<StaffNotifications>();

        var unread = await notifications.UnreadAsync(anna);
        Assert.Equal(StaffNotifications.Shown, unread.Newest.Count);
        Assert.Equal(StaffNotifications.Shown + 3, unread.Total);

        await notifications.MarkAllReadAsync(anna);

        Assert.Equal(0, (await notifications.UnreadAsync(anna)).Total);
        Assert.Equal(1, (await notifications.UnreadAsync(ben)).Total);
    }

    private async Task<(StaffMember Anna, StaffMember Ben)> PeopleAsync() => (
        await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Anna Avci"),
        await app.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Ben Bauer"));

    private async Task AddAsync(params StaffNotification[] notifications)
    {
        await using var db = await app.DbAsync();
        db.StaffNotifications.AddRange(notifications);
        await db.SaveChangesAsync();
    }
}
