using CaseManagement.Application.Reports;
using CaseManagement.Application.Retention;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Appointments;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Notifications;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Reports;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.IntegrationTests.Reports;
using CaseManagement.IntegrationTests.Sessions;
using CaseManagement.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CaseManagement.IntegrationTests.DataProtection;

/// <summary>
/// The retention run on the hand-built caseload of the steering report plus cases around the limit:
/// only cases whose newest episode ended at least the period ago are anonymised (a case closed just
/// before the limit is, one closed a day later is not), an open case, a reopened one and a held one are
/// never touched, every category of the expired case's personal data is gone, and the steering
/// report's figures for the years concerned are the same before and after. Runs on both providers.
/// </summary>
public abstract class RetentionRunTests
{
    protected abstract IServiceProvider Services { get; }

    private T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    private Task<CaseManagementDbContext> DbAsync() => Service<IDbContextFactory<CaseManagementDbContext>>().CreateDbContextAsync();

    [Fact]
    public async Task A_run_anonymises_exactly_the_expired_cases_keeps_open_reopened_and_held_ones_and_leaves_the_figures_unchanged()
    {
        var officer = await StaffMembers.ByEmailAsync(Services, DemoAccounts.All.Single(a => a.Role == StaffRole.DataProtectionOfficer).Email);
        var admin = await StaffMembers.ByEmailAsync(Services, DemoAccounts.All.Single(a => a.Role == StaffRole.Administrator).Email);
        var caseManager = await StaffMembers.ByEmailAsync(Services, DemoAccounts.All.Single(a => a.Role == StaffRole.CaseManager).Email);
        var today = GermanCalendar.DateOf(Service<TimeProvider>().GetUtcNow());
        // One year: the report's group A (closed in autumn 2025) and E (2021) are due, everything else of it is open.
        Assert.True((await Service<RetentionPolicy>().SetAsync(admin, new RetentionPeriodsInput { ClosedCaseYears = 1 })).Succeeded);
        Assert.False((await Service<RetentionPolicy>().SetAsync(officer, new RetentionPeriodsInput { ClosedCaseYears = 2 })).Succeeded);
        Assert.False((await Service<RetentionPolicy>().SetAsync(admin, new RetentionPeriodsInput { ClosedCaseYears = 0 })).Succeeded);
        var limit = today.AddYears(-1);

        await using (var db = await DbAsync())
        {
            await SteeringReportData.SeedAsync(db);
        }

        var partner = new Partner { Id = Guid.NewGuid(), Name = "Schuldnerberatung Löschprobe", Type = PartnerType.DebtCounselling, ChangedAt = DateTimeOffset.UtcNow, ChangedByName = "Test" };
        var expired = Closed("Erna", "Abgelaufen-Löschprobe", new DateOnly(2015, 2, 1), limit, caseManager.Id);
        var notYet = Closed("Nora", "Nochnicht-Löschprobe", new DateOnly(2015, 2, 1), limit.AddDays(1), caseManager.Id);
        var open = CaseData.NewClient(Organisation.Jobcenter, caseManager.Id, null, "Otto", "Offen-Löschprobe");
        SteeringReportData.Episode(open, new DateOnly(2012, 1, 1));
        var reopened = Closed("Rita", "Wieder-Löschprobe", new DateOnly(2014, 1, 1), new DateOnly(2016, 6, 30), caseManager.Id);
        SteeringReportData.Episode(reopened, limit.AddDays(-100), limit.AddDays(20), ClosureReason.WorkTakenUp);
        var held = Closed("Hanna", "Gesperrt-Löschprobe", new DateOnly(2016, 1, 1), new DateOnly(2019, 3, 31), caseManager.Id);
        var heldToo = Closed("Lotte", "Freigegeben-Löschprobe", new DateOnly(2016, 1, 1), new DateOnly(2019, 3, 31), caseManager.Id);
        expired.AddConsent(caseManager.Id, ConsentScope.MasterData | ConsentScope.HealthData, ConsentDirections.JobcenterToDrugHelp | ConsentDirections.DrugHelpToJobcenter, new DateOnly(2015, 2, 1));
        expired.AddNote(Organisation.Jobcenter, "Frau Abgelaufen-Löschprobe erzählt von ihrer Schwester.");
        var plan = SteeringReportData.Plan(expired, 1, SteeringReportData.At(2015, 3, 1), agreedOn: new DateOnly(2015, 3, 10));
        plan.IntegrationGoal = "Stelle als Floristin bei Blumen Abgelaufen";
        plan.OwnEfforts = "Zwei Bewerbungen im Monat";
        SteeringReportData.Goal(plan, PlanArea.JobPlacement, StepStatus.Achieved, StepStatus.InProgress);
        plan.Goals[0].Steps[0].SetNote(Organisation.Jobcenter, new StepNote("Termin mit Schwester vereinbart", false));
        var appointment = SteeringReportData.Appointment(expired.Id, AppointmentType.Accompaniment, SteeringReportData.At(2015, 4, 2), AppointmentOutcome.Attended);
        appointment.AccompanimentTarget = "Hausarztpraxis Dr. Abgelaufen";
        appointment.OutcomeNote = "War pünktlich.";
        var referral = Referral.Propose(expired.Id, partner, "Schulden bei der Stadtsparkasse", null, new DateOnly(2015, 5, 1), today, SteeringReportData.Actor, DateTimeOffset.UtcNow);
        referral.Progress.Record([new ReferralStep(ReferralStatus.Requested, new DateOnly(2015, 5, 3)), new ReferralStep(ReferralStatus.Declined, new DateOnly(2015, 5, 20))], today, "keine Kapazität");
        var need = UnmetNeed.Record(expired.Id, PartnerType.ElderCare, "Tagesstruktur bei Frau Abgelaufen", new DateOnly(2015, 6, 1), SteeringReportData.Actor, DateTimeOffset.UtcNow);
        await using (var db = await DbAsync())
        {
            db.Partners.Add(partner);
            db.UnmetNeeds.Add(need);
            db.Clients.AddRange(expired, notYet, open, reopened, held, heldToo);
            db.HelpPlans.Add(plan);
            db.Appointments.Add(appointment);
            db.Referrals.Add(referral);
            db.StaffNotifications.Add(new StaffNotification { Id = Guid.NewGuid(), StaffId = caseManager.Id, CreatedAt = DateTimeOffset.UtcNow, Text = "Erna Abgelaufen-Löschprobe: Rückruf", ClientId = expired.Id });
            await db.SaveChangesAsync();
        }

        var years = new[] { ReportPeriod.Year(2025), ReportPeriod.Year(2024), ReportPeriod.Year(2021), ReportPeriod.Month(2021, 6), ReportPeriod.Year(2015) };
        var figuresBefore = await FiguresAsync(years);

        var runs = Service<RetentionRuns>();
        Assert.True((await runs.PlaceHoldAsync(officer, held.Id, new RetentionHoldInput { Reason = "Klage vor dem Sozialgericht, Az. S 7 AS 12/26" })).Succeeded);
        Assert.True((await runs.PlaceHoldAsync(officer, heldToo.Id, new RetentionHoldInput { Reason = "Beschwerde" })).Succeeded);
        Assert.False((await runs.PlaceHoldAsync(officer, held.Id, new RetentionHoldInput { Reason = "doppelt" })).Succeeded);
        Assert.False((await runs.PlaceHoldAsync(officer, notYet.Id, new RetentionHoldInput { Reason = " " })).Succeeded);
        Assert.False((await runs.PlaceHoldAsync(caseManager, notYet.Id, new RetentionHoldInput { Reason = "Fallmanager darf nicht" })).Succeeded);

        // The dry run names the due cases with what goes, and the held ones with their hold.
        var preview = (await runs.PreviewAsync(officer))!;
        Assert.Null(await runs.PreviewAsync(caseManager));
        var dueNumbers = preview.Cases.Select(c => c.CaseNumber).ToHashSet();
        Assert.Contains(expired.CaseNumber, dueNumbers);
        Assert.Contains(held.CaseNumber, dueNumbers);
        Assert.DoesNotContain(notYet.CaseNumber, dueNumbers);
        Assert.DoesNotContain(open.CaseNumber, dueNumbers);
        Assert.DoesNotContain(reopened.CaseNumber, dueNumbers);
        var expiredPreview = preview.Cases.Single(c => c.ClientId == expired.Id);
        Assert.Equal(limit, expiredPreview.LastEndedOn);
        Assert.Equal(today, expiredPreview.DueOn);
        Assert.Null(expiredPreview.Hold);
        Assert.Equal(
            ["Stammdaten 1", "Fallepisoden 1", "Einwilligungen 1", "Interne Notizen 1", "Hilfeplanfassungen 1", "Termine 1", "Vermittlungen 1", "Bedarfe ohne Angebot 1"],
            expiredPreview.Categories.Select(c => $"{c.Label} {c.Count}"));
        Assert.Equal("Klage vor dem Sozialgericht, Az. S 7 AS 12/26", preview.Cases.Single(c => c.ClientId == held.Id).Hold!.Reason);
        // Group A (14) and E (5) of the report's caseload, and ours.
        Assert.Equal(14 + 5 + 3, preview.Cases.Count);
        Assert.Equal(2, preview.Held);

        var heldTooHold = preview.Cases.Single(c => c.ClientId == heldToo.Id).Hold!;
        Assert.True((await runs.LiftHoldAsync(officer, heldTooHold.Id)).Succeeded);

        var outcome = await runs.RunNowAsync(officer);
        Assert.Equal(RetentionRunStatus.Refused, (await runs.RunNowAsync(caseManager)).Status);

        Assert.Equal(RetentionRunStatus.Completed, outcome.Status);
        Assert.Equal(14 + 5 + 2, outcome.Run!.Anonymised);
        Assert.Equal(1, outcome.Run.Held);
        Assert.Contains(expired.CaseNumber, outcome.Run.CaseNumbers);
        Assert.Contains(heldToo.CaseNumber, outcome.Run.CaseNumbers);

        await using (var db = await DbAsync())
        {
            var gone = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == expired.Id);
            Assert.NotNull(gone.AnonymisedAt);
            Assert.StartsWith("ANON-", gone.CaseNumber, StringComparison.Ordinal);
            Assert.Equal(("", "", "", "", (string?)null, (string?)null, (string?)null), (gone.FirstName, gone.LastName, gone.SearchName, gone.City, gone.Street, gone.Phone, gone.Email));
            Assert.Equal(new DateOnly(1990, 1, 1), gone.BirthDate);
            Assert.Equal(Gender.Female, gone.Gender);
            Assert.Null(gone.ResponsibleCaseManagerId);
            var episode = await db.Episodes.AsNoTracking().SingleAsync(e => e.ClientId == expired.Id);
            Assert.Equal((limit, ClosureReason.WorkTakenUp, (string?)null, ReferringBody.NotStated), (episode.EndedOn!.Value, episode.ClosureReason!.Value, episode.MainDiagnosis, episode.ReferringBody));
            Assert.False(await db.Consents.AnyAsync(c => c.ClientId == expired.Id));
            Assert.False(await db.InternalNotes.AnyAsync(n => n.ClientId == expired.Id));
            Assert.False(await db.StaffNotifications.AnyAsync(n => n.ClientId == expired.Id));
            var storedPlan = await db.HelpPlans.AsNoTracking().Include(p => p.Goals).ThenInclude(g => g.Steps).SingleAsync(p => p.ClientId == expired.Id);
            Assert.Equal(("", (string?)null, new DateOnly(2015, 3, 10)), (storedPlan.IntegrationGoal, storedPlan.OwnEfforts, storedPlan.AgreedOn!.Value));
            var goal = Assert.Single(storedPlan.Goals);
            Assert.Equal(("", PlanArea.JobPlacement, PlanGoal.ProgressOf([StepStatus.Achieved, StepStatus.InProgress])), (goal.Text, goal.Area, goal.Progress));
            Assert.All(goal.Steps, s => Assert.Equal(("", (string?)null), (s.Description, s.JobcenterNote)));
            var storedAppointment = await db.Appointments.AsNoTracking().SingleAsync(a => a.ClientId == expired.Id);
            Assert.Equal(((string?)null, (string?)null, AppointmentOutcome.Attended), (storedAppointment.AccompanimentTarget, storedAppointment.OutcomeNote, storedAppointment.Outcome));
            var storedReferral = await db.Referrals.AsNoTracking().SingleAsync(r => r.ClientId == expired.Id);
            Assert.Equal(("", (string?)null, ReferralStatus.Declined, new DateOnly(2015, 5, 20)), (storedReferral.Reason, storedReferral.Progress.FailureReason, storedReferral.Progress.Status, storedReferral.Progress.DeclinedOn!.Value));

            var storedNeed = await db.UnmetNeeds.AsNoTracking().SingleAsync(n => n.Id == need.Id);
            Assert.Equal(((string?)null, PartnerType.ElderCare, new DateOnly(2015, 6, 1), need.ReportKey), (storedNeed.Description, storedNeed.ServiceType, storedNeed.RecordedOn, storedNeed.ReportKey));

            // Nothing left anywhere names the person.
            Assert.False(await db.Clients.AnyAsync(c => c.LastName.Contains("Abgelaufen") || c.LastName.Contains("Freigegeben")));

            foreach (var kept in new[] { notYet, open, reopened, held })
            {
                var stored = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == kept.Id);
                Assert.Equal((kept.CaseNumber, kept.LastName, (DateTimeOffset?)null), (stored.CaseNumber, stored.LastName, stored.AnonymisedAt));
                Assert.True(await db.Episodes.AnyAsync(e => e.ClientId == kept.Id && e.MainDiagnosis != null));
            }

