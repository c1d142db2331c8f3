using CaseManagement.Documents.Pdf;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CaseManagement.Documents.Reports;

/// <summary>
/// Renders the steering report (Kennzahlen der Lenkungsrunde) for meetings and the municipal
/// addiction report: A4 portrait in the look of the help plan, both organisations in the header,
/// period and comparison period under the title, each table with a bar chart (vectors, numbers at
/// the bars; hidden figures get no bar); footer with the creation time and "Seite x von y".
/// </summary>
/// <remarks>Stateless and thread-safe: every call builds its own fonts, layout and document.</remarks>
public static class SteeringReportPdf
{
    /// <exception cref="FontNotInstalledException">No font for PDFs is installed (Debian: fonts-dejavu-core).</exception>
    /// <exception cref="PdfLicenceNotSelectedException">The host has not selected a PDFsharp licence (see <see cref="PdfLicence"/>).</exception>
    public static byte[] Render(SteeringReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var pdf = PdfLicence.CreateDocument();
        PdfFonts.EnsureRegistered();

        var styles = new PdfStyles();
        using var measureContext = XGraphics.CreateMeasureContext(
            new XSize(SteeringReportLayout.PageWidth, SteeringReportLayout.PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards);
        var layout = new SteeringReportLayout(document, styles, new TextMeasurer(measureContext));
        var body = layout.LayoutBody();

        pdf.Info.Title = document.Title;
        pdf.Info.Subject = "Kennzahlen der Lenkungsrunde";
        pdf.Info.Creator = "CaseManagement";
        pdf.Language = "de-DE";
        // See HelpPlanPdf: PDFsharp 6.5's Flate streams make qpdf warn, so page content stays uncompressed.
        pdf.Options.CompressContentStreams = false;
        pdf.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;

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
