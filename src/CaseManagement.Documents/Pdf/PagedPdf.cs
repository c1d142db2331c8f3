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

/// <summary>Turns a <see cref="IPagedLayout"/> into PDF bytes on A4 portrait pages; shared by every printed document.</summary>
internal static class PagedPdf
{
    /// <exception cref="FontNotInstalledException">No font for PDFs is installed (Debian: fonts-dejavu-core).</exception>
    public static byte[] Render(string title, string subject, Func<PdfStyles, TextMeasurer, IPagedLayout> createLayout)
    {
        ArgumentNullException.ThrowIfNull(createLayout);
        using var pdf = new PdfDocument();
        PdfFonts.EnsureRegistered();

        using var measureContext = XGraphics.CreateMeasureContext(
            new XSize(A4Page.PageWidth, A4Page.PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards);
        var layout = createLayout(new PdfStyles(), new TextMeasurer(measureContext));
        var body = layout.LayoutBody();

        pdf.Info.Title = title;
        pdf.Info.Subject = subject;
        pdf.Info.Creator = "CaseManagement";
        pdf.Language = "de-DE";
        // PDFsharp 6.2 (as 6.5) ends its Flate streams with a sync flush (no final block, no Adler-32): readers
        // cope, but qpdf --check warns about every compressed page content stream. Page content is
        // therefore written uncompressed (a few KB per page); embedded font subsets stay compressed.
        pdf.Options.CompressContentStreams = false;
        pdf.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed; // font subsets: a little faster, ~10 % larger

        for (var i = 0; i < body.Count; i++)
        {
            var page = pdf.AddPage();
            page.Size = PageSize.A4;
            page.Orientation = PageOrientation.Portrait;
            using var gfx = XGraphics.FromPdfPage(page, XGraphicsUnit.Point);
            foreach (var op in layout.PageFrame(i + 1, body.Count))
            {
                op.Draw(gfx);
            }

            foreach (var op in body[i])
            {
                op.Draw(gfx);
            }
        }

        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }
}
