using System.Globalization;
using CaseManagement.Documents.Pdf;
using static CaseManagement.Documents.Pdf.A4Page;

namespace CaseManagement.Documents.Reports;

/// <summary>
/// Lays a <see cref="MunicipalReportDocument"/> out: the notes, then per chapter a numbered H2, the
/// narrative paragraph by paragraph (a long text flows on over as many pages as it needs, line by
/// line) and the chapter's figure blocks as H3 ("2.1") with chart and table, drawn exactly as in the
/// steering report. One instance per rendering.
/// </summary>
internal sealed class MunicipalReportLayout(MunicipalReportDocument document, PdfStyles styles, TextMeasurer measurer)
    : SteeringReportLayout(Frame(document), styles, measurer)
{
    private const double ParagraphGap = 6;
    private const double ChapterGap = 10;

    public override IReadOnlyList<IReadOnlyList<DrawOp>> LayoutBody()
    {
        NewPage();
        Notes();
        var number = 0;
        foreach (var chapter in document.Chapters)
        {
            number++;
            Chapter(number, chapter);
        }

        return Pages.Pages;
    }

    private static SteeringReportDocument Frame(MunicipalReportDocument d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new SteeringReportDocument(
            d.Title, d.PeriodText, d.ComparisonText, d.GeneratedText, d.FooterLabel, d.Notes, [], d.JobcenterName, d.DrugHelpServiceName);
    }

    private void Chapter(int number, MunicipalReportChapterBlock chapter)
    {
        var s = Styles;
        var heading = PdfStyles.LineHeight(s.Title) + 6;
        // A chapter heading never stands alone at the foot of a page.
        if (Y > BodyTop && Remaining < heading + 3 * PdfStyles.LineHeight(s.Body))
        {
            NewPage();
        }

        var label = number.ToString(CultureInfo.InvariantCulture);
        var indent = Math.Max(24, Measurer.Width(label, s.Title) + 8);
        var lines = Measurer.Wrap(chapter.Title, s.Title, ContentWidth - indent);
        Pages.Begin(StructureTag.H2);
        for (var i = 0; i < lines.Count; i++)
        {
            if (i == 0)
            {
                Pages.Text(label, s.Title, s.Accent, MarginLeft, Y);
            }

            Pages.Text(lines[i], s.Title, s.Accent, MarginLeft + indent, Y);
            Y += PdfStyles.LineHeight(s.Title);
        }

        Pages.End();
        Pages.Artifact(new LineOp(s.ThinRule, MarginLeft, Y + 1, ContentRight, Y + 1));
        Y += 6;

        Narrative(chapter.Narrative, chapter.EmptyNarrativeText);
        var block = 0;
        foreach (var figures in chapter.Blocks)
        {
            block++;
            Block($"{label}.{block.ToString(CultureInfo.InvariantCulture)}", figures, StructureTag.H3, s.Section);
        }

        Y += ChapterGap;
    }

    /// <summary>The narrative as typed: one paragraph per line, wrapped; a page break may fall between any two lines.</summary>
    private void Narrative(string text, string? emptyText)
    {
        var s = Styles;
        var lineHeight = PdfStyles.LineHeight(s.Body);
        var paragraphs = TextWrapper.Normalize(text).Split('\n').Where(p => p.Trim().Length > 0).ToList();
        if (paragraphs.Count == 0)
        {
            if (emptyText is not null)
            {
                Pages.Begin(StructureTag.P);
                Pages.Text(emptyText, s.Body, s.Muted, MarginLeft, Y);
                Pages.End();
                Y += lineHeight + ParagraphGap;
            }

            return;
        }

        foreach (var paragraph in paragraphs)
        {
            var lines = Measurer.Wrap(paragraph, s.Body, ContentWidth);
            if (Y > BodyTop && Remaining < Math.Min(2, lines.Count) * lineHeight)
            {
                NewPage();
            }

            Pages.Begin(StructureTag.P);
            foreach (var line in lines)
            {
                if (Remaining < lineHeight)
                {
                    NewPage();
                }

                if (line.Length > 0)
                {
                    Pages.Text(line, s.Body, s.Text, MarginLeft, Y);
                }

                Y += lineHeight;
            }

            Pages.End();
            Y += ParagraphGap;
        }
    }
}
