using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Clients;

/// <summary>
/// Merges a record registered twice into the earlier one (Zusammenführen): everything held on the
/// later record moves onto the earlier, nothing is dropped, and the later record is removed.
/// </summary>
/// <remarks>
/// Rules (docs/data-protection.md, "Duplicates across the organisations"):
/// <list type="bullet">
/// <item>When the records are not worked on by the same organisations, only with a consent in force on either record: without one the organisations may not learn of each other's work with the person. Two records of one organisation (two colleagues) need none.</item>
/// <item>Not when each record has a running plan (draft or agreed), nor when both name different responsible staff for the same organisation: people decide that first.</item>
/// <item>Master data of the earlier record stays; differing values of the later one, and a second open episode's differing health data, are kept in an internal note of the organisation that recorded them.</item>
/// <item>Plan versions become one chain: the plans of the record without a running plan first, in their order, then the other's.</item>
/// </list>
/// Every table that refers to a client is handled here; <see cref="MovedTables"/> and <see cref="RecomputedTables"/> name them and a
/// test compares it with the model, so a new table cannot be forgotten (its rows would otherwise go
/// with the removed record).
/// </remarks>
internal static class ClientMerge
{
    /// <summary>The entity types with a reference to a client that a merge moves.</summary>
    public static readonly IReadOnlyList<Type> MovedTables =
    [
        typeof(CaseEpisode), typeof(ClientConsent), typeof(InternalNote), typeof(HelpPlan), typeof(Domain.Appointments.Appointment),
        typeof(Domain.Referrals.Referral), typeof(Domain.Referrals.UnmetNeed), typeof(Domain.Notifications.StaffNotification), typeof(Domain.Retention.RetentionHold),
    ];

    /// <summary>
    /// The entity types with a reference to a client that a merge leaves alone: the team lead's
    /// summary, which the database's triggers recompute for both records as episodes, plans and
    /// referrals move, and drop with the removed record.
    /// </summary>
    public static readonly IReadOnlyList<Type> RecomputedTables =
    [
        typeof(Infrastructure.Persistence.Workload.ClientWorkload), typeof(Infrastructure.Persistence.Workload.WorkloadDeadline),
    ];

    /// <returns>Why the merge cannot happen, or null when it may.</returns>
    public static async Task<string?> WhyNotAsync(CaseManagementDbContext db, Client earlier, Client later, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (earlier.AnonymisedAt is not null || later.AnonymisedAt is not null)
        {
            return "Eine der beiden Akten ist bereits anonymisiert.";
        }

        if (!OrganisationsOf(earlier).SetEquals(OrganisationsOf(later)) && !earlier.Consents.Concat(later.Consents).Any(c => c.StateAt(now) == ConsentState.Valid))
        {
            return "Keine der beiden Akten hat eine gültige Einwilligung (Schweigepflichtentbindung). Ohne sie dürfen die beiden Stellen "
                + "nicht voneinander erfahren; bitte erst die Einwilligung erfassen, dann zusammenführen.";
        }

        foreach (var organisation in new[] { Organisation.Jobcenter, Organisation.DrugHelpService })
        {
            if (earlier.ResponsibleIn(organisation) is { } first && later.ResponsibleIn(organisation) is { } second && first != second)
            {
                return $"Beide Akten haben unterschiedliche Zuständige bei der Stelle „{organisation.German()}“. Bitte übergeben Sie zuerst eine der beiden Akten, sodass dieselbe Person zuständig ist.";
            }
        }

        var running = await db.HelpPlans.Where(p => (p.ClientId == earlier.Id || p.ClientId == later.Id)
                && (p.Status == HelpPlanStatus.Draft || p.Status == HelpPlanStatus.Agreed))
            .Select(p => p.ClientId).Distinct().CountAsync(cancellationToken);
        return running > 1
            ? "Beide Akten haben einen laufenden Hilfeplan. Bitte schließen Sie einen der beiden ab (oder verwerfen den Entwurf), bevor Sie zusammenführen."
            : null;
    }

    /// <summary>The organisations that hold or work on a record.</summary>
    public static HashSet<Organisation> OrganisationsOf(Client client) =>
        [.. new[] { Organisation.Jobcenter, Organisation.DrugHelpService }.Where(o => client.OwningOrganisation == o || client.ResponsibleIn(o) is not null)];

