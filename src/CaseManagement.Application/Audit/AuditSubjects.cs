using System.Text.RegularExpressions;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Referrals;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Audit;

/// <summary>
/// Turns what an audit entry names into a phrase a data-protection officer reads: a referral's id
/// becomes "Vermittlung an Schuldnerberatung Nord, 12.03.2026", a list view "Fallbestand: 50 Fälle".
/// The log itself keeps the ids (they never change); the words are found when the log is read.
/// </summary>
public static partial class AuditSubjects
{
    /// <summary>A list view names its list first, then the case numbers it showed (<see cref="AuditTrail.ListViewedAsync"/>).</summary>
    public static (string List, IReadOnlyList<string> CaseNumbers) ListOf(string? fields)
    {
        var parts = Split(fields);
        return parts.Count == 0 ? ("Liste", []) : (parts[0], parts.Skip(1).ToList());
    }

    public static IEnumerable<Guid> ReferralIds(IEnumerable<string?> fields) =>
        fields.SelectMany(f => f is null ? [] : ReferralPattern().Matches(f).Select(m => Guid.Parse(m.Groups[1].Value))).Distinct();

    /// <summary>"Vermittlung an Schuldnerberatung Nord (Schuldnerberatung), 12.03.2026" per referral id; a referral no longer stored is left out.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> ReferralNamesAsync(
        CaseManagementDbContext db, IEnumerable<Guid> referralIds, CancellationToken cancellationToken)
    {
        var ids = referralIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        var referrals = await (
            from referral in db.Referrals.AsNoTracking()
            join partner in db.Partners.AsNoTracking() on referral.PartnerId equals partner.Id
            where ids.Contains(referral.Id)
            select new { referral.Id, partner.Name, referral.PartnerType, referral.Progress.ProposedOn })
            .ToListAsync(cancellationToken);
        return referrals.ToDictionary(
            r => r.Id,
            r => string.Equals(r.Name, r.PartnerType.German(), StringComparison.Ordinal)
                ? $"Vermittlung an {r.Name}, {GermanCalendar.Format(r.ProposedOn)}"
                : $"Vermittlung an {r.Name} ({r.PartnerType.German()}), {GermanCalendar.Format(r.ProposedOn)}");
    }

    /// <summary>What the entry is about, in words: the data area and what was shown or changed.</summary>
    public static string Describe(AuditAction action, DataCategory? category, string? fields, IReadOnlyDictionary<Guid, string> referrals)
    {
        if (action == AuditAction.ListViewed)
        {
            var (list, caseNumbers) = ListOf(fields);
            return $"{list}: {Cases(caseNumbers.Count)}";
        }

        if (action == AuditAction.PersonLookedUp)
        {
            var found = Split(fields).Count(f => Domain.Clients.CaseNumber.TryParse(f, out _, out _));
            return $"Personensuche: {Cases(found)} gefunden";
        }

        var details = string.Join(", ", Split(fields).Select(f => Readable(f, referrals)));
        var area = category is { } c ? GermanLabels.Of(c) : null;
        return (area, details) switch
        {
            (null, "") => "–",
            (null, _) => details,
            (_, "") => area,
            _ when details.StartsWith(area, StringComparison.Ordinal) => details,
            _ => $"{area}: {details}",
        };
    }

    /// <summary>"1 Fall", "50 Fälle".</summary>
    public static string Cases(int count) => count == 1 ? "1 Fall" : $"{count} Fälle";

    private static string Readable(string field, IReadOnlyDictionary<Guid, string> referrals) =>
        ReferralPattern().Replace(field, match =>
            referrals.TryGetValue(Guid.Parse(match.Groups[1].Value), out var name) ? name : "Vermittlung (nicht mehr gespeichert)");

    private static List<string> Split(string? fields) =>
        [.. (fields ?? "").Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    [GeneratedRegex(@"Vermittlung ([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})", RegexOptions.CultureInvariant)]
    private static partial Regex ReferralPattern();
}
