using PdfSharp.Drawing;

namespace CaseManagement.Documents.Pdf;

/// <summary>What drawing instructions draw on: the page's graphics and the document's structure tree.</summary>
internal sealed class PdfCanvas(XGraphics graphics, DocumentStructure structure)
{
    public DocumentStructure Structure { get; } = structure;

    /// <summary>
    /// The page's graphics. Only inside an element that holds content or inside an artifact: a tagged
    /// PDF has no untagged content, so a layout that draws outside both fails here, not in a screen reader.
    /// </summary>
    public XGraphics Graphics => Structure.AcceptsContent
        ? graphics
        : throw new InvalidOperationException("Drawn outside a tagged element that holds content and outside an artifact.");
}