    /// <summary>Moves everything of <paramref name="later"/> onto <paramref name="earlier"/> and removes <paramref name="later"/>; the caller saves in one transaction.</summary>
    public static async Task MergeAsync(CaseManagementDbContext db, Client earlier, Client later, StaffMember actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var kept = new List<string>();
        foreach (var organisation in new[] { Organisation.Jobcenter, Organisation.DrugHelpService })
        {
            if (earlier.ResponsibleIn(organisation) is null && later.ResponsibleIn(organisation) is { } responsible)
            {
                earlier.AssignResponsible(organisation, responsible);
            }
        }

        KeepDiffering(kept, "Straße", earlier.Street, later.Street);
        KeepDiffering(kept, "Postleitzahl und Ort", $"{earlier.PostalCode} {earlier.City}", $"{later.PostalCode} {later.City}");
        KeepDiffering(kept, "Telefon", earlier.Phone, later.Phone);
        KeepDiffering(kept, "E-Mail", earlier.Email, later.Email);
        KeepDiffering(kept, "Vorname", earlier.FirstName, later.FirstName);
        KeepDiffering(kept, "Nachname", earlier.LastName, later.LastName);
        earlier.Phone ??= later.Phone;
        earlier.Email ??= later.Email;
        earlier.Street ??= later.Street;
        earlier.YouthEmploymentAgencyInvolved |= later.YouthEmploymentAgencyInvolved;

        MergeEpisodes(earlier, later, kept);
        foreach (var consent in later.Consents.ToList())
        {
            later.Consents.Remove(consent);
            consent.ClientId = earlier.Id;
            earlier.Consents.Add(consent);
        }

        foreach (var note in later.Notes.ToList())
        {
            later.Notes.Remove(note);
            note.ClientId = earlier.Id;
            earlier.Notes.Add(note);
        }

        if (kept.Count > 0)
        {
            // Added through the set: a new row with its key already set would otherwise be taken for an existing one.
            db.InternalNotes.Add(new InternalNote
            {
                Id = Guid.NewGuid(),
                ClientId = earlier.Id,
                Organisation = later.OwningOrganisation,
                AuthorId = actor.Id,
                AuthorName = actor.DisplayName,
                CreatedAt = now,
                Text = Truncate($"Aus der zusammengeführten Akte {later.CaseNumber} (abweichende Angaben): " + string.Join("; ", kept), 4000),
            });
        }

        await MovePlansAsync(db, earlier.Id, later.Id, cancellationToken);
        await db.Appointments.Where(a => a.ClientId == later.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.ClientId, earlier.Id), cancellationToken);
        await db.Referrals.Where(r => r.ClientId == later.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ClientId, earlier.Id), cancellationToken);
        await db.UnmetNeeds.Where(n => n.ClientId == later.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.ClientId, earlier.Id), cancellationToken);
        await db.StaffNotifications.Where(n => n.ClientId == later.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.ClientId, earlier.Id), cancellationToken);
        await db.RetentionHolds.Where(h => h.ClientId == later.Id).ExecuteUpdateAsync(s => s.SetProperty(h => h.ClientId, earlier.Id), cancellationToken);

        earlier.RefreshDerivedFields();
        earlier.ConcurrencyStamp = Guid.NewGuid();
        db.Clients.Remove(later);
    }

    private static void MergeEpisodes(Client earlier, Client later, List<string> kept)
    {
        var open = earlier.OpenEpisode;
        foreach (var episode in later.Episodes.ToList())
        {
            later.Episodes.Remove(episode);
            if (episode.IsOpen && open is not null)
            {
                // One person, one open episode: the two become one, from the earlier start.
                open.StartedOn = episode.StartedOn < open.StartedOn ? episode.StartedOn : open.StartedOn;
                KeepDiffering(kept, "Hauptdiagnose", open.MainDiagnosis, episode.MainDiagnosis);
                KeepDiffering(kept, "Weitere Diagnosen", open.SecondaryDiagnoses, episode.SecondaryDiagnoses);
                KeepDiffering(kept, "Auflagen", open.ConditionsImposed, episode.ConditionsImposed);
                open.MainDiagnosis ??= episode.MainDiagnosis;
                open.SecondaryDiagnoses ??= episode.SecondaryDiagnoses;
                open.ConditionsImposed ??= episode.ConditionsImposed;
                if (open.ReferringBody == ReferringBody.NotStated)
                {
                    open.ReferringBody = episode.ReferringBody;
                }

                continue;
            }

            episode.ClientId = earlier.Id;
            earlier.Episodes.Add(episode);
        }
    }

    /// <summary>One chain of versions; first every plan to a negative number (the pair client–version is unique at every moment), then the final numbers.</summary>
    private static async Task MovePlansAsync(CaseManagementDbContext db, Guid earlierId, Guid laterId, CancellationToken cancellationToken)
    {
        var plans = await db.HelpPlans.Where(p => p.ClientId == earlierId || p.ClientId == laterId)
            .Select(p => new { p.Id, p.ClientId, p.Version, p.CreatedAt, Running = p.Status == HelpPlanStatus.Draft || p.Status == HelpPlanStatus.Agreed })
            .ToListAsync(cancellationToken);
        if (!plans.Any(p => p.ClientId == laterId))
        {
            return;
        }

        var runningRecord = plans.FirstOrDefault(p => p.Running)?.ClientId;
        var chain = runningRecord is { } withRunning
            ? plans.Where(p => p.ClientId != withRunning).OrderBy(p => p.Version).Concat(plans.Where(p => p.ClientId == withRunning).OrderBy(p => p.Version)).ToList()
            : [.. plans.OrderBy(p => p.CreatedAt).ThenBy(p => p.Version)];
        for (var i = 0; i < chain.Count; i++)
        {
            var id = chain[i].Id;
            var temporary = -(i + 1);
            await db.HelpPlans.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.ClientId, earlierId).SetProperty(p => p.Version, temporary), cancellationToken);
        }

        await db.HelpPlans.Where(p => p.ClientId == earlierId && p.Version < 0).ExecuteUpdateAsync(s => s.SetProperty(p => p.Version, p => -p.Version), cancellationToken);
    }

    private static void KeepDiffering(List<string> kept, string label, string? mine, string? theirs)
    {
        if (!string.IsNullOrWhiteSpace(theirs) && !string.IsNullOrWhiteSpace(mine) && !string.Equals(mine.Trim(), theirs.Trim(), StringComparison.Ordinal))
        {
            kept.Add($"{label}: {theirs.Trim()}");
        }
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
