using CaseManagement.Documents.Pdf;

namespace CaseManagement.Documents.Steering;

/// <summary>
/// Renders the minutes of a steering round meeting: participants, agenda with the measures carried
/// over, minutes, decisions, the measures decided and the figures the meeting froze. Tagged PDF in
/// the look of the other printed documents.
/// </summary>
public static class MinutesPdf
{
    /// <exception cref="FontNotInstalledException">No font for PDFs is installed (Debian: fonts-dejavu-core).</exception>
    public static byte[] Render(MinutesDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var properties = new PdfDocumentProperties(
            $"Protokoll – {document.Round} – {MinutesLayout.Date(document.HeldOn)}",
            "Protokoll einer Lenkungsrunde der Kooperation Jobcenter und Drogenhilfe");
        return PagedPdf.Render(properties, (styles, measurer) => new MinutesLayout(document, styles, measurer));
    }
}
