using System.Globalization;
using System.Text;
using CaseManagement.Domain;
using CaseManagement.Domain.Reports;
using CsvHelper;

namespace CaseManagement.Application.Reports;

/// <summary>What a steering-report file says about itself before its tables.</summary>
/// <param name="Title">e.g. "Lenkungsrunde – Kennzahlen 2026".</param>
/// <param name="From">First day of the period, inclusive.</param>
/// <param name="To">Last day of the period, inclusive.</param>
/// <param name="GeneratedAt">Shown in German local time.</param>
public sealed record ReportCsvHeader(string Title, DateOnly From, DateOnly To, DateTimeOffset GeneratedAt)
{
    /// <summary>"01.01.2026–31.12.2026".</summary>
    public string PeriodText => $"{GermanCalendar.Format(From)}–{GermanCalendar.Format(To)}";

    /// <summary>"15.06.2026 10:30".</summary>
    public string GeneratedAtText =>
        GermanCalendar.ToLocal(GeneratedAt).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>A table whose title in the file differs from its own, e.g. with the period: "Termine … – 2025".</summary>
public sealed record ReportCsvTable(string Title, PublishedTable Table);

/// <summary>A table of ready-made texts (no suppression of its own), e.g. median waiting days that are shown only from 5 people on.</summary>
public sealed record ReportCsvTextTable(string Title, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>
/// Writes steering-report tables as CSV for Excel in a German locale: UTF-8 with byte-order mark,
/// ";" between fields, numbers as de-DE writes them, CRLF line ends, quotes where RFC 4180 needs
/// them.
/// </summary>
/// <remarks>
/// Layout: the optional header block (title; "Zeitraum"; "Erstellt am") and a blank line, then per
/// table its title, a header row (row header, column labels, "Gesamt"), one row per row label
/// ending with the row total, and a "Gesamt" row of the column totals and the grand total, tables
/// separated by a blank line. Hidden figures read "•"; when a file has any, a last line explains
/// the mark. Text that a spreadsheet would run as a formula
/// (starting with = + - @) gets a leading apostrophe; labels come partly from the partner
/// directory, which people type in.
/// </remarks>
public static class ReportCsv
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Separator = ';',
        FormatProvider = CultureInfo.GetCultureInfo("de-DE"),
        ValidateFieldCount = false,
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = false,
    };

    private static ReadOnlySpan<byte> LineBreak => "\r\n"u8;

    public static byte[] ToBytes(IEnumerable<PublishedTable> tables, ReportCsvHeader? header = null)
    {
        using var buffer = new MemoryStream();
        Write(buffer, tables, header);
        return buffer.ToArray();
    }

    /// <summary>The file of tables with titles of their own, then text tables, then <paramref name="notes"/> after the note on "•".</summary>
    public static byte[] ToBytes(
        IEnumerable<ReportCsvTable> tables, ReportCsvHeader? header, IEnumerable<ReportCsvTextTable>? textTables = null, IEnumerable<string>? notes = null)
    {
        using var buffer = new MemoryStream();
        Write(buffer, tables, header, textTables, notes);
        return buffer.ToArray();
    }

    /// <summary>Writes the whole file, byte-order mark first, to <paramref name="destination"/> and leaves it open.</summary>
    public static void Write(Stream destination, IEnumerable<PublishedTable> tables, ReportCsvHeader? header = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        Write(destination, tables.Select(t => new ReportCsvTable(t.Title, t)), header);
    }

    /// <summary>Writes the whole file, byte-order mark first, to <paramref name="destination"/> and leaves it open.</summary>
    public static void Write(
        Stream destination, IEnumerable<ReportCsvTable> tables, ReportCsvHeader? header, IEnumerable<ReportCsvTextTable>? textTables = null, IEnumerable<string>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(tables);
        var tableList = tables.ToList();
        if (header is not null && header.To < header.From)
        {
            throw new ArgumentException($"The period ends ({header.To}) before it starts ({header.From}).", nameof(header));
        }

        destination.Write(Encoding.UTF8.Preamble);

        // The CSV writer refuses a record without fields (and writes a lone empty field as ""), so
        // each part gets its own writer and the blank lines between parts are written here.
        var first = true;
        void Part(Action<CsvWriter> write)
        {
            if (!first)
            {
                destination.Write(LineBreak);
            }

            first = false;
            using var csv = CsvWriter.Create(destination, Options, leaveOpen: true);
            write(csv);
        }

        if (header is not null)
        {
            Part(csv =>
            {
                csv.WriteRecord(header.Title);
                csv.WriteRecord(["Zeitraum", header.PeriodText]);
                csv.WriteRecord(["Erstellt am", header.GeneratedAtText]);
            });
        }

        foreach (var table in tableList)
        {
            Part(csv => WriteTable(csv, table.Title, table.Table));
        }

        foreach (var table in textTables ?? [])
        {
            Part(csv =>
            {
                csv.WriteRecord(table.Title);
                csv.WriteRecord([.. table.Header]);
                foreach (var row in table.Rows)
                {
                    csv.WriteRecord([.. row]);
                }
            });
        }

        var anyHidden = tableList.Any(t => t.Table.HasHiddenFigures);
        var noteList = notes?.ToList() ?? [];
        if (anyHidden || noteList.Count > 0)
        {
            Part(csv =>
            {
                if (anyHidden)
                {
                    csv.WriteRecord(SteeringReportLabels.HiddenNote);
                }

                foreach (var note in noteList)
                {
                    csv.WriteRecord(note);
                }
            });
        }
    }

    private static void WriteTable(CsvWriter csv, string title, PublishedTable table)
    {
        csv.WriteRecord(title);
        csv.WriteRecord([table.RowHeader, .. table.ColumnLabels, GermanLabels.Total]);
        for (var row = 0; row < table.RowCount; row++)
        {
            csv.WriteField(table.RowLabels[row]);
            for (var column = 0; column < table.ColumnCount; column++)
            {
                WriteFigure(csv, table.Cell(row, column));
            }

            WriteFigure(csv, table.RowTotal(row));
            csv.EndRecord();
        }

        csv.WriteField(GermanLabels.Total);
        for (var column = 0; column < table.ColumnCount; column++)
        {
            WriteFigure(csv, table.ColumnTotal(column));
        }

        WriteFigure(csv, table.GrandTotal);
        csv.EndRecord();
    }

    private static void WriteFigure(CsvWriter csv, PublishedFigure figure)
    {
        if (figure.Value is int value)
        {
            csv.WriteField(value);
        }
        else
        {
            csv.WriteField(SteeringReportLabels.Hidden);
        }
    }
}
