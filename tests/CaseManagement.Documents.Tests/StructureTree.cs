using System.Text;
using System.Text.Json;
using UglyToad.PdfPig.Content;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace CaseManagement.Documents.Tests;

/// <summary>
/// A tagged PDF as assistive technology reads it: the structure tree from qpdf (json), each element's
/// text from the marked content it points to (read with PdfPig), and what the pages draw outside it.
/// </summary>
internal sealed class StructureTree
{
    private StructureTree(string? language, bool marked, bool displaysTitle, StructureElement document, IReadOnlyList<PageContent> pages)
    {
        Language = language;
        Marked = marked;
        DisplaysTitle = displaysTitle;
        Document = document;
        Pages = pages;
    }

    /// <summary>The catalog's /Lang.</summary>
    public string? Language { get; }

    /// <summary>/MarkInfo /Marked: the document says it is tagged.</summary>
    public bool Marked { get; }

    /// <summary>/ViewerPreferences /DisplayDocTitle: viewers show the title, not the file name.</summary>
    public bool DisplaysTitle { get; }

    /// <summary>The /Document element under the structure tree root.</summary>
    public StructureElement Document { get; }

    public IReadOnlyList<PageContent> Pages { get; }

    public static StructureTree Read(string pdfPath)
    {
        using var json = JsonDocument.Parse(PdfTools.QpdfJson(pdfPath));
        var root = json.RootElement;
        var objects = root.GetProperty("qpdf")[1];
        var pageNumbers = root.GetProperty("pages").EnumerateArray()
            .ToDictionary(p => p.GetProperty("object").GetString()!, p => p.GetProperty("pageposfrom1").GetInt32());
        var pages = ReadPages(pdfPath);
        var reader = new TreeReader(objects, pageNumbers, pages);

        var catalog = reader.Resolve(objects.GetProperty("trailer").GetProperty("value").GetProperty("/Root"));
        var treeRoot = reader.Resolve(catalog.GetProperty("/StructTreeRoot"));
        var top = reader.Element(treeRoot.GetProperty("/K"), page: null);
        return new StructureTree(
            catalog.TryGetProperty("/Lang", out var language) ? TreeReader.Text(language) : null,
            catalog.TryGetProperty("/MarkInfo", out var markInfo) && reader.Resolve(markInfo).TryGetProperty("/Marked", out var marked) && marked.GetBoolean(),
            catalog.TryGetProperty("/ViewerPreferences", out var preferences) && reader.Resolve(preferences).TryGetProperty("/DisplayDocTitle", out var display) && display.GetBoolean(),
            top,
            pages);
    }

    /// <summary>Every element in reading order (depth first), the /Document element first.</summary>
    public IEnumerable<StructureElement> All() => Document.Descendants();

    private static List<PageContent> ReadPages(string pdfPath)
    {
        using var pdf = PigDocument.Open(pdfPath);
        return [.. pdf.GetPages().Select(page =>
        {
            // Our pages never nest marked content: a sequence ends before an artifact begins and vice versa.
            var marked = page.GetMarkedContents();
            Assert.All(marked, m => Assert.Empty(m.Children));
            var tagged = marked.Where(m => m.MarkedContentIdentifier >= 0 && !m.IsArtifact)
                .ToDictionary(m => m.MarkedContentIdentifier, m => TextOf(m.Letters));
            var artifactText = string.Join(' ', marked.Where(m => m.IsArtifact).Select(m => TextOf(m.Letters)));
            var lettersMarked = marked.Sum(m => m.Letters.Count);
            return new PageContent(page.Number, tagged, artifactText, page.Letters.Count - lettersMarked, NestingErrors(page.Operations.Select(o => o.Operator)));
        })];
    }

    /// <summary>
    /// How often a text object (BT…ET) and a marked-content sequence (BMC/BDC…EMC) end out of order:
    /// the PDF specification requires them to nest properly (PDF 1.7, 10.5).
    /// </summary>
    private static int NestingErrors(IEnumerable<string> operators)
    {
        var open = new Stack<bool>(); // true: a text object
        var errors = 0;
        foreach (var op in operators)
        {
            switch (op)
            {
                case "BT":
                    open.Push(true);
                    break;
                case "BMC" or "BDC":
                    open.Push(false);
                    break;
                case "ET" or "EMC":
                    var text = op == "ET";
                    if (open.Count == 0 || open.Peek() != text)
                    {
                        errors++;
                    }

                    if (open.Count > 0)
                    {
                        open.Pop();
                    }

                    break;
            }
        }

        return errors + open.Count;
    }

    /// <summary>Letters joined into text, with a space where a line or a gap between drawn strings separates them.</summary>
    private static string TextOf(IReadOnlyList<Letter> letters)
    {
        var text = new StringBuilder();
        Letter? previous = null;
        foreach (var letter in letters)
        {
            if (previous is not null
                && (Math.Abs(letter.StartBaseLine.Y - previous.StartBaseLine.Y) > 0.5 || letter.StartBaseLine.X - previous.EndBaseLine.X > 1.5))
            {
                text.Append(' ');
            }

            text.Append(letter.Value);
            previous = letter;
        }

        return PdfTools.Normalize(text.ToString());
    }

