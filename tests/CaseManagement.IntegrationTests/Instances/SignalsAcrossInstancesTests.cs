using CaseManagement.Application.Clients;
using CaseManagement.Application.Consent;
using CaseManagement.Application.HelpPlans;
using CaseManagement.Application.Notifications;
using CaseManagement.Application.Sessions;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.Sessions;
using CaseManagement.Domain.Staff;
using CaseManagement.Testing;
using CaseManagement.Web.Realtime;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests.Instances;

/// <summary>
/// Two app instances on one PostgreSQL database: a consent revoked through one reaches the pages
/// open on the other at once (their notifier fires for that client), and the instance that made the
/// change does not get it back a second time; a session ended on one ends its tabs on the other.
/// </summary>
public sealed class SignalsAcrossInstancesTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_revocation_on_one_instance_reaches_the_open_pages_of_another_and_is_not_echoed_back()
    {
        await using var second = new CaseManagementAppFactory(app.Database.ConnectionString, seedCaseload: false);
        await app.Factory.Services.GetRequiredService<PostgresInstanceRelay>().Listening.WaitAsync(Soon);
        await second.Services.GetRequiredService<PostgresInstanceRelay>().Listening.WaitAsync(Soon);

        var caseManager = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Fallmanagerin Zwei Instanzen");
        var drugHelpWorker = await app.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Fachkraft Zwei Instanzen");
        var client = CaseData.NewClient(Organisation.DrugHelpService, caseManager.Id, drugHelpWorker.Id);
        var consent = client.AddConsent(drugHelpWorker.Id, ConsentScope.MasterData, ConsentDirections.DrugHelpToJobcenter, app.Today().AddDays(-3));
        await app.SaveClientsAsync([client]);

        var arrivedThere = new TaskCompletionSource<Guid>(TaskCreationOptions.RunContinuationsAsynchronously);
        second.Services.GetRequiredService<ClientChangeNotifier>().Changed += id =>
        {
            if (id == client.Id)
            {
                arrivedThere.TrySetResult(id);
            }
        };
        var seenHere = 0;
        app.Service<ClientChangeNotifier>().Changed += id =>
        {
            if (id == client.Id)
            {
                Interlocked.Increment(ref seenHere);
            }
        };

        var revoked = await app.Service<ConsentCommands>().RevokeAsync(drugHelpWorker, client.Id, consent.Id, new RevocationInput { Note = "am Telefon" });

        Assert.True(revoked.Succeeded, revoked.Message);
        Assert.Equal(client.Id, await arrivedThere.Task.WaitAsync(Soon));
        // The change travelled through the database and back to every listener, this instance included: it ignores its own.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1, Volatile.Read(ref seenHere));
    }

    [Fact]
    public async Task A_session_ended_on_one_instance_ends_its_tabs_on_another()
    {
        await using var second = new CaseManagementAppFactory(app.Database.ConnectionString, seedCaseload: false);
        await app.Factory.Services.GetRequiredService<PostgresInstanceRelay>().Listening.WaitAsync(Soon);
        await second.Services.GetRequiredService<PostgresInstanceRelay>().Listening.WaitAsync(Soon);
        var arrivedThere = new TaskCompletionSource<StaffSessionEnded>(TaskCreationOptions.RunContinuationsAsynchronously);
        var sessionId = Guid.NewGuid();
        second.Services.GetRequiredService<IStaffSessionSignal>().Ended += ended =>
        {
            if (ended.SessionId == sessionId)
            {
                arrivedThere.TrySetResult(ended);
            }
        };

        app.Service<IStaffSessionSignal>().Publish(new StaffSessionEnded(sessionId, SessionEndReason.SignedOut, "tab:7f3a"));

        Assert.Equal(new StaffSessionEnded(sessionId, SessionEndReason.SignedOut, "tab:7f3a"), await arrivedThere.Task.WaitAsync(Soon));
    }

    [Fact]
    public async Task A_plan_saved_on_one_instance_tells_the_other_editor_on_another_and_a_notification_reaches_the_home_page_there()
    {
        await using var second = new CaseManagementAppFactory(app.Database.ConnectionString, seedCaseload: false);
        await app.Factory.Services.GetRequiredService<PostgresInstanceRelay>().Listening.WaitAsync(Soon);
        await second.Services.GetRequiredService<PostgresInstanceRelay>().Listening.WaitAsync(Soon);
        var saved = new HelpPlanChanged(Guid.NewGuid(), Guid.NewGuid(), "Dana Dörr: Fachkraft", 4_000_000_123);
        var planThere = new TaskCompletionSource<HelpPlanChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        second.Services.GetRequiredService<HelpPlanChangeNotifier>().Changed += change =>
        {
            if (change.PlanId == saved.PlanId)
            {
                planThere.TrySetResult(change);
            }
        };
        var staffId = Guid.NewGuid().ToString();
        var notificationThere = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        second.Services.GetRequiredService<StaffNotificationSignal>().Changed += id =>
        {
            if (id == staffId)
            {
                notificationThere.TrySetResult(id);
            }
        };

        app.Service<HelpPlanChangeNotifier>().Publish(saved);
        app.Service<StaffNotificationSignal>().Publish(staffId);

        // The saver's name arrives whole, colon included.
        Assert.Equal(saved, await planThere.Task.WaitAsync(Soon));
        Assert.Equal(staffId, await notificationThere.Task.WaitAsync(Soon));
    }
}
