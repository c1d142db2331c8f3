using System.Net;
using System.Text;
using CaseManagement.Application.Audit;
using CaseManagement.Application.Clients;
using CaseManagement.Application.Consent;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using CaseManagement.IntegrationTests.Referrals;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CaseManagement.IntegrationTests.DataProtection;

/// <summary>
/// The audit log tells the data-protection officer a story: filtered by action and organisation,
/// paged by (time, id) without gaps, a person found by name without the name entering the log,
/// referrals named by partner and date, a case's history with readings collapsed, and a CSV of a
/// filtered view.
/// </summary>
public sealed class AuditLogStoryTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateTimeOffset Base = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Filtering_by_action_and_organisation_shows_exactly_those_entries()
    {
        var officer = await app.DemoMemberAsync(StaffRole.DataProtectionOfficer);
        var ids = await InsertAsync("Filterprobe",
            (AuditAction.Viewed, Organisation.Jobcenter, Base),
            (AuditAction.AccessDenied, Organisation.Jobcenter, Base.AddMinutes(1)),
            (AuditAction.AccessDenied, Organisation.DrugHelpService, Base.AddMinutes(2)),
            (AuditAction.Viewed, Organisation.DrugHelpService, Base.AddMinutes(3)),
            (AuditAction.AccessDenied, Organisation.DrugHelpService, Base.AddMinutes(4)));

        var query = app.Service<AuditLogQuery>();
        var refusedAtDrugHelp = await query.GetPageAsync(officer, new AuditFilter
        {
            User = "filterprobe", Action = AuditAction.AccessDenied, Organisation = Organisation.DrugHelpService,
        });
        var jobcenter = await query.GetPageAsync(officer, new AuditFilter { User = "Filterprobe", Organisation = Organisation.Jobcenter });

        Assert.Equal([ids[4], ids[2]], refusedAtDrugHelp.Rows.Select(r => r.Id));
        Assert.Equal([ids[1], ids[0]], jobcenter.Rows.Select(r => r.Id));
        Assert.All(refusedAtDrugHelp.Rows, r => Assert.Equal("Zugriff verweigert", Application.GermanLabels.Of(r.Action)));
    }

    [Fact]
    public async Task Keyset_pages_walk_the_log_newest_first_without_gaps_or_repeats_even_within_one_instant()
    {
        var officer = await app.DemoMemberAsync(StaffRole.DataProtectionOfficer);
        // 130 entries: every third shares its instant with the one before, and the second half is
        // written first, so ids and times run in different orders.
        var times = Enumerable.Range(0, 130).Select(i => Base.AddMinutes(i - i % 3 / 2)).ToList();
        var later = await InsertAsync("Seitenprobe", [.. times.Skip(65).Select(t => (AuditAction.Viewed, Organisation.Jobcenter, t))]);
        var earlier = await InsertAsync("Seitenprobe", [.. times.Take(65).Select(t => (AuditAction.Viewed, Organisation.Jobcenter, t))]);
        var expected = earlier.Zip(times.Take(65)).Concat(later.Zip(times.Skip(65)))
            .OrderByDescending(e => e.Second).ThenByDescending(e => e.First).Select(e => e.First).ToList();

        var query = app.Service<AuditLogQuery>();
        var seen = new List<long>();
        AuditCursor? after = null;
        var pages = 0;
        do
        {
            var page = await query.GetPageAsync(officer, new AuditFilter { User = "Seitenprobe", After = after, PageSize = 50 });
            seen.AddRange(page.Rows.Select(r => r.Id));
            after = page.Next;
            pages++;
        }
        while (after is not null);

        Assert.Equal(3, pages);
        Assert.Equal(expected, seen);

        // An old date range starts at its own newest entry.
        var lastDay = Domain.GermanCalendar.DateOf(times[40]);
        var old = await query.GetPageAsync(officer, new AuditFilter { User = "Seitenprobe", To = lastDay, PageSize = 5 });
        Assert.All(old.Rows, r => Assert.True(Domain.GermanCalendar.DateOf(r.OccurredAt) <= lastDay));
        Assert.Equal(expected.SkipWhile(id => !old.Rows.Select(r => r.Id).Contains(id)).Take(5), old.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task A_person_is_found_by_name_and_the_log_filtered_by_their_cases_without_the_name_entering_the_log()
    {
        var officer = await app.DemoMemberAsync(StaffRole.DataProtectionOfficer);
        var caseManager = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Fallmanager Suche");
        var older = CaseData.NewClient(Organisation.Jobcenter, caseManager.Id, null, "Wilhelmine", "Namensprobe-Özkan", new DateOnly(1971, 4, 2));
        var younger = CaseData.NewClient(Organisation.Jobcenter, caseManager.Id, null, "Wilhelmine", "Namensprobe-Özkan", new DateOnly(1999, 8, 30));
        var other = CaseData.NewClient(Organisation.Jobcenter, caseManager.Id, null, "Xaver", "Andersprobe");
        foreach (var client in new[] { older, younger, other })
        {
            client.AddEpisode(app.Today().AddDays(-10));
        }

        await app.SaveClientsAsync([older, younger, other]);
        foreach (var client in new[] { older, younger, other })
        {
            Assert.NotNull(await app.Service<ClientFileQuery>().OpenAsync(caseManager, client.Id));
        }

        await app.Service<AuditTrail>().ListViewedAsync(caseManager, "Fallbestand", [other.CaseNumber, older.CaseNumber]);

        var lookup = app.Service<PersonLookup>();
        var both = await lookup.FindAsync(officer, "wilhelmine namensprobe-oezkan", birthDate: null);
        var one = await lookup.FindAsync(officer, "Namensprobe-Özkan Wilhelmine", new DateOnly(1971, 4, 2));

        Assert.Equal([older.CaseNumber, younger.CaseNumber], both!.Select(f => f.CaseNumber).Order(StringComparer.Ordinal));
        var found = Assert.Single(one!);
        Assert.Equal(older.CaseNumber, found.CaseNumber);

        var page = await app.Service<AuditLogQuery>().GetPageAsync(officer, new AuditFilter { Person = PersonLookup.AsFilter(one!) });
        Assert.Equal(
            [AuditAction.ListViewed, AuditAction.Viewed],
            page.Rows.Select(r => r.Action));
        Assert.Equal("Fallbestand: 2 Fälle", page.Rows[0].Subject);
        Assert.Contains(older.CaseNumber, page.Rows[0].ListedCaseNumbers);
        Assert.Equal(older.CaseNumber, page.Rows[1].CaseNumber);

        // The lookups are in the log with the case numbers they found, and no row anywhere holds the name.
        await using var db = await app.DbAsync();
        var lookups = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuditAction.PersonLookedUp && a.UserId == officer.Id).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(2, lookups.Count);
        Assert.Contains(younger.CaseNumber, lookups[0].Fields, StringComparison.Ordinal);
        Assert.DoesNotContain(younger.CaseNumber, lookups[1].Fields, StringComparison.Ordinal);
        Assert.Contains(older.CaseNumber, lookups[1].Fields, StringComparison.Ordinal);
        Assert.Empty(await AuditRowsContainingAsync("Wilhelmine", "Namensprobe", "namensprobe"));
    }

    [Fact]
    public async Task Nobody_but_the_data_protection_officer_reads_the_log_or_looks_a_person_up()
    {
        foreach (var role in StaffRole.All.Where(r => r != StaffRole.DataProtectionOfficer))
        {
            var member = await app.DemoMemberAsync(role);
            Assert.Empty((await app.Service<AuditLogQuery>().GetPageAsync(member, new AuditFilter())).Rows);
            Assert.Null(await app.Service<PersonLookup>().FindAsync(member, "Beispiel", null));
            Assert.Null(await app.Service<CaseHistoryQuery>().ForCaseAsync(member, "LU-1990-00001"));
            Assert.Null(await app.Service<AuditExport>().CsvAsync(member, new AuditFilter(), null));
        }
    }

    [Fact]
    public async Task A_referral_entry_names_the_partner_and_the_day_instead_of_an_id()
    {
        var officer = await app.DemoMemberAsync(StaffRole.DataProtectionOfficer);
        var joint = await app.ReferralCaseAsync();
        var partner = await app.PartnerAsync(PartnerType.DebtCounselling, "Schuldnerberatung Nord");
        var created = await app.Service<Application.Referrals.ReferralCommands>().CreateAsync(joint.CaseManager, joint.ClientId, app.NewReferral(partner, proposedDaysAgo: 3));
        Assert.True(created.Succeeded, created.Message);

        var page = await app.Service<AuditLogQuery>().GetPageAsync(officer, new AuditFilter { CaseNumber = joint.Client.CaseNumber, Action = AuditAction.Created });

        var row = Assert.Single(page.Rows, r => r.Category == DataCategory.Referrals);
        var day = Domain.GermanCalendar.Format(app.Today().AddDays(-3));
        Assert.StartsWith($"Vermittlungen: Vermittlung an Schuldnerberatung Nord (Schuldnerberatung), {day}, Netzwerkpartner", row.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain(created.Value!.ToString(), row.Subject, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_unmet_need_entry_names_its_type_and_day_never_its_description_and_no_id_after_removal()
    {
        var officer = await app.DemoMemberAsync(StaffRole.DataProtectionOfficer);
        var joint = await app.ReferralCaseAsync();
        const string description = "Tagesstruktur für Ältere in Substitution";
        var needs = app.Service<Application.Referrals.UnmetNeeds>();
        var recorded = await needs.RecordAsync(joint.DrugHelpWorker, joint.ClientId,
            new Application.Referrals.UnmetNeedInput { ServiceType = PartnerType.ElderCare, Description = description, RecordedOn = app.Today().AddDays(-4) });
        Assert.True(recorded.Succeeded, recorded.Message);
        var day = Domain.GermanCalendar.Format(app.Today().AddDays(-4));

        var created = Assert.Single((await app.Service<AuditLogQuery>().GetPageAsync(officer, new AuditFilter { CaseNumber = joint.Client.CaseNumber, Action = AuditAction.Created })).Rows,
            r => r.Category == DataCategory.Referrals);
        Assert.Equal($"Vermittlungen: Bedarf ohne Angebot vom {day} (Altenhilfe), Art der Stelle, Beschreibung, festgestellt am", created.Subject);
        Assert.DoesNotContain(recorded.Value.ToString(), created.Subject, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(description, created.Subject, StringComparison.Ordinal);

        Assert.True((await needs.RemoveAsync(joint.DrugHelpWorker, joint.ClientId, recorded.Value)).Succeeded);

        var rows = (await app.Service<AuditLogQuery>().GetPageAsync(officer, new AuditFilter { CaseNumber = joint.Client.CaseNumber })).Rows
            .Where(r => r.Category == DataCategory.Referrals && r.Action is AuditAction.Created or AuditAction.Changed).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.DoesNotContain(recorded.Value.ToString(), r.Subject, StringComparison.OrdinalIgnoreCase));
        var removal = Assert.Single(rows, r => r.Action == AuditAction.Changed);
        // The log keeps field names, never contents: once removed, the need cannot be named any more.
        Assert.Equal("Vermittlungen: Bedarf ohne Angebot (nicht mehr gespeichert), entfernt", removal.Subject);
    }

    [Fact]
    public async Task A_case_history_tells_the_events_in_order_and_collapses_the_readings_between_them()
    {
        var officer = await app.DemoMemberAsync(StaffRole.DataProtectionOfficer);
        var caseManager = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Fallmanagerin Verlauf");
        var drugHelpWorker = await app.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Fachkraft Verlauf");
        var stranger = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Fallmanager Fremd");
        var registered = await app.Service<ClientRegistration>().RegisterAsync(caseManager, new ClientInput
        {
            FirstName = "Greta", LastName = "Verlaufsprobe", BirthDate = new DateOnly(1988, 1, 5), PostalCode = "67061",
            City = "Ludwigshafen am Rhein", CounterpartId = drugHelpWorker.Id, ConfirmedNotDuplicate = true,
        });
        Assert.True(registered.Succeeded, registered.Message);
        var (clientId, caseNumber) = (registered.Value!.Id, registered.Value.CaseNumber);
        var files = app.Service<ClientFileQuery>();
        for (var i = 0; i < 3; i++)
        {
            await files.OpenAsync(caseManager, clientId);
        }

        await app.Service<AuditTrail>().ListViewedAsync(caseManager, "Fallbestand", [caseNumber]);
        var consent = await app.Service<ConsentCommands>().RecordAsync(caseManager, clientId, new ConsentInput
        {
            MasterData = true, JobcenterToDrugHelp = true, Purpose = "Gemeinsame Fallarbeit", SignedOn = app.Today(),
        });
        Assert.True(consent.Succeeded, consent.Message);
        await files.OpenAsync(drugHelpWorker, clientId);
        await files.OpenAsync(drugHelpWorker, clientId);
        await files.OpenAsync(stranger, clientId);

        var history = await app.Service<CaseHistoryQuery>().ForCaseAsync(officer, caseNumber.ToLowerInvariant());

        Assert.NotNull(history);
        Assert.Equal(clientId, history.ClientId);
        Assert.Equal(
            [
                "angelegt – Stammdaten",
                "geöffnet 3 in Listen 1 – Fallmanagerin Verlauf 4",
                "Einwilligung erfasst – Stammdaten (Jobcenter → Drogenhilfe)",
                "geöffnet 2 in Listen 0 – Fachkraft Verlauf 2",
                "Zugriff verweigert – Stammdaten",
            ],
            history.Items.Select(Line));
        Assert.Equal(9, history.Entries);

        await using var db = await app.DbAsync();
        var read = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditAction.HistoryViewed && a.ClientId == clientId);
        Assert.Equal(officer.Id, read.UserId);
        Assert.Equal(caseNumber, read.CaseNumber);

        static string Line(HistoryItem item) => item.IsReading
            ? $"geöffnet {item.Opened} in Listen {item.Listed} – {string.Join(", ", item.Actors.Select(a => $"{a.Name} {a.Count}"))}"
            : $"{Application.GermanLabels.Of(item.Action)} – {item.Subject.Split(':')[0]}";
    }

    [Fact]
    public async Task The_CSV_of_a_filtered_view_holds_its_entries_in_words_and_the_export_is_audited()
    {
        await InsertAsync("Exportprobe",
            (AuditAction.AccessDenied, Organisation.DrugHelpService, Base),
            (AuditAction.Viewed, Organisation.DrugHelpService, Base.AddMinutes(1)),
            (AuditAction.AccessDenied, Organisation.Jobcenter, Base.AddMinutes(2)));
        using var browser = StaffBrowser.Open(app);
        var officer = DemoAccounts.All.Single(a => a.Role == StaffRole.DataProtectionOfficer);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(officer.Email, DemoAccounts.Password)).StatusCode);

        var response = await browser.Client.GetAsync($"/datenschutz/protokoll.csv?benutzer=Exportprobe&aktion={(int)AuditAction.AccessDenied}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble));
        var lines = Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Filter;Mitarbeiter:in: Exportprobe; Aktion: Zugriff verweigert", lines[1].Replace("\"", "", StringComparison.Ordinal));
        Assert.Equal("Einträge;2", lines[3]);
        Assert.Equal(string.Join(';', AuditCsv.Header), lines[4]);
        Assert.Equal(2, lines.Count(l => l.Contains("Exportprobe", StringComparison.Ordinal) && l.Contains(";Zugriff verweigert;", StringComparison.Ordinal)));
        Assert.StartsWith("01.03.2025 10:02:00;Exportprobe;Jobcenter;", lines[5], StringComparison.Ordinal);

        await using var db = await app.DbAsync();
        var export = await db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditAction.Exported && a.Fields!.StartsWith("Zugriffsprotokoll (CSV)")).SingleAsync();
        Assert.Equal("Zugriffsprotokoll (CSV), 2 Einträge, Mitarbeiter:in: Exportprobe; Aktion: Zugriff verweigert", export.Fields);
    }

    /// <summary>Audit entries written straight into the log (inserting is allowed), all with <paramref name="userName"/>.</summary>
    private async Task<List<long>> InsertAsync(string userName, params (AuditAction Action, Organisation Organisation, DateTimeOffset At)[] entries)
    {
        await using var db = await app.DbAsync();
        var rows = entries.Select(e => new AuditEntry
        {
            OccurredAt = e.At, UserId = "audit-test", UserName = userName, UserOrganisation = e.Organisation,
            Action = e.Action, Category = DataCategory.MasterData, CaseNumber = CaseData.NextCaseNumber(),
        }).ToList();
        db.AuditEntries.AddRange(rows);
        await db.SaveChangesAsync();
        return [.. rows.Select(r => r.Id)];
    }

    private async Task<List<string>> AuditRowsContainingAsync(params string[] words)
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT a::text FROM \"AuditEntries\" a", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var row = reader.GetString(0);
            if (words.Any(w => row.Contains(w, StringComparison.Ordinal)))
            {
                rows.Add(row);
            }
        }

        return rows;
    }
}
