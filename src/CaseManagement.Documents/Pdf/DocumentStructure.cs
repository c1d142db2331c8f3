using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.Structure;
using PdfSharp.UniversalAccessibility;

namespace CaseManagement.Documents.Pdf;

/// <summary>
/// The structure tree of one tagged PDF (PDF/UA), written while its pages are drawn in order: through
/// PDFsharp's <see cref="StructureBuilder"/>, which marks what is drawn inside an element as its
/// content and writes the tree, the parent tree, MarkInfo, the language and DisplayDocTitle.
/// </summary>
/// <remarks>
/// PDFsharp's builder is a stack: an element ends before the next sibling begins. A table row split
/// across pages breaks that (its cells continue on the next page after the last cell was ended), so
/// such an element is <see cref="Resume">resumed</see> as a continuation element and merged into
/// the element it continues when the document is <see cref="Complete">completed</see>.
/// </remarks>
internal sealed class DocumentStructure
{
    // Keys of structure elements and marked-content references (PDF 1.7, tables 323 and 324).
    private const string Kids = "/K";
    private const string Parent = "/P";
    private const string Page = "/Pg";
    private const string McId = "/MCID";

    private readonly UAManager _manager;
    private readonly StructureBuilder _builder;

    /// <summary>Per open element or artifact: whether content may be drawn into it directly.</summary>
    private readonly Stack<bool> _open = new();
    private readonly List<(PdfStructureElement Continuation, PdfStructureElement Origin)> _continuations = [];

    public DocumentStructure(PdfDocument document, string language)
    {
        ArgumentNullException.ThrowIfNull(document);
        _manager = UAManager.ForDocument(document);
        _manager.SetDocumentLanguage(language);
        _builder = _manager.StructureBuilder;
    }

    /// <summary>True inside an element that holds content itself (a heading, paragraph, cell, figure) or an artifact.</summary>
    public bool AcceptsContent => _open.Count > 0 && _open.Peek();

    public void Begin(TaggedElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (element.Written is not null)
        {
            throw new InvalidOperationException($"The {element.Tag} element has been begun before; resume it instead.");
        }

        BeginTag(element.Tag);
        var created = _builder.CurrentStructureElement;
        if (element.ColumnSpan > 1)
        {
            _builder.SetColSpan(element.ColumnSpan);
        }

        if (element.Scope is { } scope)
        {
            created.TableAttributes.Elements.SetName("/Scope", scope == HeaderScope.Column ? "/Column" : "/Row");
        }

        element.Written = created;
    }

    /// <summary>Continues <paramref name="element"/>, which has been begun and ended before (e.g. on the previous page).</summary>
    public void Resume(TaggedElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (element.Written is not { } origin)
        {
            throw new InvalidOperationException($"The {element.Tag} element cannot be resumed: it has not been begun.");
        }

        BeginTag(element.Tag);
        _continuations.Add((_builder.CurrentStructureElement, origin));
    }

    /// <summary>Begins a figure; <paramref name="bounds"/> are in page coordinates (from the top of the page).</summary>
    public void BeginFigure(string alternativeText, XRect bounds)
    {
        // The bounding box is in PDF user space, which runs upwards from the foot of the page.
        var box = new XRect(bounds.X, A4Page.PageHeight - bounds.Bottom, bounds.Width, bounds.Height);
        _builder.BeginElement(PdfIllustrationElementTag.Figure, alternativeText, box);
        _open.Push(true);
    }

    /// <summary>Begins an artifact: what is drawn until <see cref="End"/> is decoration or pagination, not content.</summary>
    public void BeginArtifact()
    {
        _builder.BeginArtifact();
        _open.Push(true);
    }

    /// <summary>Ends the innermost element or artifact.</summary>
    public void End()
    {
        if (_open.Count == 0)
        {
            throw new InvalidOperationException("End without an open structure element or artifact.");
        }

        _builder.End();
        _open.Pop();
    }

    /// <summary>Ends the open marked-content sequence, if any; what the element draws next starts a new one.</summary>
    public void EndMarkedContent() => _builder.EndMarkedContentsWithId();

    /// <summary>Checks that every element was ended and merges continuations into the elements they continue.</summary>
    public void Complete()
    {
        if (_open.Count > 0)
        {
            throw new InvalidOperationException($"{_open.Count} structure elements or artifacts were not ended.");
        }

        if (_continuations.Count == 0)
        {
            return;
        }

        var origins = new Dictionary<PdfObject, PdfStructureElement>(ReferenceEqualityComparer.Instance);
        foreach (var (continuation, origin) in _continuations)
        {
            origins[continuation] = origin;
        }

        foreach (var (continuation, origin) in _continuations)
        {
            MoveKids(continuation, origin, origins);
            Detach(continuation);
        }

        RedirectParentTree(origins);
    }

