using System.Text;
using CaseManagement.Documents.Calendar;

namespace CaseManagement.Documents.Tests;

public sealed class CalendarWriterTests
{
    private static readonly DateTimeOffset GeneratedAt = new(2026, 6, 15, 14, 5, 9, TimeSpan.FromHours(2));
    private static readonly DateTimeOffset SummerTen = new(2026, 6, 16, 10, 0, 0, TimeSpan.FromHours(2));

    private static CalendarEvent Event(string summary = "Gemeinsame Beratung LU-2026-00042", string uid = "a1b2@fallmanagement.ludwigshafen") =>
        new(uid, SummerTen, TimeSpan.FromMinutes(90), summary, "Jobcenter Ludwigshafen, Raum 2.14");

    private static byte[] Write(params CalendarEvent[] events) =>
        Rfc5545CalendarWriter.Instance.WriteUtf8(new CalendarExport(GeneratedAt, events));

    private static IcsComponent SingleEvent(CalendarEvent calendarEvent) =>
        Assert.Single(IcsReader.Parse(Write(calendarEvent)).Components);

    [Fact]
    public void The_calendar_has_version_product_scale_and_method()
    {
        var calendar = IcsReader.Parse(Write(Event(), Event(uid: "second@x")));

        Assert.Equal("VCALENDAR", calendar.Name);
        Assert.Equal(["VERSION", "PRODID", "CALSCALE", "METHOD"], calendar.Properties.Select(p => p.Name));
        Assert.Equal("2.0", calendar.Get("VERSION").RawValue);
        Assert.Equal(Rfc5545CalendarWriter.ProductId, calendar.Get("PRODID").RawValue);
        Assert.Equal("GREGORIAN", calendar.Get("CALSCALE").RawValue);
        Assert.Equal("PUBLISH", calendar.Get("METHOD").RawValue);
        Assert.Equal(["VEVENT", "VEVENT"], calendar.Components.Select(c => c.Name));
        Assert.True(("PRODID:" + Rfc5545CalendarWriter.ProductId).Length <= Rfc5545CalendarWriter.MaxLineOctets, "PRODID fits on one line");
        Assert.Equal(["a1b2@fallmanagement.ludwigshafen", "second@x"], calendar.Components.Select(c => c.Get("UID").Text));
    }

    [Fact]
    public void Every_event_field_reads_back()
    {
        var vevent = SingleEvent(Event() with { Description = "Bitte Lebenslauf mitbringen.", Sequence = 3 });

        Assert.Equal(
            ["UID", "DTSTAMP", "DTSTART", "DTEND", "SEQUENCE", "SUMMARY", "LOCATION", "DESCRIPTION"],
            vevent.Properties.Select(p => p.Name));
        Assert.Equal("a1b2@fallmanagement.ludwigshafen", vevent.Get("UID").Text);
        Assert.Equal("20260615T120509Z", vevent.Get("DTSTAMP").RawValue);
        Assert.Equal("20260616T080000Z", vevent.Get("DTSTART").RawValue);
        Assert.Equal("20260616T093000Z", vevent.Get("DTEND").RawValue);
        Assert.Equal("3", vevent.Get("SEQUENCE").RawValue);
        Assert.Equal("Gemeinsame Beratung LU-2026-00042", vevent.Get("SUMMARY").Text);
        Assert.Equal("Jobcenter Ludwigshafen, Raum 2.14", vevent.Get("LOCATION").Text);
        Assert.Equal("Bitte Lebenslauf mitbringen.", vevent.Get("DESCRIPTION").Text);
        Assert.Null(vevent.Find("STATUS"));
        Assert.All(vevent.Properties, p => Assert.Empty(p.Parameters));
    }

    [Theory]
    [InlineData("2026-01-15T10:00:00+01:00", 60, "20260115T090000Z", "20260115T100000Z")] // winter time
    [InlineData("2026-06-15T10:00:00+02:00", 45, "20260615T080000Z", "20260615T084500Z")] // summer time
    [InlineData("2026-03-29T01:30:00+01:00", 120, "20260329T003000Z", "20260329T023000Z")] // across the change to summer time
    [InlineData("2026-12-31T23:30:00+01:00", 60, "20261231T223000Z", "20261231T233000Z")]
    [InlineData("2026-06-15T08:00:00Z", 30, "20260615T080000Z", "20260615T083000Z")]
    public void Start_and_end_are_written_in_UTC_with_Z(string start, int minutes, string dtStart, string dtEnd)
    {
        var vevent = SingleEvent(Event() with
        {
            Start = DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            Duration = TimeSpan.FromMinutes(minutes),
        });
        Assert.Equal(dtStart, vevent.Get("DTSTART").RawValue);
        Assert.Equal(dtEnd, vevent.Get("DTEND").RawValue);
    }