    /// <summary>Walks qpdf's objects from the structure tree root down.</summary>
    private sealed class TreeReader(JsonElement objects, Dictionary<string, int> pageNumbers, List<PageContent> pages)
    {
        public JsonElement Resolve(JsonElement item) =>
            item.ValueKind == JsonValueKind.String && item.GetString()!.EndsWith(" R", StringComparison.Ordinal)
                ? objects.GetProperty("obj:" + item.GetString()).GetProperty("value")
                : item;

        /// <param name="page">The page of the parent, for kids that name none.</param>
        public StructureElement Element(JsonElement reference, int? page)
        {
            var element = Resolve(reference);
            var ownPage = element.TryGetProperty("/Pg", out var pg) ? pageNumbers[pg.GetString()!] : page;
            var kids = new List<StructureElement>();
            var contents = new List<(int Page, int Mcid)>();
            var parts = new List<string>();
            if (element.TryGetProperty("/K", out var k))
            {
                foreach (var kid in k.ValueKind == JsonValueKind.Array ? [.. k.EnumerateArray()] : new[] { k })
                {
                    Kid(kid, ownPage, kids, contents, parts);
                }
            }

            var attributes = element.TryGetProperty("/A", out var a) ? Resolve(a) : default;
            return new StructureElement(
                Name(element.GetProperty("/S")),
                kids,
                contents,
                PdfTools.Normalize(string.Join(' ', parts)),
                AttributeName(attributes, "/Scope"),
                attributes.ValueKind == JsonValueKind.Object && attributes.TryGetProperty("/ColSpan", out var span) ? span.GetInt32() : 1,
                element.TryGetProperty("/Alt", out var alt) ? Text(alt) : null);
        }

        private void Kid(JsonElement kid, int? page, List<StructureElement> kids, List<(int, int)> contents, List<string> parts)
        {
            if (kid.ValueKind == JsonValueKind.Number)
            {
                Content(page ?? throw new InvalidOperationException("MCID without a page"), kid.GetInt32(), contents, parts);
                return;
            }

            var resolved = Resolve(kid);
            if (resolved.TryGetProperty("/MCID", out var mcid))
            {
                var mcrPage = resolved.TryGetProperty("/Pg", out var pg) ? pageNumbers[pg.GetString()!] : page ?? throw new InvalidOperationException("MCR without a page");
                Content(mcrPage, mcid.GetInt32(), contents, parts);
                return;
            }

            var child = Element(kid, page);
            kids.Add(child);
            parts.Add(child.Text);
        }

        private void Content(int page, int mcid, List<(int, int)> contents, List<string> parts)
        {
            contents.Add((page, mcid));
            Assert.True(pages[page - 1].Tagged.TryGetValue(mcid, out var text), $"MCID {mcid} is not on page {page}");
            parts.Add(text);
        }

        private static string Name(JsonElement name) => name.GetString()!.TrimStart('/');

        private static string? AttributeName(JsonElement attributes, string key) =>
            attributes.ValueKind == JsonValueKind.Object && attributes.TryGetProperty(key, out var value) ? Name(value) : null;

        /// <summary>A text string; qpdf prefixes those that are not plain ASCII-safe with "u:".</summary>
        public static string Text(JsonElement text) => text.GetString()!.StartsWith("u:", StringComparison.Ordinal) ? text.GetString()![2..] : text.GetString()!;
    }
}

/// <summary>One element of the structure tree.</summary>
/// <param name="Contents">Its own marked content, as (page, MCID), in order.</param>
/// <param name="Text">Its text and its descendants' in reading order, white space collapsed.</param>
/// <param name="Scope">/Scope of a header cell (Column, Row), if any.</param>
/// <param name="ColumnSpan">/ColSpan of a cell; 1 when not given.</param>
/// <param name="Alt">Alternative text (of a figure).</param>
internal sealed record StructureElement(
    string Tag,
    IReadOnlyList<StructureElement> Kids,
    IReadOnlyList<(int Page, int Mcid)> Contents,
    string Text,
    string? Scope,
    int ColumnSpan,
    string? Alt)
{
    public IEnumerable<StructureElement> Descendants() => Kids.SelectMany(k => k.Descendants()).Prepend(this);

    public IEnumerable<StructureElement> Tagged(string tag) => Descendants().Where(e => e.Tag == tag);

    public override string ToString() => $"{Tag}: {Text}";
}

/// <summary>What one page draws: the text of each marked-content sequence by MCID, the artifacts' text, how many letters are in neither, and how often text objects and marked content do not nest.</summary>
internal sealed record PageContent(int Number, IReadOnlyDictionary<int, string> Tagged, string ArtifactText, int UnmarkedLetters, int NestingErrors);
