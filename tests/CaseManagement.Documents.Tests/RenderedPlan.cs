using CaseManagement.Documents.HelpPlans;

namespace CaseManagement.Documents.Tests;

/// <summary>A help plan rendered once, saved as an artifact (PDF + PNG of first and last page) and read back.</summary>
internal sealed class RenderedPlan
{
    private static readonly Lazy<RenderedPlan> LongPlan = new(() => new RenderedPlan("help-plan-long", SamplePlans.Long()));
    private static readonly Lazy<RenderedPlan> ShortPlan = new(() => new RenderedPlan("help-plan-short", SamplePlans.Short()));
    private static readonly Lazy<RenderedPlan> DraftPlan = new(() => new RenderedPlan("help-plan-draft", SamplePlans.AsDraft(SamplePlans.Short())));
    private static readonly Lazy<RenderedPlan> LongDraftPlan = new(() => new RenderedPlan("help-plan-long-draft", SamplePlans.AsDraft(SamplePlans.Long())));
    private readonly Lazy<StructureTree> _structure;

    public static RenderedPlan Long => LongPlan.Value;

    public static RenderedPlan Short => ShortPlan.Value;

    /// <summary>The short plan as a draft (one page).</summary>
    public static RenderedPlan Draft => DraftPlan.Value;

    /// <summary>The long plan as a draft (several pages).</summary>
    public static RenderedPlan LongDraft => LongDraftPlan.Value;

    public RenderedPlan(string name, HelpPlanDocument document)
    {
        Document = document;
        Bytes = TestPdf.Render(document);
        var dir = PdfTools.ArtifactsDirectory;
        PdfPath = Path.Combine(dir, name + ".pdf");
        File.WriteAllBytes(PdfPath, Bytes);

        PageCount = PdfTools.PageCount(PdfPath);
        PdfTools.RenderPng(PdfPath, 1, Path.Combine(dir, name + "-first-page"));
        PdfTools.RenderPng(PdfPath, PageCount, Path.Combine(dir, name + "-last-page"));

        var text = PdfTools.TextLayout(PdfPath);
        Pages = text.Split('\f').Take(PageCount).ToList();
        Text = text;
        NormalizedText = PdfTools.Normalize(text);
        _structure = new Lazy<StructureTree>(() => StructureTree.Read(PdfPath));
    }

    public HelpPlanDocument Document { get; }

    public byte[] Bytes { get; }

    public string PdfPath { get; }

    /// <summary>Page count according to pdfinfo.</summary>
    public int PageCount { get; }

    /// <summary>pdftotext -layout output, one entry per page.</summary>
    public IReadOnlyList<string> Pages { get; }

    public string Text { get; }

    /// <summary><see cref="Text"/> with every run of white space collapsed to one space.</summary>
    public string NormalizedText { get; }

    /// <summary>The structure tree as assistive technology reads it.</summary>
    public StructureTree Structure => _structure.Value;
}
