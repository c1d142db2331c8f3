using CaseManagement.Documents.Pdf;

namespace CaseManagement.Documents.Reports;

/// <summary>
/// Renders the municipal addiction report: the steering report's page frame, notes, charts and
/// tables (<see cref="SteeringReportLayout"/>), arranged in numbered chapters each opened by its
/// narrative. Tagged (PDF/UA): title H1, chapters H2, figure blocks H3, narratives as paragraphs,
/// charts as figures with alternative text. A draft carries "ENTWURF" across every page.
/// </summary>
public static class MunicipalReportPdf
{
    /// <exception cref="FontNotInstalledException">No font for PDFs is installed (Debian: fonts-dejavu-core).</exception>
    public static byte[] Render(MunicipalReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return PagedPdf.Render(
            new PdfDocumentProperties(document.Title, "Kommunaler Suchtbericht", document.IsDraft ? "ENTWURF" : null),
            (styles, measurer) => new MunicipalReportLayout(document, styles, measurer));
    }
}
