using System.Text;
using CaseManagement.Application.Reports;
using CaseManagement.Domain.Reports;
using CsvHelper;

namespace CaseManagement.Domain.Tests.Reports;

public class ReportCsvTests
{
    private static readonly ReportCsvHeader Header = new(
        "Lenkungsrunde – Kennzahlen 2026",
        new DateOnly(2026, 1, 1),
        new DateOnly(2026, 12, 31),
        new DateTimeOffset(2026, 6, 15, 8, 30, 0, TimeSpan.Zero));

    // As the cell-key method publishes them: zeros, perturbed numbers of at least 5 and hidden figures.
    private static PublishedTable AgeByGender() => Published(
        FigureTable.FromCounts(
            "Klient:innen nach Altersgruppe und Geschlecht",
            "Altersgruppe",
            ["unter 18", "18–24", "25 und älter"],
            ["weiblich", "männlich"],
            [("unter 18", "männlich", 10), ("18–24", "weiblich", 9), ("18–24", "männlich", 3), ("25 und älter", "weiblich", 8), ("25 und älter", "männlich", 1234)]),
        new Dictionary<FigurePosition, int?>
        {
            [FigurePosition.Cell(0, 1)] = 11,
            [FigurePosition.RowTotal(0)] = 9,
            [FigurePosition.Cell(1, 0)] = 9,
            [FigurePosition.Cell(1, 1)] = null,
            [FigurePosition.RowTotal(1)] = 13,
            [FigurePosition.Cell(2, 0)] = 7,
            [FigurePosition.Cell(2, 1)] = 1235,
            [FigurePosition.RowTotal(2)] = 1242,
            [FigurePosition.ColumnTotal(0)] = 17,
            [FigurePosition.ColumnTotal(1)] = 1247,
            [FigurePosition.GrandTotal] = 1264,
        });

    private static PublishedTable ReferralsByPartner(string partnerLabel) => Published(
        FigureTable.FromCounts("Vermittlungen nach Partner", "Partner", [partnerLabel, "Übergangswohnheim"], "Anzahl", [(partnerLabel, 12), ("Übergangswohnheim", 7)]),
        new Dictionary<FigurePosition, int?>
        {
            [FigurePosition.Cell(0, 0)] = 12,
            [FigurePosition.RowTotal(0)] = 12,
            [FigurePosition.Cell(1, 0)] = 7,
            [FigurePosition.RowTotal(1)] = 7,
            [FigurePosition.ColumnTotal(0)] = 19,
            [FigurePosition.GrandTotal] = 19,
        });

    /// <summary>The table with the given published figures (null: hidden); every other figure is 0.</summary>
    private static PublishedTable Published(FigureTable layout, Dictionary<FigurePosition, int?> figures) =>
        new(layout, p => figures.TryGetValue(p, out var value) ? value is int v ? PublishedFigure.Number(v) : PublishedFigure.Hidden : PublishedFigure.Zero);

    private static List<string[]> Parse(byte[] csv)
    {
        using var reader = CsvReader.Create(csv, CsvReaderOptions.Default with { Separator = ';', HasHeader = false });
        var records = new List<string[]>();
        while (reader.Read())
        {
            records.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }

        return records;
    }

    [Fact]
    public void The_file_starts_with_a_utf8_byte_order_mark()
    {
        var bytes = ReportCsv.ToBytes([AgeByGender()]);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.NotEqual(0xEF, bytes[3]);
    }

    [Fact]
    public void The_whole_file_has_the_header_block_the_tables_with_totals_and_the_note_separated_by_blank_lines()
    {
        var text = Encoding.UTF8.GetString(ReportCsv.ToBytes([AgeByGender(), ReferralsByPartner("Suchtberatung")], Header)[3..]);

        Assert.Equal(
            "Lenkungsrunde – Kennzahlen 2026\r\n" +
            "Zeitraum;01.01.2026–31.12.2026\r\n" +
            "Erstellt am;15.06.2026 10:30\r\n" +
            "\r\n" +
            "Klient:innen nach Altersgruppe und Geschlecht\r\n" +
            "Altersgruppe;weiblich;männlich;Gesamt\r\n" +
            "unter 18;0;11;9\r\n" +
            "18–24;9;•;13\r\n" +
            "25 und älter;7;1235;1242\r\n" +
            "Gesamt;17;1247;1264\r\n" +
            "\r\n" +
            "Vermittlungen nach Partner\r\n" +
            "Partner;Anzahl;Gesamt\r\n" +
            "Suchtberatung;12;12\r\n" +
            "Übergangswohnheim;7;7\r\n" +
            "Gesamt;19;19\r\n" +
            "\r\n" +
            "• nicht ausgewiesen: eine kleine Zahl, die zum Schutz der Personen nicht gezeigt wird. 0 heißt: niemand.\r\n",
            text);
    }

    [Fact]
    public void Without_a_header_block_or_hidden_figures_the_file_holds_only_the_tables()
    {
        var text = Encoding.UTF8.GetString(ReportCsv.ToBytes([ReferralsByPartner("Suchtberatung")])[3..]);

        Assert.StartsWith("Vermittlungen nach Partner\r\n", text);
        Assert.EndsWith("Gesamt;19;19\r\n", text);
    }

    [Fact]
    public void Umlauts_and_hidden_figures_read_back_with_csvhelper()
    {
        var records = Parse(ReportCsv.ToBytes([AgeByGender(), ReferralsByPartner("Suchtberatung")], Header));

        Assert.Contains(records, r => r.SequenceEqual(["Altersgruppe", "weiblich", "männlich", "Gesamt"]));
        Assert.Contains(records, r => r.SequenceEqual(["18–24", "9", "•", "13"]));
        Assert.Contains(records, r => r.SequenceEqual(["25 und älter", "7", "1235", "1242"]));
        Assert.Contains(records, r => r.SequenceEqual(["Übergangswohnheim", "7", "7"]));
        Assert.Contains(records, r => r.SequenceEqual(["Zeitraum", "01.01.2026–31.12.2026"]));
    }

    [Fact]
    public void A_label_with_separator_and_quotes_is_quoted_and_reads_back_unchanged()
    {
        const string label = "Beratung \"Neuer Weg\"; Außenstelle";

        var bytes = ReportCsv.ToBytes([ReferralsByPartner(label)]);

        Assert.Contains("\"Beratung \"\"Neuer Weg\"\"; Außenstelle\";12;12\r\n", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Contains(Parse(bytes), r => r.SequenceEqual([label, "12", "12"]));
    }

    [Fact]
    public void A_label_that_a_spreadsheet_would_run_as_a_formula_gets_an_apostrophe()
    {
        var records = Parse(ReportCsv.ToBytes([ReferralsByPartner("=HYPERLINK(\"http://x\")")]));

        Assert.Contains(records, r => r.SequenceEqual(["'=HYPERLINK(\"http://x\")", "12", "12"]));
    }

    [Fact]
    public void Writing_to_a_stream_that_already_holds_data_still_starts_the_report_with_the_mark_and_leaves_the_stream_open()
    {
        using var stream = new MemoryStream();
        stream.Write("x"u8);

        ReportCsv.Write(stream, [AgeByGender()]);

        Assert.Equal([(byte)'x', 0xEF, 0xBB, 0xBF], stream.ToArray()[..4]);
        Assert.True(stream.CanWrite);
    }

    [Fact]
    public void A_period_that_ends_before_it_starts_is_refused()
    {
        var header = Header with { From = new DateOnly(2027, 1, 1) };

        Assert.Throws<ArgumentException>(() => ReportCsv.ToBytes([AgeByGender()], header));
    }
}
