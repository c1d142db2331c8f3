using System.Text.Json;
using CaseManagement.Application.Reports;
using CaseManagement.Application.Steering;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Staff;
using CaseManagement.Domain.Steering;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests.Steering;

/// <summary>
/// The steering rounds' meetings: open measures carry over, the figures a meeting discussed stay as
/// they were, texts that name a client are stopped with a warning, and only members write.
/// </summary>
public sealed class SteeringRoundTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Open_measures_stand_on_every_later_agenda_of_their_round_until_done_and_are_found_again_at_the_next_meeting()
    {
        var member = await MemberAsync(SteeringRoundKind.Operational);
        var rounds = app.Service<SteeringRounds>();
        var first = await CreateMeetingAsync(member, SteeringRoundKind.Operational, app.Today().AddDays(-60));
        var waiting = Ok(await rounds.AddMeasureAsync(member, first, Measure("Feste Aufnahmetage mit der Entgiftung vereinbaren", "vermittlungen")));
        var done = Ok(await rounds.AddMeasureAsync(member, first, Measure("Fortbildung Suchtgrundlagen planen")));
        var doneView = (await rounds.MeetingAsync(member, first))!.Decided.Single(m => m.Id == done);
        var finished = MeasureInput.From(doneView);
        finished.Status = MeasureStatus.Done;
        Ok(await rounds.UpdateMeasureAsync(member, done, finished, doneView.Token));
        var otherRound = await MemberAsync(SteeringRoundKind.Strategic);
        var strategic = await CreateMeetingAsync(otherRound, SteeringRoundKind.Strategic, app.Today().AddDays(-50));
        Ok(await rounds.AddMeasureAsync(otherRound, strategic, Measure("Suchtbericht beauftragen")));

        var second = await CreateMeetingAsync(member, SteeringRoundKind.Operational, app.Today().AddDays(-30));
        var agenda = (await rounds.MeetingAsync(member, second))!;

        var carried = Assert.Single(agenda.CarriedOver);
        Assert.Equal(waiting, carried.Id);
        Assert.Equal(SteeringFigures.Titles["vermittlungen"], carried.FigureTitle);
        Assert.Empty(agenda.Decided);

        var progress = MeasureInput.From(carried);
        progress.Status = MeasureStatus.Done;
        Ok(await rounds.UpdateMeasureAsync(member, carried.Id, progress, carried.Token));
        var third = await CreateMeetingAsync(member, SteeringRoundKind.Operational, app.Today());
        Assert.Empty((await rounds.MeetingAsync(member, third))!.CarriedOver);
        // An earlier meeting does not list what later meetings decided.
        var laterMeasure = Ok(await rounds.AddMeasureAsync(member, third, Measure("Zahlen im nächsten Quartal prüfen")));
        Assert.DoesNotContain((await rounds.MeetingAsync(member, second))!.CarriedOver, m => m.Id == laterMeasure);
    }

    [Fact]
    public async Task The_figures_a_meeting_froze_stay_as_they_were_when_the_data_change_afterwards()
    {
        var member = await MemberAsync(SteeringRoundKind.Strategic);
        var rounds = app.Service<SteeringRounds>();
        var meetingId = await CreateMeetingAsync(member, SteeringRoundKind.Strategic, app.Today());
        var meeting = (await rounds.MeetingAsync(member, meetingId))!;
        var period = ReportPeriod.Year(app.Today().Year);

        Ok(await rounds.FreezeFiguresAsync(member, meetingId, period, meeting.Token));
        var frozen = (await rounds.MeetingAsync(member, meetingId))!.Figures!;
        var caseManager = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Fallmanagerin Nachtrag");
        var late = Enumerable.Range(0, 25).Select(i =>
        {
            var client = CaseData.NewClient(Organisation.Jobcenter, caseManager.Id, null, lastName: $"Nachtrag{i}", birthDate: new DateOnly(1990, 1, 1).AddDays(i));
            client.AddEpisode(app.Today().AddDays(-5));
            return client;
        }).ToList();
        await app.SaveClientsAsync(late);

        var live = await app.Service<SteeringReportQuery>().RunAsync(period);
        var afterwards = (await rounds.MeetingAsync(member, meetingId))!.Figures!;

        Assert.NotEqual(
            JsonSerializer.Serialize(frozen.Tables.Single(t => t.Key == "klienten").Table),
            JsonSerializer.Serialize(SteeringReportExport.Table(live, live.Section("klienten"))));
        Assert.Equal(JsonSerializer.Serialize(frozen), JsonSerializer.Serialize(afterwards));
        Assert.Equal(period.Label, afterwards.PeriodLabel);
        Assert.Equal(live.Sections.Select(s => s.Key), afterwards.Tables.Select(t => t.Key));
    }

    [Fact]
    public async Task A_case_number_an_addressed_name_or_a_clients_name_the_writer_knows_is_stopped_with_a_warning_and_each_client_found_is_audited()
    {
        var steering = await MemberAsync(SteeringRoundKind.Operational);
        var teamLead = await app.CreateMemberAsync(StaffRole.TeamLeadJobcenter, Organisation.Jobcenter, "Teamleitung Protokoll");
        await AddMemberAsync(teamLead, SteeringRoundKind.Operational);
        var rounds = app.Service<SteeringRounds>();
        var joint = await app.JointCaseAsync(firstName: "Walburga", lastName: "Zwiebelhuber");
        string caseNumber;
        await using (var read = await app.DbAsync())
        {
            caseNumber = await read.Clients.Where(c => c.Id == joint.ClientId).Select(c => c.CaseNumber).SingleAsync();
        }

        Task<Application.CommandResult<Guid>> Write(StaffMember writer, string minutes) =>
            rounds.CreateMeetingAsync(writer, SteeringRoundKind.Operational, new MeetingInput { HeldOn = app.Today(), Minutes = minutes });

        var withCaseNumber = await Write(steering, "Rückfrage zu lu-2026-00042 geklärt.");
        var addressed = await Write(steering, "Wie mit Herrn Beispielmann besprochen …");
        var knownToTheTeamLead = await Write(teamLead, "Wie bei Walburga Zwiebelhuber besprochen …");
        var reversed = await Write(teamLead, "Fall ZWIEBELHUBER, Walburga an die Teamleitung.");
        var clean = await Write(teamLead, "Wartezeiten bei der Entgiftung: im Median 41 Tage.");

        Assert.Contains("lu-2026-00042", Assert.Single(withCaseNumber.Warnings).Message, StringComparison.Ordinal);
        Assert.Contains("„Herrn Beispielmann“", Assert.Single(addressed.Warnings).Message, StringComparison.Ordinal);
        Assert.Contains("Walburga Zwiebelhuber", Assert.Single(knownToTheTeamLead.Warnings).Message, StringComparison.Ordinal);
        Assert.Single(reversed.Warnings);
        Assert.True(clean.Succeeded);
        await using (var db = await app.DbAsync())
        {
            var entries = await db.AuditEntries.Where(e => e.Action == AuditAction.SteeringTextNamedClient && e.ClientId == joint.ClientId).ToListAsync();
            Assert.Equal(2, entries.Count);
            Assert.All(entries, e => Assert.Equal(caseNumber, e.CaseNumber));
            Assert.All(entries, e => Assert.Equal(teamLead.Id, e.UserId));
            Assert.DoesNotContain(await db.SteeringMeetings.Select(m => m.Minutes).ToListAsync(), m => m.Contains("Zwiebelhuber", StringComparison.Ordinal));
        }

        var confirmed = await rounds.CreateMeetingAsync(teamLead, SteeringRoundKind.Operational,
            new MeetingInput { HeldOn = app.Today(), Minutes = "Wie bei Walburga Zwiebelhuber besprochen …", ConfirmedNoPersonalData = true });
        Assert.True(confirmed.Succeeded);
    }

    [Fact]
    public async Task The_warning_never_tells_a_steering_member_who_is_a_client()
    {
        var steering = await MemberAsync(SteeringRoundKind.Operational);
        var rounds = app.Service<SteeringRounds>();
        var joint = await app.JointCaseAsync(firstName: "Gerlinde", lastName: "Sondierbaum");

        // Typed as a probe: the steering member may not read the client, so the register stays silent.
        var probe = await rounds.CreateMeetingAsync(steering, SteeringRoundKind.Operational,
            new MeetingInput { HeldOn = app.Today(), Minutes = "Gerlinde Sondierbaum" });

        Assert.True(probe.Succeeded);
        Assert.Empty(probe.Warnings);
        await using var db = await app.DbAsync();
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == AuditAction.SteeringTextNamedClient && e.ClientId == joint.ClientId));
    }

    [Fact]
    public async Task Members_write_team_leads_read_and_everyone_else_is_refused_as_if_the_meeting_did_not_exist()
    {
        var member = await MemberAsync(SteeringRoundKind.Strategic);
        var rounds = app.Service<SteeringRounds>();
        var meetingId = await CreateMeetingAsync(member, SteeringRoundKind.Strategic, app.Today());
        var teamLead = await app.CreateMemberAsync(StaffRole.TeamLeadDrugHelp, Organisation.DrugHelpService, "Teamleitung liest mit");
        var steeringNonMember = await app.CreateMemberAsync(StaffRole.SteeringCommittee, Organisation.Jobcenter, "Lenkung ohne Runde");
        var caseworker = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Fallmanager neugierig");
        var admin = await app.CreateMemberAsync(StaffRole.Administrator, Organisation.Jobcenter, "Administration");

        var read = await rounds.MeetingAsync(teamLead, meetingId);
        Assert.NotNull(read);
        Assert.False(read.MayWrite);
        var change = MeetingInput.From(read);
        change.Minutes = "Von der Teamleitung geändert";
        Assert.False((await rounds.UpdateMeetingAsync(teamLead, meetingId, change, read.Token)).Succeeded);
        Assert.False((await rounds.AddMeasureAsync(teamLead, meetingId, Measure("Untergeschoben"))).Succeeded);
        Assert.False((await rounds.CreateMeetingAsync(teamLead, SteeringRoundKind.Strategic, new MeetingInput { HeldOn = app.Today() })).Succeeded);
        foreach (var outsider in new[] { steeringNonMember, caseworker, admin })
        {
            Assert.Null(await rounds.MeetingAsync(outsider, meetingId));
            Assert.Null(await rounds.RoundAsync(outsider, SteeringRoundKind.Strategic));
        }

        Assert.Equal("", (await rounds.MeetingAsync(member, meetingId))!.Minutes);
        // A measure id of the other round, swapped into a member's request, is refused.
        var strategicMeasure = Ok(await rounds.AddMeasureAsync(member, meetingId, Measure("Nur für die strategische Runde")));
        var operationalMember = await MemberAsync(SteeringRoundKind.Operational);
        var swapped = (await rounds.MeetingAsync(member, meetingId))!.Decided.Single(m => m.Id == strategicMeasure);
        var takeover = MeasureInput.From(swapped);
        takeover.What = "Übernommen";
        Assert.False((await rounds.UpdateMeasureAsync(operationalMember, strategicMeasure, takeover, swapped.Token)).Succeeded);
        Assert.Equal("Nur für die strategische Runde", (await rounds.MeetingAsync(member, meetingId))!.Decided.Single().What);
        // Membership is Administration's: a member cannot add someone, Administration can.
        Assert.False((await rounds.SetMembersAsync(member, SteeringRoundKind.Strategic, [member.Id, caseworker.Id])).Succeeded);
        Assert.True((await rounds.SetMembersAsync(admin, SteeringRoundKind.Strategic, [member.Id, steeringNonMember.Id])).Succeeded);
        Assert.NotNull(await rounds.MeetingAsync(steeringNonMember, meetingId));
    }

    [Fact]
    public async Task Two_members_saving_the_same_meeting_do_not_overwrite_each_other()
    {
        var member = await MemberAsync(SteeringRoundKind.Operational);
        var colleague = await MemberAsync(SteeringRoundKind.Operational);
        var rounds = app.Service<SteeringRounds>();
        var meetingId = await CreateMeetingAsync(member, SteeringRoundKind.Operational, app.Today());
        var mine = (await rounds.MeetingAsync(member, meetingId))!;
        var theirs = (await rounds.MeetingAsync(colleague, meetingId))!;

        var first = MeetingInput.From(mine);
        first.Minutes = "Protokoll von mir";
        var second = MeetingInput.From(theirs);
        second.Minutes = "Protokoll der Kollegin";
        Ok(await rounds.UpdateMeetingAsync(member, meetingId, first, mine.Token));
        var refused = await rounds.UpdateMeetingAsync(colleague, meetingId, second, theirs.Token);

        Assert.True(refused.Conflict);
        Assert.Equal("Protokoll von mir", (await rounds.MeetingAsync(member, meetingId))!.Minutes);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Bad_input_is_refused_with_a_German_message_and_nothing_is_saved(bool tooLong)
    {
        var member = await MemberAsync(SteeringRoundKind.Operational);
        var rounds = app.Service<SteeringRounds>();
        var input = new MeetingInput
        {
            HeldOn = app.Today(),
            Minutes = tooLong ? new string('x', SteeringMeeting.MinutesMaxLength + 1) : "Protokoll mit \0 Null-Byte",
        };
        await using var before = await app.DbAsync();
        var count = await before.SteeringMeetings.CountAsync();

        var result = await rounds.CreateMeetingAsync(member, SteeringRoundKind.Operational, input);

        Assert.False(result.Succeeded);
        Assert.Contains("Protokoll", Assert.Single(result.Errors[nameof(MeetingInput.Minutes)]), StringComparison.Ordinal);
        await using var after = await app.DbAsync();
        Assert.Equal(count, await after.SteeringMeetings.CountAsync());
    }

    [Fact]
    public async Task The_minutes_PDF_holds_every_part_of_the_meeting_and_only_readers_of_the_meeting_get_it()
    {
        var member = await MemberAsync(SteeringRoundKind.Operational);
        var rounds = app.Service<SteeringRounds>();
        var earlier = await CreateMeetingAsync(member, SteeringRoundKind.Operational, app.Today().AddDays(-20));
        Ok(await rounds.AddMeasureAsync(member, earlier, Measure("Aufnahmetage mit der Entgiftung klären", "vermittlungen")));
        var meetingId = Ok(await rounds.CreateMeetingAsync(member, SteeringRoundKind.Operational, new MeetingInput
        {
            HeldOn = app.Today(),
            Participants = "Teamleitung Jobcenter, Teamleitung Drogenhilfe",
            Agenda = "1. Kennzahlen des Jahres\n2. Sprechstunde",
            Minutes = "Die Wartezeiten sind gestiegen.",
            Decisions = "Sprechstunde der Drogenhilfe im Jobcenter einrichten.",
        }));
        Ok(await rounds.AddMeasureAsync(member, meetingId, Measure("Sprechstunde vorbereiten")));
        var meeting = (await rounds.MeetingAsync(member, meetingId))!;
        Ok(await rounds.FreezeFiguresAsync(member, meetingId, ReportPeriod.Year(app.Today().Year), meeting.Token));

        var file = await rounds.MinutesPdfAsync(member, meetingId);

        Assert.NotNull(file);
        Assert.Equal($"protokoll-operativ-{app.Today():yyyy-MM-dd}.pdf", file.FileName);
        var text = PdfText.Of(file.Content);
        foreach (var expected in new[]
        {
            "Protokoll – Operative Lenkungsrunde", "Teilnehmende", "Teamleitung Jobcenter, Teamleitung Drogenhilfe", "Tagesordnung",
            "2. Sprechstunde", "Offene Maßnahmen aus früheren Sitzungen", "Aufnahmetage mit der Entgiftung klären", "Protokoll",
            "Die Wartezeiten sind gestiegen.", "Beschlüsse", "Maßnahmen dieser Sitzung", "Sprechstunde vorbereiten", "Kennzahlen",
            SteeringFigures.Titles["klienten"], $"Zeitraum {app.Today().Year}",
        })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        await using (var db = await app.DbAsync())
        {
            Assert.True(await db.AuditEntries.AnyAsync(e => e.UserId == member.Id && e.Action == AuditAction.Exported && e.Fields!.Contains("Protokoll")));
        }

        var caseworker = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Fallmanager Protokoll");
        Assert.Null(await rounds.MinutesPdfAsync(caseworker, meetingId));
    }

    private async Task<StaffMember> MemberAsync(SteeringRoundKind round)
    {
        var member = await app.CreateMemberAsync(StaffRole.SteeringCommittee, Organisation.Jobcenter, $"Mitglied {Guid.NewGuid():N}"[..20]);
        await AddMemberAsync(member, round);
        return member;
    }

    private async Task AddMemberAsync(StaffMember member, SteeringRoundKind round)
    {
        await using var db = await app.DbAsync();
        db.SteeringRoundMembers.Add(new SteeringRoundMember { Id = Guid.NewGuid(), Round = round, StaffId = member.Id });
        await db.SaveChangesAsync();
    }

    private async Task<Guid> CreateMeetingAsync(StaffMember member, SteeringRoundKind round, DateOnly heldOn) =>
        Ok(await app.Service<SteeringRounds>().CreateMeetingAsync(member, round, new MeetingInput { HeldOn = heldOn, Agenda = "1. Kennzahlen" }));

    private static MeasureInput Measure(string what, string? figure = null) => new() { What = what, Who = "Teamleitung Drogenhilfe", DueBy = null, Figure = figure };

    private static T Ok<T>(Application.CommandResult<T> result)
    {
        Assert.True(result.Succeeded, result.Message ?? string.Join(" ", result.Errors.SelectMany(e => e.Value)) + string.Join(" ", result.Warnings.Select(w => w.Message)));
        return result.Value!;
    }
}
