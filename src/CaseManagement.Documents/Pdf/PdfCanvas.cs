using PdfSharp.Drawing;
using PdfSharp.UniversalAccessibility;

namespace CaseManagement.Documents.Pdf;

/// <summary>What drawing instructions draw on: the page's graphics and the document's structure tree.</summary>
/// <remarks>
/// The PDF renderer switches between text objects (BT…ET) and graphics as it goes, and PDFsharp
/// writes a marked-content sequence (BDC…EMC) around what is drawn inside an element. The PDF
/// specification requires the two to nest properly; so the switch happens here, before a sequence
/// begins, and a sequence open in the other mode is ended first (its element simply gets a second
/// sequence).
/// </remarks>
internal sealed class PdfCanvas(XGraphics graphics, DocumentStructure structure)
{
    public DocumentStructure Structure { get; } = structure;

    /// <summary>The page's graphics in text mode, for drawing a line of text.</summary>
    public XGraphics ForText()
    {
        EnsureContentAllowed();
        EnterMode(text: true);
        return graphics;
    }

    /// <summary>The page's graphics outside text objects, for lines, fills and transformed text.</summary>
    public XGraphics ForShapes()
    {
        EnsureContentAllowed();
        EnterMode(text: false);
        return graphics;
    }

    /// <summary>Switches between text and graphics mode outside any marked-content sequence.</summary>
    public void EnterMode(bool text)
    {
        if (PdfRendererExtensions.IsInTextMode(graphics) == text)
        {
            return;
        }

        Structure.EndMarkedContent();
        if (text)
        {
            PdfRendererExtensions.BeginTextMode(graphics);
        }
        else
        {
            PdfRendererExtensions.BeginGraphicMode(graphics);
        }
    }

    /// <summary>
    /// Only inside an element that holds content or inside an artifact: a tagged PDF has no untagged
    /// content, so a layout that draws outside both fails here, not in a screen reader.
    /// </summary>
    private void EnsureContentAllowed()
    {
        if (!Structure.AcceptsContent)
        {
            throw new InvalidOperationException("Drawn outside a tagged element that holds content and outside an artifact.");
        }
    }
}
