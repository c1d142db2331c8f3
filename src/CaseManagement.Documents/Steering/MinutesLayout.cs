using System.Globalization;
using CaseManagement.Documents.Pdf;
using PdfSharp.Drawing;
using static CaseManagement.Documents.Pdf.A4Page;

namespace CaseManagement.Documents.Steering;

/// <summary>
/// Lays the minutes out on A4 pages: one H2 per part, free text as paragraphs (line breaks kept),
/// measures and frozen figures as lists. One instance per rendering.
/// </summary>
internal sealed class MinutesLayout(MinutesDocument document, PdfStyles styles, TextMeasurer measurer) : IPagedLayout
{
    private const double ParagraphGap = 6;
    private const double BulletIndent = 14;
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    private readonly LaidOutPages _pages = new();
    private double _y;

    public static string Date(DateOnly day) => day.ToString("dd.MM.yyyy", German);

    public IReadOnlyList<IReadOnlyList<DrawOp>> LayoutBody()
    {
        var d = document;
        NewPage();
        Section("Teilnehmende");
        Text(d.Participants);
        Section("Tagesordnung");
        Text(d.Agenda);
        if (d.CarriedOver.Count > 0)
        {
            SubHeading("Offene Maßnahmen aus früheren Sitzungen");
            Measures(d.CarriedOver);
        }

        Section("Protokoll");
        Text(d.Minutes);
        Section("Beschlüsse");
        Text(d.Decisions);
        Section("Maßnahmen dieser Sitzung");
        if (d.Decided.Count == 0)
        {
            Paragraph("Keine.", styles.Body);
        }
        else
        {
            Measures(d.Decided);
        }

        Section("Kennzahlen");
        if (d.FiguresPeriod is null)
        {
            Paragraph("Die Sitzung hat keine Kennzahlen festgehalten.", styles.Body);
        }
        else
        {
            Paragraph($"Zeitraum {d.FiguresPeriod}, wie am Tag der Sitzung veröffentlicht („•“: zu wenige Personen, nicht ausgewiesen).", styles.Body);
            foreach (var table in d.Figures)
            {
                Table(table);
            }
        }

        return _pages.Pages;
    }

    public IReadOnlyList<DrawOp> PageFrame(int pageNumber, int pageCount)
    {
        var s = styles;
        var label = "Sitzung vom ";
        DrawOp[] particulars =
        [
            new TextOp(label, s.HeaderBold, s.Text, MarginLeft, HeaderParticularsTop),
            new TextOp(Date(document.HeldOn), s.HeaderText, s.Text, MarginLeft + measurer.Width(label, s.HeaderBold), HeaderParticularsTop),
        ];
        var texts = new PageFrameTexts(
            document.JobcenterName, document.DrugHelpServiceName, $"Protokoll – {document.Round}",
            $"Gedruckt am {Date(document.PrintedOn)}", "Ohne Namen und Fallnummern von Klient:innen");
        return Pdf.PageFrame.Draw(s, measurer, texts, particulars, pageNumber, pageCount);
    }

    private double Remaining => BodyBottom - _y;

    private static double Line(XFont font) => PdfStyles.LineHeight(font);

    private void NewPage()
    {
        _pages.NewPage();
        _y = BodyTop;
    }

    private void KeepTogether(double height)
    {
        if (_y > BodyTop && Remaining < height)
        {
            NewPage();
        }
    }

    private void Section(string title)
    {
        var height = Line(styles.Section) + 4;
        KeepTogether(height + 2 * Line(styles.Body));
        _pages.Begin(StructureTag.H2);
        _pages.Text(title, styles.Section, styles.Accent, MarginLeft, _y);
        _pages.End();
        _y += height;
    }

    private void SubHeading(string title)
    {
        var height = Line(styles.SubHeading) + 2;
        KeepTogether(height + Line(styles.Body));
        _pages.Begin(StructureTag.H3);
        _pages.Text(title, styles.SubHeading, styles.Text, MarginLeft, _y);
        _pages.End();
        _y += height;
    }

    /// <summary>Free text as typed: one paragraph per line; "–" when empty.</summary>
    private void Text(string text)
    {
        var paragraphs = string.IsNullOrWhiteSpace(text) ? ["–"] : text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        foreach (var paragraph in paragraphs.Where(p => p.Trim().Length > 0))
        {
            Paragraph(paragraph, styles.Body);
        }
    }

    private void Paragraph(string text, XFont font, double indent = 0)
    {
        var lines = measurer.Wrap(text, font, ContentWidth - indent);
        var lineHeight = Line(font);
        KeepTogether(Math.Min(2, lines.Count) * lineHeight);
        _pages.Begin(StructureTag.P);
        foreach (var line in lines)
        {
            if (Remaining < lineHeight)
            {
                NewPage();
            }

            if (line.Length > 0)
            {
                _pages.Text(line, font, styles.Text, MarginLeft + indent, _y);
            }

            _y += lineHeight;
        }

        _pages.End();
        _y += ParagraphGap;
    }

    /// <summary>Each measure a list item: what (bold), then who, by when, status and the figure in one line.</summary>
    private void Measures(IReadOnlyList<MinutesMeasure> measures)
    {
        _pages.Begin(StructureTag.L);
        foreach (var measure in measures)
        {
            var what = measurer.Wrap(measure.What, styles.BodyBold, ContentWidth - BulletIndent);
            var details = $"Verantwortlich: {measure.Who} · bis {(measure.DueBy is { } due ? Date(due) : "–")} · Stand: {measure.Status}"
                + (measure.Figure is { } figure ? $" · Anlass: {figure}" : "");
            var detailLines = measurer.Wrap(details, styles.Body, ContentWidth - BulletIndent);
            KeepTogether((what.Count * Line(styles.BodyBold)) + (detailLines.Count * Line(styles.Body)));
            _pages.Begin(StructureTag.LI);
            _pages.Begin(StructureTag.Lbl);
            _pages.Text("•", styles.Body, styles.Text, MarginLeft + 3, _y);
            _pages.End();
            _pages.Begin(StructureTag.LBody);
            foreach (var line in what)
            {
                _pages.Text(line, styles.BodyBold, styles.Text, MarginLeft + BulletIndent, _y);
                _y += Line(styles.BodyBold);
            }

            foreach (var line in detailLines)
            {
                _pages.Text(line, styles.Body, styles.Muted, MarginLeft + BulletIndent, _y);
                _y += Line(styles.Body);
            }

            _pages.End();
            _pages.End();
            _y += 4;
        }

        _pages.End();
        _y += ParagraphGap;
    }

    /// <summary>A frozen table as a titled list: per row its label and the figures under their headers.</summary>
    private void Table(MinutesTable table)
    {
        SubHeading(table.Title);
        _pages.Begin(StructureTag.L);
        foreach (var (label, cells) in table.Rows)
        {
            var values = string.Join(" · ", cells.Select((cell, i) => i + 1 < table.Header.Count ? $"{table.Header[i + 1]}: {cell}" : cell));
            var lines = measurer.Wrap($"{label} – {values}", styles.Body, ContentWidth - BulletIndent);
            KeepTogether(lines.Count * Line(styles.Body));
            _pages.Begin(StructureTag.LI);
            _pages.Begin(StructureTag.LBody);
            foreach (var line in lines)
            {
                if (Remaining < Line(styles.Body))
                {
                    NewPage();
                }

                _pages.Text(line, styles.Body, styles.Text, MarginLeft + BulletIndent, _y);
                _y += Line(styles.Body);
            }

            _pages.End();
            _pages.End();
        }

        _pages.End();
        _y += ParagraphGap;
    }
}
