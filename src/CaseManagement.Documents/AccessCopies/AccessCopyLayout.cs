using System.Globalization;
using CaseManagement.Documents.Pdf;
using PdfSharp.Drawing;
using static CaseManagement.Documents.Pdf.A4Page;

namespace CaseManagement.Documents.AccessCopies;

/// <summary>
/// Lays an <see cref="AccessCopyDocument"/> out on A4 pages in the look of the other documents:
/// the introduction, then numbered sections (H2) with their entries (H3) and each entry's facts as
/// a list of label and value (L/LI/Lbl/LBody). Long values run on over page breaks line by line, so
/// nothing is cut; a heading is kept with the first lines of what follows it.
/// </summary>
internal sealed class AccessCopyLayout(AccessCopyDocument document, PdfStyles styles, TextMeasurer measurer) : IPagedLayout
{
    private const double LabelWidth = 150;
    private const double LabelGap = 8;
    private const double FactGap = 2;
    private const double ParagraphGap = 6;
    private const double EntryGap = 10;
    private const double SectionGap = 14;
    private const double SectionNumberWidth = 22;

    private readonly LaidOutPages _pages = new();
    private double _y;

    private double Remaining => BodyBottom - _y;

    private double BodyLine => PdfStyles.LineHeight(styles.Body);

    public IReadOnlyList<IReadOnlyList<DrawOp>> LayoutBody()
    {
        NewPage();
        foreach (var paragraph in document.Introduction)
        {
            Paragraph(paragraph, styles.Body, styles.Text);
            _y += ParagraphGap;
        }

        _y += SectionGap - ParagraphGap;
        var number = 0;
        foreach (var section in document.Sections)
        {
            Section(++number, section);
        }

        return _pages.Pages;
    }

    public IReadOnlyList<DrawOp> PageFrame(int pageNumber, int pageCount)
    {
        var particulars = new TextOp(measurer.Ellipsize(Pdf.PageFrame.OneLine(document.PersonLine), styles.HeaderBold, ContentWidth), styles.HeaderBold, styles.Text, MarginLeft, HeaderParticularsTop);
        var texts = new PageFrameTexts(document.JobcenterName, document.DrugHelpServiceName, AccessCopyDocument.Title, document.CompiledText, document.FooterLabel);
        return Pdf.PageFrame.Draw(styles, measurer, texts, [particulars], pageNumber, pageCount);
    }

    private void NewPage()
    {
        _pages.NewPage();
        _y = BodyTop;
    }

    private void Section(int number, CopySection section)
    {
        var s = styles;
        var headingLines = measurer.Wrap(section.Title, s.Section, ContentWidth - SectionNumberWidth);
        var headingHeight = headingLines.Count * PdfStyles.LineHeight(s.Section) + 4;
        var firstLines = section.Explanation is null ? 2 * BodyLine : Math.Min(3, measurer.Wrap(section.Explanation, s.Body, ContentWidth).Count + 1) * BodyLine;
        if (_y > BodyTop && headingHeight + firstLines + BodyLine > Remaining)
        {
            NewPage();
        }

        _pages.Begin(StructureTag.H2);
        for (var i = 0; i < headingLines.Count; i++)
        {
            if (i == 0)
            {
                _pages.Text(number.ToString(CultureInfo.InvariantCulture), s.Section, s.Accent, MarginLeft, _y);
            }

            _pages.Text(headingLines[i], s.Section, s.Accent, MarginLeft + SectionNumberWidth, _y);
            _y += PdfStyles.LineHeight(s.Section);
        }

        _pages.End();
        _y += 4;
        if (section.Explanation is not null)
        {
            Paragraph(section.Explanation, s.Body, s.Muted);
            _y += ParagraphGap;
        }

        if (section.Entries.Count == 0)
        {
            Paragraph(section.WhenEmpty, s.Body, s.Text);
        }

        foreach (var entry in section.Entries)
        {
            Entry(entry);
            _y += EntryGap;
        }

        _y += SectionGap;
    }