    [Theory]
    [InlineData("Beratung, danach Begleitung; Raum 3")]
    [InlineData(@"Pfad C:\Akten\neu und \n wörtlich")]
    [InlineData("Zeile 1\nZeile 2\n\nZeile 4")]
    [InlineData("Größe, Übung; Äpfel – Öl – Straße")]
    [InlineData("Krisenintervention 😀 LU-2026-00042")]
    [InlineData("\\,;\\;,\\\\")]
    [InlineData("")]
    public void Special_characters_read_back_unchanged(string text)
    {
        var vevent = SingleEvent(Event(text) with { Location = "Ort: " + text, Description = "Notiz: " + text });

        Assert.Equal(text, vevent.Get("SUMMARY").Text);
        Assert.Equal("Ort: " + text, vevent.Get("LOCATION").Text);
        Assert.Equal("Notiz: " + text, vevent.Get("DESCRIPTION").Text);
    }

    [Fact]
    public void Commas_semicolons_backslashes_and_line_breaks_are_escaped_and_umlauts_written_as_UTF8()
    {
        Assert.Equal(@"a\,b\;c\\d\nE\nF\nG", Rfc5545CalendarWriter.EscapeText("a,b;c\\d\nE\r\nF\rG"));

        var bytes = Write(Event("Größe, Übung"));
        var raw = Encoding.UTF8.GetString(bytes);
        Assert.Contains("\r\nSUMMARY:Größe\\, Übung\r\n", raw, StringComparison.Ordinal);
        Assert.True(bytes.AsSpan().IndexOf("Ü"u8) >= 0, "Ü is written as its UTF-8 bytes C3 9C");
    }

    [Fact]
    public void Windows_and_old_Mac_line_breaks_read_back_as_one_line_break()
    {
        var vevent = SingleEvent(Event() with { Description = "eins\r\nzwei\rdrei\n" });
        Assert.Equal("eins\nzwei\ndrei\n", vevent.Get("DESCRIPTION").Text);
    }

    [Fact]
    public void Control_characters_are_dropped_tabs_kept_and_unpaired_surrogates_replaced()
    {
        var vevent = SingleEvent(Event("A\u0007B\u0000C\tD\u001BE\u007FF") with { Description = "x\uD800y" });
        Assert.Equal("ABC\tDEF", vevent.Get("SUMMARY").Text);
        Assert.Equal("x\uFFFDy", vevent.Get("DESCRIPTION").Text);
    }

    [Fact]
    public void Decomposed_umlauts_are_written_as_single_characters()
    {
        Assert.Equal("Übung", SingleEvent(Event("U\u0308bung")).Get("SUMMARY").Text);
    }

    [Fact]
    public void A_long_title_is_folded_and_reads_back_whole()
    {
        var title = "Begleitung zur Agentur für Arbeit, danach Schuldnerberatung; Fallnummer LU-2026-00042 – "
            + string.Concat(Enumerable.Repeat("Überprüfung der Unterlagen; ", 12));
        var bytes = Write(Event(title));

        var lines = IcsReader.PhysicalLines(bytes);
        Assert.True(lines.Count(l => l.Length > 0 && l[0] == (byte)' ') >= 5, "the title is folded over several lines");
        Assert.Equal(title, Assert.Single(IcsReader.Parse(bytes).Components).Get("SUMMARY").Text);
    }