    private void BeginTag(StructureTag tag)
    {
        _builder.BeginElement(tag switch
        {
            StructureTag.H1 => PdfBlockLevelElementTag.Heading1,
            StructureTag.H2 => PdfBlockLevelElementTag.Heading2,
            StructureTag.H3 => PdfBlockLevelElementTag.Heading3,
            StructureTag.P => PdfBlockLevelElementTag.Paragraph,
            StructureTag.L => PdfBlockLevelElementTag.List,
            StructureTag.LI => PdfBlockLevelElementTag.ListItem,
            StructureTag.Lbl => PdfBlockLevelElementTag.Label,
            StructureTag.LBody => PdfBlockLevelElementTag.ListBody,
            StructureTag.Table => PdfBlockLevelElementTag.Table,
            StructureTag.TR => PdfBlockLevelElementTag.TableRow,
            StructureTag.TH => PdfBlockLevelElementTag.TableHeaderCell,
            StructureTag.TD => PdfBlockLevelElementTag.TableDataCell,
            _ => throw new ArgumentOutOfRangeException(nameof(tag), tag, "Unknown structure tag."),
        });
        // Tables, rows and lists hold elements only; their text belongs in cells and list parts.
        _open.Push(tag is not (StructureTag.Table or StructureTag.TR or StructureTag.L or StructureTag.LI));
    }

    /// <summary>Moves the continuation's content to <paramref name="origin"/> as marked-content references to its page.</summary>
    private static void MoveKids(PdfStructureElement continuation, PdfStructureElement origin, Dictionary<PdfObject, PdfStructureElement> origins)
    {
        var kids = continuation.Elements.GetArray(Kids);
        if (kids is null)
        {
            return;
        }

        var originKids = origin.Elements.GetArray(Kids);
        if (originKids is null)
        {
            originKids = new PdfArray();
            origin.Elements.SetObject(Kids, originKids);
        }

        var page = continuation.Elements.GetObject(Page);
        foreach (var kid in kids.Elements.Items)
        {
            switch (kid)
            {
                case PdfInteger mcid when page is not null:
                    originKids.Elements.Add(MarkedContentReference(page, mcid.Value));
                    break;
                case PdfReference { Value: PdfStructureElement child } when origins.ContainsKey(child):
                    // A continuation inside a continuation (a cell of a resumed row) is merged on its own.
                    break;
                case PdfReference { Value: PdfStructureElement child }:
                    child.Elements.SetReference(Parent, origin);
                    originKids.Elements.Add(child.ReferenceNotNull);
                    break;
                case PdfDictionary reference when reference.Elements.GetObject(Page) is { } referencePage:
                    originKids.Elements.Add(MarkedContentReference(referencePage, reference.Elements.GetInteger(McId)));
                    break;
                default:
                    throw new InvalidOperationException($"Unexpected kid {kid} in a continued structure element.");
            }
        }
    }

    private static PdfMarkedContentReference MarkedContentReference(PdfObject page, int mcid)
    {
        var reference = new PdfMarkedContentReference();
        reference.Elements.SetName("/Type", "/MCR");
        reference.Elements.SetReference(Page, page);
        reference.Elements.SetInteger(McId, mcid);
        return reference;
    }

    private static void Detach(PdfStructureElement continuation)
    {
        var siblings = (continuation.Elements.GetObject(Parent) as PdfDictionary)?.Elements.GetArray(Kids);
        if (siblings is null)
        {
            return;
        }

        for (var i = siblings.Elements.Count - 1; i >= 0; i--)
        {
            if (siblings.Elements[i] is PdfReference reference && ReferenceEquals(reference.Value, continuation))
            {
                siblings.Elements.RemoveAt(i);
            }
        }
    }

    /// <summary>The parent tree maps each page's marked content to its element: point it at the merged elements.</summary>
    private void RedirectParentTree(Dictionary<PdfObject, PdfStructureElement> origins)
    {
        var parentTree = _manager.StructureTreeRoot.Elements.GetDictionary("/ParentTree");
        var numbers = parentTree?.Elements.GetArray("/Nums");
        if (numbers is null)
        {
            return;
        }

        foreach (var item in numbers.Elements.Items)
        {
            var parents = (item as PdfArray) ?? (item as PdfReference)?.Value as PdfArray;
            if (parents is null)
            {
                continue;
            }

            for (var i = 0; i < parents.Elements.Count; i++)
            {
                if (parents.Elements[i] is PdfReference { Value: { } element } && origins.TryGetValue(element, out var origin))
                {
                    parents.Elements[i] = origin.ReferenceNotNull;
                }
            }
        }
    }
}
