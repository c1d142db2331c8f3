using System.Globalization;
using CaseManagement.Application.Access;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Consent;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Clients;

/// <summary>
/// A caseworker's caseload: own cases only, searched, filtered and sorted in the database and
/// paged by keyset (no OFFSET), so page 40 costs what page 1 costs. Name search and age filter
/// only ever match rows whose master data the reader may see, so a search cannot reveal a name.
/// </summary>
public sealed class CaseloadQueryHandler(IDbContextFactory<CaseManagementDbContext> contextFactory, ClientAccess access, Audit.AuditTrail audit)
{
    // Visible names sort first, hidden ones after them by case number; digits are never ignored by a
    // linguistic collation the way punctuation such as "~" is.
    private const string VisibleNamePrefix = "0";
    private const string HiddenNamePrefix = "1";

    public async Task<CaseloadPage> GetPageAsync(StaffMember reader, CaseloadQuery query, CancellationToken cancellationToken = default)
    {
        if (!reader.IsCaseworker)
        {
            return new CaseloadPage([], null);
        }

        var now = access.Now;
        var today = GermanCalendar.DateOf(now);
        var showsMaster = AccessFilters.ConsentShowsMasterDataTo(reader.Organisation, now);
        var inForce = AccessFilters.ConsentInForce(now);
        var own = reader.Organisation;
        var pageSize = Math.Clamp(query.PageSize, 1, 100);

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.Clients.AsNoTracking()
            .Where(AccessFilters.OwnCases(reader))
            .Select(c => new
            {
                Client = c,
                NameVisible = c.OwningOrganisation == own || c.Consents.AsQueryable().Any(showsMaster),
            })
            .Select(x => new
            {
                x.Client,
                x.NameVisible,
                SortName = x.NameVisible ? VisibleNamePrefix + x.Client.SearchName : HiddenNamePrefix + x.Client.CaseNumber,
            });

        if (SearchText.Normalize(query.Search) is { Length: > 0 } term)
        {
            var caseNumberTerm = query.Search!.Trim().ToUpperInvariant();
            rows = rows.Where(x => x.Client.CaseNumber.Contains(caseNumberTerm) || (x.NameVisible && x.Client.SearchName.Contains(term)));
        }

        if (query.AgeGroup is { } group)
        {
            var (earliest, latest) = AgeGroups.BirthDateRange(group, today);
            rows = rows.Where(x => x.NameVisible && x.Client.BirthDate >= earliest && x.Client.BirthDate <= latest);
        }

        rows = query.Status switch
        {
            CaseStatusFilter.Active => rows.Where(x => x.Client.Episodes.Any(e => e.EndedOn == null)),
            CaseStatusFilter.Closed => rows.Where(x => !x.Client.Episodes.Any(e => e.EndedOn == null)),
            _ => rows,
        };

        if (query.HeldBy is { } heldBy)
        {
            rows = rows.Where(x => x.Client.OwningOrganisation == heldBy);
        }

        rows = query.Consent switch
        {
            ConsentFilter.Valid => rows.Where(x => x.Client.Consents.AsQueryable().Any(inForce)),
            ConsentFilter.None => rows.Where(x => !x.Client.Consents.Any()),
            ConsentFilter.Lapsed => rows.Where(x => x.Client.Consents.Any() && !x.Client.Consents.AsQueryable().Any(inForce)),
            _ => rows,
        };

        var cursor = Cursor.Parse(query.After);
        var ordered = query.Sort switch
        {
            CaseloadSort.Name => (cursor is null ? rows : rows.Where(x =>
                    x.SortName.CompareTo(cursor.Key) > 0
                    || (x.SortName == cursor.Key && x.Client.CaseNumber.CompareTo(cursor.CaseNumber) > 0)))
                .OrderBy(x => x.SortName).ThenBy(x => x.Client.CaseNumber),
            CaseloadSort.Newest => (cursor is null ? rows : rows.Where(x =>
                    x.Client.CreatedAt < cursor.Instant
                    || (x.Client.CreatedAt == cursor.Instant && x.Client.CaseNumber.CompareTo(cursor.CaseNumber) < 0)))
                .OrderByDescending(x => x.Client.CreatedAt).ThenByDescending(x => x.Client.CaseNumber),
            _ => (cursor is null ? rows : rows.Where(x => x.Client.CaseNumber.CompareTo(cursor.CaseNumber) > 0))
                .OrderBy(x => x.Client.CaseNumber),
        };

        var page = await ordered
            .Take(pageSize + 1)
            .Select(x => new
            {
                x.Client.Id,
                x.Client.CaseNumber,
                x.Client.FirstName,
                x.Client.LastName,
                x.Client.BirthDate,
                x.Client.CreatedAt,
                x.Client.OwningOrganisation,
                x.Client.TargetAreaDecision,
                x.SortName,
                IsActive = x.Client.Episodes.Any(e => e.EndedOn == null),
                Consents = x.Client.Consents.Select(k => new { k.SignedOn, k.ValidUntil, k.RevokedAt, k.Scope, k.Directions }).ToList(),
                x.Client.ResponsibleCaseManagerId,
                x.Client.ResponsibleDrugHelpWorkerId,
            })
            .ToListAsync(cancellationToken);

        var result = page.Take(pageSize).Select(r =>
        {
            // The database filter chose the rows; the single decision decides what each row shows.
            var facts = new ClientAccessFacts(r.OwningOrganisation, r.ResponsibleCaseManagerId, r.ResponsibleDrugHelpWorkerId,
                [.. r.Consents.Select(k => new ConsentFacts(k.Scope, k.Directions, k.SignedOn, k.ValidUntil, k.RevokedAt))]);
            var visible = access.For(reader, facts).MayRead(DataCategory.MasterData);
            var states = r.Consents.Select(k => ClientConsent.StateOf(k.SignedOn, k.ValidUntil, k.RevokedAt, now)).ToList();
            var validDirections = r.Consents
                .Where(k => ClientConsent.StateOf(k.SignedOn, k.ValidUntil, k.RevokedAt, now) == ConsentState.Valid)
                .Aggregate(ConsentDirections.None, (all, k) => all | k.Directions);
            var consentState = states.Count == 0 ? ConsentState.None
                : states.Contains(ConsentState.Valid) ? ConsentState.Valid
                : states.Contains(ConsentState.Revoked) ? ConsentState.Revoked : states.Max();
            return new CaseloadRow(
                r.Id, r.CaseNumber, visible ? $"{r.LastName}, {r.FirstName}" : null, visible ? AgeGroups.Of(r.BirthDate, today) : null,
                r.IsActive, r.OwningOrganisation, consentState, visible && r.TargetAreaDecision == TargetAreaDecision.Pending, validDirections);
        }).ToList();

        await audit.ListViewedAsync(reader, "Fallbestand", result.Where(r => r.DisplayName is not null).Select(r => r.CaseNumber), cancellationToken);
        var last = page.Count > pageSize ? page[pageSize - 1] : null;
        var next = last is null ? null : new Cursor(last.SortName, last.CaseNumber, last.CreatedAt).ToString();
        return new CaseloadPage(result, next);
    }

    private sealed record Cursor(string Key, string CaseNumber, DateTimeOffset Instant)
    {
        public override string ToString() => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(
            string.Join('\n', Key, CaseNumber, Instant.UtcTicks.ToString(CultureInfo.InvariantCulture))));

        public static Cursor? Parse(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }

            try
            {
                var parts = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(value)).Split('\n');
                return parts.Length == 3 && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                    ? new Cursor(parts[0], parts[1], new DateTimeOffset(ticks, TimeSpan.Zero))
                    : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }
}
