using System.Globalization;
using System.Text;

namespace CaseManagement.Documents.Calendar;

/// <summary>
/// iCalendar writer after RFC 5545: VCALENDAR 2.0 with METHOD:PUBLISH and one VEVENT per
/// appointment. Stateless and thread-safe.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>All times in UTC with the "Z" suffix (DTSTART, DTEND, DTSTAMP), so no VTIMEZONE is needed
/// and summer/winter time cannot be misread; calendar programs show them in local time.</item>
/// <item>Lines end with CRLF. Content lines longer than 75 octets are folded (CRLF + one space,
/// section 3.1), counted in UTF-8 bytes; a fold never splits a character's UTF-8 sequence (nor a
/// surrogate pair) and, for lenient readers, never an escape sequence such as <c>\,</c>.</item>
/// <item>TEXT values are escaped (section 3.3.11): backslash, semicolon, comma and line breaks
/// (CRLF, CR or LF become <c>\n</c>). Other control characters are dropped, unpaired surrogates
/// become U+FFFD and text is normalised to NFC, so umlauts are single characters (UTF-8, no
/// escaping needed).</item>
/// </list>
/// </remarks>
public sealed class Rfc5545CalendarWriter : ICalendarWriter
{
    public const string ProductId = "-//Stadt Ludwigshafen//Fallmanagement Jobcenter-Drogenhilfe//DE";
    public const string ContentType = "text/calendar; charset=utf-8";
    public const string FileExtension = ".ics";

    /// <summary>Longest physical line in octets, without its CRLF.</summary>
    public const int MaxLineOctets = 75;

    private const string Crlf = "\r\n";

    public static Rfc5545CalendarWriter Instance { get; } = new();

    public byte[] WriteUtf8(CalendarExport export) => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Write(export));

    public string Write(CalendarExport export)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(export.Events);
        var ics = new StringBuilder();
        AppendLine(ics, "BEGIN:VCALENDAR");
        AppendLine(ics, "VERSION:2.0");
        AppendLine(ics, "PRODID:" + ProductId);
        AppendLine(ics, "CALSCALE:GREGORIAN");
        AppendLine(ics, "METHOD:PUBLISH");
        if (!string.IsNullOrWhiteSpace(export.Name))
        {
            AppendLine(ics, "X-WR-CALNAME:" + EscapeText(export.Name));
        }

        var stamp = UtcDateTime(export.GeneratedAt);
        foreach (var calendarEvent in export.Events)
        {
            AppendEvent(ics, calendarEvent, stamp);
        }

        AppendLine(ics, "END:VCALENDAR");
        return ics.ToString();
    }

    private static void AppendEvent(StringBuilder ics, CalendarEvent e, string stamp)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (string.IsNullOrWhiteSpace(e.Uid))
        {
            throw new ArgumentException("Every calendar event needs a UID.", nameof(e));
        }

        if (e.Duration <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(e), e.Duration, $"The event {e.Uid} must last longer than zero (RFC 5545: DTEND after DTSTART).");
        }

        if (e.Sequence < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(e), e.Sequence, "SEQUENCE must not be negative.");
        }

        AppendLine(ics, "BEGIN:VEVENT");
        AppendLine(ics, "UID:" + EscapeText(e.Uid.Trim()));
        AppendLine(ics, "DTSTAMP:" + stamp);
        AppendLine(ics, "DTSTART:" + UtcDateTime(e.Start));
        AppendLine(ics, "DTEND:" + UtcDateTime(e.End));
        AppendLine(ics, "SEQUENCE:" + e.Sequence.ToString(CultureInfo.InvariantCulture));
        AppendLine(ics, "SUMMARY:" + EscapeText(e.Summary ?? string.Empty));
        if (!string.IsNullOrWhiteSpace(e.Location))
        {
            AppendLine(ics, "LOCATION:" + EscapeText(e.Location));
        }

        if (!string.IsNullOrWhiteSpace(e.Description))
        {
            AppendLine(ics, "DESCRIPTION:" + EscapeText(e.Description));
        }

        if (e.Cancelled)
        {
            AppendLine(ics, "STATUS:CANCELLED");
        }

        AppendLine(ics, "END:VEVENT");
    }

    /// <summary>DATE-TIME in UTC ("form #2", section 3.3.5): 20260615T080000Z.</summary>
    internal static string UtcDateTime(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Escapes a TEXT value (section 3.3.11) after cleaning it (see the class remarks).</summary>
    internal static string EscapeText(string value)
    {
        var clean = new StringBuilder(value.Length);
        var text = value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        foreach (var rune in text.EnumerateRunes())
        {
            // EnumerateRunes yields U+FFFD for unpaired surrogates. TAB is allowed in TEXT.
            if (rune.Value == '\n' || rune.Value == '\t' || !Rune.IsControl(rune))
            {
                clean.Append(rune.ToString());
            }
        }

        var escaped = new StringBuilder(clean.Length + 8);
        foreach (var c in clean.ToString().Normalize(NormalizationForm.FormC))
        {
            switch (c)
            {
                case '\\': escaped.Append(@"\\"); break;
                case ';': escaped.Append(@"\;"); break;
                case ',': escaped.Append(@"\,"); break;
                case '\n': escaped.Append(@"\n"); break;
                default: escaped.Append(c); break;
            }
        }

        return escaped.ToString();
    }

    /// <summary>Appends one content line, folded to at most <see cref="MaxLineOctets"/> UTF-8 octets per physical line, and its CRLF.</summary>
    internal static void AppendLine(StringBuilder ics, string contentLine)
    {
        var octets = 0;
        var index = 0;
        while (index < contentLine.Length)
        {
            // The unit that must stay on one line: a character (one or two UTF-16 code units),
            // or a backslash escape together with the character it escapes.
            var length = UnitLength(contentLine, index);
            if (contentLine[index] == '\\' && index + length < contentLine.Length)
            {
                length += UnitLength(contentLine, index + length);
            }

            var unit = contentLine.AsSpan(index, length);
            var unitOctets = Encoding.UTF8.GetByteCount(unit);
            if (octets > 0 && octets + unitOctets > MaxLineOctets)
            {
                ics.Append(Crlf).Append(' ');
                octets = 1; // the leading space of a continuation line counts
            }

            ics.Append(unit);
            octets += unitOctets;
            index += length;
        }

        ics.Append(Crlf);
    }

    private static int UnitLength(string s, int index) =>
        char.IsHighSurrogate(s[index]) && index + 1 < s.Length && char.IsLowSurrogate(s[index + 1]) ? 2 : 1;
}
