using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CaseManagement.Documents.Pdf;

/// <summary>A document laid out in pages: the body first (so the page count is known), then each page's frame.</summary>
internal interface IPagedLayout
{
    IReadOnlyList<IReadOnlyList<DrawOp>> LayoutBody();

    IReadOnlyList<DrawOp> PageFrame(int pageNumber, int pageCount);
}

/// <summary>What a document says about itself: title and subject (shown by viewers), and a mark across every page, if any.</summary>
/// <param name="Watermark">E.g. "ENTWURF" for a draft; <c>null</c> for none.</param>
internal sealed record PdfDocumentProperties(string Title, string Subject, string? Watermark = null);

/// <summary>
/// Turns a <see cref="IPagedLayout"/> into a tagged PDF (PDF/UA: structure tree, language de-DE,
/// title shown by viewers) on A4 portrait pages; shared by every printed document.
/// </summary>
internal static class PagedPdf
{
    public const string Language = "de-DE";

    /// <summary>How much of the page's diagonal a mark across the page may take at most.</summary>
    private const double WatermarkShareOfDiagonal = 0.68;

    /// <exception cref="FontNotInstalledException">No font for PDFs is installed (Debian: fonts-dejavu-core).</exception>
    public static byte[] Render(PdfDocumentProperties properties, Func<PdfStyles, TextMeasurer, IPagedLayout> createLayout)
    {
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentNullException.ThrowIfNull(createLayout);
        using var pdf = new PdfDocument();
        PdfFonts.EnsureRegistered();

        using var measureContext = XGraphics.CreateMeasureContext(
            new XSize(A4Page.PageWidth, A4Page.PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards);
        var styles = new PdfStyles();
        var layout = createLayout(styles, new TextMeasurer(measureContext));
        var body = layout.LayoutBody();

        pdf.Info.Title = properties.Title;
        pdf.Info.Subject = properties.Subject;
        pdf.Info.Creator = "CaseManagement";
        // PDFsharp 6.2 (as 6.5) ends its Flate streams with a sync flush (no final block, no Adler-32): readers
        // cope, but qpdf --check warns about every compressed page content stream. Page content is
        // therefore written uncompressed (a few KB per page); embedded font subsets stay compressed.
        pdf.Options.CompressContentStreams = false;
        pdf.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed; // font subsets: a little faster, ~10 % larger
        var structure = new DocumentStructure(pdf, Language);
        ArtifactOp? watermark = properties.Watermark is { } mark ? new([new DiagonalTextOp(mark, WatermarkFont(mark, styles, measureContext), styles.WatermarkBrush)]) : null;

        for (var i = 0; i < body.Count; i++)
        {
            var page = pdf.AddPage();
            page.Size = PageSize.A4;
            page.Orientation = PageOrientation.Portrait;
            using var gfx = XGraphics.FromPdfPage(page, XGraphicsUnit.Point);
            var canvas = new PdfCanvas(gfx, structure);
            foreach (var op in layout.PageFrame(i + 1, body.Count))
            {
                op.Draw(canvas);
            }

            foreach (var op in body[i])
            {
                op.Draw(canvas);
            }

            // Over the content, translucent: fills of tables and boxes cannot hide it.
            watermark?.Draw(canvas);
            structure.EndMarkedContent(); // before the page's graphics are disposed
        }

        structure.Complete();
        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>The mark's font: the style's size, smaller for a long word ("WIDERRUFEN") so that it stays on the page.</summary>
    private static XFont WatermarkFont(string mark, PdfStyles styles, XGraphics measureContext)
    {
        var width = measureContext.MeasureString(mark, styles.Watermark).Width;
        var room = Math.Sqrt((A4Page.PageWidth * A4Page.PageWidth) + (A4Page.PageHeight * A4Page.PageHeight)) * WatermarkShareOfDiagonal;
        return width <= room ? styles.Watermark : PdfFonts.Create(Math.Floor(styles.Watermark.Size * room / width), bold: true);
    }
}
