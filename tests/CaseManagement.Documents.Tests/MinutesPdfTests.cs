using CaseManagement.Documents.Steering;

namespace CaseManagement.Documents.Tests;

/// <summary>The minutes of a steering round as a reader's tools see them: every part in order, a valid file, fonts embedded.</summary>
public sealed class MinutesPdfTests
{
    private static MinutesDocument Sample(int minutesParagraphs = 3) => new(
        "Operative Lenkungsrunde",
        new DateOnly(2026, 12, 6),
        "Markus Weber (Teamleitung Jobcenter), Sabine Köhler (Teamleitung Drogenhilfe)",
        "1. Kennzahlen des Jahres\n2. Wartezeiten bei der Entgiftung\n3. Gemeinsame Fortbildung",
        string.Join("\n", Enumerable.Range(1, minutesParagraphs).Select(i =>
            $"Absatz {i}: Die Wartezeiten bei Vermittlungen in die Entgiftung sind gegenüber dem Vorjahr gestiegen; die Drogenhilfe klärt mit der Klinik feste Aufnahmetage und berichtet in der nächsten Sitzung.")),
        "Sprechstunde der Drogenhilfe im Jobcenter ab Januar.",
        [new MinutesMeasure("Feste Aufnahmetage mit der Entgiftungsstation vereinbaren", "Teamleitung Drogenhilfe", new DateOnly(2026, 12, 20), "offen", "Vermittlungen nach Art der Stelle und Stand")],
        [new MinutesMeasure("Sprechstunde einrichten", "Teamleitung Jobcenter", null, "offen", null)],
        "2026",
        [new MinutesTable("Hilfepläne nach Stand", ["Stand", "2026", "Vorjahr (2025)", "Veränderung"], [("Entwurf", ["12", "9", "+3"]), ("Vereinbart", ["•", "7", "–"])])],
        new DateOnly(2026, 12, 6),
        "Jobcenter Ludwigshafen",
        "Stadt Ludwigshafen am Rhein – Drogenhilfe");

    [Fact]
    public void Every_part_of_the_meeting_is_in_the_minutes_in_reading_order_and_the_file_is_valid()
    {
        var path = Path.Combine(PdfTools.ArtifactsDirectory, "steering-minutes.pdf");
        File.WriteAllBytes(path, MinutesPdf.Render(Sample()));
        PdfTools.RenderPng(path, 1, Path.Combine(PdfTools.ArtifactsDirectory, "steering-minutes-first-page"));

        var text = PdfTools.TextLayout(path);
        string[] inOrder =
        [
            "Protokoll – Operative Lenkungsrunde", "Sitzung vom 06.12.2026", "Teilnehmende", "Tagesordnung", "2. Wartezeiten bei der Entgiftung",
            "Offene Maßnahmen aus früheren Sitzungen", "Feste Aufnahmetage", "Protokoll", "Absatz 3", "Beschlüsse", "Sprechstunde der Drogenhilfe",
            "Maßnahmen dieser Sitzung", "Sprechstunde einrichten", "Kennzahlen", "Hilfepläne nach Stand", "Entwurf – 2026: 12",
        ];
        var at = 0;
        foreach (var part in inOrder)
        {
            var found = text.IndexOf(part, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"„{part}“ missing or out of order in the minutes.");
            at = found;
        }

        Assert.Equal(0, PdfTools.QpdfCheck(path).ExitCode);
        Assert.All(PdfTools.Fonts(path), f => Assert.True(f.Embedded, $"{f.Name} is not embedded."));
    }

    [Fact]
    public void Long_minutes_continue_on_further_pages_with_nothing_cut()
    {
        var path = Path.Combine(PdfTools.ArtifactsDirectory, "steering-minutes-long.pdf");
        File.WriteAllBytes(path, MinutesPdf.Render(Sample(minutesParagraphs: 60)));

        Assert.True(PdfTools.PageCount(path) >= 3);
        var text = PdfTools.TextLayout(path);
        Assert.Contains("Absatz 60", text, StringComparison.Ordinal);
        Assert.Contains("Seite 3 von", text, StringComparison.Ordinal);
    }
}
