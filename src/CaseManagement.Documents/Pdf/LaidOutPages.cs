using PdfSharp.Drawing;

namespace CaseManagement.Documents.Pdf;

/// <summary>
/// A document's body as a layout writes it: drawing instructions page by page, with the structure
/// (elements and artifacts) between them. Elements may stay open across a page break.
/// </summary>
internal sealed class LaidOutPages
{
    private readonly List<List<DrawOp>> _pages = [];
    private List<DrawOp> _current = [];

    public IReadOnlyList<IReadOnlyList<DrawOp>> Pages => _pages;

    /// <summary>The number of pages so far; the current page's number.</summary>
    public int Count => _pages.Count;

    public void NewPage()
    {
        _current = [];
        _pages.Add(_current);
    }

    public void Add(DrawOp op) => _current.Add(op);

    public void Text(string text, XFont font, XBrush brush, double x, double top) => Add(new TextOp(text, font, brush, x, top));

    public void Begin(StructureTag tag) => Add(new BeginElementOp(new TaggedElement(tag)));

    public void Begin(TaggedElement element) => Add(new BeginElementOp(element));

    public void Resume(TaggedElement element) => Add(new ResumeElementOp(element));

    public void BeginFigure(string alternativeText, XRect bounds) => Add(new BeginFigureOp(alternativeText, bounds));

    public void End() => Add(EndElementOp.Instance);

    /// <summary>Decoration (rules, fills, grid lines) or pagination (a repeated header): not read as content.</summary>
    public void Artifact(params DrawOp[] ops) => Add(new ArtifactOp(ops));
}