            // Audited: each anonymised case under its old number, the run, the holds.
            var anonymisedEntry = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditAction.Anonymised && a.ClientId == expired.Id);
            Assert.Equal((expired.CaseNumber, officer.Id), (anonymisedEntry.CaseNumber, anonymisedEntry.UserId));
            Assert.StartsWith("Stammdaten, Fallepisoden, Einwilligungen", anonymisedEntry.Fields, StringComparison.Ordinal);
            Assert.Equal(21, await db.AuditEntries.CountAsync(a => a.Action == AuditAction.Anonymised));
            var runEntry = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditAction.RetentionRun);
            Assert.Equal("von Hand gestartet, 21 anonymisiert, 1 gesperrt, Frist 1 Jahre, 0 Protokolleinträge entfernt (Frist 2 Jahre)", runEntry.Fields);
            Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == AuditAction.RetentionHoldPlaced));
            Assert.Equal(heldToo.CaseNumber, (await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditAction.RetentionHoldLifted)).CaseNumber);
            Assert.False(await db.AuditEntries.AnyAsync(a => a.Fields != null && a.Fields.Contains("Sozialgericht")));
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == AuditAction.RetentionPeriodsChanged));
        }

        // The steering report of every year concerned: the same figures, true and published.
        Assert.Equal(figuresBefore, await FiguresAsync(years));

        // A second run finds nothing more to do; the history shows both, newest first.
        var second = await runs.RunNowAsync(officer);
        Assert.Equal((0, 1), (second.Run!.Anonymised, second.Run.Held));
        var history = await runs.HistoryAsync(officer);
        Assert.Equal([0, 21], history.Take(2).Select(r => r.Anonymised));
        Assert.Empty(await runs.HistoryAsync(caseManager));
    }

    private static Client Closed(string firstName, string lastName, DateOnly startedOn, DateOnly endedOn, string caseManagerId)
    {
        var client = CaseData.NewClient(Organisation.Jobcenter, caseManagerId, null, firstName, lastName);
        SteeringReportData.Episode(client, startedOn, endedOn, ClosureReason.WorkTakenUp);
        return client;
    }

    private async Task<List<string>> FiguresAsync(IEnumerable<ReportPeriod> periods)
    {
        var query = Service<SteeringReportQuery>();
        var lines = new List<string>();
        foreach (var period in periods)
        {
            foreach (var (key, table) in (await query.TrueTablesAsync(period)).OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                lines.Add($"{period.Label} wahr {key}: " + string.Join(" ", table.Positions.Select(p => table[p])));
            }

            var report = await query.RunAsync(period);
            foreach (var section in report.Sections)
            {
                lines.Add($"{period.Label} veröffentlicht {section.Key}: " + string.Join(" ", section.Current.Positions.Select(p => section.Current[p].Value?.ToString() ?? "•")));
            }

            lines.Add($"{period.Label} Wartezeiten: " + string.Join(" ", report.WaitingTimes.Select(w => $"{w.PartnerType}={w.Current}")));
        }

        // Real figures, not empty tables: group A's 5 closures for work taken up in 2025 and three of ours (expired, not yet, reopened).
        Assert.StartsWith("2025 wahr abschluesse: 8 8 0 0 0 0 3 3", lines.Single(l => l.StartsWith("2025 wahr abschluesse", StringComparison.Ordinal)), StringComparison.Ordinal);
        return lines;
    }
}