    private void Entry(CopyEntry entry)
    {
        var s = styles;

        // A short entry (a consent, an appointment) stays on one page; a long one runs on.
        var entryHeight = EntryHeight(entry);
        if (_y > BodyTop && entryHeight > Remaining && entryHeight <= (BodyBottom - BodyTop) / 3)
        {
            NewPage();
        }

        if (entry.Heading is { } heading)
        {
            var lines = measurer.Wrap(heading, s.SubHeading, ContentWidth);
            var height = lines.Count * PdfStyles.LineHeight(s.SubHeading) + 3;
            if (_y > BodyTop && height + 2 * BodyLine > Remaining)
            {
                NewPage();
            }

            _pages.Begin(StructureTag.H3);
            foreach (var line in lines)
            {
                _pages.Text(line, s.SubHeading, s.Text, MarginLeft, _y);
                _y += PdfStyles.LineHeight(s.SubHeading);
            }

            _pages.End();
            _y += 3;
        }

        if (entry.Facts.Count == 0)
        {
            return;
        }

        _pages.Begin(StructureTag.L);
        foreach (var fact in entry.Facts)
        {
            Fact(fact);
        }

        _pages.End();
    }

    private double EntryHeight(CopyEntry entry)
    {
        var s = styles;
        var heading = entry.Heading is null ? 0 : measurer.Wrap(entry.Heading, s.SubHeading, ContentWidth).Count * PdfStyles.LineHeight(s.SubHeading) + 3;
        return heading + entry.Facts.Sum(f => Math.Max(
            measurer.Wrap(f.Label, s.BodyBold, LabelWidth).Count,
            measurer.Wrap(string.IsNullOrWhiteSpace(f.Value) ? "–" : f.Value, s.Body, ContentWidth - LabelWidth - LabelGap).Count) * BodyLine + FactGap);
    }

    /// <summary>One list item: the label in the left column, the value beside it, running on to the next page when long.</summary>
    private void Fact(CopyFact fact)
    {
        var s = styles;
        var labelLines = measurer.Wrap(fact.Label, s.BodyBold, LabelWidth);
        var valueLines = measurer.Wrap(string.IsNullOrWhiteSpace(fact.Value) ? "–" : fact.Value, s.Body, ContentWidth - LabelWidth - LabelGap);
        var keepTogether = Math.Max(labelLines.Count, Math.Min(valueLines.Count, 2)) * BodyLine;
        if (_y > BodyTop && keepTogether > Remaining)
        {
            NewPage();
        }

        var top = _y;
        _pages.Begin(StructureTag.LI);
        _pages.Begin(StructureTag.Lbl);
        foreach (var line in labelLines)
        {
            _pages.Text(line, s.BodyBold, s.Text, MarginLeft, _y);
            _y += BodyLine;
        }

        _pages.End();
        var labelBottom = _y;
        var labelPage = _pages.Count;
        _y = top;
        _pages.Begin(StructureTag.LBody);
        foreach (var line in valueLines)
        {
            if (BodyLine > Remaining)
            {
                NewPage();
            }

            _pages.Text(line, s.Body, s.Text, MarginLeft + LabelWidth + LabelGap, _y);
            _y += BodyLine;
        }

        _pages.End();
        _pages.End();
        if (_pages.Count == labelPage)
        {
            _y = Math.Max(_y, labelBottom);
        }

        _y += FactGap;
    }

    /// <summary>A paragraph over the full width, broken over pages line by line.</summary>
    private void Paragraph(string text, XFont font, XBrush brush)
    {
        var lineHeight = PdfStyles.LineHeight(font);
        var lines = measurer.Wrap(text, font, ContentWidth);
        if (lines.Count == 0)
        {
            return;
        }

        if (_y > BodyTop && Math.Min(lines.Count, 2) * lineHeight > Remaining)
        {
            NewPage();
        }

        _pages.Begin(StructureTag.P);
        foreach (var line in lines)
        {
            if (lineHeight > Remaining)
            {
                NewPage();
            }

            _pages.Text(line, font, brush, MarginLeft, _y);
            _y += lineHeight;
        }

        _pages.End();
    }
}
