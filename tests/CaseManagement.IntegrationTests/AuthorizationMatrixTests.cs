using System.Collections.Concurrent;
using CaseManagement.Application.Access;
using CaseManagement.Application.Clients;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests;

/// <summary>
/// Every role × every data category × consent state × responsibility, through the real services on
/// real PostgreSQL, against a specification written out here (not computed by AccessDecision).
/// </summary>
public sealed class AuthorizationMatrixTests(AppFixture app) : IClassFixture<AppFixture>
{
    /// <summary>The consent situations of the matrix; valid, expired, revoked and not-yet-valid cover every category in both directions.</summary>
    public enum ConsentCase
    {
        None,
        Valid,
        Expired,
        Revoked,
        NotYetValid,

        /// <summary>Valid and complete, but only from the other organisation towards the one that registered the client.</summary>
        OtherDirectionOnly,

        /// <summary>Valid in both directions, but only for the help plan.</summary>
        HelpPlanOnly,
    }

    /// <summary>Who of an organisation is responsible for a client.</summary>
    public enum Responsibility
    {
        DemoAccount,
        Colleague,
        Nobody,
    }

    private const string Diagnosis = "F11.2";
    private const string LastName = "Mustermann";

    /// <summary>
    /// Who is responsible on each side. Seen from either organisation's caseworker this covers the
    /// own case, a colleague's case and a case only the other organisation works on.
    /// </summary>
    private static readonly (Responsibility Jobcenter, Responsibility DrugHelp)[] Responsibilities =
    [
        (Responsibility.DemoAccount, Responsibility.DemoAccount),
        (Responsibility.Colleague, Responsibility.DemoAccount),
        (Responsibility.DemoAccount, Responsibility.Colleague),
        (Responsibility.Nobody, Responsibility.DemoAccount),
        (Responsibility.DemoAccount, Responsibility.Nobody),
        (Responsibility.Colleague, Responsibility.Colleague),
    ];

    private static readonly (string Role, Organisation Organisation)[] RolesAndOrganisations =
    [
        .. StaffRole.All.SelectMany(role => Enum.GetValues<Organisation>()
            .Where(organisation => StaffRole.IsAllowedFor(role, organisation))
            .Select(organisation => (role, organisation))),
    ];

