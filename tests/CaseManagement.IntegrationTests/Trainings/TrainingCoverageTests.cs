using CaseManagement.Application.Reports;
using CaseManagement.Application.Trainings;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Staff;
using CaseManagement.Domain.Trainings;
using CaseManagement.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests.Trainings;

/// <summary>
/// Joint trainings on real PostgreSQL: a hand-built team whose every coverage figure is known, the
/// team lead's due list, the steering report's table (page model, PDF), who may do what, validation
/// and concurrency.
/// </summary>
public sealed class TrainingCoverageTests(AppFixture app) : IClassFixture<AppFixture>
{
    /// <summary>
    /// Team "Nord" of the Jobcenter: the lead and four case managers (A–D), a deactivated colleague,
    /// a case manager of another team, a drug-help worker whose account names the same team.
    /// Topics: addiction basics (Jobcenter, 24 months), case law (Drogenhilfe, 12), data protection
    /// (both, once), an inactive one (Jobcenter).
    /// </summary>
    private sealed record Data(
        StaffMember Admin, StaffMember Lead, StaffMember A, StaffMember B, StaffMember C, StaffMember D, StaffMember Former,
        StaffMember OtherTeam, StaffMember DrugHelp, StaffMember DrugHelpLead,
        Guid Addiction, Guid CaseLaw, Guid Privacy, Guid Retired);

    [Fact]
    public async Task The_team_lead_sees_every_coverage_figure_of_the_hand_built_team_and_who_is_due_since_when()
    {
        var data = await DataAsync();
        var today = app.Today();

        var view = await app.Service<TrainingCoverageQuery>().TeamAsync(data.Lead);

        Assert.NotNull(view);
        Assert.Equal(5, view.People); // lead, A, B, C, D: not the deactivated one, not another team, not the other organisation
        var mine = view.Topics.Where(t => t.TrainingId == data.Addiction || t.TrainingId == data.Privacy || t.TrainingId == data.CaseLaw || t.TrainingId == data.Retired).ToList();
        Assert.Equal(new[] { data.Addiction, data.Privacy }.Order(), mine.Select(t => t.TrainingId).Order());

        var addiction = mine.Single(t => t.TrainingId == data.Addiction);
        Assert.Equal((2, 5, 40), (addiction.Trained, addiction.Total, addiction.SharePercent!.Value)); // B (6 months ago) and the lead
        Assert.Equal([data.C.Id, data.A.Id, data.D.Id], addiction.Due.Select(d => d.Staff.Id));
        var c = addiction.Due[0];
        Assert.Null(c.LastAttended); // absent once, never attended
        Assert.Equal(today.AddDays(10), c.NextRegistered);
        var a = addiction.Due[1];
        Assert.Equal(today.AddMonths(-30), a.LastAttended);
        Assert.Equal(today.AddMonths(-6), a.DueSince);
        var d = addiction.Due[2];
        Assert.Equal(today.AddMonths(-24), d.LastAttended);
        Assert.Equal(today, d.DueSince); // exactly on the due date: due

        var privacy = mine.Single(t => t.TrainingId == data.Privacy);
        Assert.Equal((2, 5, 40), (privacy.Trained, privacy.Total, privacy.SharePercent!.Value)); // A (five years ago, once is enough) and D
        Assert.Equal(
            new[] { data.Lead, data.B, data.C }.Select(p => p.DisplayName).Order(StringComparer.CurrentCulture),
            privacy.Due.Select(p => p.Staff.DisplayName));
        Assert.All(privacy.Due, p => Assert.Null(p.LastAttended));
        Assert.All(view.Topics.SelectMany(t => t.Due), p => Assert.Equal(Organisation.Jobcenter, p.Staff.Organisation));
    }

