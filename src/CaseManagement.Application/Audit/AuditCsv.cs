using System.Globalization;
using System.Text;
using CaseManagement.Domain;
using CaseManagement.Domain.Staff;
using CsvHelper;

namespace CaseManagement.Application.Audit;

/// <summary>
/// A filtered view of the audit log as CSV for an inspection (Prüfung durch die Aufsichtsbehörde):
/// the filter it was made with, then one line per entry, newest first, in words as on the page.
/// UTF-8 with byte-order mark and ";" for Excel in a German locale, like the steering report's CSV.
/// </summary>
public static class AuditCsv
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Separator = ';',
        FormatProvider = CultureInfo.GetCultureInfo("de-DE"),
        ValidateFieldCount = false,
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = false,
    };

    public static readonly IReadOnlyList<string> Header =
        ["Zeitpunkt", "Mitarbeiter:in", "Organisation", "Fallnummer", "Aktion", "Betreff", "Angezeigte Fälle"];

    /// <param name="filterText">The filter in words, e.g. "Aktion: Zugriff verweigert; Zeitraum: 01.03.2026–31.03.2026".</param>
    /// <param name="cut">More entries matched than the file holds.</param>
    public static byte[] ToBytes(IReadOnlyList<AuditRow> rows, string filterText, DateTimeOffset generatedAt, bool cut)
    {
        using var buffer = new MemoryStream();
        buffer.Write(Encoding.UTF8.Preamble);
        using (var csv = CsvWriter.Create(buffer, Options, leaveOpen: true))
        {
            csv.WriteRecord("Zugriffsprotokoll – Auszug");
            csv.WriteRecord(["Filter", filterText]);
            csv.WriteRecord(["Erstellt am", GermanCalendar.ToLocal(generatedAt).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture)]);
            csv.WriteRecord(["Einträge", rows.Count.ToString(CultureInfo.InvariantCulture) + (cut ? " (gekürzt: bitte Zeitraum oder Filter enger wählen)" : "")]);
        }

        buffer.Write("\r\n"u8);
        using (var csv = CsvWriter.Create(buffer, Options, leaveOpen: true))
        {
            csv.WriteRecord([.. Header]);
            foreach (var row in rows)
            {
                csv.WriteRecord([
                    GermanCalendar.ToLocal(row.OccurredAt).ToString("dd.MM.yyyy HH:mm:ss", CultureInfo.InvariantCulture),
                    row.UserName,
                    row.UserOrganisation.German(),
                    row.CaseNumber ?? "",
                    GermanLabels.Of(row.Action),
                    row.Subject,
                    string.Join(" ", row.ListedCaseNumbers),
                ]);
            }
        }

        return buffer.ToArray();
    }
}
