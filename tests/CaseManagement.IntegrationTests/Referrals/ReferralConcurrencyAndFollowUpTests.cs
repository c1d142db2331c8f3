using CaseManagement.Application.Referrals;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.Referrals;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests.Referrals;

/// <summary>Optimistic concurrency on the referral's row version (xmin), revolving doors, and the caseworker's home panel.</summary>
public sealed class ReferralConcurrencyAndFollowUpTests(AppFixture app) : IClassFixture<AppFixture>
{
    private ReferralCommands Commands => app.Service<ReferralCommands>();

    private ReferralQuery Query => app.Service<ReferralQuery>();

    [Fact]
    public async Task A_change_carrying_a_stale_token_is_refused_as_a_conflict_and_writes_nothing()
    {
        var joint = await app.ReferralCaseAsync();
        var id = await app.ReferAsync(joint.CaseManager, joint.ClientId, await app.PartnerAsync());
        var opened = await app.OpenedAsync(joint.CaseManager, joint.ClientId, id);

        // Someone else (another tab) records the request first.
        var first = await Commands.RecordProgressAsync(joint.CaseManager, joint.ClientId, id,
            new ReferralProgressInput { Status = ReferralStatus.Requested, On = app.Today().AddDays(-2) }, opened.Token);
        Assert.True(first.Succeeded, first.Message);
        var changedBefore = (await app.ReferralAuditAsync(joint.ClientId, AuditAction.Changed)).Count;

        var stale = await Commands.RecordProgressAsync(joint.CaseManager, joint.ClientId, id,
            new ReferralProgressInput { Status = ReferralStatus.Declined, On = app.Today(), Note = "Klientin möchte nicht" }, opened.Token);
        var staleFollowUp = await Commands.SetFollowUpAsync(joint.CaseManager, joint.ClientId, id, new FollowUpInput { FollowUpOn = app.Today() }, opened.Token);

        Assert.True(stale.Conflict);
        Assert.False(stale.Succeeded);
        Assert.Equal(ReferralCommands.ConflictMessage, stale.Message);
        Assert.True(staleFollowUp.Conflict);
        var stored = await app.StoredReferralAsync(id);
        Assert.Equal(ReferralStatus.Requested, stored.Progress.Status);
        Assert.Null(stored.Progress.DeclinedOn);
        Assert.Null(stored.Progress.FailureReason);
        Assert.Null(stored.Progress.FollowUpOn);
        Assert.Equal(first.Value, stored.RowVersion);
        Assert.Equal(changedBefore, (await app.ReferralAuditAsync(joint.ClientId, AuditAction.Changed)).Count);

        // With the current token the same entry goes through.
        var retried = await Commands.RecordProgressAsync(joint.CaseManager, joint.ClientId, id,
            new ReferralProgressInput { Status = ReferralStatus.Declined, On = app.Today(), Note = "Klientin möchte nicht" }, first.Value);
        Assert.True(retried.Succeeded, retried.Message);
    }

    [Fact]
    public async Task Only_the_follow_up_changed_still_moves_the_row_version()
    {
        var joint = await app.ReferralCaseAsync();
        var id = await app.ReferAsync(joint.CaseManager, joint.ClientId, await app.PartnerAsync());
        var token = (await app.StoredReferralAsync(id)).RowVersion;

        var set = await Commands.SetFollowUpAsync(joint.CaseManager, joint.ClientId, id, new FollowUpInput { FollowUpOn = app.Today().AddDays(3) }, token);

        Assert.True(set.Succeeded, set.Message);
        Assert.NotEqual(token, set.Value);
        Assert.True((await Commands.SetFollowUpAsync(joint.CaseManager, joint.ClientId, id, new FollowUpInput { FollowUpOn = app.Today() }, token)).Conflict);
    }

