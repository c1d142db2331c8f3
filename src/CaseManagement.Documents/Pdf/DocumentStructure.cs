using PdfSharp.Drawing;
using PdfSharp.Pdf;
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
/// the element it continues when the document is <see cref="Complete">completed</see>
/// (<see cref="StructureContinuations"/>).
/// </remarks>
internal sealed class DocumentStructure
{
    private readonly UAManager _manager;
    private readonly StructureBuilder _builder;

    /// <summary>Per open element or artifact: whether content may be drawn into it directly.</summary>
    private readonly Stack<bool> _open = new();
    private readonly StructureContinuations _continuations = new();

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
        _continuations.Add(_builder.CurrentStructureElement, origin);
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

        _continuations.Merge(_manager.StructureTreeRoot);
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
}
