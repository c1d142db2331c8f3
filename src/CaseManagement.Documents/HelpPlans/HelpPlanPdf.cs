using CaseManagement.Documents.Pdf;

namespace CaseManagement.Documents.HelpPlans;

/// <summary>
/// Renders the joint help plan (gemeinsamer Hilfeplan) the client takes home: A4 portrait, header
/// with both organisations on every page, goals by area as a table, own efforts, contacts and the
/// signature lines of the three parties; footer "Seite x von y" and the print date. A draft carries
/// "ENTWURF" across every page. The PDF is tagged (PDF/UA) for screen readers.
/// </summary>
/// <remarks>Stateless and thread-safe: every call builds its own fonts, layout and document.</remarks>
public static class HelpPlanPdf
{
    /// <summary>Renders <paramref name="document"/> as PDF bytes.</summary>
    /// <exception cref="FontNotInstalledException">No font for PDFs is installed (Debian: fonts-dejavu-core).</exception>
    public static byte[] Render(HelpPlanDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var draft = document.IsDraft ? " (Entwurf)" : "";
        var properties = new PdfDocumentProperties(
            $"{HelpPlanLabels.Title} – {HelpPlanLabels.Version(document.Version)}{draft} – Fallnummer {PageFrame.OneLine(document.CaseNumber)}",
            "Hilfeplan",
            document.IsDraft ? HelpPlanLabels.DraftMark : null);
        return PagedPdf.Render(properties, (styles, measurer) => new HelpPlanLayout(document, styles, measurer));
    }
}
