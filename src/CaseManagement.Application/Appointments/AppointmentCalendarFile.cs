using CaseManagement.Application.Audit;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Appointments;
using CaseManagement.Domain.Audit;
using CaseManagement.Documents.Calendar;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Appointments;

/// <summary>
/// A caseworker's own appointments as an iCalendar file for Outlook, Thunderbird or a phone.
/// Calendars leave the product (synchronised to phones, shared with assistants), so the file names
/// no one: the title is the type and the pseudonymous case number, the location only the meeting
/// place; no client name, no accompaniment target (it may name a practice), no notes. The
/// description says what kind of appointment it is and links back to it in the product (the link
/// carries the appointment's id only).
/// </summary>
public sealed class AppointmentCalendarFile(
    IDbContextFactory<CaseManagementDbContext> contextFactory, ICalendarWriter writer, AuditTrail audit, TimeProvider clock)
{
    public const int DaysBack = 30;
    public const int DaysAhead = 365;
    public const string UidDomain = "fallverbund.ludwigshafen.de";

    /// <param name="appAddress">Where the product is reached (e.g. https://fallverbund.ludwigshafen.de/), for the link back.</param>
    public async Task<byte[]> ForAsync(StaffMember reader, Uri? appAddress = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var from = now.AddDays(-DaysBack);
        var to = now.AddDays(DaysAhead);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var own = await db.Appointments.AsNoTracking()
            .Where(a => a.Start >= from && a.Start < to && a.Participants.Any(p => p.StaffId == reader.Id && p.Start >= from && p.Start < to))
            .OrderBy(a => a.Start)
            .Select(a => new { a.Id, a.ClientId, a.Type, a.Start, a.DurationMinutes, a.Place, a.Outcome, a.Revision })
            .ToListAsync(cancellationToken);
        var clientIds = own.Where(a => a.ClientId is not null).Select(a => a.ClientId!.Value).Distinct().ToList();
        var caseNumbers = await db.Clients.AsNoTracking().Where(c => clientIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.CaseNumber, cancellationToken);

        var events = own.Select(a => new CalendarEvent(
            Uid: $"{a.Id}@{UidDomain}",
            Start: a.Start,
            Duration: TimeSpan.FromMinutes(a.DurationMinutes),
            Summary: Title(a.Type, a.ClientId is { } id && caseNumbers.TryGetValue(id, out var number) ? number : null),
            Location: a.Place,
            Description: Description(a.Type, a.DurationMinutes, a.ClientId is null, appAddress is null ? null : new Uri(appAddress, $"termine/{a.Id}")),
            Cancelled: a.Outcome == AppointmentOutcome.Cancelled,
            Sequence: a.Revision)).ToList();

        audit.Add(db, reader, AuditAction.Exported, clientId: null, caseNumber: null, DataCategory.Appointments, ["Kalenderdatei", Appointments(events.Count)]);
        // Case numbers with dates and places left the product: each case's history shows the export.
        foreach (var perCase in own.Where(a => a.ClientId is { } id && caseNumbers.ContainsKey(id)).GroupBy(a => a.ClientId!.Value))
        {
            audit.Add(db, reader, AuditAction.Exported, perCase.Key, caseNumbers[perCase.Key], DataCategory.Appointments,
                ["Kalenderdatei", Appointments(perCase.Count())]);
        }

        await db.SaveChangesAsync(cancellationToken);
        return writer.WriteUtf8(new CalendarExport(now, events, "Fallverbund – meine Termine"));
    }

    private static string Appointments(int count) => count == 1 ? "1 Termin" : $"{count} Termine";

    /// <summary>What the calendar entry says beyond its title: the kind, the length and where to find the details.</summary>
    public static string Description(AppointmentType type, int durationMinutes, bool anonymous, Uri? link)
    {
        var lines = new List<string> { $"{type.German()}, {durationMinutes} Minuten{(anonymous ? ", ohne Akte" : "")}." };
        if (link is not null)
        {
            lines.Add($"Im Fallverbund öffnen: {link}");
        }

        lines.Add("Namen und Notizen stehen bewusst nicht im Kalender, nur im Fallverbund.");
        return string.Join("\n", lines);
    }

    /// <summary>"Gemeinsame Beratung – Fall JC-2026-00012"; "Aufsuchender Kontakt (anonym)".</summary>
    public static string Title(AppointmentType type, string? caseNumber) =>
        caseNumber is null ? $"{type.German()} (anonym)" : $"{type.German()} – Fall {caseNumber}";
}
