using CaseManagement.Application.Appointments;
using CaseManagement.Application.Consent;
using CaseManagement.Domain.Appointments;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.Staff;

namespace CaseManagement.IntegrationTests.Appointments;

/// <summary>Who reads an appointment, seen from the organisation that entered it (the holder).</summary>
public enum AppointmentReader
{
    /// <summary>The holder organisation's responsible caseworker (a full consent both ways exists too).</summary>
    ResponsibleOfHolder,

    /// <summary>The other organisation's responsible caseworker; a valid consent covers every category both ways.</summary>
    OtherSideWithFullConsent,

    /// <summary>The other side; a valid consent covers appointments only, from the holder to the reader.</summary>
    OtherSideWithAppointmentConsent,

    OtherSideWithoutConsent,

    /// <summary>Valid, every category, but only from the reader's organisation to the holder.</summary>
    OtherSideConsentWrongDirection,

    OtherSideConsentExpired,

    OtherSideConsentRevoked,

    OtherSideConsentNotYetValid,

    /// <summary>Valid, both ways, every category except appointments.</summary>
    OtherSideConsentWithoutAppointments,

    TeamLeadOfHolder,

    TeamLeadOfOtherSide,

    Steering,

    DataProtection,

    Administrator,

    /// <summary>A caseworker of the holder organisation who is not responsible for the client.</summary>
    UnrelatedCaseworkerOfHolder,

    /// <summary>A caseworker of the other organisation who is not responsible for the client.</summary>
    UnrelatedCaseworkerOfOtherSide,
}

