using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.Structure;

namespace CaseManagement.Documents.Pdf;

/// <summary>
/// Structure elements that continue an element ended earlier (a table row split across pages), and
/// how they become one: the continuation's marked content moves to the element it continues, as
/// marked-content references to its page; the parent tree points there; the continuation leaves the tree.
/// </summary>
internal sealed class StructureContinuations
{
    // Keys of structure elements and marked-content references (PDF 1.7, tables 323 and 324).
    private const string Kids = "/K";
    private const string Parent = "/P";
    private const string Page = "/Pg";
    private const string McId = "/MCID";

    private readonly List<(PdfStructureElement Continuation, PdfStructureElement Origin)> _continuations = [];
    private readonly Dictionary<PdfObject, PdfStructureElement> _origins = new(ReferenceEqualityComparer.Instance);

    public void Add(PdfStructureElement continuation, PdfStructureElement origin)
    {
        _continuations.Add((continuation, origin));
        _origins[continuation] = origin;
    }

    /// <summary>Merges every continuation into the element it continues; once, when the document is complete.</summary>
    public void Merge(PdfStructureTreeRoot root)
    {
        if (_continuations.Count == 0)
        {
            return;
        }

        foreach (var (continuation, origin) in _continuations)
        {
            MoveKids(continuation, origin);
            Detach(continuation);
        }

        RedirectParentTree(root);
    }

    /// <summary>Moves the continuation's content to <paramref name="origin"/> as marked-content references to its page.</summary>
    private void MoveKids(PdfStructureElement continuation, PdfStructureElement origin)
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
                case PdfReference { Value: PdfStructureElement child } when _origins.ContainsKey(child):
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
    private void RedirectParentTree(PdfStructureTreeRoot root)
    {
        var parentTree = root.Elements.GetDictionary("/ParentTree");
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
                if (parents.Elements[i] is PdfReference { Value: { } element } && _origins.TryGetValue(element, out var origin))
                {
                    parents.Elements[i] = origin.ReferenceNotNull;
                }
            }
        }
    }
}
