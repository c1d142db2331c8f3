namespace CaseManagement.Documents.Calendar;

/// <summary>
/// One appointment as it goes into a caseworker's calendar file. Like the help-plan print-out,
/// this model holds only what may leave the product: whoever maps an appointment onto it decides
/// the texts. The rule for exports is that titles name no one: the appointment type and the
/// pseudonymous case number (Fallnummer) at most, never the client's name.
/// </summary>
/// <param name="Uid">Globally unique and stable for the appointment (e.g. "{id}@fallmanagement.ludwigshafen"), so a re-import updates instead of duplicating.</param>
/// <param name="Start">Start instant; written in UTC.</param>
/// <param name="Duration">More than zero; DTEND = start + duration.</param>
/// <param name="Summary">The title (SUMMARY).</param>
/// <param name="Location">Where (LOCATION); left out when blank.</param>
/// <param name="Description">Optional longer text (DESCRIPTION); left out when blank.</param>
/// <param name="Cancelled">Writes STATUS:CANCELLED, so calendar programs strike the appointment through or remove it.</param>
/// <param name="Sequence">Revision number (SEQUENCE); increase it when the appointment changes, so programs accept the update.</param>
public sealed record CalendarEvent(
    string Uid,
    DateTimeOffset Start,
    TimeSpan Duration,
    string Summary,
    string? Location = null,
    string? Description = null,
    bool Cancelled = false,
    int Sequence = 0)
{
    public DateTimeOffset End => Start + Duration;
}

/// <summary>A calendar file's contents.</summary>
/// <param name="GeneratedAt">When the file is made; written as DTSTAMP of every event.</param>
/// <param name="Events">The appointments, written in this order.</param>
/// <param name="Name">Optional calendar name (X-WR-CALNAME, shown by Outlook, Google and Apple on import).</param>
public sealed record CalendarExport(DateTimeOffset GeneratedAt, IReadOnlyList<CalendarEvent> Events, string? Name = null);

/// <summary>Writes appointments as an iCalendar file (RFC 5545) that common calendar programs import.</summary>
public interface ICalendarWriter
{
    /// <summary>The file's text, with CRLF line breaks.</summary>
    string Write(CalendarExport export);

    /// <summary>The file as UTF-8 bytes without byte-order mark, ready to download as <c>text/calendar</c>.</summary>
    byte[] WriteUtf8(CalendarExport export);
}