/// <summary>
/// The access matrix of appointments on PostgreSQL, through the real queries and commands:
/// holder ∈ {Jobcenter, Drogenhilfe} × every kind of reader. The client is always owned by the
/// organisation that did <em>not</em> enter the appointment, so a rule that looked at the owner
/// instead of the holder fails. Expectations are written out by hand in <see cref="Expected"/>.
/// </summary>
public sealed class AppointmentAccessMatrixTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string ChangedRoom = "Raum 2.03 (verlegt)";

    private AppointmentCommands Commands => app.AppointmentCommands();

    private AppointmentQuery Query => app.AppointmentQuery();

    /// <summary>(facts readable, note readable, may change) — the specification, not derived from the code.</summary>
    private static (bool Facts, bool Note, bool Change) Expected(AppointmentReader reader) => reader switch
    {
        AppointmentReader.ResponsibleOfHolder => (true, true, true),
        AppointmentReader.OtherSideWithFullConsent => (true, false, false),
        AppointmentReader.OtherSideWithAppointmentConsent => (true, false, false),
        _ => (false, false, false),
    };

    public static TheoryData<Organisation, AppointmentReader> Matrix
    {
        get
        {
            var data = new TheoryData<Organisation, AppointmentReader>();
            foreach (var holder in new[] { Organisation.Jobcenter, Organisation.DrugHelpService })
            {
                foreach (var reader in Enum.GetValues<AppointmentReader>())
                {
                    data.Add(holder, reader);
                }
            }

            return data;
        }
    }

    [Fact]
    public void The_matrix_lets_exactly_three_readers_per_holder_see_the_facts_and_one_see_the_note_and_change()
    {
        var readers = Enum.GetValues<AppointmentReader>();
        Assert.Equal(16, readers.Length);
        Assert.Equal(3, readers.Count(r => Expected(r).Facts));
        Assert.Equal([AppointmentReader.ResponsibleOfHolder], readers.Where(r => Expected(r).Note));
        Assert.Equal([AppointmentReader.ResponsibleOfHolder], readers.Where(r => Expected(r).Change));
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Reading_and_changing_an_appointment_follows_the_matrix(Organisation holder, AppointmentReader readerCase)
    {
        var staff = await StaffAsync();
        var today = app.Today();
        var client = CaseData.NewClient(holder.Other(), staff.CaseManager.Id, staff.DrugHelpWorker.Id, "Jörg", "Müßig");
        client.AddEpisode(today.AddDays(-60));
        AddConsentFor(client, readerCase, holder, today);
        await app.SaveClientsAsync([client]);
        var joint = new JointCase(staff.CaseManager, staff.DrugHelpWorker, client);
        var holderWorker = joint.CaseworkerOf(holder);
        var id = await app.AttendedWithNoteAsync(joint, holderWorker);
        var reader = ReaderOf(staff, joint, holder, readerCase);
        var (facts, note, change) = Expected(readerCase);
        var deniedBefore = (await app.AppointmentAuditAsync(joint.ClientId, AuditAction.AccessDenied, reader.Id)).Count;

        // One appointment.
        var details = await Query.OpenAsync(reader, id);
        if (facts)
        {
            Assert.NotNull(details);
            Assert.Equal(OwnCounselling(holder), details.Plan.Type);
            Assert.Equal(AppointmentOutcome.Attended, details.Outcome);
            Assert.Equal(holder, details.HolderOrganisation);
            Assert.Equal(joint.Client.CaseNumber, details.CaseNumber);
            Assert.Equal(AppointmentData.Room, details.Plan.Place);
            Assert.Equal(note ? AppointmentData.CounsellingNote : null, details.Note);
            Assert.Equal(change, details.MayEdit);
            Assert.Equal(deniedBefore, (await app.AppointmentAuditAsync(joint.ClientId, AuditAction.AccessDenied, reader.Id)).Count);
        }
        else
        {
            Assert.Null(details);
            Assert.Equal(deniedBefore + 1, (await app.AppointmentAuditAsync(joint.ClientId, AuditAction.AccessDenied, reader.Id)).Count);
        }

        // The client's appointment list.
        var list = await Query.ForClientAsync(reader, joint.ClientId);
        var row = list?.Past.Concat(list.Upcoming).SingleOrDefault(r => r.Id == id);
        if (facts)
        {
            Assert.NotNull(row);
            Assert.Equal(AppointmentOutcome.Attended, row.Outcome);
            Assert.Equal(holder, row.HolderOrganisation);
            Assert.Equal(note ? AppointmentData.CounsellingNote : null, row.Note);
            Assert.Equal(change, row.MayEdit);
        }
        else
        {
            Assert.Null(row);
        }

        var viewed = await app.AppointmentAuditAsync(joint.ClientId, AuditAction.Viewed, reader.Id);
        Assert.Equal(facts ? 2 : 0, viewed.Count);
        Assert.All(viewed, v => Assert.DoesNotContain(AppointmentData.CounsellingNote, v.Fields ?? "", StringComparison.Ordinal));

        // Changing it.
        var before = await app.StoredAppointmentAsync(id);
        var deniedBeforeWrites = (await app.AppointmentAuditAsync(joint.ClientId, AuditAction.AccessDenied, reader.Id)).Count;
        var changedBeforeWrites = (await app.AppointmentAuditAsync(joint.ClientId, AuditAction.Changed, reader.Id)).Count;
        var moved = AppointmentInput.From(before);
        moved.Place = ChangedRoom;
        var update = await Commands.UpdateAsync(reader, id, moved, before.RowVersion, confirmDoubleBooking: true);
        var outcome = await Commands.RecordOutcomeAsync(
            reader, id, new OutcomeInput { Outcome = AppointmentOutcome.NoShow, Note = "Überschrieben" }, update.Succeeded ? update.Value : before.RowVersion);

        var after = await app.StoredAppointmentAsync(id);
        if (change)
        {
            Assert.True(update.Succeeded, update.Message);
            Assert.True(outcome.Succeeded, outcome.Message);
            Assert.Equal(ChangedRoom, after.Place);
            Assert.Equal(AppointmentOutcome.NoShow, after.Outcome);
            Assert.Equal("Überschrieben", after.OutcomeNote);
            Assert.Equal(holder, after.NoteOrganisation);
            Assert.Equal(changedBeforeWrites + 2, (await app.AppointmentAuditAsync(joint.ClientId, AuditAction.Changed, reader.Id)).Count);
        }
        else
        {
            foreach (var refused in new[] { update, outcome })
            {
                Assert.False(refused.Succeeded);
                Assert.False(refused.Conflict);
                Assert.True(refused.NotFound || refused.Errors.Count > 0, $"{readerCase}: neither refused nor not found");
                Assert.False(string.IsNullOrWhiteSpace(refused.Message));
            }

            if (facts)
            {
                // The other side sees the appointment, so it gets a German reason rather than "not found".
                var reason = $"Diesen Termin hat {(holder == Organisation.Jobcenter ? "das Jobcenter" : "die Drogenhilfe")} eingetragen; ändern kann ihn nur die zuständige Person dort.";
                Assert.Equal(reason, update.Message);
                Assert.Equal(reason, outcome.Message);
            }

            Assert.Equal((AppointmentData.Room, AppointmentOutcome.Attended, AppointmentData.CounsellingNote, before.RowVersion),
                (after.Place, after.Outcome, after.OutcomeNote, after.RowVersion));
            Assert.Equal(changedBeforeWrites, (await app.AppointmentAuditAsync(joint.ClientId, AuditAction.Changed, reader.Id)).Count);
            Assert.Equal(deniedBeforeWrites + 2, (await app.AppointmentAuditAsync(joint.ClientId, AuditAction.AccessDenied, reader.Id)).Count);
        }
    }

    [Theory]
    [InlineData(Organisation.Jobcenter)]
    [InlineData(Organisation.DrugHelpService)]
    public async Task A_revocation_takes_the_other_sides_view_of_the_appointments_away_at_once(Organisation holder)
    {
        var joint = await app.AppointmentCaseAsync(configure: c =>
            c.AddConsent(c.ResponsibleCaseManagerId!, AppointmentData.EveryShareableCategory, AppointmentData.BothWays, app.Today().AddDays(-10)));
        var holderWorker = joint.CaseworkerOf(holder);
        var otherWorker = joint.CaseworkerOf(holder.Other());
        var id = await app.AttendedWithNoteAsync(joint, holderWorker);
        var week = app.Today().AddDays(-2);
        Assert.NotNull(await Query.OpenAsync(otherWorker, id));
        Assert.Equal(joint.Client.CaseNumber, (await Query.WeekAsync(otherWorker, week, [holderWorker.Id])).Entries.Single(e => e.Id == id).CaseNumber);

        var revoked = await app.Service<ConsentCommands>().RevokeAsync(
            joint.CaseManager, joint.ClientId, joint.Client.Consents.Single().Id, new RevocationInput { Note = "Widerruf in der Sprechstunde" });
        Assert.True(revoked.Succeeded, revoked.Message);

        Assert.Null(await Query.OpenAsync(otherWorker, id));
        var list = await Query.ForClientAsync(otherWorker, joint.ClientId);
        Assert.NotNull(list);
        Assert.DoesNotContain(list.Past.Concat(list.Upcoming), r => r.Id == id);
        var entry = (await Query.WeekAsync(otherWorker, week, [holderWorker.Id])).Entries.Single(e => e.Id == id);
        Assert.Null(entry.CaseNumber);
        Assert.Null(entry.ClientId);
        Assert.Null(entry.Place);
        Assert.False(entry.MayOpen);
        Assert.Equal(AppointmentOutcome.Open, entry.Outcome);

        // The holder keeps everything, note included.
        var own = await Query.OpenAsync(holderWorker, id);
        Assert.Equal(AppointmentData.CounsellingNote, own?.Note);
        Assert.True(own?.MayEdit);
    }

    private static void AddConsentFor(Client client, AppointmentReader reader, Organisation holder, DateOnly today)
    {
        var recordedBy = client.ResponsibleCaseManagerId!;
        var holderToReader = ConsentScopes.From(holder);
        var readerToHolder = ConsentScopes.From(holder.Other());
        const ConsentScope all = AppointmentData.EveryShareableCategory;
        const ConsentDirections both = AppointmentData.BothWays;
        switch (reader)
        {
            case AppointmentReader.OtherSideWithoutConsent:
                break;
            case AppointmentReader.OtherSideWithAppointmentConsent:
                client.AddConsent(recordedBy, ConsentScope.Appointments, holderToReader, today.AddDays(-1));
                break;
            case AppointmentReader.OtherSideConsentWrongDirection:
                client.AddConsent(recordedBy, all, readerToHolder, today.AddDays(-1));
                break;
            case AppointmentReader.OtherSideConsentExpired:
                client.AddConsent(recordedBy, all, both, today.AddDays(-400), validUntil: today.AddDays(-1));
                break;
            case AppointmentReader.OtherSideConsentRevoked:
                client.AddConsent(recordedBy, all, both, today.AddDays(-30), revokedAt: DateTimeOffset.UtcNow.AddHours(-1));
                break;
            case AppointmentReader.OtherSideConsentNotYetValid:
                client.AddConsent(recordedBy, all, both, today.AddDays(3));
                break;
            case AppointmentReader.OtherSideConsentWithoutAppointments:
                client.AddConsent(recordedBy, all & ~ConsentScope.Appointments, both, today.AddDays(-1));
                break;
            default:
                // Everyone else is judged with the widest consent there is: it must not be what lets them in.
                client.AddConsent(recordedBy, all, both, today.AddDays(-1));
                break;
        }
    }

    /// <summary>The staff of the matrix, created once: the two responsible caseworkers of every row's client and, per organisation, everyone else.</summary>
    private sealed record MatrixStaff(
        Domain.Access.StaffMember CaseManager, Domain.Access.StaffMember DrugHelpWorker,
        IReadOnlyDictionary<(AppointmentReader, Organisation), Domain.Access.StaffMember> Others);

    private Task<MatrixStaff> StaffAsync() => PerFixture<MatrixStaff>.GetAsync(app, async a =>
    {
        var others = new Dictionary<(AppointmentReader, Organisation), Domain.Access.StaffMember>();
        foreach (var organisation in new[] { Organisation.Jobcenter, Organisation.DrugHelpService })
        {
            others[(AppointmentReader.TeamLeadOfHolder, organisation)] = await a.CreateMemberAsync(TeamLeadRole(organisation), organisation, "Teamleitung Termine");
            others[(AppointmentReader.Steering, organisation)] = await a.CreateMemberAsync(StaffRole.SteeringCommittee, organisation, "Lenkungsrunde Termine");
            others[(AppointmentReader.DataProtection, organisation)] = await a.CreateMemberAsync(StaffRole.DataProtectionOfficer, organisation, "Datenschutz Termine");
            others[(AppointmentReader.Administrator, organisation)] = await a.CreateMemberAsync(StaffRole.Administrator, organisation, "Administration Termine");
            others[(AppointmentReader.UnrelatedCaseworkerOfHolder, organisation)] = await a.CreateMemberAsync(CaseworkerRole(organisation), organisation, "Kollegin ohne Fall");
        }

        return new MatrixStaff(
            await a.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Fallmanagerin Matrix"),
            await a.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Fachkraft Matrix"),
            others);
    });

    private static Domain.Access.StaffMember ReaderOf(MatrixStaff staff, JointCase joint, Organisation holder, AppointmentReader reader)
    {
        var other = holder.Other();
        return reader switch
        {
            AppointmentReader.ResponsibleOfHolder => joint.CaseworkerOf(holder),
            AppointmentReader.TeamLeadOfHolder => staff.Others[(AppointmentReader.TeamLeadOfHolder, holder)],
            AppointmentReader.TeamLeadOfOtherSide => staff.Others[(AppointmentReader.TeamLeadOfHolder, other)],
            AppointmentReader.Steering or AppointmentReader.DataProtection or AppointmentReader.Administrator => staff.Others[(reader, holder)],
            AppointmentReader.UnrelatedCaseworkerOfHolder => staff.Others[(AppointmentReader.UnrelatedCaseworkerOfHolder, holder)],
            AppointmentReader.UnrelatedCaseworkerOfOtherSide => staff.Others[(AppointmentReader.UnrelatedCaseworkerOfHolder, other)],
            _ => joint.CaseworkerOf(other),
        };
    }

    private static AppointmentType OwnCounselling(Organisation organisation) => AppointmentData.OwnCounselling(organisation);

    private static string TeamLeadRole(Organisation organisation) =>
        organisation == Organisation.Jobcenter ? StaffRole.TeamLeadJobcenter : StaffRole.TeamLeadDrugHelp;

    private static string CaseworkerRole(Organisation organisation) =>
        organisation == Organisation.Jobcenter ? StaffRole.CaseManager : StaffRole.DrugHelpWorker;
}
