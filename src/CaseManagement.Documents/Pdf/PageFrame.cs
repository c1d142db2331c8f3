using System.Globalization;
using static CaseManagement.Documents.Pdf.A4Page;

namespace CaseManagement.Documents.Pdf;

/// <summary>
/// Header and footer of every page, the same for every document: both organisations left and right
/// (the documents are theirs jointly), the title, the document's own line of particulars, and a
/// footer with a left and a centred text and "Seite x von y".
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
        ops.Add(new TextOp(OneLine(texts.FooterLeft), s.Footer, s.Muted, MarginLeft, FooterTextTop));
        var centre = OneLine(texts.FooterCentre);
        ops.Add(new TextOp(centre, s.Footer, s.Muted, MarginLeft + (ContentWidth - measurer.Width(centre, s.Footer)) / 2, FooterTextTop));
        var page = $"Seite {pageNumber.ToString(CultureInfo.InvariantCulture)} von {pageCount.ToString(CultureInfo.InvariantCulture)}";
        ops.Add(new TextOp(page, s.Footer, s.Muted, ContentRight - measurer.Width(page, s.Footer), FooterTextTop));
        return ops;
    }

    /// <summary>Header, footer and other one-line texts: line breaks become spaces.</summary>
    public static string OneLine(string? text) => TextWrapper.Normalize(text).Replace('\n', ' ');
}

/// <summary>The texts of the page frame that differ between documents.</summary>
internal sealed record PageFrameTexts(string JobcenterName, string DrugHelpServiceName, string Title, string FooterLeft, string FooterCentre);
