using CaseManagement.Documents.Pdf;

namespace CaseManagement.Documents.Reports;

/// <summary>
/// Renders the steering report (Kennzahlen der Lenkungsrunde) for meetings and the municipal
/// addiction report: A4 portrait in the look of the help plan, both organisations in the header,
/// period and comparison period under the title, each table with a bar chart (vectors, numbers at
/// the bars; hidden figures get no bar); footer with the creation time and "Seite x von y". The PDF
/// is tagged (PDF/UA) for screen readers.
/// </summary>
/// <remarks>Stateless and thread-safe: every call builds its own fonts, layout and document.</remarks>
public static class SteeringReportPdf
{
    /// <exception cref="FontNotInstalledException">No font for PDFs is installed (Debian: fonts-dejavu-core).</exception>
    public static byte[] Render(SteeringReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return PagedPdf.Render(
            new PdfDocumentProperties(document.Title, "Kennzahlen der Lenkungsrunde"),
            (styles, measurer) => new SteeringReportLayout(document, styles, measurer));
    }
}