    [Fact]
    public async Task A_referral_to_the_same_kind_of_service_within_twelve_months_is_marked_as_a_possible_revolving_door()
    {
        var joint = await app.ReferralCaseAsync();
        var clinic = await app.PartnerAsync(PartnerType.InpatientRehabClinic);
        var otherClinic = await app.PartnerAsync(PartnerType.InpatientRehabClinic);
        var debt = await app.PartnerAsync(PartnerType.DebtCounselling);
        var earlier = await app.ReferAsync(joint.CaseManager, joint.ClientId, clinic, proposedDaysAgo: 300);
        await app.AdvanceAsync(joint.CaseManager, joint.ClientId, earlier, ReferralStatus.DroppedOut, [290, 200], ReferralData.FailureReason);
        var declinedAtProposal = await app.ReferAsync(joint.CaseManager, joint.ClientId, clinic, proposedDaysAgo: 100);
        await app.AdvanceAsync(joint.CaseManager, joint.ClientId, declinedAtProposal, ReferralStatus.Declined, [99], "Klient lehnt ab");
        var again = await app.ReferAsync(joint.CaseManager, joint.ClientId, otherClinic, proposedDaysAgo: 3);
        var unrelated = await app.ReferAsync(joint.CaseManager, joint.ClientId, debt, proposedDaysAgo: 2);

        var list = await Query.ForClientAsync(joint.CaseManager, joint.ClientId);

        var door = Assert.Single(list!.Referrals.Single(r => r.Id == again).RevolvingDoor);
        Assert.Equal(earlier, door.Id);
        Assert.Equal(clinic.Name, door.PartnerName);
        Assert.Equal(ReferralStatus.DroppedOut, door.Status);
        Assert.Empty(list.Referrals.Single(r => r.Id == unrelated).RevolvingDoor);
        Assert.Empty(list.Referrals.Single(r => r.Id == earlier).RevolvingDoor);
        // Only requested referrals count: the one declined at the proposal never reached the clinic.
        Assert.Equal([earlier], (await app.OpenedAsync(joint.CaseManager, joint.ClientId, again)).Referral.RevolvingDoor.Select(r => r.Id));
    }

