using CaseManagement.Application.Access;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Clients;

/// <summary>A case on the home page; the name only where the access decision allows it.</summary>
/// <param name="Href">Where the row leads; the client's file unless given.</param>
public sealed record OverviewCase(Guid ClientId, string CaseNumber, string? DisplayName, string Detail, string? Href = null);

public sealed record CaseworkerOverviewData(
    int ActiveCases,
    int ActiveWithoutValidConsent,
    IReadOnlyList<OverviewCase> ConsentsExpiringSoon,
    IReadOnlyList<OverviewCase> WithoutCounterpart,
    IReadOnlyList<OverviewCase> TargetAreaPending);

/// <summary>What a caseworker should look at first: consents about to lapse and cases the other side has not taken up yet.</summary>
public sealed class CaseworkerOverview(IDbContextFactory<CaseManagementDbContext> contextFactory, ClientAccess access, Audit.AuditTrail audit)
{
    public const int ExpiryWarningDays = 30;

    public async Task<CaseworkerOverviewData> ForAsync(StaffMember caseworker, CancellationToken cancellationToken = default)
    {
        if (!caseworker.IsCaseworker)
        {
            return new CaseworkerOverviewData(0, 0, [], [], []);
        }

        var now = access.Now;
        var today = GermanCalendar.DateOf(now);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // A caseload is a few dozen to a hundred or so active cases: loaded once, decided in memory.
        var active = await db.Clients.AsNoTracking()
            .Where(AccessFilters.OwnCases(caseworker))
            .Where(c => c.Episodes.Any(e => e.EndedOn == null))
            .Include(c => c.Consents)
            .OrderBy(c => c.CaseNumber)
            .ToListAsync(cancellationToken);

        OverviewCase Row(Client c, string detail) => new(
            c.Id, c.CaseNumber, access.For(caseworker, ClientAccess.FactsOf(c)).MayRead(DataCategory.MasterData) ? $"{c.LastName}, {c.FirstName}" : null, detail);

        var expiring = active
            .Select(c => (Client: c, Until: ConsentRunsOutOn(c, now)))
            .Where(x => x.Until is { } until && until <= today.AddDays(ExpiryWarningDays))
            .OrderBy(x => x.Until)
            .Select(x => Row(x.Client, $"Einwilligung gültig bis {GermanCalendar.Format(x.Until!.Value)}"))
            .ToList();
        var other = caseworker.Organisation.Other();
        var withoutCounterpart = active.Where(c => c.ResponsibleIn(other) is null)
            .Select(c => Row(c, $"bei {other.German()} noch niemand zuständig")).ToList();
        var pending = active
            .Where(c => c.TargetAreaDecision == TargetAreaDecision.Pending && access.For(caseworker, ClientAccess.FactsOf(c)).MayRead(DataCategory.MasterData))
            .Select(c => Row(c, "Wohnort außerhalb: Entscheidung der Teamleitung offen")).ToList();
        var withoutConsent = active.Count(c => !c.Consents.Any(k => k.StateAt(now) == ConsentState.Valid));

        var named = expiring.Concat(withoutCounterpart).Concat(pending).Where(c => c.DisplayName is not null).Select(c => c.CaseNumber).Distinct();
        await audit.ListViewedAsync(caseworker, "Startseite", named, cancellationToken);
        return new CaseworkerOverviewData(active.Count, withoutConsent, expiring, withoutCounterpart, pending);
    }

    /// <summary>The last day on which some consent is still valid; null when none is valid or one runs until revoked.</summary>
    private static DateOnly? ConsentRunsOutOn(Client client, DateTimeOffset now)
    {
        var valid = client.Consents.Where(k => k.StateAt(now) == ConsentState.Valid).ToList();
        return valid.Count == 0 || valid.Any(k => k.ValidUntil is null) ? null : valid.Max(k => k.ValidUntil);
    }
}