    /// <summary>
    /// Moves multi-byte characters (2, 3 and 4 octets) and escapes across every position of the
    /// 75-octet boundary: no physical line may be longer, split a character (each line must be
    /// valid UTF-8 by itself: the reader checks) or end inside an escape, and folds use the room.
    /// </summary>
    [Fact]
    public void Folding_never_exceeds_75_octets_nor_splits_a_character_or_an_escape_at_any_offset()
    {
        const string Mixed = "äÖß€😀,;\\\nx";
        for (var shift = 0; shift < 12; shift++)
        {
            var text = new string('x', shift) + string.Concat(Enumerable.Repeat(Mixed, 20));
            var bytes = Write(Event(text) with { Location = text, Description = text });

            var lines = IcsReader.PhysicalLines(bytes);
            var folded = 0;
            for (var i = 0; i < lines.Count - 1; i++)
            {
                var next = lines[i + 1];
                if (next.Length == 0 || next[0] != (byte)' ')
                {
                    continue;
                }

                folded++;
                // The largest unit is 4 octets (a character outside the BMP): a fold happens only
                // when the next unit does not fit, so a folded line is at least 72 octets long.
                Assert.InRange(lines[i].Length, 72, 75);
                var trailingBackslashes = lines[i].Reverse().TakeWhile(b => b == (byte)'\\').Count();
                Assert.True(trailingBackslashes % 2 == 0, $"shift {shift}: a fold splits an escape: {Encoding.UTF8.GetString(lines[i])}");
            }

            // About 440 escaped octets per value, three values: at least 15 folds in all.
            Assert.True(folded >= 15, $"shift {shift}: expected many folds, got {folded}");
            var vevent = Assert.Single(IcsReader.Parse(bytes).Components);
            Assert.Equal(text, vevent.Get("SUMMARY").Text);
            Assert.Equal(text, vevent.Get("LOCATION").Text);
            Assert.Equal(text, vevent.Get("DESCRIPTION").Text);
        }
    }

    [Fact]
    public void A_line_of_exactly_75_octets_stays_whole_and_76_octets_fold()
    {
        var exact = new StringBuilder();
        Rfc5545CalendarWriter.AppendLine(exact, "SUMMARY:" + new string('x', 67));
        Assert.Equal("SUMMARY:" + new string('x', 67) + "\r\n", exact.ToString());

        var longer = new StringBuilder();
        Rfc5545CalendarWriter.AppendLine(longer, "SUMMARY:" + new string('x', 68));
        Assert.Equal("SUMMARY:" + new string('x', 67) + "\r\n x\r\n", longer.ToString());

        // ä is two octets: 66 x + ä = 76 octets, so ä moves to the next line whole.
        var umlaut = new StringBuilder();
        Rfc5545CalendarWriter.AppendLine(umlaut, "SUMMARY:" + new string('x', 66) + "ä");
        Assert.Equal("SUMMARY:" + new string('x', 66) + "\r\n ä\r\n", umlaut.ToString());
    }

    [Fact]
    public void A_cancelled_appointment_says_so()
    {
        var vevent = SingleEvent(Event() with { Cancelled = true, Sequence = 1 });
        Assert.Equal("CANCELLED", vevent.Get("STATUS").RawValue);
        Assert.Equal("1", vevent.Get("SEQUENCE").RawValue);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Blank_location_and_description_are_left_out(string? blank)
    {
        var vevent = SingleEvent(Event() with { Location = blank, Description = blank });
        Assert.Null(vevent.Find("LOCATION"));
        Assert.Null(vevent.Find("DESCRIPTION"));
        Assert.NotNull(vevent.Find("SUMMARY"));
    }

    [Fact]
    public void An_empty_calendar_is_still_a_valid_file()
    {
        var calendar = IcsReader.Parse(Write());
        Assert.Empty(calendar.Components);
        Assert.Equal("PUBLISH", calendar.Get("METHOD").RawValue);
    }

    [Fact]
    public void The_calendar_name_is_written_when_given()
    {
        var bytes = Rfc5545CalendarWriter.Instance.WriteUtf8(new CalendarExport(GeneratedAt, [Event()], "Termine – Fallmanagement, Jobcenter"));
        Assert.Equal("Termine – Fallmanagement, Jobcenter", IcsReader.Parse(bytes).Get("X-WR-CALNAME").Text);
        Assert.Null(IcsReader.Parse(Write(Event())).Find("X-WR-CALNAME"));
    }

    [Fact]
    public void The_bytes_are_the_text_in_UTF8_without_byte_order_mark_and_with_CRLF_only()
    {
        var export = new CalendarExport(GeneratedAt, [Event("Übung")]);
        var text = Rfc5545CalendarWriter.Instance.Write(export);
        var bytes = Rfc5545CalendarWriter.Instance.WriteUtf8(export);

        Assert.Equal(Encoding.UTF8.GetBytes(text), bytes);
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\nEND:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.Equal(text.Split("\r\n").Length - 1, text.Count(c => c == '\n'));
    }

    [Fact]
    public void Events_without_uid_or_duration_or_with_negative_sequence_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Write(Event(uid: " ")));
        Assert.Throws<ArgumentOutOfRangeException>(() => Write(Event() with { Duration = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Write(Event() with { Duration = TimeSpan.FromMinutes(-5) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Write(Event() with { Sequence = -1 }));
    }
}
