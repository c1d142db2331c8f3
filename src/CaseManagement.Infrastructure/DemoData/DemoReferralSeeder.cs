using System.Diagnostics;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CaseManagement.Infrastructure.DemoData;

/// <summary>
/// Seeds the fictitious partner directory (<see cref="DemoPartnerCatalog"/>) into an empty directory,
/// and referrals (<see cref="DemoReferralGenerator"/>) for the demo caseload when there are clients but
/// no referral yet. Each runs once and writes in one transaction; logs counts, never names.
/// </summary>
public sealed class DemoReferralSeeder(
    IDbContextFactory<CaseManagementDbContext> contextFactory,
    ILogger<DemoReferralSeeder> logger,
    TimeProvider? clock = null)
{
    private const int BatchSize = 200;

    public async Task SeedPartnersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Partners.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = (clock ?? TimeProvider.System).GetUtcNow();
        db.Partners.AddRange(DemoPartnerCatalog.All.Select(p => new Partner
        {
            Id = Guid.NewGuid(),
            Name = p.Name,
            Type = p.Type,
            ContactPerson = p.ContactPerson,
            Phone = p.Phone,
            Email = p.Email,
            Street = p.Street,
            PostalCode = p.PostalCode,
            City = p.City,
            Notes = p.Notes,
            IsArchived = p.Archived,
            ChangedAt = now,
            ChangedByName = "Demodaten",
        }));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo partner directory seeded: {Partners} partners", DemoPartnerCatalog.All.Count);
    }

    public async Task SeedReferralsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Referrals.AnyAsync(cancellationToken) || !await db.Clients.AnyAsync(cancellationToken))
        {
            return;
        }

        var stopwatch = Stopwatch.StartNew();
        var partners = await db.Partners.AsNoTracking().ToListAsync(cancellationToken);
        var staff = await DemoCaseworkersAsync(db, cancellationToken);
        var clients = await db.Clients.AsNoTracking().Include(c => c.Episodes).AsSplitQuery().ToListAsync(cancellationToken);
        var plans = await db.HelpPlans.AsNoTracking().Where(p => p.Status == HelpPlanStatus.Agreed)
            .Include(p => p.Goals).ThenInclude(g => g.Steps).AsSplitQuery().ToListAsync(cancellationToken);
        var demoEmails = DemoAccounts.All.Where(a => a.Role is StaffRole.CaseManager or StaffRole.DrugHelpWorker)
            .Select(a => a.Email.ToUpperInvariant())
            .ToHashSet(StringComparer.Ordinal);
        var demoPair = staff.Where(s => demoEmails.Contains(s.Value.Email)).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        var referrals = new DemoReferralGenerator(staff.ToDictionary(s => s.Key, s => s.Value.Worker), partners, demoPair, now)
            .Generate(clients.Where(c => AllKnown(c, staff)), plans);

        db.ChangeTracker.AutoDetectChangesEnabled = false;

        // A transaction of its own: run once, never retried (a fault rolls it back and fails the start-up).
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var batch in referrals.Chunk(BatchSize))
            {
                db.Referrals.AddRange(batch);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }

            await transaction.CommitAsync(cancellationToken);
        }

        logger.LogInformation("Demo referrals seeded: {Referrals} referrals for {Clients} clients in {ElapsedMs} ms",
            referrals.Count, referrals.Select(r => r.ClientId).Distinct().Count(), stopwatch.ElapsedMilliseconds);
    }

    /// <summary>
    /// A few needs without a fitting partner (Bedarf ohne Angebot) for the demo caseload, once, when
    /// there are referrals but no such need yet: about one client in seven, recorded by its responsible
    /// caseworker, spread over the last two years, mostly for kinds of service the fictitious directory
    /// offers little of (elder care, disability help, youth welfare), so the needs analysis shows them.
    /// </summary>
    public async Task SeedUnmetNeedsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.UnmetNeeds.AnyAsync(cancellationToken) || !await db.Referrals.AnyAsync(cancellationToken))
        {
            return;
        }

        var staff = await DemoCaseworkersAsync(db, cancellationToken);
        var clients = await db.Clients.AsNoTracking().Where(c => c.AnonymisedAt == null).OrderBy(c => c.CaseNumber)
            .Select(c => new { c.Id, c.ResponsibleCaseManagerId, c.ResponsibleDrugHelpWorkerId })
            .ToListAsync(cancellationToken);
        var today = Domain.GermanCalendar.DateOf((clock ?? TimeProvider.System).GetUtcNow());
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        (PartnerType Type, string? Description)[] needs =
        [
            (PartnerType.ElderCare, "Tagesstruktur für einen älteren Substituierten; keine Stelle im Verzeichnis nimmt Menschen in Substitution auf."),
            (PartnerType.DisabilityHelp, "Ambulant betreutes Wohnen bei Doppeldiagnose; alle Stellen mit Wartelisten über sechs Monate."),
            (PartnerType.YouthWelfare, "Jugendhilfe mit Suchtschwerpunkt für eine 17-Jährige; keine passende Einrichtung in der Stadt."),
            (PartnerType.ElderCare, null),
            (PartnerType.HomelessHelp, "Notunterkunft, in der Substitution möglich ist; keine gefunden."),
            (PartnerType.Other, "Traumatherapie auf Russisch."),
            (PartnerType.DisabilityHelp, null),
        ];
        var added = 0;
        for (var i = 0; i < clients.Count; i += 7)
        {
            var client = clients[i];
            var workerId = i % 2 == 0 ? client.ResponsibleDrugHelpWorkerId ?? client.ResponsibleCaseManagerId : client.ResponsibleCaseManagerId ?? client.ResponsibleDrugHelpWorkerId;
            if (workerId is null || !staff.TryGetValue(workerId, out var worker))
            {
                continue;
            }

            var (type, description) = needs[(i / 7) % needs.Length];
            var actor = new Domain.Access.StaffMember(worker.Worker.Id, worker.Worker.DisplayName, worker.Worker.Organisation, new HashSet<string>());
            db.UnmetNeeds.Add(UnmetNeed.Record(client.Id, type, description, today.AddDays(-((i * 37) % 700) - 1), actor, now));
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo unmet needs seeded: {UnmetNeeds}", added);
    }

    /// <summary>Only clients whose responsible caseworkers are all demo accounts (the seeded caseload).</summary>
    private static bool AllKnown(Domain.Clients.Client client, Dictionary<string, (string Email, DemoCaseworker Worker)> staff) =>
        (client.ResponsibleCaseManagerId is null || staff.ContainsKey(client.ResponsibleCaseManagerId))
        && (client.ResponsibleDrugHelpWorkerId is null || staff.ContainsKey(client.ResponsibleDrugHelpWorkerId));

    private static async Task<Dictionary<string, (string Email, DemoCaseworker Worker)>> DemoCaseworkersAsync(CaseManagementDbContext db, CancellationToken cancellationToken)
    {
        var emails = DemoAccounts.All.Concat(DemoAccounts.AdditionalCaseworkers)
            .Where(a => a.Role is StaffRole.CaseManager or StaffRole.DrugHelpWorker)
            .Select(a => a.Email.ToUpperInvariant())
            .ToList();
        var users = await db.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail != null && emails.Contains(u.NormalizedEmail))
            .Select(u => new { u.Id, u.NormalizedEmail, u.DisplayName, u.Organisation })
            .ToListAsync(cancellationToken);
        return users.ToDictionary(u => u.Id, u => (u.NormalizedEmail!, new DemoCaseworker(u.Id, u.DisplayName, u.Organisation)));
    }
}