    public static TheoryData<string, Organisation> Viewers
    {
        get
        {
            var data = new TheoryData<string, Organisation>();
            foreach (var (role, organisation) in RolesAndOrganisations)
            {
                data.Add(role, organisation);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Viewers))]
    public async Task Opening_a_client_file_shows_exactly_the_master_and_health_data_the_specification_allows(string role, Organisation organisation)
    {
        var matrix = await MatrixAsync();
        var viewer = matrix.Viewer(role, organisation);
        var query = app.Service<ClientFileQuery>();
        var failures = new ConcurrentQueue<string>();

        await ForEachClientAsync(matrix, async client =>
        {
            var file = await query.OpenAsync(viewer.Member, client.Id);
            var where = $"{role}/{organisation} on {client}";
            if (!MayKnowOf(viewer, client))
            {
                Check(file is null, $"{where}: the file must not open");
                return;
            }

            if (file is null)
            {
                failures.Enqueue($"{where}: the file must open");
                return;
            }

            var mayReadMaster = Expected(viewer, client, DataCategory.MasterData, client.Owner, AccessOperation.Read);
            var mayReadHealth = Expected(viewer, client, DataCategory.HealthData, Organisation.DrugHelpService, AccessOperation.Read);
            Check((file.MasterData is not null) == mayReadMaster, $"{where}: master data shown = {file.MasterData is not null}, expected {mayReadMaster}");
            if (file.MasterData is { } master)
            {
                Check(master.FullName == $"Mia {LastName}", $"{where}: wrong name shown");
            }

            // Episodes are listed to whoever may read the case facts or the health data recorded in them.
            if (mayReadMaster || mayReadHealth)
            {
                Check(file.Episodes.Count == 1, $"{where}: the episode must be listed");
                if (file.Episodes.Count == 1)
                {
                    var episode = file.Episodes[0];
                    Check(episode.HealthDataVisible == mayReadHealth, $"{where}: health data visible = {episode.HealthDataVisible}, expected {mayReadHealth}");
                    Check(episode.MainDiagnosis == (mayReadHealth ? Diagnosis : null), $"{where}: main diagnosis = {episode.MainDiagnosis ?? "null"}");
                    Check(episode.ConditionsImposed is not null == mayReadHealth, $"{where}: conditions imposed shown = {episode.ConditionsImposed is not null}");
                }
            }
            else
            {
                Check(file.Episodes.Count == 0, $"{where}: episodes listed without master or health data");
            }

            var mayWriteMaster = Expected(viewer, client, DataCategory.MasterData, client.Owner, AccessOperation.Write);
            var mayWriteHealth = Expected(viewer, client, DataCategory.HealthData, Organisation.DrugHelpService, AccessOperation.Write);
            var mayWriteNotes = Expected(viewer, client, DataCategory.InternalNotes, organisation, AccessOperation.Write);
            Check(file.MayEditMasterData == mayWriteMaster, $"{where}: may edit master data = {file.MayEditMasterData}, expected {mayWriteMaster}");
            Check(file.MayEditHealthData == mayWriteHealth, $"{where}: may edit health data = {file.MayEditHealthData}, expected {mayWriteHealth}");
            Check(file.MayWriteNotes == mayWriteNotes, $"{where}: may write notes = {file.MayWriteNotes}, expected {mayWriteNotes}");

            var mayReadOwnNotes = Expected(viewer, client, DataCategory.InternalNotes, organisation, AccessOperation.Read);
            Check(file.Notes.Any(n => n.Text == SeededNote(organisation, client)) == mayReadOwnNotes,
                $"{where}: own organisation's note shown = {!mayReadOwnNotes}, expected {mayReadOwnNotes}");
            Check(!file.Notes.Any(n => n.Text.Contains(NoteMarker(organisation.Other()), StringComparison.Ordinal)),
                $"{where}: a note of the other organisation is shown");
        });

        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures));

        void Check(bool condition, string failure)
        {
            if (!condition)
            {
                failures.Enqueue(failure);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Viewers))]
    public async Task Internal_notes_can_be_written_only_on_own_cases_and_are_shown_only_inside_the_writing_organisation(string role, Organisation organisation)
    {
        var matrix = await MatrixAsync();
        var writer = matrix.Viewer(role, organisation);
        var commands = app.Service<CaseCommands>();
        var query = app.Service<ClientFileQuery>();
        var failures = new ConcurrentQueue<string>();

        await ForEachClientAsync(matrix, async client =>
        {
            var where = $"{role}/{organisation} on {client}";
            var text = $"{NoteMarker(organisation)} geschrieben von {role} {Guid.NewGuid():N}";
            var result = await commands.AddNoteAsync(writer.Member, client.Id, new NoteInput { Text = text });
            var mayWrite = Expected(writer, client, DataCategory.InternalNotes, organisation, AccessOperation.Write);
            if (result.Succeeded != mayWrite)
            {
                failures.Enqueue($"{where}: writing a note succeeded = {result.Succeeded}, expected {mayWrite}");
            }

            await using (var db = await app.DbAsync())
            {
                var stored = await db.InternalNotes.AsNoTracking().Where(n => n.Text == text).ToListAsync();
                if (stored.Count != (mayWrite ? 1 : 0) || stored.Any(n => n.Organisation != organisation || n.ClientId != client.Id))
                {
                    failures.Enqueue($"{where}: {stored.Count} note(s) stored");
                }
            }

            if (!result.Succeeded)
            {
                return;
            }

            foreach (var reader in matrix.Viewers.Where(v => MayKnowOf(v, client)))
            {
                var file = await query.OpenAsync(reader.Member, client.Id);
                var shown = file!.Notes.Any(n => n.Text == text);
                var expected = reader.Member.Organisation == organisation
                    && Expected(reader, client, DataCategory.InternalNotes, organisation, AccessOperation.Read);
                if (shown != expected)
                {
                    failures.Enqueue($"{where}: note shown to {reader} = {shown}, expected {expected}");
                }
            }
        });

        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [MemberData(nameof(Viewers))]
    public async Task Permissions_on_facts_loaded_from_the_database_match_the_specification_for_every_category_and_holder(string role, Organisation organisation)
    {
        var matrix = await MatrixAsync();
        var viewer = matrix.Viewer(role, organisation);
        var access = app.Service<ClientAccess>();
        var failures = new ConcurrentQueue<string>();
        DataCategory[] withoutService = [DataCategory.HelpPlan, DataCategory.Appointments, DataCategory.Referrals];

        await ForEachClientAsync(matrix, async client =>
        {
            var where = $"{role}/{organisation} on {client}";
            await using var db = await app.DbAsync();
            var permissions = await access.ForAsync(db, viewer.Member, client.Id, DataCategory.HelpPlan);
            if (!MayKnowOf(viewer, client))
            {
                if (permissions is not null)
                {
                    failures.Enqueue($"{where}: permissions handed out for a client the user may not know of");
                }

                return;
            }

            if (permissions is null)
            {
                failures.Enqueue($"{where}: no permissions for a client the user may know of");
                return;
            }

            foreach (var category in Enum.GetValues<DataCategory>())
            {
                if (withoutService.Contains(category))
                {
                    var read = Expected(viewer, client, category, client.Owner, AccessOperation.Read);
                    var write = Expected(viewer, client, category, client.Owner, AccessOperation.Write);
                    if (permissions.MayRead(category) != read || permissions.MayWrite(category) != write)
                    {
                        failures.Enqueue($"{where}, {category}: may read/write = {permissions.MayRead(category)}/{permissions.MayWrite(category)}, expected {read}/{write}");
                    }
                }

                foreach (var holder in Enum.GetValues<Organisation>())
                {
                    foreach (var operation in Enum.GetValues<AccessOperation>())
                    {
                        var expected = Expected(viewer, client, category, holder, operation);
                        if (permissions.Allows(category, holder, operation) != expected)
                        {
                            failures.Enqueue($"{where}, {category} held by {holder}, {operation}: allowed = {!expected}, expected {expected}");
                        }
                    }
                }
            }
        });

        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task A_refused_open_is_audited_as_access_denied_for_that_user_and_client()
    {
        var matrix = await MatrixAsync();
        var caseManager = matrix.Viewer(StaffRole.CaseManager, Organisation.Jobcenter);
        var colleaguesCase = matrix.Clients.First(c => c.Jobcenter == Responsibility.Colleague);
        var steering = matrix.Viewer(StaffRole.SteeringCommittee, Organisation.Jobcenter);
        var query = app.Service<ClientFileQuery>();

        foreach (var viewer in new[] { caseManager, steering })
        {
            var before = await DeniedCountAsync(viewer.Member.Id, colleaguesCase.Id);

            var file = await query.OpenAsync(viewer.Member, colleaguesCase.Id);

            Assert.Null(file);
            Assert.Equal(before + 1, await DeniedCountAsync(viewer.Member.Id, colleaguesCase.Id));
        }
    }

    [Fact]
    public async Task A_guessed_client_id_opens_nothing()
    {
        var matrix = await MatrixAsync();
        var query = app.Service<ClientFileQuery>();

        foreach (var viewer in matrix.Viewers)
        {
            Assert.Null(await query.OpenAsync(viewer.Member, Guid.NewGuid()));
        }
    }

    // ---- The specification, written out from the rules of the product (deny unless allowed below). ----

    private static bool IsCaseworker(Viewer viewer) => viewer.Role is StaffRole.CaseManager or StaffRole.DrugHelpWorker;

    private static bool IsTeamLead(Viewer viewer) => viewer.Role is StaffRole.TeamLeadJobcenter or StaffRole.TeamLeadDrugHelp;

    /// <summary>Caseworkers know of their own cases; team leads of every case their organisation is responsible for; nobody else of any.</summary>
    private static bool MayKnowOf(Viewer viewer, MatrixClient client)
    {
        var responsible = client.ResponsibleIn(viewer.Member.Organisation);
        if (IsCaseworker(viewer))
        {
            return responsible == viewer.Member.Id;
        }

        if (IsTeamLead(viewer))
        {
            return responsible is not null;
        }

        return false;
    }

    /// <summary>Whether the client's consent lets <paramref name="category"/> flow from <paramref name="holder"/> to the other organisation now.</summary>
    private static bool ConsentLetsFlow(MatrixClient client, DataCategory category, Organisation holder)
    {
        if (category == DataCategory.InternalNotes)
        {
            return false; // no consent ever covers internal notes
        }

        return client.Consent switch
        {
            ConsentCase.Valid => true,
            ConsentCase.OtherDirectionOnly => holder != client.Owner,
            ConsentCase.HelpPlanOnly => category == DataCategory.HelpPlan,
            _ => false, // none, expired, revoked, not yet valid
        };
    }

    private static bool Expected(Viewer viewer, MatrixClient client, DataCategory category, Organisation holder, AccessOperation operation)
    {
        var own = viewer.Member.Organisation;
        var responsible = client.ResponsibleIn(own);

        if (IsCaseworker(viewer) && responsible == viewer.Member.Id)
        {
            if (holder == own)
            {
                return true; // own organisation's data of an own case, internal notes included
            }

            if (category != DataCategory.InternalNotes && ConsentLetsFlow(client, category, holder))
            {
                if (operation == AccessOperation.Read)
                {
                    return true;
                }

                if (category == DataCategory.HelpPlan)
                {
                    return true; // the joint plan is written by both
                }
            }
        }

        if (IsTeamLead(viewer) && responsible is not null && category == DataCategory.MasterData && operation == AccessOperation.Read)
        {
            if (holder == own || ConsentLetsFlow(client, category, holder))
            {
                return true;
            }
        }

        return false;
    }

    // ---- The data set: one client per holder organisation × responsibility on each side × consent case. ----

    private static string NoteMarker(Organisation organisation) => $"Interne Notiz {organisation.German()}";

    private static string SeededNote(Organisation organisation, MatrixClient client) => $"{NoteMarker(organisation)} zu {client.Id:N}";

    private async Task<int> DeniedCountAsync(string userId, Guid clientId)
    {
        await using var db = await app.DbAsync();
        return await db.AuditEntries.CountAsync(a => a.UserId == userId && a.ClientId == clientId && a.Action == AuditAction.AccessDenied);
    }

    /// <summary>The services are stateless singletons with a context per call, so clients are checked a few at a time.</summary>
    private static Task ForEachClientAsync(Matrix matrix, Func<MatrixClient, Task> check) =>
        Parallel.ForEachAsync(matrix.Clients, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (client, _) => await check(client));

    private Task<Matrix> MatrixAsync() => PerFixture<Matrix>.GetAsync(app, CreateMatrixAsync);

    private static async Task<Matrix> CreateMatrixAsync(AppFixture app)
    {
        var viewers = new List<Viewer>();
        foreach (var (role, organisation) in RolesAndOrganisations)
        {
            var demo = DemoAccounts.All.FirstOrDefault(a => a.Role == role && a.Organisation == organisation);
            var member = demo is not null
                ? await app.MemberByEmailAsync(demo.Email)
                : await app.CreateMemberAsync(role, organisation, $"{StaffRole.GermanLabel(role)} {organisation.German()}");
            viewers.Add(new Viewer(role, member));
        }

        var caseManager = viewers.Single(v => v.Role == StaffRole.CaseManager).Member;
        var drugHelpWorker = viewers.Single(v => v.Role == StaffRole.DrugHelpWorker).Member;
        var caseManagerColleague = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Kollegin Jobcenter");
        var drugHelpColleague = await app.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Kollege Drogenhilfe");

        var today = app.Today();
        var now = app.Now();
        const ConsentScope everything = ConsentScope.MasterData | ConsentScope.HelpPlan | ConsentScope.Appointments
            | ConsentScope.Referrals | ConsentScope.HealthData;
        const ConsentDirections both = ConsentDirections.JobcenterToDrugHelp | ConsentDirections.DrugHelpToJobcenter;
        var clients = new List<Client>();
        var matrixClients = new List<MatrixClient>();
        foreach (var owner in Enum.GetValues<Organisation>())
        {
            foreach (var (jobcenter, drugHelp) in Responsibilities)
            {
                foreach (var consent in Enum.GetValues<ConsentCase>())
                {
                    var caseManagerId = jobcenter switch
                    {
                        Responsibility.DemoAccount => caseManager.Id,
                        Responsibility.Colleague => caseManagerColleague.Id,
                        _ => null,
                    };
                    var drugHelpWorkerId = drugHelp switch
                    {
                        Responsibility.DemoAccount => drugHelpWorker.Id,
                        Responsibility.Colleague => drugHelpColleague.Id,
                        _ => null,
                    };
                    var client = CaseData.NewClient(owner, caseManagerId, drugHelpWorkerId, "Mia", LastName);
                    client.AddEpisode(today.AddDays(-60));
                    var towardsOwner = owner == Organisation.Jobcenter ? ConsentDirections.DrugHelpToJobcenter : ConsentDirections.JobcenterToDrugHelp;
                    _ = consent switch
                    {
                        ConsentCase.None => null,
                        ConsentCase.Valid => client.AddConsent(caseManager.Id, everything, both, today.AddDays(-30), today.AddDays(300)),
                        ConsentCase.Expired => client.AddConsent(caseManager.Id, everything, both, today.AddDays(-400), today.AddDays(-1)),
                        ConsentCase.Revoked => client.AddConsent(caseManager.Id, everything, both, today.AddDays(-30), revokedAt: now.AddMinutes(-5)),
                        ConsentCase.NotYetValid => client.AddConsent(caseManager.Id, everything, both, today.AddDays(7)),
                        ConsentCase.OtherDirectionOnly => client.AddConsent(caseManager.Id, everything, towardsOwner, today.AddDays(-30)),
                        ConsentCase.HelpPlanOnly => client.AddConsent(caseManager.Id, ConsentScope.HelpPlan, both, today.AddDays(-30)),
                        _ => throw new InvalidOperationException(),
                    };

                    var matrixClient = new MatrixClient(client.Id, owner, jobcenter, drugHelp, consent, caseManagerId, drugHelpWorkerId);
                    client.AddNote(Organisation.Jobcenter, SeededNote(Organisation.Jobcenter, matrixClient));
                    client.AddNote(Organisation.DrugHelpService, SeededNote(Organisation.DrugHelpService, matrixClient));
                    clients.Add(client);
                    matrixClients.Add(matrixClient);
                }
            }
        }

        await app.SaveClientsAsync(clients);
        return new Matrix(viewers, matrixClients);
    }

    private sealed record Viewer(string Role, StaffMember Member)
    {
        public override string ToString() => $"{Role}/{Member.Organisation}";
    }

    private sealed record MatrixClient(
        Guid Id, Organisation Owner, Responsibility Jobcenter, Responsibility DrugHelp, ConsentCase Consent,
        string? CaseManagerId, string? DrugHelpWorkerId)
    {
        public string? ResponsibleIn(Organisation organisation) =>
            organisation == Organisation.Jobcenter ? CaseManagerId : DrugHelpWorkerId;

        public override string ToString() =>
            $"client held by {Owner}, Jobcenter: {Jobcenter}, Drogenhilfe: {DrugHelp}, consent: {Consent}";
    }

    private sealed record Matrix(IReadOnlyList<Viewer> Viewers, IReadOnlyList<MatrixClient> Clients)
    {
        public Viewer Viewer(string role, Organisation organisation) =>
            Viewers.Single(v => v.Role == role && v.Member.Organisation == organisation);
    }
}