public sealed class RetentionRunOnPostgresTests(AppFixture app) : RetentionRunTests, IClassFixture<AppFixture>
{
    protected override IServiceProvider Services => app.Factory.Services;
}

public sealed class RetentionRunOnSqliteTests(SqliteAppFixture app) : RetentionRunTests, IClassFixture<SqliteAppFixture>
{
    protected override IServiceProvider Services => app.Factory.Services;
}

/// <summary>Several instances of the app on one PostgreSQL database: the daily run happens once.</summary>
public sealed class RetentionScheduleOnPostgresTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_daily_run_happens_once_however_many_instances_start_it_and_never_while_another_holds_the_lock()
    {
        var admin = await app.DemoMemberAsync(StaffRole.Administrator);
        Assert.True((await app.Service<RetentionPolicy>().SetAsync(admin, new RetentionPeriodsInput { ClosedCaseYears = 2 })).Succeeded);
        var expired = CaseData.NewClient(Organisation.Jobcenter, null, null, "Gleich", "Zeitig-Löschprobe");
        SteeringReportData.Episode(expired, new DateOnly(2015, 1, 1), new DateOnly(2018, 1, 1), ClosureReason.Other);
        await app.SaveClientsAsync([expired]);
        var runs = app.Service<RetentionRuns>();

        // Another instance holds the lock: this one does nothing.
        await using (var other = new NpgsqlConnection(app.Database.ConnectionString))
        {
            await other.OpenAsync();
            await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({RetentionRuns.AdvisoryLockKey})", other))
            {
                await take.ExecuteScalarAsync();
            }

            try
            {
                Assert.Equal(RetentionRunStatus.Busy, (await runs.RunScheduledAsync()).Status);
            }
            finally
            {
                // The other instance is done. (Its pooled session would keep the lock otherwise.)
                await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({RetentionRuns.AdvisoryLockKey})", other);
                Assert.True((bool)(await release.ExecuteScalarAsync())!);
            }
        }

        // Three instances at once: one run, one anonymisation.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => runs.RunScheduledAsync())));
        var completed = Assert.Single(outcomes, o => o.Status == RetentionRunStatus.Completed);
        Assert.Equal(1, completed.Run!.Anonymised);
        Assert.All(outcomes.Where(o => o != completed), o => Assert.Contains(o.Status, new[] { RetentionRunStatus.Busy, RetentionRunStatus.AlreadyRanToday }));
        Assert.Equal(RetentionRunStatus.AlreadyRanToday, (await runs.RunScheduledAsync()).Status);

        await using var db = await app.DbAsync();
        Assert.Equal(1, await db.RetentionRuns.CountAsync(r => r.Scheduled));
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditAction.Anonymised && a.ClientId == expired.Id);
        Assert.Equal((RetentionRuns.Schedule.Id, "Täglicher Löschlauf"), (entry.UserId, entry.UserName));
    }
}

