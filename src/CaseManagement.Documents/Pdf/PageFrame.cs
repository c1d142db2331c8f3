using System.Globalization;
using static CaseManagement.Documents.Pdf.A4Page;

namespace CaseManagement.Documents.Pdf;

/// <summary>
/// Header and footer of every page, the same for every document: both organisations left and right
/// (the documents are theirs jointly), the title, the document's own line of particulars, and a
/// footer with a left and a centred text and "Seite x von y".
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
        var centre = OneLine(texts.FooterCentre);
        var page = $"Seite {pageNumber.ToString(CultureInfo.InvariantCulture)} von {pageCount.ToString(CultureInfo.InvariantCulture)}";
        return
        [
            new LineOp(s.ThinRule, MarginLeft, FooterRuleY, ContentRight, FooterRuleY),
            new TextOp(OneLine(texts.FooterLeft), s.Footer, s.Muted, MarginLeft, FooterTextTop),
            new TextOp(centre, s.Footer, s.Muted, MarginLeft + (ContentWidth - measurer.Width(centre, s.Footer)) / 2, FooterTextTop),
            new TextOp(page, s.Footer, s.Muted, ContentRight - measurer.Width(page, s.Footer), FooterTextTop),
        ];
    }

    /// <summary>Header, footer and other one-line texts: line breaks become spaces.</summary>
    public static string OneLine(string? text) => TextWrapper.Normalize(text).Replace('\n', ' ');
}

/// <summary>The texts of the page frame that differ between documents.</summary>
internal sealed record PageFrameTexts(string JobcenterName, string DrugHelpServiceName, string Title, string FooterLeft, string FooterCentre);
