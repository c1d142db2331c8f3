using System.Globalization;
using static CaseManagement.Documents.Pdf.A4Page;

namespace CaseManagement.Documents.Pdf;

/// <summary>
/// Header and footer of every page, the same for every document: both organisations left and right
/// (the documents are theirs jointly), the title, the document's own line of particulars, and a
/// footer with a left and a centred text and "Seite x von y" that never print over each other.
/// </summary>
internal static class PageFrame
{
    /// <param name="particulars">The header's particulars line, drawn by the document at <see cref="A4Page.HeaderParticularsTop"/>.</param>
    public static IReadOnlyList<DrawOp> Draw(
        PdfStyles styles, TextMeasurer measurer, PageFrameTexts texts, IEnumerable<DrawOp> particulars, int pageNumber, int pageCount)
    {
        ArgumentNullException.ThrowIfNull(styles);
        ArgumentNullException.ThrowIfNull(measurer);
        ArgumentNullException.ThrowIfNull(texts);
        var s = styles;
        var ops = new List<DrawOp>();

        var half = (ContentWidth - 16) / 2;
        var left = measurer.Ellipsize(OneLine(texts.JobcenterName), s.OrganisationLine, half);
        var right = measurer.Ellipsize(OneLine(texts.DrugHelpServiceName), s.OrganisationLine, half);
        ops.Add(new TextOp(left, s.OrganisationLine, s.Accent, MarginLeft, HeaderOrganisationsTop));
        ops.Add(new TextOp(right, s.OrganisationLine, s.Accent, ContentRight - measurer.Width(right, s.OrganisationLine), HeaderOrganisationsTop));
        ops.Add(new LineOp(s.ThinRule, MarginLeft, HeaderOrganisationsTop + 12, ContentRight, HeaderOrganisationsTop + 12));

        ops.Add(new TextOp(measurer.Ellipsize(OneLine(texts.Title), s.Title, ContentWidth), s.Title, s.Accent, MarginLeft, HeaderTitleTop));
        ops.AddRange(particulars);
        ops.Add(new LineOp(s.Rule, MarginLeft, HeaderRuleY, ContentRight, HeaderRuleY));

        ops.Add(new LineOp(s.ThinRule, MarginLeft, FooterRuleY, ContentRight, FooterRuleY));
        var footerLeft = OneLine(texts.FooterLeft);
        ops.Add(new TextOp(footerLeft, s.Footer, s.Muted, MarginLeft, FooterTextTop));
        var page = $"Seite {pageNumber.ToString(CultureInfo.InvariantCulture)} von {pageCount.ToString(CultureInfo.InvariantCulture)}";
        var pageX = ContentRight - measurer.Width(page, s.Footer);
        ops.Add(new TextOp(page, s.Footer, s.Muted, pageX, FooterTextTop));
        ops.Add(FooterCentre(s, measurer, OneLine(texts.FooterCentre), MarginLeft + measurer.Width(footerLeft, s.Footer) + FooterGap, pageX - FooterGap));
        return ops;
    }

    /// <summary>Space kept between the footer's texts.</summary>
    private const double FooterGap = 12;

    /// <summary>
    /// The centre text of the footer: centred on the page where it fits between the left text and
    /// the page number, moved aside as far as needed to keep clear of them, and on a line of its own
    /// below them when the line is too short for all three (a long period name).
    /// </summary>
    private static TextOp FooterCentre(PdfStyles s, TextMeasurer measurer, string centre, double freeFrom, double freeTo)
    {
        var width = measurer.Width(centre, s.Footer);
        var centred = MarginLeft + ((ContentWidth - width) / 2);
        if (width <= freeTo - freeFrom)
        {
            return new TextOp(centre, s.Footer, s.Muted, Math.Clamp(centred, freeFrom, freeTo - width), FooterTextTop);
        }

        var text = measurer.Ellipsize(centre, s.Footer, ContentWidth);
        return new TextOp(text, s.Footer, s.Muted, MarginLeft + ((ContentWidth - measurer.Width(text, s.Footer)) / 2), FooterSecondLineTop);
    }

    /// <summary>Header, footer and other one-line texts: line breaks become spaces.</summary>
    public static string OneLine(string? text) => TextWrapper.Normalize(text).Replace('\n', ' ');
}

/// <summary>The texts of the page frame that differ between documents.</summary>
internal sealed record PageFrameTexts(string JobcenterName, string DrugHelpServiceName, string Title, string FooterLeft, string FooterCentre);