/// <summary>
/// The audit log's own period: a run removes the entries of cases anonymised long enough ago and
/// entries about no case that are as old, keeps everything about a case still held, and leaves the
/// log closed to every other delete or change. Runs on both providers (each has its own trigger).
/// </summary>
public abstract class AuditExpiryTests
{
    protected abstract IServiceProvider Services { get; }

    private T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    private Task<CaseManagementDbContext> DbAsync() => Service<IDbContextFactory<CaseManagementDbContext>>().CreateDbContextAsync();

    [Fact]
    public async Task A_run_removes_audit_entries_only_of_cases_anonymised_long_enough_ago_and_of_no_case_and_the_log_stays_closed_to_everything_else()
    {
        var officer = await StaffMembers.ByEmailAsync(Services, DemoAccounts.All.Single(a => a.Role == StaffRole.DataProtectionOfficer).Email);
        var now = Service<TimeProvider>().GetUtcNow();
        var longGone = CaseData.NewClient(Organisation.Jobcenter, null, null, "Anon", "Lange-Her");
        longGone.AnonymisedAt = now.AddYears(-3);
        var recentlyGone = CaseData.NewClient(Organisation.Jobcenter, null, null, "Anon", "Kuerzlich");
        recentlyGone.AnonymisedAt = now.AddMonths(-6);
        var held = CaseData.NewClient(Organisation.Jobcenter, null, null, "Noch", "Gespeichert");
        AuditEntry Entry(Guid? clientId, DateTimeOffset at) => new()
        {
            OccurredAt = at, UserId = officer.Id, UserName = "Protokollprobe", UserOrganisation = Organisation.Jobcenter,
            ClientId = clientId, CaseNumber = clientId is null ? null : "PROBE", Action = AuditAction.Viewed,
        };
        var expiredOfGoneCase = Entry(longGone.Id, now.AddYears(-4));
        var oldOfRecentlyGoneCase = Entry(recentlyGone.Id, now.AddYears(-4));
        var ancientOfHeldCase = Entry(held.Id, now.AddYears(-12));
        var oldWithoutCase = Entry(null, now.AddYears(-3));
        var recentWithoutCase = Entry(null, now.AddMonths(-3));
        await using (var db = await DbAsync())
        {
            db.Clients.AddRange(longGone, recentlyGone, held);
            db.AuditEntries.AddRange(expiredOfGoneCase, oldOfRecentlyGoneCase, ancientOfHeldCase, oldWithoutCase, recentWithoutCase);
            await db.SaveChangesAsync();
        }

        var outcome = await Service<RetentionRuns>().RunNowAsync(officer);

        Assert.Equal(RetentionRunStatus.Completed, outcome.Status);
        Assert.True(outcome.Run!.AuditEntriesRemoved >= 2, $"{outcome.Run.AuditEntriesRemoved} removed");
        Assert.Equal(Domain.Retention.RetentionRules.DefaultAuditYears, outcome.Run.AuditYears);
        await using (var db = await DbAsync())
        {
            var left = await db.AuditEntries.Where(a => a.UserName == "Protokollprobe").Select(a => a.Id).ToListAsync();
            Assert.Equal(
                new[] { oldOfRecentlyGoneCase.Id, ancientOfHeldCase.Id, recentWithoutCase.Id }.Order(),
                left.Order());
            Assert.Empty(await db.AuditExpiryPermits.ToListAsync());

            // Outside a run the database still refuses every delete and change, old entries included.
            await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEntries.Where(a => a.Id == ancientOfHeldCase.Id).ExecuteDeleteAsync());
            await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEntries.Where(a => a.Id == oldOfRecentlyGoneCase.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.UserName, "geändert")));
        }
    }
}

public sealed class AuditExpiryOnPostgresTests(AppFixture app) : AuditExpiryTests, IClassFixture<AppFixture>
{
    protected override IServiceProvider Services => app.Factory.Services;
}

public sealed class AuditExpiryOnSqliteTests(SqliteAppFixture app) : AuditExpiryTests, IClassFixture<SqliteAppFixture>
{
    protected override IServiceProvider Services => app.Factory.Services;
}
