using System.Diagnostics;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CaseManagement.Infrastructure.DemoData;

/// <summary>
/// Seeds a fictitious caseload (about 320 clients with episodes, consents, internal notes and help plans)
/// for the demo caseworkers, so that a first run looks like a service in use. Runs only on a
/// database without any client, so a second start changes nothing; everything is written in one
/// transaction, so an interrupted run leaves no half caseload behind. Logs counts, never names.
/// </summary>
public sealed class DemoCaseSeeder(
    IDbContextFactory<CaseManagementDbContext> contextFactory,
    ILogger<DemoCaseSeeder> logger,
    TimeProvider? clock = null)
{
    public const int ClientCount = 320;
    private const int BatchSize = 100;

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Clients.AnyAsync(cancellationToken))
        {
            return;
        }

        var stopwatch = Stopwatch.StartNew();
        var caseworkers = await LoadCaseworkersAsync(db, cancellationToken);
        if (caseworkers is null)
        {
            logger.LogWarning("Demo caseload not seeded: demo caseworker accounts are missing");
            return;
        }

        var (caseManagers, drugHelpWorkers) = caseworkers.Value;
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        var clients = new DemoCaseGenerator(caseManagers, drugHelpWorkers, now).Generate(ClientCount);
        var staff = caseManagers.Concat(drugHelpWorkers).ToDictionary(w => w.Id);
        var plans = new DemoPlanGenerator(staff, now).Generate(clients);
        var appointments = new DemoAppointmentGenerator(staff, now).Generate(clients);
        appointments.AddRange(new DemoAppointmentHistoryGenerator(staff, now).Generate(clients));

        db.ChangeTracker.AutoDetectChangesEnabled = false;

        // A transaction of its own: run once, never retried (a fault rolls it back and fails the start-up).
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var batch in clients.Chunk(BatchSize))
            {
                db.Clients.AddRange(batch);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }

            foreach (var batch in plans.Chunk(BatchSize))
            {
                db.HelpPlans.AddRange(batch);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }

            foreach (var batch in appointments.Chunk(BatchSize * 2))
            {
                db.Appointments.AddRange(batch);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }

            await transaction.CommitAsync(cancellationToken);
        }

        logger.LogInformation(
            "Demo caseload seeded: {Clients} clients, {Episodes} episodes, {Consents} consents, {Notes} internal notes, {Plans} help-plan versions, {Appointments} appointments in {ElapsedMs} ms",
            clients.Count, clients.Sum(c => c.Episodes.Count), clients.Sum(c => c.Consents.Count), clients.Sum(c => c.Notes.Count), plans.Count, appointments.Count,
            stopwatch.ElapsedMilliseconds);
    }

    /// <summary>The demo caseworkers by organisation; the accounts of <see cref="DemoAccounts.All"/> first.</summary>
    private static async Task<(DemoCaseworker[] CaseManagers, DemoCaseworker[] DrugHelpWorkers)?> LoadCaseworkersAsync(
        CaseManagementDbContext db, CancellationToken cancellationToken)
    {
        var accounts = DemoAccounts.All.Where(a => a.Role is StaffRole.CaseManager or StaffRole.DrugHelpWorker)
            .Concat(DemoAccounts.AdditionalCaseworkers)
            .ToList();
        var normalized = accounts.Select(a => a.Email.ToUpperInvariant()).ToList();
        var users = await db.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail != null && normalized.Contains(u.NormalizedEmail))
            .Select(u => new { u.Id, u.NormalizedEmail, u.DisplayName, u.Organisation })
            .ToListAsync(cancellationToken);
        var byEmail = users.ToDictionary(u => u.NormalizedEmail!, StringComparer.Ordinal);
        if (accounts.Any(a => !byEmail.ContainsKey(a.Email.ToUpperInvariant())))
        {
            return null;
        }

        DemoCaseworker[] Of(Organisation organisation) =>
        [
            .. accounts.Where(a => a.Organisation == organisation)
                .Select(a => byEmail[a.Email.ToUpperInvariant()])
                .Select(u => new DemoCaseworker(u.Id, u.DisplayName, u.Organisation)),
        ];

        return (Of(Organisation.Jobcenter), Of(Organisation.DrugHelpService));
    }
}