    [Fact]
    public async Task A_team_lead_sees_only_their_own_team_and_organisation_and_nobody_else_sees_a_team()
    {
        var data = await DataAsync();
        var query = app.Service<TrainingCoverageQuery>();
        var team = new[] { data.Lead, data.A, data.B, data.C, data.D }.Select(p => p.Id).ToHashSet();

        // The drug-help lead of the team with the same name: only the drug-help worker, none of the Jobcenter's people.
        var drugHelp = await query.TeamAsync(data.DrugHelpLead);
        Assert.NotNull(drugHelp);
        Assert.Equal(2, drugHelp.People);
        Assert.DoesNotContain(drugHelp.Topics, t => t.TrainingId == data.Addiction);
        var privacy = drugHelp.Topics.Single(t => t.TrainingId == data.Privacy);
        Assert.Equal((1, 2), (privacy.Trained, privacy.Total));
        Assert.Equal([data.DrugHelpLead.Id], privacy.Due.Select(p => p.Staff.Id));
        var caseLaw = drugHelp.Topics.Single(t => t.TrainingId == data.CaseLaw);
        Assert.Equal((0, 2), (caseLaw.Trained, caseLaw.Total));
        Assert.DoesNotContain(drugHelp.Topics.SelectMany(t => t.Due), p => team.Contains(p.Staff.Id));

        foreach (var notLead in new[] { data.A, data.Admin, await app.DemoMemberAsync(StaffRole.SteeringCommittee), await app.DemoMemberAsync(StaffRole.DataProtectionOfficer) })
        {
            Assert.Null(await query.TeamAsync(notLead));
        }
    }

    [Fact]
    public async Task A_caseworker_sees_their_own_standing_and_history_and_Administration_has_none()
    {
        var data = await DataAsync();
        var query = app.Service<TrainingCoverageQuery>();

        var own = await query.MineAsync(data.C);

        Assert.NotNull(own);
        var addiction = own.Topics.Single(t => t.TrainingId == data.Addiction);
        Assert.False(addiction.Standing.IsTrained);
        Assert.Equal(app.Today().AddDays(10), addiction.NextRegistered);
        Assert.DoesNotContain(own.Topics, t => t.TrainingId == data.CaseLaw || t.TrainingId == data.Retired);
        Assert.Equal([AttendanceStatus.Registered, AttendanceStatus.Absent], own.History.Select(h => h.Status));
        var a = (await query.MineAsync(data.A))!;
        Assert.True(a.Topics.Single(t => t.TrainingId == data.Privacy).Standing.IsTrained);
        Assert.Null(a.Topics.Single(t => t.TrainingId == data.Privacy).ValidUntil);
        Assert.Null(await query.MineAsync(data.Admin));
    }

