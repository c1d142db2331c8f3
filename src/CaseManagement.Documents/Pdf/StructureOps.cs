using PdfSharp.Drawing;

namespace CaseManagement.Documents.Pdf;

/// <summary>Begins a structure element: what is drawn until the matching <see cref="EndElementOp"/> is its content.</summary>
internal sealed record BeginElementOp(TaggedElement Element) : DrawOp
{
    public override void Draw(PdfCanvas canvas) => canvas.Structure.Begin(Element);
}

/// <summary>Continues an element begun earlier, e.g. a table row whose cells go on after a page break.</summary>
internal sealed record ResumeElementOp(TaggedElement Element) : DrawOp
{
    public override void Draw(PdfCanvas canvas) => canvas.Structure.Resume(Element);
}

/// <summary>Begins a figure (a chart): what is drawn until the matching <see cref="EndElementOp"/> is read as <see cref="AlternativeText"/>.</summary>
internal sealed record BeginFigureOp(string AlternativeText, XRect Bounds) : DrawOp
{
    public override void Draw(PdfCanvas canvas) => canvas.Structure.BeginFigure(AlternativeText, Bounds);
}

/// <summary>Ends the innermost element.</summary>
internal sealed record EndElementOp : DrawOp
{
    public static EndElementOp Instance { get; } = new();

    public override void Draw(PdfCanvas canvas) => canvas.Structure.End();
}

/// <summary>Draws <see cref="Ops"/> as an artifact: rules, fills, running headers and footers, repeated table headers, the draft mark.</summary>
/// <remarks>One artifact per run of text or of shapes, each begun in its mode (see <see cref="PdfCanvas"/>).</remarks>
internal sealed record ArtifactOp(IReadOnlyList<DrawOp> Ops) : DrawOp
{
    public override void Draw(PdfCanvas canvas)
    {
        var start = 0;
        while (start < Ops.Count)
        {
            var textMode = Ops[start].DrawsInTextMode;
            canvas.Structure.EndMarkedContent();
            canvas.EnterMode(textMode);
            canvas.Structure.BeginArtifact();
            for (; start < Ops.Count && Ops[start].DrawsInTextMode == textMode; start++)
            {
                Ops[start].Draw(canvas);
            }

            canvas.Structure.End();
        }
    }
}

/// <summary>Builders for tagged instruction sequences.</summary>
internal static class Tagged
{
    /// <summary><paramref name="content"/> as one element of <paramref name="tag"/>.</summary>
    public static IEnumerable<DrawOp> Element(StructureTag tag, IEnumerable<DrawOp> content) =>
        [new BeginElementOp(new TaggedElement(tag)), .. content, EndElementOp.Instance];
}
