using System.Globalization;
using CaseManagement.Documents.Pdf;
using PdfSharp.Drawing;
using static CaseManagement.Documents.Pdf.A4Page;

namespace CaseManagement.Documents.Reports;

/// <summary>
/// Lays a <see cref="SteeringReportDocument"/> out on A4 pages as drawing instructions, in the
/// look of the help plan (same page frame, fonts, table style): body first, then header and footer
/// per page so that "Seite x von y" is known. One instance per rendering.
/// </summary>
/// <remarks>
/// Tagged for screen readers: the title (H1, page frame), the notes as paragraphs, and per block its
/// heading (H2), explanation (P), chart (a figure whose alternative text names it and points to the
/// table) and table (a header row of TH, each row's label a row header). Rules, fills, grid lines
/// and what repeats on a continued page are artifacts.
/// </remarks>
internal class SteeringReportLayout : IPagedLayout
{
    private const double CellPaddingX = 4;
    private const double CellPaddingY = 3;
    private const double ParagraphGap = 6;
    private const double SectionGap = 16;

    // Charts: a label column, then the bars; each label gets a bar for the period and one for the previous period.
    private const double ChartLabelWidth = 190;
    private const double ChartNumberRoom = 34;
    private const double CurrentBarHeight = 7;
    private const double PreviousBarHeight = 5;
    private const double BarGap = 1.5;
    private const double ChartRowGap = 4;

    private readonly SteeringReportDocument _document;
    private readonly PdfStyles _styles;
    private readonly TextMeasurer _measurer;
    private readonly LaidOutPages _pages = new();
    private readonly XBrush _currentBar = new XSolidBrush(XColor.FromArgb(0x1F, 0x3A, 0x5F));
    private readonly XBrush _previousBar = new XSolidBrush(XColor.FromArgb(0x9D, 0xB4, 0xCF));
    private double _y;

    public SteeringReportLayout(SteeringReportDocument document, PdfStyles styles, TextMeasurer measurer)
    {
        _document = document;
        _styles = styles;
        _measurer = measurer;
    }

    protected double Remaining => BodyBottom - _y;

    /// <summary>The pages written so far (for layouts built on this one).</summary>
    protected LaidOutPages Pages => _pages;

    protected PdfStyles Styles => _styles;

    protected TextMeasurer Measurer => _measurer;

    /// <summary>Where the next line starts on the current page.</summary>
    protected double Y
    {
        get => _y;
        set => _y = value;
    }

    /// <summary>Lays out the body; one list of instructions per page (without header and footer).</summary>
    public virtual IReadOnlyList<IReadOnlyList<DrawOp>> LayoutBody()
    {
        NewPage();
        Notes();
        var number = 0;
        foreach (var block in _document.Blocks)
        {
            Block(++number, block);
        }

        return _pages.Pages;
    }

    /// <summary>Header and footer of page <paramref name="pageNumber"/> of <paramref name="pageCount"/>.</summary>
    public IReadOnlyList<DrawOp> PageFrame(int pageNumber, int pageCount)
    {
        var s = _styles;
        var half = (ContentWidth - 16) / 2;
        var comparison = _measurer.Ellipsize(OneLine(_document.ComparisonText), s.HeaderText, half);
        var period = _measurer.Ellipsize(OneLine(_document.PeriodText), s.HeaderBold, half);
        DrawOp[] particulars =
        [
            new TextOp(period, s.HeaderBold, s.Text, MarginLeft, HeaderParticularsTop),
            new TextOp(comparison, s.HeaderText, s.Text, ContentRight - _measurer.Width(comparison, s.HeaderText), HeaderParticularsTop),
        ];
        var texts = new PageFrameTexts(_document.JobcenterName, _document.DrugHelpServiceName, _document.Title, _document.GeneratedText, _document.FooterLabel);
        return Pdf.PageFrame.Draw(s, _measurer, texts, particulars, pageNumber, pageCount);
    }

    protected void NewPage()
    {
        _pages.NewPage();
        _y = BodyTop;
    }

    private void Text(string text, XFont font, XBrush brush, double x, double top) => _pages.Text(text, font, brush, x, top);

    // ----- blocks -------------------------------------------------------------------------------