    [Fact]
    public async Task The_steering_report_shows_the_coverage_per_organisation_and_topic_in_the_table_and_the_pdf()
    {
        var data = await DataAsync();
        var today = app.Today();
        var trainees = await TraineeCountsAsync();

        var report = await app.Service<SteeringReportQuery>().RunAsync(ReportPeriod.Year(today.Year));

        Assert.Equal(today, report.TrainingDay);
        var titles = await TitlesAsync(data);
        var rows = report.Trainings.Where(r => titles.ContainsValue(r.Title)).ToList();
        Assert.Equal(
            [
                (titles[data.Addiction], Organisation.Jobcenter, 3), // B, the lead and the colleague of the other team
                (titles[data.Privacy], Organisation.Jobcenter, 2),
                (titles[data.Privacy], Organisation.DrugHelpService, 1),
                (titles[data.CaseLaw], Organisation.DrugHelpService, 0),
            ],
            rows.Select(r => (r.Title, r.Organisation, r.Trained)).OrderBy(r => r.Title == titles[data.Addiction] ? 0 : r.Title == titles[data.Privacy] ? 1 : 2).ThenBy(r => r.Organisation));
        Assert.All(rows, r => Assert.Equal(trainees[r.Organisation], r.Total));
        Assert.DoesNotContain(report.Trainings, r => r.Title == titles[data.Retired]);

        var table = SteeringReportExport.TrainingTable(report);
        var row = table.Rows.Single(r => r.Label == $"{titles[data.Privacy]} (Drogenhilfe)");
        Assert.Equal(["1", trainees[Organisation.DrugHelpService].ToString(System.Globalization.CultureInfo.InvariantCulture), $"{TrainingRules.SharePercent(1, trainees[Organisation.DrugHelpService])} %"], row.Cells);

        var pdf = PdfText.Of(SteeringReportExport.Pdf(report).Content);
        Assert.Contains("Fortbildungen", pdf, StringComparison.Ordinal);
        Assert.Contains($"{titles[data.Privacy]} (Drogenhilfe)", pdf, StringComparison.Ordinal);
        Assert.DoesNotContain(data.A.DisplayName, pdf, StringComparison.Ordinal);
        var csv = System.Text.Encoding.UTF8.GetString(SteeringReportExport.Csv(report).Content);
        Assert.Contains($"{titles[data.Addiction]} (Jobcenter)", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_Administration_keeps_the_catalogue_sessions_and_attendance_and_a_refused_command_saves_nothing()
    {
        var data = await DataAsync();
        var catalogue = app.Service<TrainingCatalogue>();
        var before = await CountsAsync();
        var session = await SessionOfAsync(data.Addiction);
        var attendance = await AttendanceOfAsync(session, data.C.Id);

        foreach (var actor in new[] { data.A, data.Lead, await app.DemoMemberAsync(StaffRole.SteeringCommittee), await app.DemoMemberAsync(StaffRole.DataProtectionOfficer) })
        {
            Assert.Null(await catalogue.ListAsync(actor));
            Assert.Null(await catalogue.GetAsync(actor, data.Addiction));
            Assert.Null(await catalogue.SessionsAsync(actor, data.Addiction));
            Assert.Null(await catalogue.SessionAsync(actor, session));
            Assert.Null(await catalogue.CandidatesAsync(actor, session));
            Refused(await catalogue.CreateAsync(actor, Valid()));
            Refused(await catalogue.UpdateAsync(actor, data.Addiction, Valid(), 0));
            Refused(await catalogue.CreateSessionAsync(actor, data.Addiction, new SessionInput { HeldOn = app.Today(), Trainer = "Jemand" }));
            Refused(await catalogue.RegisterAsync(actor, session, new RegistrationInput { StaffId = actor.Id }));
            Refused(await catalogue.SetAttendanceAsync(actor, attendance.Id, new AttendanceInput { Status = AttendanceStatus.Attended }, attendance.RowVersion));
            Refused(await catalogue.RemoveAttendanceAsync(actor, attendance.Id, attendance.RowVersion));
        }

        Assert.Equal(before, await CountsAsync());
        Assert.Equal(AttendanceStatus.Registered, (await AttendanceOfAsync(session, data.C.Id)).Status);

        static void Refused(Application.CommandResult result)
        {
            Assert.False(result.Succeeded);
            Assert.Equal(TrainingCatalogue.OnlyAdministrationMessage, result.Message);
        }
    }

    [Fact]
    public async Task Invalid_input_is_refused_with_a_German_message_on_the_field_and_nothing_is_saved()
    {
        var data = await DataAsync();
        var catalogue = app.Service<TrainingCatalogue>();
        var before = await CountsAsync();

        var empty = await catalogue.CreateAsync(data.Admin, new TrainingInput { Title = "  ", Audience = TrainingAudience.Both });
        var zero = await catalogue.CreateAsync(data.Admin, Valid(refreshMonths: 0));
        var tooLong = await catalogue.CreateAsync(data.Admin, Valid(refreshMonths: TrainingRules.MaxRefreshMonths + 1));
        var huge = await catalogue.CreateAsync(data.Admin, new TrainingInput { Title = "Thema", Audience = TrainingAudience.Both, Description = new string('x', 100_000) });
        var nul = await catalogue.CreateAsync(data.Admin, new TrainingInput { Title = "Sucht\0grundlagen", Audience = TrainingAudience.Jobcenter });
        var noAudience = await catalogue.CreateAsync(data.Admin, new TrainingInput { Title = "Thema" });
        var badAudience = await catalogue.CreateAsync(data.Admin, new TrainingInput { Title = "Thema", Audience = (TrainingAudience)4 });
        var noTrainer = await catalogue.CreateSessionAsync(data.Admin, data.Addiction, new SessionInput { HeldOn = app.Today(), Trainer = "" });
        var hugeTrainer = await catalogue.CreateSessionAsync(data.Admin, data.Addiction, new SessionInput { HeldOn = app.Today(), Trainer = new string('y', 100_000) });
        var nulPlace = await catalogue.CreateSessionAsync(data.Admin, data.Addiction, new SessionInput { HeldOn = app.Today(), Trainer = "Dr. Sommer", Place = "Raum\u00002" });
        var noDay = await catalogue.CreateSessionAsync(data.Admin, data.Addiction, new SessionInput { Trainer = "Dr. Sommer" });
        var badStatus = await catalogue.SetAttendanceAsync(data.Admin, Guid.NewGuid(), new AttendanceInput { Status = (AttendanceStatus)9 }, 0);

        Assert.Equal("Bitte geben Sie das Thema der Fortbildung an.", Assert.Single(empty.Errors[nameof(TrainingInput.Title)]));
        Assert.Contains("zwischen 1 und 120 Monaten", Assert.Single(zero.Errors[nameof(TrainingInput.RefreshMonths)]), StringComparison.Ordinal);
        Assert.Contains("zwischen 1 und 120 Monaten", Assert.Single(tooLong.Errors[nameof(TrainingInput.RefreshMonths)]), StringComparison.Ordinal);
        Assert.Contains("höchstens 2.000 Zeichen", Assert.Single(huge.Errors[nameof(TrainingInput.Description)]), StringComparison.Ordinal);
        Assert.Contains("Steuerzeichen", Assert.Single(nul.Errors[nameof(TrainingInput.Title)]), StringComparison.Ordinal);
        Assert.Equal("Bitte wählen Sie, für wen die Fortbildung gedacht ist.", Assert.Single(noAudience.Errors[nameof(TrainingInput.Audience)]));
        Assert.Single(badAudience.Errors[nameof(TrainingInput.Audience)]);
        Assert.Equal("Bitte nennen Sie, wer die Fortbildung hält.", Assert.Single(noTrainer.Errors[nameof(SessionInput.Trainer)]));
        Assert.Contains("höchstens 200 Zeichen", Assert.Single(hugeTrainer.Errors[nameof(SessionInput.Trainer)]), StringComparison.Ordinal);
        Assert.Contains("Steuerzeichen", Assert.Single(nulPlace.Errors[nameof(SessionInput.Place)]), StringComparison.Ordinal);
        Assert.Equal("Bitte geben Sie das Datum des Termins an.", Assert.Single(noDay.Errors[nameof(SessionInput.HeldOn)]));
        Assert.Single(badStatus.Errors[nameof(AttendanceInput.Status)]);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_stale_edit_is_refused_as_a_conflict_and_recording_attendance_makes_the_person_trained()
    {
        var data = await DataAsync();
        var catalogue = app.Service<TrainingCatalogue>();
        var created = await catalogue.CreateAsync(data.Admin, Valid(title: $"Motivierende Gesprächsführung {Guid.NewGuid():N}"[..40]));
        Assert.True(created.Succeeded);
        var training = (await catalogue.GetAsync(data.Admin, created.Value))!;
        var first = TrainingInput.From(training);
        first.Description = "Erste Fassung";
        var saved = await catalogue.UpdateAsync(data.Admin, training.Id, first, training.Token);
        Assert.True(saved.Succeeded);

        var stale = await catalogue.UpdateAsync(data.Admin, training.Id, TrainingInput.From(training), training.Token);

        Assert.True(stale.Conflict);
        Assert.Equal("Erste Fassung", (await catalogue.GetAsync(data.Admin, training.Id))!.Description);

        var session = await catalogue.CreateSessionAsync(data.Admin, training.Id, new SessionInput { HeldOn = app.Today(), Trainer = "Extern: Institut für Gesprächsführung" });
        var registered = await catalogue.RegisterAsync(data.Admin, session.Value, new RegistrationInput { StaffId = data.C.Id });
        Assert.True(registered.Succeeded);
        Assert.False((await catalogue.RegisterAsync(data.Admin, session.Value, new RegistrationInput { StaffId = data.C.Id })).Succeeded);
        // A Drogenhilfe account swapped into the form of a Jobcenter topic is refused and never offered.
        var drugHelp = await app.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Fachkraft Anderes Haus");
        var swapped = await catalogue.RegisterAsync(data.Admin, session.Value, new RegistrationInput { StaffId = drugHelp.Id });
        Assert.Equal(["Diese Fortbildung ist nur für Jobcenter vorgesehen."], swapped.Errors[nameof(RegistrationInput.StaffId)]);
        Assert.DoesNotContain((await catalogue.CandidatesAsync(data.Admin, session.Value))!, p => p.Id == drugHelp.Id);
        var coverage = app.Service<TrainingCoverageQuery>();
        Assert.Contains((await coverage.TeamAsync(data.Lead))!.Topics.Single(t => t.TrainingId == training.Id).Due, p => p.Staff.Id == data.C.Id);

        var row = (await catalogue.SessionAsync(data.Admin, session.Value))!.Attendees.Single();
        var attended = await catalogue.SetAttendanceAsync(data.Admin, row.AttendanceId, new AttendanceInput { Status = AttendanceStatus.Attended }, row.Token);
        Assert.True(attended.Succeeded);
        Assert.True((await catalogue.SetAttendanceAsync(data.Admin, row.AttendanceId, new AttendanceInput { Status = AttendanceStatus.Absent }, row.Token)).Conflict);

        var topic = (await coverage.TeamAsync(data.Lead))!.Topics.Single(t => t.TrainingId == training.Id);
        Assert.DoesNotContain(topic.Due, p => p.Staff.Id == data.C.Id);
        Assert.Equal((1, 5), (topic.Trained, topic.Total));
    }

    [Fact]
    public async Task The_sessions_of_a_training_are_paged_newest_first_by_keyset_without_gaps_or_repeats()
    {
        var data = await DataAsync();
        var catalogue = app.Service<TrainingCatalogue>();
        var training = (await catalogue.CreateAsync(data.Admin, Valid(title: $"Viele Termine {Guid.NewGuid():N}"[..30]))).Value;
        for (var i = 0; i < 25; i++)
        {
            // Two sessions share each day: the id breaks the tie.
            Assert.True((await catalogue.CreateSessionAsync(data.Admin, training, new SessionInput { HeldOn = app.Today().AddDays(-(i / 2)), Trainer = $"Referentin {i}" })).Succeeded);
        }

        var first = (await catalogue.SessionsAsync(data.Admin, training))!;
        var second = (await catalogue.SessionsAsync(data.Admin, training, first.Next))!;

        Assert.Equal(TrainingCatalogue.SessionPageSize, first.Items.Count);
        Assert.NotNull(first.Next);
        Assert.Equal(5, second.Items.Count);
        Assert.Null(second.Next);
        var all = first.Items.Concat(second.Items).ToList();
        Assert.Equal(25, all.Select(s => s.Id).Distinct().Count());
        Assert.Equal(all.Select(s => s.HeldOn).OrderDescending(), all.Select(s => s.HeldOn));
    }

    // ----- data --------------------------------------------------------------------------------------

    private static TrainingInput Valid(string title = "Thema", int? refreshMonths = 12) =>
        new() { Title = title, Audience = TrainingAudience.Jobcenter, RefreshMonths = refreshMonths };

    private Task<Data> DataAsync() => PerFixture<Data>.GetAsync(app, CreateAsync);

    private static async Task<Data> CreateAsync(AppFixture app)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var team = $"Team Nord {suffix}";
        var admin = await app.DemoMemberAsync(StaffRole.Administrator);
        var lead = await app.CreateMemberAsync(StaffRole.TeamLeadJobcenter, Organisation.Jobcenter, $"Lea Leitung {suffix}");
        var a = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, $"Anna Alt {suffix}");
        var b = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, $"Ben Berg {suffix}");
        var c = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, $"Cem Cakir {suffix}");
        var d = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, $"Dora Damm {suffix}");
        var former = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, $"Emil Ehemals {suffix}");
        var otherTeam = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, $"Fritz Süd {suffix}");
        var drugHelp = await app.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, $"Gül Gerber {suffix}");
        var drugHelpLead = await app.CreateMemberAsync(StaffRole.TeamLeadDrugHelp, Organisation.DrugHelpService, $"Hanna Hof {suffix}");
        var today = app.Today();
        var now = app.Now();

        await using var db = await app.DbAsync();
        var teams = new Dictionary<string, string>
        {
            [lead.Id] = team, [a.Id] = team, [b.Id] = $" {team.ToUpperInvariant()} ", [c.Id] = team, [d.Id] = team, [former.Id] = team,
            [otherTeam.Id] = $"Team Süd {suffix}", [drugHelp.Id] = team, [drugHelpLead.Id] = team,
        };
        foreach (var user in await db.Users.Where(u => teams.Keys.Contains(u.Id)).ToListAsync())
        {
            user.Team = teams[user.Id];
            if (user.Id == former.Id)
            {
                user.DeactivatedAt = now;
            }
        }

        Training Topic(string title, TrainingAudience audience, int? months, bool active = true)
        {
            var training = new Training
            {
                Id = Guid.NewGuid(), Title = $"{title} {suffix}", Audience = audience, RefreshMonths = months, IsActive = active,
                CreatedAt = now, ChangedAt = now, ChangedByName = "Test",
            };
            db.Trainings.Add(training);
            return training;
        }

        void Session(Training training, DateOnly heldOn, params (StaffMember Who, AttendanceStatus Status)[] people)
        {
            var session = new TrainingSession { Id = Guid.NewGuid(), TrainingId = training.Id, HeldOn = heldOn, Trainer = "Referentin", ChangedAt = now, ChangedByName = "Test" };
            db.TrainingSessions.Add(session);
            foreach (var (who, status) in people)
            {
                db.TrainingAttendances.Add(new TrainingAttendance { Id = Guid.NewGuid(), SessionId = session.Id, StaffId = who.Id, Status = status, ChangedAt = now, ChangedByName = "Test" });
            }
        }

        const AttendanceStatus attended = AttendanceStatus.Attended;
        var addiction = Topic("Grundlagen Sucht", TrainingAudience.Jobcenter, 24);
        Session(addiction, today.AddMonths(-30), (a, attended), (b, attended));
        Session(addiction, today.AddMonths(-24), (d, attended));
        Session(addiction, today.AddMonths(-6), (b, attended), (c, AttendanceStatus.Absent), (lead, attended), (otherTeam, attended), (former, attended));
        Session(addiction, today.AddDays(10), (c, AttendanceStatus.Registered));
        var caseLaw = Topic("SGB II Rechtsprechung", TrainingAudience.DrugHelpService, 12);
        Session(caseLaw, today.AddMonths(-13), (drugHelp, attended));
        var privacy = Topic("Datenschutz", TrainingAudience.Both, null);
        Session(privacy, today.AddYears(-5), (a, attended));
        Session(privacy, today.AddMonths(-1), (d, attended), (former, attended), (drugHelp, attended));
        var retired = Topic("Alte Schulung", TrainingAudience.Jobcenter, 12, active: false);
        Session(retired, today.AddMonths(-2), (a, attended));
        await db.SaveChangesAsync();
        return new Data(admin, lead, a, b, c, d, former, otherTeam, drugHelp, drugHelpLead, addiction.Id, caseLaw.Id, privacy.Id, retired.Id);
    }

    private async Task<Dictionary<Guid, string>> TitlesAsync(Data data)
    {
        await using var db = await app.DbAsync();
        Guid[] ids = [data.Addiction, data.CaseLaw, data.Privacy, data.Retired];
        return await db.Trainings.Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Title);
    }

    /// <summary>Active caseworkers and team leads per organisation, counted through Identity (not through the query under test).</summary>
    private async Task<Dictionary<Organisation, int>> TraineeCountsAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var all = new List<StaffUser>();
        foreach (var role in new[] { StaffRole.CaseManager, StaffRole.DrugHelpWorker, StaffRole.TeamLeadJobcenter, StaffRole.TeamLeadDrugHelp })
        {
            all.AddRange(await users.GetUsersInRoleAsync(role));
        }

        return Enum.GetValues<Organisation>().ToDictionary(o => o, o => all.Count(u => u.Organisation == o && u.DeactivatedAt == null));
    }

    private async Task<(int Trainings, int Sessions, int Attendances)> CountsAsync()
    {
        await using var db = await app.DbAsync();
        return (await db.Trainings.CountAsync(), await db.TrainingSessions.CountAsync(), await db.TrainingAttendances.CountAsync());
    }

    private async Task<Guid> SessionOfAsync(Guid trainingId)
    {
        await using var db = await app.DbAsync();
        return await db.TrainingSessions.Where(s => s.TrainingId == trainingId).OrderByDescending(s => s.HeldOn).Select(s => s.Id).FirstAsync();
    }

    private async Task<TrainingAttendance> AttendanceOfAsync(Guid sessionId, string staffId)
    {
        await using var db = await app.DbAsync();
        return await db.TrainingAttendances.AsNoTracking().SingleAsync(a => a.SessionId == sessionId && a.StaffId == staffId);
    }
}
