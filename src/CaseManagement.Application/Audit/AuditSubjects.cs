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
/// becomes "Vermittlung an Schuldnerberatung Nord, 12.03.2026", an unmet need's "Bedarf ohne
/// Angebot vom 12.03.2026 (Altenhilfe)", a list view "Fallbestand: 50 Fälle".
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

    /// <summary>
    /// Words for the records the entries name by id: "Vermittlung an Schuldnerberatung Nord
    /// (Schuldnerberatung), 12.03.2026" per referral, "Bedarf ohne Angebot vom 12.03.2026
    /// (Altenhilfe)" per unmet need (never its description); a record no longer stored is left out.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(
        CaseManagementDbContext db, IEnumerable<string?> fields, CancellationToken cancellationToken)
    {
        List<string> named = [.. fields.OfType<string>()];
        var referralIds = Ids(ReferralPattern(), named);
        var needIds = Ids(UnmetNeedPattern(), named);
        var names = new Dictionary<Guid, string>();
        if (referralIds.Count > 0)
        {
            var referrals = await (
                from referral in db.Referrals.AsNoTracking()
                join partner in db.Partners.AsNoTracking() on referral.PartnerId equals partner.Id
                where referralIds.Contains(referral.Id)
                select new { referral.Id, partner.Name, referral.PartnerType, referral.Progress.ProposedOn })
                .ToListAsync(cancellationToken);
            foreach (var r in referrals)
            {
                names[r.Id] = string.Equals(r.Name, r.PartnerType.German(), StringComparison.Ordinal)
                    ? $"Vermittlung an {r.Name}, {GermanCalendar.Format(r.ProposedOn)}"
                    : $"Vermittlung an {r.Name} ({r.PartnerType.German()}), {GermanCalendar.Format(r.ProposedOn)}";
            }
        }

        if (needIds.Count > 0)
        {
            var needs = await db.UnmetNeeds.AsNoTracking()
                .Where(n => needIds.Contains(n.Id))
                .Select(n => new { n.Id, n.ServiceType, n.RecordedOn })
                .ToListAsync(cancellationToken);
            foreach (var n in needs)
            {
                names[n.Id] = $"Bedarf ohne Angebot vom {GermanCalendar.Format(n.RecordedOn)} ({n.ServiceType.German()})";
            }
        }

        return names;
    }

    /// <summary>What the entry is about, in words: the data area and what was shown or changed.</summary>
    public static string Describe(AuditAction action, DataCategory? category, string? fields, IReadOnlyDictionary<Guid, string> names)
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

        var details = string.Join(", ", Split(fields).Select(f => Readable(f, names)));
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

    private static string Readable(string field, IReadOnlyDictionary<Guid, string> names)
    {
        var referral = ReferralPattern().Replace(field, match =>
            names.TryGetValue(Guid.Parse(match.Groups[1].Value), out var name) ? name : "Vermittlung (nicht mehr gespeichert)");
        return UnmetNeedPattern().Replace(referral, match =>
            names.TryGetValue(Guid.Parse(match.Groups[1].Value), out var name) ? name : "Bedarf ohne Angebot (nicht mehr gespeichert)");
    }

    private static List<Guid> Ids(Regex pattern, IEnumerable<string> fields) =>
        [.. fields.SelectMany(f => pattern.Matches(f).Select(m => Guid.Parse(m.Groups[1].Value))).Distinct()];

    private static List<string> Split(string? fields) =>
        [.. (fields ?? "").Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    [GeneratedRegex(@"Vermittlung ([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})", RegexOptions.CultureInvariant)]
    private static partial Regex ReferralPattern();

    [GeneratedRegex(@"Bedarf ohne Angebot ([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})", RegexOptions.CultureInvariant)]
    private static partial Regex UnmetNeedPattern();
}
