using CaseManagement.Application.Appointments;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Appointments;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests.Appointments;

/// <summary>
/// The quick entry of a contact that has just happened (Kontakt erfassen), with and without a
/// client record. Anonymous contacts carry no personal data and are kept by the caseworkers of the
/// organisation that entered them.
/// </summary>
public sealed class QuickContactTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string StreetCorner = "Berliner Platz, Ecke Ludwigstraße";

    private AppointmentCommands Commands => app.AppointmentCommands();

    private AppointmentQuery Query => app.AppointmentQuery();

    private sealed record Team(StaffMember Outreach, StaffMember Colleague, StaffMember CaseManager, StaffMember TeamLead, StaffMember TeamLeadJobcenter);

    private Task<Team> TeamAsync() => PerFixture<Team>.GetAsync(app, async a => new Team(
        await a.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Streetworkerin Anonym"),
        await a.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Kollege Drogenhilfe"),
        await a.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Fallmanager Jobcenter"),
        await a.CreateMemberAsync(StaffRole.TeamLeadDrugHelp, Organisation.DrugHelpService, "Teamleitung Drogenhilfe"),
        await a.CreateMemberAsync(StaffRole.TeamLeadJobcenter, Organisation.Jobcenter, "Teamleitung Jobcenter")));

    /// <summary>A contact a quarter of an hour ago, in Ludwigshafen time.</summary>
    private QuickContactInput JustNow(AppointmentType type = AppointmentType.Outreach, bool anonymous = true, Guid? clientId = null)
    {
        var local = GermanCalendar.ToLocal(app.Now().AddMinutes(-15));
        return new QuickContactInput
        {
            Type = type,
            Anonymous = anonymous,
            ClientId = clientId,
            Date = DateOnly.FromDateTime(local.DateTime),
            StartTime = new TimeOnly(local.Hour, local.Minute),
            DurationMinutes = 10,
            Place = StreetCorner,
            AccompanimentTarget = type == AppointmentType.Accompaniment ? "Sozialamt" : null,
        };
    }

    [Fact]
    public async Task An_anonymous_outreach_contact_is_stored_without_client_and_note_as_attended_with_the_worker_as_participant()
    {
        var team = await TeamAsync();
        var auditBefore = (await app.AuditOfUserAsync(team.Outreach.Id)).Count;

        var result = await Commands.RecordContactAsync(team.Outreach, JustNow());

        Assert.True(result.Succeeded, result.Message);
        var stored = await app.StoredAppointmentAsync(result.Value);
        Assert.Null(stored.ClientId);
        Assert.Equal(AppointmentType.Outreach, stored.Type);
        Assert.Equal(AppointmentOutcome.Attended, stored.Outcome);
        Assert.Equal(Organisation.DrugHelpService, stored.HolderOrganisation);
        Assert.Null(stored.OutcomeNote);
        Assert.Null(stored.NoteOrganisation);
        Assert.Equal(StreetCorner, stored.Place);
        var participant = Assert.Single(stored.Participants);
        Assert.Equal((team.Outreach.Id, Organisation.DrugHelpService), (participant.StaffId, participant.Organisation));
        Assert.Equal(auditBefore, (await app.AuditOfUserAsync(team.Outreach.Id)).Count); // nothing about a person to audit
    }

    [Fact]
    public async Task An_anonymous_contact_with_a_note_is_refused_and_nothing_is_stored()
    {
        var team = await TeamAsync();
        var before = await app.AppointmentCountAsync(null);
        var input = JustNow();
        input.Note = "Wirkte verwirrt, wohnt bei der Mutter";

        var result = await Commands.RecordContactAsync(team.Outreach, input);

        Assert.False(result.Succeeded);
        Assert.Equal(["Anonyme Kontakte enthalten keine Notiz, damit keine persönlichen Daten gespeichert werden."], result.Errors["Note"]);
        Assert.Equal(before, await app.AppointmentCountAsync(null));
    }

    [Fact]
    public async Task A_note_cannot_be_added_to_an_anonymous_contact_afterwards_either()
    {
        var team = await TeamAsync();
        var id = (await Commands.RecordContactAsync(team.Outreach, JustNow(AppointmentType.CrisisIntervention))).Value;
        var token = (await app.StoredAppointmentAsync(id)).RowVersion;

        var withNote = await Commands.RecordOutcomeAsync(team.Outreach, id, new OutcomeInput { Outcome = AppointmentOutcome.Attended, Note = "Name: Kevin" }, token);
        var withoutNote = await Commands.RecordOutcomeAsync(team.Colleague, id, new OutcomeInput { Outcome = AppointmentOutcome.Attended }, token);

        Assert.False(withNote.Succeeded);
        Assert.True(withNote.Errors.ContainsKey("Note"), string.Join(", ", withNote.Errors.Keys));
        Assert.True(withoutNote.Succeeded, withoutNote.Message); // a colleague of the same side keeps it
        var stored = await app.StoredAppointmentAsync(id);
        Assert.Null(stored.OutcomeNote);
        Assert.Null(stored.NoteOrganisation);
    }

    [Fact]
    public async Task An_accompaniment_is_never_anonymous()
    {
        var team = await TeamAsync();

        var result = await Commands.RecordContactAsync(team.Outreach, JustNow(AppointmentType.Accompaniment));

        Assert.False(result.Succeeded);
        Assert.Equal(["Eine Begleitung wird immer für eine bekannte Klientin oder einen bekannten Klienten erfasst."], result.Errors["Anonymous"]);
    }

    [Fact]
    public async Task Quick_entry_rules_by_field()
    {
        var team = await TeamAsync();
        var noPlace = JustNow();
        noPlace.Place = " ";
        var noClient = JustNow(anonymous: false);
        var planned = JustNow();
        planned.Date = app.Today().AddDays(1);
        var counselling = JustNow(AppointmentType.JobcenterOnly, anonymous: false, clientId: Guid.NewGuid());
        var noTarget = JustNow(AppointmentType.Accompaniment, anonymous: false, clientId: Guid.NewGuid());
        noTarget.AccompanimentTarget = null;

        Assert.Equal(["Bitte den Ort angeben."], (await Commands.RecordContactAsync(team.Outreach, noPlace)).Errors["Place"]);
        Assert.Equal(["Bitte die Klientin oder den Klienten wählen – oder „anonym“ ankreuzen."], (await Commands.RecordContactAsync(team.Outreach, noClient)).Errors["ClientId"]);
        Assert.True((await Commands.RecordContactAsync(team.Outreach, planned)).Errors.ContainsKey("StartTime"));
        Assert.True((await Commands.RecordContactAsync(team.Outreach, counselling)).Errors.ContainsKey("Type"));
        Assert.Equal(["Bitte angeben, wohin begleitet wurde (Behörde, Praxis, Klinik)."], (await Commands.RecordContactAsync(team.Outreach, noTarget)).Errors["AccompanimentTarget"]);
    }

    [Fact]
    public async Task Only_caseworkers_record_anonymous_contacts()
    {
        var team = await TeamAsync();
        var before = await app.AppointmentCountAsync(null);

        var result = await Commands.RecordContactAsync(team.TeamLead, JustNow());

        Assert.False(result.Succeeded);
        Assert.Equal(before, await app.AppointmentCountAsync(null));
    }

    [Fact]
    public async Task In_the_week_view_an_anonymous_contact_shows_its_place_and_opens_only_on_its_own_side()
    {
        var team = await TeamAsync();
        var id = (await Commands.RecordContactAsync(team.Outreach, JustNow())).Value;
        var day = GermanCalendar.DateOf(app.Now().AddMinutes(-15));

        CalendarEntry EntryFor(CalendarWeek week) => week.Entries.Single(e => e.Id == id);
        var own = EntryFor(await Query.WeekAsync(team.Outreach, day, [team.Outreach.Id]));
        var colleague = EntryFor(await Query.WeekAsync(team.Colleague, day, [team.Outreach.Id]));
        var jobcenter = EntryFor(await Query.WeekAsync(team.CaseManager, day, [team.Outreach.Id]));
        var teamLead = EntryFor(await Query.WeekAsync(team.TeamLead, day, [team.Outreach.Id]));

        foreach (var entry in new[] { own, colleague, jobcenter, teamLead })
        {
            Assert.True(entry.IsAnonymous);
            Assert.Equal(AppointmentType.Outreach, entry.Type);
            Assert.Null(entry.ClientId);
            Assert.Null(entry.CaseNumber);
            Assert.Null(entry.ClientName);
        }

        Assert.Equal((StreetCorner, true), (own.Place, own.MayOpen));
        Assert.Equal((StreetCorner, true), (colleague.Place, colleague.MayOpen));
        Assert.Equal((null, false), (jobcenter.Place, jobcenter.MayOpen));
        Assert.False(teamLead.MayOpen);

        var opened = await Query.OpenAsync(team.Colleague, id);
        Assert.NotNull(opened);
        Assert.Null(opened.Note);
        Assert.Null(opened.CaseNumber);
        Assert.True(opened.MayEdit);
        Assert.Null(await Query.OpenAsync(team.CaseManager, id));
        Assert.Null(await Query.OpenAsync(team.TeamLead, id));
        Assert.Null(await Query.OpenAsync(team.TeamLeadJobcenter, id));
    }

    [Fact]
    public async Task The_other_organisation_cannot_change_an_anonymous_contact()
    {
        var team = await TeamAsync();
        var id = (await Commands.RecordContactAsync(team.Outreach, JustNow())).Value;
        var stored = await app.StoredAppointmentAsync(id);
        var moved = AppointmentInput.From(stored);
        moved.Place = "Anderswo";

        foreach (var stranger in new[] { team.CaseManager, team.TeamLead })
        {
            var update = await Commands.UpdateAsync(stranger, id, moved, stored.RowVersion, confirmDoubleBooking: true);
            var outcome = await Commands.RecordOutcomeAsync(stranger, id, new OutcomeInput { Outcome = AppointmentOutcome.NoShow }, stored.RowVersion);
            Assert.True(update.NotFound);
            Assert.True(outcome.NotFound);
        }

        var after = await app.StoredAppointmentAsync(id);
        Assert.Equal((StreetCorner, AppointmentOutcome.Attended, stored.RowVersion), (after.Place, after.Outcome, after.RowVersion));
    }

    [Fact]
    public async Task A_contact_with_a_known_client_keeps_its_note_on_the_side_that_wrote_it_and_is_audited()
    {
        var joint = await app.AppointmentCaseAsync(configure: c =>
            c.AddConsent(c.ResponsibleCaseManagerId!, AppointmentData.EveryShareableCategory, AppointmentData.BothWays, app.Today().AddDays(-5)));
        var input = JustNow(AppointmentType.Accompaniment, anonymous: false, clientId: joint.ClientId);
        input.Note = AppointmentData.CounsellingNote;

        var result = await Commands.RecordContactAsync(joint.DrugHelpWorker, input);

        Assert.True(result.Succeeded, result.Message);
        var stored = await app.StoredAppointmentAsync(result.Value);
        Assert.Equal((joint.ClientId, AppointmentOutcome.Attended, Organisation.DrugHelpService, Organisation.DrugHelpService),
            (stored.ClientId!.Value, stored.Outcome, stored.HolderOrganisation, stored.NoteOrganisation!.Value));
        Assert.Equal("Sozialamt", stored.AccompanimentTarget);
        var created = Assert.Single(await app.AppointmentAuditAsync(joint.ClientId, AuditAction.Created));
        Assert.Equal(joint.DrugHelpWorker.Id, created.UserId);
        Assert.Equal(joint.Client.CaseNumber, created.CaseNumber);
        Assert.StartsWith("Kontakt, Begleitung, ", created.Fields, StringComparison.Ordinal);
        Assert.DoesNotContain("Vertraulich", created.Fields, StringComparison.Ordinal);
        Assert.DoesNotContain("Sozialamt", created.Fields, StringComparison.Ordinal);

        var jobcenterView = await Query.ForClientAsync(joint.CaseManager, joint.ClientId);
        var row = Assert.Single(jobcenterView!.Past.Concat(jobcenterView.Upcoming));
        Assert.Equal(AppointmentOutcome.Attended, row.Outcome);
        Assert.Null(row.Note);
        Assert.False(row.MayEdit);
        var own = await Query.ForClientAsync(joint.DrugHelpWorker, joint.ClientId);
        Assert.Equal(AppointmentData.CounsellingNote, Assert.Single(own!.Past.Concat(own.Upcoming)).Note);
    }

    [Fact]
    public async Task A_caseworker_not_responsible_for_the_client_cannot_record_a_contact_for_it()
    {
        var team = await TeamAsync();
        var joint = await app.AppointmentCaseAsync(configure: c =>
            c.AddConsent(c.ResponsibleCaseManagerId!, AppointmentData.EveryShareableCategory, AppointmentData.BothWays, app.Today().AddDays(-5)));

        var result = await Commands.RecordContactAsync(team.Outreach, JustNow(anonymous: false, clientId: joint.ClientId));

        Assert.False(result.Succeeded);
        Assert.Equal(0, await app.AppointmentCountAsync(joint.ClientId));
        await using var db = await app.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.ClientId == joint.ClientId && a.UserId == team.Outreach.Id && a.Action == AuditAction.AccessDenied && a.Category == DataCategory.Appointments));
    }
}