    /// <summary>The notes in a light box: how the figures are counted and what "•" means.</summary>
    protected void Notes()
    {
        if (_document.Notes.Count == 0)
        {
            return;
        }

        var s = _styles;
        var lineHeight = PdfStyles.LineHeight(s.Body);
        var paragraphs = _document.Notes.Select(n => _measurer.Wrap(n, s.Body, ContentWidth - 2 * CellPaddingX - 4)).ToList();
        var height = 2 * (CellPaddingY + 2) + paragraphs.Sum(p => p.Count * lineHeight) + (paragraphs.Count - 1) * 3;
        _pages.Artifact(new RectOp(s.BoxFill, MarginLeft, _y, ContentWidth, height), new RectOp(s.Accent, MarginLeft, _y, 2.5, height));
        var top = _y + CellPaddingY + 2;
        foreach (var paragraph in paragraphs)
        {
            _pages.Begin(StructureTag.P);
            foreach (var line in paragraph)
            {
                Text(line, s.Body, s.Text, MarginLeft + CellPaddingX + 4, top);
                top += lineHeight;
            }

            _pages.End();
            top += 3;
        }

        _y += height + SectionGap;
    }

    private void Block(int number, ReportBlock block) =>
        Block(number.ToString(CultureInfo.InvariantCulture), block, StructureTag.H2, _styles.Section);

    /// <summary>A block under a numbered heading ("3", "2.1") of the given level and font: explanation, chart, table.</summary>
    protected void Block(string number, ReportBlock block, StructureTag headingTag, XFont headingFont)
    {
        ArgumentNullException.ThrowIfNull(number);
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(headingFont);
        var s = _styles;
        var indent = Math.Max(22, _measurer.Width(number, headingFont) + 6);
        var headingLines = _measurer.Wrap(block.Title, headingFont, ContentWidth - indent);
        var explanationLines = _measurer.Wrap(block.Explanation, s.Body, ContentWidth);
        var columns = Columns(block.Table);
        var header = HeaderRow(block.Table.Header, columns);
        var rows = block.Table.Rows
            .Select(r => TableRow(r.Cells, columns, r.IsTotal ? s.TableBold : s.Table, s.Text, r.IsTotal ? s.GoalFill : null, alignNumbers: true))
            .ToList();

        var headingHeight = headingLines.Count * PdfStyles.LineHeight(headingFont) + 4;
        var explanationHeight = explanationLines.Count * PdfStyles.LineHeight(s.Body) + ParagraphGap;
        var chartHeight = block.Chart is null ? 0 : ChartHeight(block.Chart);
        var tableHeight = header.Height + rows.Sum(r => r.Height);
        var total = headingHeight + explanationHeight + chartHeight + tableHeight;

        // A block starts on a fresh page when it would not fit here but fits there; otherwise the
        // heading at least stays with its explanation and the chart (or the table's first rows).
        var keepWithHeading = headingHeight + explanationHeight + (block.Chart is null ? header.Height + rows.Take(3).Sum(r => r.Height) : chartHeight);
        if (_y > BodyTop && (total > Remaining && total <= BodyBottom - BodyTop || keepWithHeading > Remaining))
        {
            NewPage();
        }

        _pages.Begin(headingTag);
        for (var i = 0; i < headingLines.Count; i++)
        {
            if (i == 0)
            {
                Text(number, headingFont, s.Accent, MarginLeft, _y);
            }

            Text(headingLines[i], headingFont, s.Accent, MarginLeft + indent, _y);
            _y += PdfStyles.LineHeight(headingFont);
        }

        _pages.End();
        _y += 4;
        if (explanationLines.Count > 0)
        {
            _pages.Begin(StructureTag.P);
            foreach (var line in explanationLines)
            {
                Text(line, s.Body, s.Muted, MarginLeft, _y);
                _y += PdfStyles.LineHeight(s.Body);
            }

            _pages.End();
        }

        _y += ParagraphGap;
        if (block.Chart is not null)
        {
            if (chartHeight > Remaining)
            {
                NewPage();
            }

            Chart(block.Chart);
        }

        if (_y > BodyTop && header.Height + rows.Take(2).Sum(r => r.Height) > Remaining)
        {
            NewPage();
        }

        _pages.Begin(StructureTag.Table);
        DrawRow(header, drawTop: true, RowPart.Header);
        foreach (var row in rows)
        {
            if (row.Height > Remaining)
            {
                NewPage();
                _pages.Artifact(new TextOp($"{block.Title} (Fortsetzung)", s.LabelBold, s.Muted, MarginLeft, _y));
                _y += PdfStyles.LineHeight(s.LabelBold) + 3;
                DrawRow(header, drawTop: true, RowPart.RepeatedHeader);
            }

            DrawRow(row, drawTop: false, RowPart.Body);
        }

        _pages.End();
        _y += SectionGap;
    }

    // ----- chart --------------------------------------------------------------------------------

    private double ChartRowHeight => Math.Max(CurrentBarHeight + BarGap + PreviousBarHeight, PdfStyles.LineHeight(_styles.Table)) + ChartRowGap;

    private double ChartHeight(ReportChart chart) =>
        PdfStyles.LineHeight(_styles.LabelBold) + 4 + chart.Bars.Count * ChartRowHeight + 8;

