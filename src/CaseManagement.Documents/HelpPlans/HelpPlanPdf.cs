using CaseManagement.Documents.Pdf;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CaseManagement.Documents.HelpPlans;

/// <summary>
/// Renders the joint help plan (gemeinsamer Hilfeplan) the client takes home: A4 portrait, header
/// with both organisations on every page, goals by area as a table, own efforts, contacts and the
/// signature lines of the three parties; footer "Seite x von y" and the print date.
/// </summary>
/// <remarks>Stateless and thread-safe: every call builds its own fonts, layout and document.</remarks>
public static class HelpPlanPdf
{
    /// <summary>Renders <paramref name="document"/> as PDF bytes.</summary>
    /// <exception cref="FontNotInstalledException">No font for PDFs is installed (Debian: fonts-dejavu-core).</exception>
    /// <exception cref="PdfLicenceNotSelectedException">The host has not selected a PDFsharp licence (see <see cref="PdfLicence"/>).</exception>
    public static byte[] Render(HelpPlanDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var pdf = PdfLicence.CreateDocument();
        PdfFonts.EnsureRegistered();

        var styles = new PdfStyles();
        using var measureContext = XGraphics.CreateMeasureContext(
            new XSize(HelpPlanLayout.PageWidth, HelpPlanLayout.PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards);
        var layout = new HelpPlanLayout(document, styles, new TextMeasurer(measureContext));

        // Lay out first, then draw: the page count is known when the footers are written.
        var body = layout.LayoutBody();

        pdf.Info.Title = $"{HelpPlanLabels.Title} – Fallnummer {document.CaseNumber}";
        pdf.Info.Subject = "Hilfeplan";
        pdf.Info.Creator = "CaseManagement";
        pdf.Language = "de-DE";
        // PDFsharp 6.5 ends its Flate streams with a sync flush (no final block, no Adler-32): readers
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
