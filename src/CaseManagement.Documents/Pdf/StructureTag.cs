using PdfSharp.Pdf.Structure;

namespace CaseManagement.Documents.Pdf;

/// <summary>The standard structure types (PDF 1.7, 14.8.4) our documents are tagged with.</summary>
internal enum StructureTag
{
    /// <summary>Heading of the document (its title).</summary>
    H1,

    /// <summary>Heading of a numbered section.</summary>
    H2,

    /// <summary>Heading inside a section (an area, a labelled passage).</summary>
    H3,

    /// <summary>Paragraph.</summary>
    P,

    /// <summary>List.</summary>
    L,

    /// <summary>List item: a label and its body.</summary>
    LI,

    /// <summary>A list item's label.</summary>
    Lbl,

    /// <summary>A list item's body.</summary>
    LBody,

    Table,

    /// <summary>Table row.</summary>
    TR,

    /// <summary>Table header cell.</summary>
    TH,

    /// <summary>Table data cell.</summary>
    TD,
}

/// <summary>What a table header cell is the header of (the /Scope attribute).</summary>
internal enum HeaderScope
{
    Column,
    Row,
}

/// <summary>
/// One element of the structure tree as a layout names it. The instance is its identity: an element
/// whose content is interrupted by a page break (a table row split across pages) is begun once and
/// resumed with the same instance on the next page, and becomes one element.
/// </summary>
internal sealed class TaggedElement(StructureTag tag)
{
    public StructureTag Tag { get; } = tag;

    /// <summary>For a table cell spanning several columns; 1 otherwise.</summary>
    public int ColumnSpan { get; init; } = 1;

    /// <summary>For a header cell: what it heads.</summary>
    public HeaderScope? Scope { get; init; }

    /// <summary>The element written for this one, once it has been begun (in the one rendering that owns this instance).</summary>
    public PdfStructureElement? Written { get; set; }
}