    /// <summary>Vector bars with their numbers; a hidden figure gets no bar, only its text ("•").</summary>
    private void Chart(ReportChart chart)
    {
        var s = _styles;
        var top = _y;
        var alternative = $"Balkendiagramm „{OneLine(chart.Caption)}“: je Zeile ein Balken für {OneLine(chart.CurrentLegend)} und einer für {OneLine(chart.PreviousLegend)}; "
            + "die Zahlen stehen in der folgenden Tabelle.";
        _pages.BeginFigure(alternative, new XRect(MarginLeft, top, ContentWidth, ChartHeight(chart)));
        Text(chart.Caption, s.LabelBold, s.Text, MarginLeft, top);

        // Legend at the right of the caption line.
        var legendX = ContentRight;
        foreach (var (legend, brush) in new[] { (chart.PreviousLegend, _previousBar), (chart.CurrentLegend, _currentBar) })
        {
            var width = _measurer.Width(legend, s.Label);
            legendX -= width;
            Text(legend, s.Label, s.Muted, legendX, top + 1);
            legendX -= 10;
            _pages.Add(new RectOp(brush, legendX, top + 2.5, 7, 7));
            legendX -= 10;
        }

        _y = top + PdfStyles.LineHeight(s.LabelBold) + 4;
        var barsLeft = MarginLeft + ChartLabelWidth;
        var barsWidth = ContentWidth - ChartLabelWidth - ChartNumberRoom;
        var max = chart.Bars.SelectMany(b => new[] { b.Current, b.Previous }).Where(v => v is not null).Select(v => v!.Value).DefaultIfEmpty(0).Max();
        var chartTop = _y;
        foreach (var bar in chart.Bars)
        {
            var label = _measurer.Ellipsize(OneLine(bar.Label), s.Table, ChartLabelWidth - 8);
            Text(label, s.Table, s.Text, MarginLeft, _y + 0.5);
            DrawBar(barsLeft, _y, CurrentBarHeight, barsWidth, max, bar.Current, bar.CurrentText, _currentBar);
            DrawBar(barsLeft, _y + CurrentBarHeight + BarGap, PreviousBarHeight, barsWidth, max, bar.Previous, bar.PreviousText, _previousBar);
            _y += ChartRowHeight;
        }

        // The axis: a thin line at zero.
        _pages.Add(new LineOp(s.ThinRule, barsLeft, chartTop - 2, barsLeft, _y - ChartRowGap + 2));
        _pages.End();
        _y += 8;
    }

    private void DrawBar(double left, double top, double height, double fullWidth, int max, int? value, string text, XBrush brush)
    {
        var s = _styles;
        var width = value is int v && max > 0 ? fullWidth * v / max : 0;
        if (width > 0)
        {
            _pages.Add(new RectOp(brush, left, top, width, height));
        }

        var font = s.Label;
        var textTop = top + (height - PdfStyles.LineHeight(font)) / 2 + 0.3;
        Text(text, font, value is null ? s.Muted : s.Text, left + width + 3, textTop);
    }

    // ----- table --------------------------------------------------------------------------------

    private sealed record Cell(double X, double Width, IReadOnlyList<string> Lines, bool AlignRight, bool Upward = false);

    /// <param name="UpwardHeight">For a header of upward text: its height; otherwise 0.</param>
    private sealed record Row(IReadOnlyList<Cell> Cells, XFont Font, XBrush Brush, XBrush? Fill, double LineHeight, double UpwardHeight = 0)
    {
        public int LineCount { get; } = Math.Max(1, Cells.Max(c => c.Lines.Count));

        public double Height => Math.Max(LineCount * LineHeight, UpwardHeight) + 2 * CellPaddingY;
    }

    /// <summary>Label column first (wider when there are few figure columns), the figure columns share the rest.</summary>
    private static List<(double X, double Width)> Columns(ReportTable table)
    {
        var figureColumns = Math.Max(1, table.Header.Count - 1);
        var labelWidth = figureColumns <= 3 ? 200 : figureColumns <= 6 ? 160 : 128;
        var figureWidth = (ContentWidth - labelWidth) / figureColumns;
        var columns = new List<(double X, double Width)> { (MarginLeft, labelWidth) };
        for (var i = 0; i < figureColumns; i++)
        {
            columns.Add((MarginLeft + labelWidth + i * figureWidth, figureWidth));
        }

        return columns;
    }

