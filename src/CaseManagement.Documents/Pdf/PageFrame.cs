using System.Globalization;
using static CaseManagement.Documents.Pdf.A4Page;

namespace CaseManagement.Documents.Pdf;

/// <summary>
/// Header and footer of every page, the same for every document: both organisations left and right
/// (the documents are theirs jointly), the title, the document's own line of particulars, and a
/// footer with a left and a centred text and "Seite x von y" that never print over each other.
/// </summary>
/// <remarks>
/// The first page's header is the document's opening and tagged as content (organisations, the
/// title as H1, the particulars); on later pages it repeats and is an artifact, as every footer is.
/// </remarks>
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

        var half = (ContentWidth - 16) / 2;
        var left = measurer.Ellipsize(OneLine(texts.JobcenterName), s.OrganisationLine, half);
        var right = measurer.Ellipsize(OneLine(texts.DrugHelpServiceName), s.OrganisationLine, half);
        DrawOp[] organisations =
        [
            new TextOp(left, s.OrganisationLine, s.Accent, MarginLeft, HeaderOrganisationsTop),
            new TextOp(right, s.OrganisationLine, s.Accent, ContentRight - measurer.Width(right, s.OrganisationLine), HeaderOrganisationsTop),
        ];
        var organisationsRule = new LineOp(s.ThinRule, MarginLeft, HeaderOrganisationsTop + 12, ContentRight, HeaderOrganisationsTop + 12);
        var title = new TextOp(measurer.Ellipsize(OneLine(texts.Title), s.Title, ContentWidth), s.Title, s.Accent, MarginLeft, HeaderTitleTop);
        var headerRule = new LineOp(s.Rule, MarginLeft, HeaderRuleY, ContentRight, HeaderRuleY);

        // The footer first: it begins with a rule, so the page's first drawing (where the renderer sets
        // up its transformation, between text objects) happens in graphics mode, outside any text.
        var ops = new List<DrawOp> { new ArtifactOp(Footer(s, measurer, texts, pageNumber, pageCount)) };
        if (pageNumber == 1)
        {
            ops.AddRange(Tagged.Element(StructureTag.P, organisations));
            ops.Add(new ArtifactOp([organisationsRule]));
            ops.AddRange(Tagged.Element(StructureTag.H1, [title]));
            ops.AddRange(Tagged.Element(StructureTag.P, particulars));
            ops.Add(new ArtifactOp([headerRule]));
        }
        else
        {
            ops.Add(new ArtifactOp([.. organisations, organisationsRule, title, .. particulars, headerRule]));
        }

        return ops;
    }

    private static List<DrawOp> Footer(PdfStyles s, TextMeasurer measurer, PageFrameTexts texts, int pageNumber, int pageCount)
    {
        var footerLeft = OneLine(texts.FooterLeft);
        var page = $"Seite {pageNumber.ToString(CultureInfo.InvariantCulture)} von {pageCount.ToString(CultureInfo.InvariantCulture)}";
        var pageX = ContentRight - measurer.Width(page, s.Footer);
        return
        [
            new LineOp(s.ThinRule, MarginLeft, FooterRuleY, ContentRight, FooterRuleY),
            new TextOp(footerLeft, s.Footer, s.Muted, MarginLeft, FooterTextTop),
            new TextOp(page, s.Footer, s.Muted, pageX, FooterTextTop),
            FooterCentre(s, measurer, OneLine(texts.FooterCentre), MarginLeft + measurer.Width(footerLeft, s.Footer) + FooterGap, pageX - FooterGap),
        ];
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