    [Fact]
    public async Task Due_follow_ups_of_own_cases_show_on_the_home_page_of_the_holders_caseworker_and_long_waits_as_the_team_leads_figure()
    {
        var joint = await app.ReferralCaseAsync(scope: ConsentScope.MasterData | ConsentScope.Referrals);
        var debt = await app.PartnerAsync(PartnerType.DebtCounselling, name: "Schuldnerberatung Test-Süd");
        var dueToday = await app.ReferAsync(joint.CaseManager, joint.ClientId, debt, followUpOn: app.Today());
        var dueLater = await app.ReferAsync(joint.CaseManager, joint.ClientId, debt, followUpOn: app.Today().AddDays(1));
        var waiting = await app.ReferAsync(joint.CaseManager, joint.ClientId, debt, proposedDaysAgo: 60);
        await app.AdvanceAsync(joint.CaseManager, joint.ClientId, waiting, ReferralStatus.AppointmentAgreed, [45, 10]);
        var shortWait = await app.ReferAsync(joint.CaseManager, joint.ClientId, debt, proposedDaysAgo: 40);
        await app.AdvanceAsync(joint.CaseManager, joint.ClientId, shortWait, ReferralStatus.Requested, [30]);
        // The Drogenhilfe's referral with a due follow-up belongs on the Drogenhilfe's home only.
        var drugHelps = await app.ReferAsync(joint.DrugHelpWorker, joint.ClientId, debt, followUpOn: app.Today());
        // An overdue follow-up (set a week ago): written directly, since a follow-up is never set in the past.
        await using (var db = await app.DbAsync())
        {
            var referral = await db.Referrals.FindAsync(dueLater);
            referral!.Progress.SetFollowUp(app.Today().AddDays(-7), app.Today().AddDays(-7));
            referral.Touch(joint.CaseManager, app.Now());
            await db.SaveChangesAsync();
        }

        var jobcenter = await Query.FollowUpsAsync(joint.CaseManager);
        var drugHelp = await Query.FollowUpsAsync(joint.DrugHelpWorker);

        Assert.Equal([dueLater, dueToday], jobcenter.Due.Select(Id));
        Assert.Equal($"Wiedervorlage seit {Date(-7)}: Schuldnerberatung Test-Süd (vorgeschlagen)", jobcenter.Due[0].Detail);
        Assert.Equal("Wiedervorlage heute: Schuldnerberatung Test-Süd (vorgeschlagen)", jobcenter.Due[1].Detail);
        Assert.Equal("Vermittelt, Renate", jobcenter.Due[0].DisplayName);
        Assert.Equal([drugHelps], drugHelp.Due.Select(Id));
        // Long waits are the team lead's figure, item by item (one definition); the wait of exactly 30 days is not one.
        var waits = await app.Service<Application.Team.TeamWorkloadQuery>().OwnItemsAsync(joint.CaseManager, Application.Team.WorkloadFigure.ReferralsWaiting);
        var wait = Assert.Single(waits);
        Assert.Equal(waiting, Id(wait));
        Assert.Equal($"Vermittlung angefragt am {Date(-45)}, wartet seit 45 Tagen: Schuldnerberatung Test-Süd", wait.Detail);
        var listed = (await app.DbAsync()).AuditEntries.Where(a => a.UserId == joint.CaseManager.Id && a.Action == AuditAction.ListViewed).ToList();
        Assert.Contains(listed, a => a.Fields!.Contains(joint.Client.CaseNumber, StringComparison.Ordinal) && a.Fields.StartsWith("Startseite Vermittlungen", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_follow_up_shown_without_the_clients_name_is_still_audited_as_read()
    {
        // The Jobcenter holds the master data and releases referrals only: the Drogenhilfe's home
        // lists its own referral's follow-up by case number, with partner and status.
        var joint = await app.ReferralCaseAsync(scope: ConsentScope.Referrals);
        var debt = await app.PartnerAsync(PartnerType.DebtCounselling, name: "Schuldnerberatung Ohne-Namen");
        await app.ReferAsync(joint.DrugHelpWorker, joint.ClientId, debt, followUpOn: app.Today());

        var row = Assert.Single((await Query.FollowUpsAsync(joint.DrugHelpWorker)).Due);

        Assert.Null(row.DisplayName);
        Assert.Equal("Wiedervorlage heute: Schuldnerberatung Ohne-Namen (vorgeschlagen)", row.Detail);
        await using var db = await app.DbAsync();
        var listed = await db.AuditEntries.Where(a => a.UserId == joint.DrugHelpWorker.Id && a.Action == AuditAction.ListViewed).ToListAsync();
        Assert.Contains(listed, a => a.Fields!.StartsWith("Startseite Vermittlungen", StringComparison.Ordinal) && a.Fields.Contains(joint.Client.CaseNumber, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_caseworkers_long_waits_are_listed_all_so_the_home_panel_counts_them_right()
    {
        var joint = await app.ReferralCaseAsync();
        var debt = await app.PartnerAsync(PartnerType.DebtCounselling, name: "Schuldnerberatung Viele-Wartende");
        for (var i = 0; i < 55; i++)
        {
            var waiting = await app.ReferAsync(joint.CaseManager, joint.ClientId, debt, proposedDaysAgo: 60);
            await app.AdvanceAsync(joint.CaseManager, joint.ClientId, waiting, ReferralStatus.Requested, [45]);
        }

        var waits = await app.Service<Application.Team.TeamWorkloadQuery>().OwnItemsAsync(joint.CaseManager, Application.Team.WorkloadFigure.ReferralsWaiting);

        Assert.Equal(55, waits.Count(w => w.ClientId == joint.ClientId));
    }

    [Fact]
    public async Task A_long_wait_the_other_side_may_read_without_the_name_shows_its_partner_and_is_audited_by_case_number()
    {
        // Referrals shared both ways, master data not: the Drogenhilfe sees the Jobcenter's referral, not the name.
        var joint = await app.ReferralCaseAsync(scope: ConsentScope.Referrals);
        var debt = await app.PartnerAsync(PartnerType.DebtCounselling, name: "Schuldnerberatung Test-Nord");
        var waiting = await app.ReferAsync(joint.CaseManager, joint.ClientId, debt, proposedDaysAgo: 60);
        await app.AdvanceAsync(joint.CaseManager, joint.ClientId, waiting, ReferralStatus.Requested, [45]);

        var waits = await app.Service<Application.Team.TeamWorkloadQuery>().OwnItemsAsync(joint.DrugHelpWorker, Application.Team.WorkloadFigure.ReferralsWaiting);

        var wait = Assert.Single(waits, w => w.ClientId == joint.ClientId);
        Assert.Null(wait.DisplayName);
        Assert.EndsWith(": Schuldnerberatung Test-Nord", wait.Detail, StringComparison.Ordinal);
        await using var db = await app.DbAsync();
        Assert.Contains(await db.AuditEntries.Where(a => a.UserId == joint.DrugHelpWorker.Id && a.Action == AuditAction.ListViewed).ToListAsync(),
            a => a.Fields!.Contains(joint.Client.CaseNumber, StringComparison.Ordinal));
    }

    private static Guid Id(Application.Clients.OverviewCase row) => Guid.Parse(row.Href!.Split('/')[^1]);

    private string Date(int days) => Domain.GermanCalendar.Format(app.Today().AddDays(days));
}
