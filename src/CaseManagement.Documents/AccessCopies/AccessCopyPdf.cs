using CaseManagement.Documents.Pdf;

namespace CaseManagement.Documents.AccessCopies;

/// <summary>
/// Renders the Art. 15 copy for the person it is about: A4, both organisations on every page, the
/// person and case number in the header, the compilation date in the footer; tagged (PDF/UA) so that
/// a screen reader reads it in order, with every section a heading and every fact a labelled item.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class AccessCopyPdf
{
    /// <exception cref="FontNotInstalledException">No font for PDFs is installed (Debian: fonts-dejavu-core).</exception>
    public static byte[] Render(AccessCopyDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var properties = new PdfDocumentProperties($"{AccessCopyDocument.Title} – {PageFrame.OneLine(document.FooterLabel)}", "Auskunft nach Art. 15 DSGVO");
        return PagedPdf.Render(properties, (styles, measurer) => new AccessCopyLayout(document, styles, measurer));
    }
}
