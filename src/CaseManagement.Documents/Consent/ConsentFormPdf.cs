using CaseManagement.Documents.Pdf;

namespace CaseManagement.Documents.Consent;

/// <summary>
/// Renders the consent form (Schweigepflichtentbindung) for the client to sign: A4 portrait in the
/// look of the help plan, both organisations in the header, the client and case number, what may be
/// passed on in which direction, purpose, validity, the right to revoke and how, and the signature
/// lines with place and date. A revoked or expired consent carries its mark across every page. The
/// PDF is tagged (PDF/UA) for screen readers.
/// </summary>
/// <remarks>Stateless and thread-safe: every call builds its own fonts, layout and document.</remarks>
public static class ConsentFormPdf
{
    /// <exception cref="FontNotInstalledException">No font for PDFs is installed (Debian: fonts-dejavu-core).</exception>
    public static byte[] Render(ConsentFormDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Categories.Any(c => !Enum.IsDefined(c)))
        {
            // A kind of data must never silently drop out of what the client signs.
            throw new ArgumentException("Every category of the consent needs a known kind of data.", nameof(document));
        }

        var properties = new PdfDocumentProperties(
            $"{ConsentFormLabels.Title} vom {ConsentFormLabels.Date(document.ValidFrom)} – Fallnummer {PageFrame.OneLine(document.CaseNumber)}",
            "Einwilligung in den Datenaustausch zwischen Jobcenter und Drogenhilfe",
            document.Mark);
        return PagedPdf.Render(properties, (styles, measurer) => new ConsentFormLayout(document, styles, measurer));
    }
}