    /// <summary>
    /// The header row. When a word of a figure column's header does not fit its column (a wide table
    /// such as referrals by status), the figure headers read upwards instead of being cut mid-word.
    /// </summary>
    private Row HeaderRow(IReadOnlyList<string> texts, List<(double X, double Width)> columns)
    {
        var s = _styles;
        var font = s.TableHeader;
        var tooNarrow = columns.Skip(1).Select((c, i) => (c.Width, Text: i + 1 < texts.Count ? texts[i + 1] : ""))
            .Any(c => c.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(word => _measurer.Width(word, font) > c.Width - 2 * CellPaddingX));
        if (!tooNarrow)
        {
            return TableRow(texts, columns, font, s.Text, s.HeaderFill, alignNumbers: false);
        }

        var lineHeight = PdfStyles.LineHeight(font);
        var cells = columns.Select((column, i) =>
        {
            var text = i < texts.Count ? texts[i] : "";
            return i == 0
                ? new Cell(column.X, column.Width, _measurer.Wrap(text, font, column.Width - 2 * CellPaddingX), AlignRight: false)
                : new Cell(column.X, column.Width, [OneLine(text)], AlignRight: false, Upward: true);
        }).ToList();
        var upward = cells.Where(c => c.Upward).Max(c => _measurer.Width(c.Lines[0], font));
        return new Row(cells, font, s.Text, s.HeaderFill, lineHeight, upward);
    }

    private Row TableRow(IReadOnlyList<string> texts, List<(double X, double Width)> columns, XFont font, XBrush brush, XBrush? fill, bool alignNumbers)
    {
        var cells = columns.Select((column, i) =>
        {
            var text = i < texts.Count ? texts[i] : "";
            var lines = _measurer.Wrap(text, font, column.Width - 2 * CellPaddingX);
            return new Cell(column.X, column.Width, lines, alignNumbers && i > 0);
        }).ToList();
        return new Row(cells, font, brush, fill, PdfStyles.LineHeight(font));
    }

    /// <summary>What a drawn row is: the table's header, a header repeated on a continued page (an artifact), or a row of figures.</summary>
    private enum RowPart
    {
        Header,
        RepeatedHeader,
        Body,
    }

    private void DrawRow(Row row, bool drawTop, RowPart part)
    {
        if (row.Fill is not null)
        {
            _pages.Artifact(new RectOp(row.Fill, MarginLeft, _y, ContentWidth, row.Height));
        }

        var cells = row.Cells.Select(CellText).ToList();
        if (part == RowPart.RepeatedHeader)
        {
            _pages.Artifact([.. cells.SelectMany(c => c)]);
        }
        else
        {
            _pages.Begin(StructureTag.TR);
            for (var i = 0; i < cells.Count; i++)
            {
                // Header cells head their column; in the rows, the first cell (the label) heads its row.
                _pages.Begin(part == RowPart.Header
                    ? new TaggedElement(StructureTag.TH) { Scope = HeaderScope.Column }
                    : i == 0 ? new TaggedElement(StructureTag.TH) { Scope = HeaderScope.Row } : new TaggedElement(StructureTag.TD));
                cells[i].ForEach(_pages.Add);
                _pages.End();
            }

            _pages.End();
        }

        var pen = _styles.Grid;
        var lines = new List<DrawOp>();
        if (drawTop)
        {
            lines.Add(new LineOp(pen, MarginLeft, _y, ContentRight, _y));
        }

        lines.Add(new LineOp(pen, MarginLeft, _y + row.Height, ContentRight, _y + row.Height));
        lines.Add(new LineOp(pen, MarginLeft, _y, MarginLeft, _y + row.Height));
        lines.Add(new LineOp(pen, ContentRight, _y, ContentRight, _y + row.Height));
        lines.AddRange(row.Cells.Skip(1).Select(cell => new LineOp(pen, cell.X, _y, cell.X, _y + row.Height)));
        _pages.Artifact([.. lines]);
        _y += row.Height;

        List<DrawOp> CellText(Cell cell)
        {
            if (cell.Upward)
            {
                // Centred in the column, starting at the foot of the header row and reading upwards.
                var x = cell.X + (cell.Width - row.LineHeight) / 2;
                return [new UpwardTextOp(cell.Lines[0], row.Font, row.Brush, x, _y + row.Height - CellPaddingY)];
            }

            var ops = new List<DrawOp>();
            var top = _y + CellPaddingY;
            foreach (var line in cell.Lines)
            {
                var x = cell.AlignRight ? cell.X + cell.Width - CellPaddingX - _measurer.Width(line, row.Font) : cell.X + CellPaddingX;
                if (line.Length > 0)
                {
                    ops.Add(new TextOp(line, row.Font, row.Brush, x, top));
                }

                top += row.LineHeight;
            }

            return ops;
        }
    }

    private static string OneLine(string? text) => Pdf.PageFrame.OneLine(text);
}
