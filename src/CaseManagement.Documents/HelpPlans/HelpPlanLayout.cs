using System.Globalization;
using CaseManagement.Documents.Pdf;
using PdfSharp.Drawing;
using static CaseManagement.Documents.Pdf.A4Page;

namespace CaseManagement.Documents.HelpPlans;

/// <summary>
/// Lays a <see cref="HelpPlanDocument"/> out on A4 pages as drawing instructions. Body first (so the
/// page count is known), then header and footer per page. One instance per rendering.
/// </summary>
/// <remarks>
/// Tagged for screen readers in reading order: the title (H1, page frame), the key facts as a list,
/// numbered sections (H2) with paragraphs and labelled passages (H3), one table per area (its
/// heading H3; a header row of TH, a full-width row per goal, a row per step), the contacts and the
/// signature block. Rules, fills, grid lines and what repeats on a continued page are artifacts.
/// </remarks>
internal sealed class HelpPlanLayout : IPagedLayout
{
    private const double CellPaddingX = 4;
    private const double CellPaddingY = 3;
    private const double ParagraphGap = 6;
    private const double SectionGap = 14;

    // Table columns: Schritt | Wer | Bis wann | Stand.
    private const double WhoWidth = 104;
    private const double DueWidth = 62;
    private const double StatusWidth = 82;
    private const double StepWidth = ContentWidth - WhoWidth - DueWidth - StatusWidth;

    /// <summary>A row taller than this may be split at the foot of a page instead of moved whole.</summary>
    private const double SplitRowsTallerThan = 160;
    private const int MinLinesPerChunk = 3;

    private const string NoEntry = "(keine Angaben)";

    private readonly HelpPlanDocument _document;
    private readonly PdfStyles _styles;
    private readonly TextMeasurer _measurer;
    private readonly LaidOutPages _pages = new();
    private double _y;
    private Row? _header;
    private (int Page, double Y)? _lastRowBottom;

    public HelpPlanLayout(HelpPlanDocument document, PdfStyles styles, TextMeasurer measurer)
    {
        _document = document;
        _styles = styles;
        _measurer = measurer;
    }

    /// <summary>Lays out the body; returns one list of instructions per page (header/footer not included).</summary>
    public IReadOnlyList<IReadOnlyList<DrawOp>> LayoutBody()
    {
        var unknown = _document.Goals.FirstOrDefault(g => !Enum.IsDefined(g.Area));
        if (unknown is not null)
        {
            // A goal must never silently drop out of the client's copy.
            throw new ArgumentException($"Goal with unknown area {(int)unknown.Area}: every goal needs one of the five areas.", "document");
        }

        NewPage();
        KeyFacts();
        Section("1", "Integrationsziel", PdfStyles.LineHeight(_styles.Body) * 2);
        Paragraph(_document.IntegrationGoal, _styles.Body);
        if (!string.IsNullOrWhiteSpace(_document.TargetJobs))
        {
            SubLabel("Zielberufe / angestrebte Tätigkeiten", 2 * PdfStyles.LineHeight(_styles.Body));
            Paragraph(_document.TargetJobs, _styles.Body);
        }

        Goals();
        OwnEfforts();
        Contacts();
        Signatures();
        return _pages.Pages;
    }

    /// <summary>Header and footer of page <paramref name="pageNumber"/> of <paramref name="pageCount"/>.</summary>
    public IReadOnlyList<DrawOp> PageFrame(int pageNumber, int pageCount)
    {
        var s = _styles;
        var caseLabel = "Fallnummer: ";
        var caseNumber = _measurer.Ellipsize(OneLine(_document.CaseNumber), s.HeaderText, ContentWidth / 3);
        var caseWidth = _measurer.Width(caseLabel, s.HeaderBold) + _measurer.Width(caseNumber, s.HeaderText);
        var caseX = ContentRight - caseWidth;
        var clientLabel = "Klient:in: ";
        var clientLabelWidth = _measurer.Width(clientLabel, s.HeaderBold);
        var clientName = _measurer.Ellipsize(OneLine(_document.ClientName), s.HeaderText, caseX - MarginLeft - clientLabelWidth - 16);
        DrawOp[] particulars =
        [
            new TextOp(clientLabel, s.HeaderBold, s.Text, MarginLeft, HeaderParticularsTop),
            new TextOp(clientName, s.HeaderText, s.Text, MarginLeft + clientLabelWidth, HeaderParticularsTop),
            new TextOp(caseLabel, s.HeaderBold, s.Text, caseX, HeaderParticularsTop),
            new TextOp(caseNumber, s.HeaderText, s.Text, caseX + _measurer.Width(caseLabel, s.HeaderBold), HeaderParticularsTop),
        ];

        var draft = _document.IsDraft ? " – Entwurf" : "";
        var texts = new PageFrameTexts(
            _document.JobcenterName, _document.DrugHelpServiceName, HelpPlanLabels.Title,
            $"Gedruckt am {HelpPlanLabels.Date(_document.PrintedOn)}", $"Hilfeplan – {HelpPlanLabels.Version(_document.Version)}{draft}");
        return Pdf.PageFrame.Draw(s, _measurer, texts, particulars, pageNumber, pageCount);
    }

    private double Remaining => BodyBottom - _y;

    private void NewPage()
    {
        _pages.NewPage();
        _y = BodyTop;
    }

    private void Text(string text, XFont font, XBrush brush, double x, double top) => _pages.Text(text, font, brush, x, top);

    // ----- blocks -------------------------------------------------------------------------------

    /// <summary>Fassung (version), status, agreed on, next review: one framed row of four cells, read as a list of label and value.</summary>
    private void KeyFacts()
    {
        var s = _styles;
        (string Label, string Value)[] facts =
        [
            (HelpPlanLabels.VersionLabel, _document.Version.ToString(CultureInfo.InvariantCulture)),
            ("Status", OrNoEntry(_document.StatusLabel)),
            ("Vereinbart am", _document.AgreedOn is { } agreed ? HelpPlanLabels.Date(agreed) : "noch nicht vereinbart"),
            ("Nächste Überprüfung", _document.NextReviewOn is { } review ? HelpPlanLabels.Date(review) : "offen"),
        ];
        // The version number needs little room; the other three share the rest.
        const double versionWidth = 70;
        var otherWidth = (ContentWidth - versionWidth) / (facts.Length - 1);
        var cellX = Enumerable.Range(0, facts.Length).Select(i => MarginLeft + (i == 0 ? 0 : versionWidth + (i - 1) * otherWidth)).ToArray();
        var labelHeight = PdfStyles.LineHeight(s.Label);
        var valueHeight = PdfStyles.LineHeight(s.BodyBold);
        var wrapped = facts.Select((f, i) => _measurer.Wrap(f.Value, s.BodyBold, (i == 0 ? versionWidth : otherWidth) - 2 * CellPaddingX - 2)).ToList();
        var height = 2 * (CellPaddingY + 1) + labelHeight + 1 + wrapped.Max(w => Math.Max(1, w.Count)) * valueHeight;

        _pages.Artifact(new RectOp(s.BoxFill, MarginLeft, _y, ContentWidth, height));
        _pages.Begin(StructureTag.L);
        for (var i = 0; i < facts.Length; i++)
        {
            _pages.Begin(StructureTag.LI);
            var x = cellX[i] + CellPaddingX + 1;
            _pages.Begin(StructureTag.Lbl);
            Text(facts[i].Label, s.Label, s.Muted, x, _y + CellPaddingY + 1);
            _pages.End();
            _pages.Begin(StructureTag.LBody);
            var top = _y + CellPaddingY + 1 + labelHeight + 1;
            foreach (var line in wrapped[i])
            {
                Text(line, s.BodyBold, s.Text, x, top);
                top += valueHeight;
            }

            _pages.End();
            _pages.End();
        }

        _pages.End();
        Frame(MarginLeft, _y, ContentWidth, height, cellX[1..]);
        _y += height + SectionGap;
    }

    /// <summary>A numbered section heading, kept with <paramref name="keepWithNext"/> points of what follows.</summary>
    private void Section(string number, string title, double keepWithNext)
    {
        var s = _styles;
        var height = PdfStyles.LineHeight(s.Section) + 5;
        if (_y > BodyTop && Remaining < height + keepWithNext)
        {
            NewPage();
        }

        _pages.Begin(StructureTag.H2);
        Text(number, s.Section, s.Accent, MarginLeft, _y);
        Text(title, s.Section, s.Accent, MarginLeft + 22, _y);
        _pages.End();
        _y += height;
    }

    /// <summary>Wrapped text over the full width; continues on the next page line by line.</summary>
    private void Paragraph(string? text, XFont font, double indent = 0)
    {
        var s = _styles;
        var lines = _measurer.Wrap(text, font, ContentWidth - indent);
        var brush = s.Text;
        if (lines.Count == 0)
        {
            lines = [NoEntry];
            brush = s.Muted;
        }

        var lineHeight = PdfStyles.LineHeight(font);
        _pages.Begin(StructureTag.P);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var left = lines.Count - i;
            // No single first line at the foot of a page, no single last line at the top of the next.
            var mustBreak = Remaining < lineHeight
                || (i == 0 && lines.Count > 1 && Remaining < 2 * lineHeight)
                || (i > 0 && left == 2 && Remaining < 2 * lineHeight && i >= 2);
            if (mustBreak)
            {
                NewPage();
            }

            if (line.Length > 0)
            {
                Text(line, font, brush, MarginLeft + indent, _y);
            }

            _y += lineHeight;
        }

        _pages.End();
        _y += ParagraphGap;
    }

    private void Goals()
    {
        var s = _styles;
        var byArea = Enum.GetValues<HelpPlanArea>()
            .Select(area => (Area: area, Goals: _document.Goals.Where(g => g.Area == area).ToList()))
            .Where(a => a.Goals.Count > 0)
            .ToList();

        var header = _header ??= HeaderRow();
        Section("2", "Ziele und Schritte", byArea.Count == 0 ? PdfStyles.LineHeight(s.Body) : AreaStartHeight(byArea[0].Area, byArea[0].Goals[0], 1, 1, header));
        if (byArea.Count == 0)
        {
            Paragraph("Es wurden noch keine Ziele vereinbart.", s.Body);
            _y += SectionGap - ParagraphGap;
            return;
        }

        var goalNumber = 0;
        for (var a = 0; a < byArea.Count; a++)
        {
            var (area, goals) = byArea[a];
            var titleLines = AreaTitleLines(area, a + 1);

            // Keep the area title with the table header, the first goal and the start of its first step.
            if (_y > BodyTop && Remaining < AreaStartHeight(area, goals[0], a + 1, goalNumber + 1, header))
            {
                NewPage();
            }

            _pages.Begin(StructureTag.H3);
            foreach (var line in titleLines)
            {
                Text(line, s.SubHeading, s.Text, MarginLeft, _y);
                _y += PdfStyles.LineHeight(s.SubHeading);
            }

            _pages.End();
            _y += 3;
            _pages.Begin(StructureTag.Table);
            DrawRowChunk(header, 0, header.LineCount, RowTags.Header(header));

            var continuation = $"{HelpPlanLabels.AreaTitle(area)} (Fortsetzung)";
            foreach (var goal in goals)
            {
                goalNumber++;
                var goalRow = GoalRow(goal, goalNumber);
                var stepRows = StepRows(goal);
                if (Remaining < goalRow.Height + MinimumChunk(stepRows[0]) && goalRow.Height + MinimumChunk(stepRows[0]) <= ContinuationCapacity())
                {
                    ContinuationPage(continuation, header);
                }

                PlaceRow(goalRow, continuation, header);
                foreach (var row in stepRows)
                {
                    PlaceRow(row, continuation, header);
                }
            }

            _pages.End();
            _y += SectionGap;
        }
    }

    private List<string> AreaTitleLines(HelpPlanArea area, int areaNumber) =>
        _measurer.Wrap($"2.{areaNumber.ToString(CultureInfo.InvariantCulture)}  {HelpPlanLabels.AreaTitle(area)}", _styles.SubHeading, ContentWidth);

    /// <summary>Height of an area's title, table header, first goal row and the start of its first step.</summary>
    private double AreaStartHeight(HelpPlanArea area, HelpPlanGoal firstGoal, int areaNumber, int goalNumber, Row header)
    {
        var titleHeight = AreaTitleLines(area, areaNumber).Count * PdfStyles.LineHeight(_styles.SubHeading) + 3;
        var goalRow = GoalRow(firstGoal, goalNumber);
        var need = titleHeight + header.Height + goalRow.Height + MinimumChunk(StepRows(firstGoal)[0]);
        return Math.Min(need, BodyBottom - BodyTop);
    }

    private void OwnEfforts()
    {
        var s = _styles;
        var lineHeight = PdfStyles.LineHeight(s.Body);
        Section("3", "Eigenbemühungen", PdfStyles.LineHeight(s.BodyBold) + 2 * lineHeight);
        SubLabel("Eigenbemühungen der Klientin / des Klienten", 2 * lineHeight);
        Paragraph(_document.OwnEfforts, s.Body);
        SubLabel("Nachweis der Eigenbemühungen", 2 * lineHeight);
        Paragraph(_document.OwnEffortsEvidence, s.Body);
        _y += SectionGap - ParagraphGap;
    }

    private void SubLabel(string label, double keepWithNext)
    {
        var s = _styles;
        var height = PdfStyles.LineHeight(s.BodyBold) + 1;
        if (Remaining < height + keepWithNext)
        {
            NewPage();
        }

        _pages.Begin(StructureTag.H3);
        Text(label, s.BodyBold, s.Text, MarginLeft, _y);
        _pages.End();
        _y += height;
    }

    /// <summary>Contact boxes, two per row; each row is kept on one page.</summary>
    private void Contacts()
    {
        var s = _styles;
        const double gap = 14;
        const double padding = 6;
        var boxWidth = (ContentWidth - gap) / 2;
        var textWidth = boxWidth - 2 * padding;

        var boxes = _document.Contacts.Select(c =>
        {
            var lines = new List<(string Text, XFont Font, XBrush Brush)>();
            lines.AddRange(_measurer.Wrap(c.Organisation, s.LabelBold, textWidth).Select(l => (l, s.LabelBold, s.Accent)));
            lines.AddRange(_measurer.Wrap(c.Name, s.BodyBold, textWidth).Select(l => (l, s.BodyBold, s.Text)));
            lines.AddRange(_measurer.Wrap($"Telefon: {c.Phone}", s.Body, textWidth).Select(l => (l, s.Body, s.Text)));
            lines.AddRange(_measurer.Wrap($"E-Mail: {c.Email}", s.Body, textWidth).Select(l => (l, s.Body, s.Text)));
            var height = 2 * padding + lines.Sum(l => PdfStyles.LineHeight(l.Font)) + 2;
            return (Lines: lines, Height: height);
        }).ToList();

        var firstRowHeight = boxes.Count == 0 ? PdfStyles.LineHeight(s.Body) : boxes.Take(2).Max(b => b.Height);
        Section("4", "Ansprechpersonen", firstRowHeight);
        if (boxes.Count == 0)
        {
            Paragraph(null, s.Body);
            _y += SectionGap - ParagraphGap;
            return;
        }

        for (var i = 0; i < boxes.Count; i += 2)
        {
            var row = boxes.Skip(i).Take(2).ToList();
            var height = row.Max(b => b.Height);
            if (Remaining < height)
            {
                NewPage();
            }

            for (var j = 0; j < row.Count; j++)
            {
                var x = MarginLeft + j * (boxWidth + gap);
                _pages.Artifact(new RectOp(s.BoxFill, x, _y, boxWidth, height));
                Frame(x, _y, boxWidth, height, []);
                var top = _y + padding;
                _pages.Begin(StructureTag.P);
                for (var k = 0; k < row[j].Lines.Count; k++)
                {
                    var (text, font, brush) = row[j].Lines[k];
                    Text(text, font, brush, x + padding, top);
                    top += PdfStyles.LineHeight(font) + (k == 0 ? 2 : 0);
                }

                _pages.End();
            }

            _y += height + 8;
        }

        _y += SectionGap - 8;
    }

    /// <summary>Signature lines of the three parties with place and date; heading and lines stay on one page.</summary>
    private void Signatures()
    {
        var s = _styles;
        const string statement = "Mit ihrer Unterschrift bestätigen die Beteiligten, dass sie diesen Hilfeplan gemeinsam besprochen und vereinbart haben. "
            + "Er gilt zugleich als Kooperationsplan nach § 15 SGB II. Wenn Sie mit dem Plan nicht einverstanden sind, "
            + "können Sie ein Schlichtungsverfahren nach § 15a SGB II verlangen.";
        string[] parties = ["Fallmanager:in Jobcenter", "Fachkraft Drogenhilfe", "Klient:in"];
        const double gap = 20;
        const double writingSpace = 30;
        var columnWidth = (ContentWidth - 2 * gap) / parties.Length;

        var statementLines = _measurer.Wrap(statement, s.Body, ContentWidth);
        var labelHeight = PdfStyles.LineHeight(s.Label);
        var partyLines = parties.Select(p => _measurer.Wrap(p, s.LabelBold, columnWidth)).ToList();
        var partyHeight = partyLines.Max(l => l.Count) * PdfStyles.LineHeight(s.LabelBold);
        var blockHeight = statementLines.Count * PdfStyles.LineHeight(s.Body) + 2
            + writingSpace + 2 + labelHeight
            + writingSpace + 2 + partyHeight;
        var headingHeight = PdfStyles.LineHeight(s.Section) + 5;
        if (_y > BodyTop && Remaining < headingHeight + blockHeight)
        {
            NewPage();
        }

        Section("5", "Unterschriften", blockHeight);
        _pages.Begin(StructureTag.P);
        foreach (var line in statementLines)
        {
            Text(line, s.Body, s.Text, MarginLeft, _y);
            _y += PdfStyles.LineHeight(s.Body);
        }

        _pages.End();
        _y += 2;
        for (var i = 0; i < parties.Length; i++)
        {
            var x = MarginLeft + i * (columnWidth + gap);
            var placeLineY = _y + writingSpace;
            var signatureLineY = placeLineY + 2 + labelHeight + writingSpace;
            _pages.Artifact(
                new LineOp(s.SignatureLine, x, placeLineY, x + columnWidth, placeLineY),
                new LineOp(s.SignatureLine, x, signatureLineY, x + columnWidth, signatureLineY));

            // Read as "<party>, Ort, Datum": whose signature, then what goes on the line above it.
            _pages.Begin(StructureTag.P);
            var top = signatureLineY + 2;
            foreach (var line in partyLines[i])
            {
                Text(line, s.LabelBold, s.Text, x, top);
                top += PdfStyles.LineHeight(s.LabelBold);
            }

            Text("Ort, Datum", s.Label, s.Muted, x, placeLineY + 2);
            _pages.End();
        }

        _y += writingSpace + 2 + labelHeight + writingSpace + 2 + partyHeight;
    }

    // ----- table --------------------------------------------------------------------------------

    private sealed record Cell(double X, double Width, IReadOnlyList<string> Lines, XFont Font, XBrush Brush);

    private sealed record Row(IReadOnlyList<Cell> Cells, double LineHeight, XBrush? Fill)
    {
        public int LineCount { get; } = Math.Max(1, Cells.Max(c => c.Lines.Count));

        public double Height => LineCount * LineHeight + 2 * CellPaddingY;
    }

    private static readonly double[] ColumnX =
    [
        MarginLeft,
        MarginLeft + StepWidth,
        MarginLeft + StepWidth + WhoWidth,
        MarginLeft + StepWidth + WhoWidth + DueWidth,
    ];

    private static readonly double[] ColumnWidth = [StepWidth, WhoWidth, DueWidth, StatusWidth];

    private Row HeaderRow()
    {
        string[] titles = ["Schritt", "Wer", "Bis wann", "Stand"];
        var cells = titles.Select((t, i) => MakeCell(i, t, _styles.TableHeader, _styles.Text)).ToList();
        return new Row(cells, PdfStyles.LineHeight(_styles.TableHeader), _styles.HeaderFill);
    }

    private Row GoalRow(HelpPlanGoal goal, int number)
    {
        var text = $"Ziel {number.ToString(CultureInfo.InvariantCulture)}: {TextWrapper.Normalize(goal.Text)}";
        var lines = _measurer.Wrap(text, _styles.TableBold, ContentWidth - 2 * CellPaddingX);
        return new Row([new Cell(MarginLeft, ContentWidth, lines, _styles.TableBold, _styles.Accent)], PdfStyles.LineHeight(_styles.TableBold), _styles.GoalFill);
    }

    private List<Row> StepRows(HelpPlanGoal goal)
    {
        var s = _styles;
        var lineHeight = PdfStyles.LineHeight(s.Table);
        if (goal.Steps.Count == 0)
        {
            var lines = _measurer.Wrap("Noch keine Schritte vereinbart.", s.Table, ContentWidth - 2 * CellPaddingX);
            return [new Row([new Cell(MarginLeft, ContentWidth, lines, s.Table, s.Muted)], lineHeight, null)];
        }

        return goal.Steps.Select(step => new Row(
            [
                MakeCell(0, OrNoEntry(step.Description), s.Table, s.Text),
                MakeCell(1, HelpPlanLabels.Responsible(step.Responsible), s.Table, s.Text),
                MakeCell(2, step.DueOn is { } due ? HelpPlanLabels.Date(due) : "offen", s.Table, s.Text),
                MakeCell(3, OrNoEntry(step.StatusLabel), s.Table, s.Text),
            ],
            lineHeight,
            null)).ToList();
    }

    private Cell MakeCell(int column, string text, XFont font, XBrush brush) =>
        new(ColumnX[column], ColumnWidth[column], _measurer.Wrap(text, font, ColumnWidth[column] - 2 * CellPaddingX), font, brush);

    private static double MinimumChunk(Row row) =>
        Math.Min(row.LineCount, MinLinesPerChunk) * row.LineHeight + 2 * CellPaddingY;

    private double ContinuationTitleHeight => PdfStyles.LineHeight(_styles.LabelBold) + 3;

    private double ContinuationCapacity() => BodyBottom - BodyTop - ContinuationTitleHeight - (_header ??= HeaderRow()).Height;

    /// <summary>A new page that continues a table: the area's name "(Fortsetzung)" and the header row again, both artifacts.</summary>
    private void ContinuationPage(string title, Row header)
    {
        NewPage();
        _pages.Artifact(new TextOp(title, _styles.LabelBold, _styles.Muted, MarginLeft, _y));
        _y += ContinuationTitleHeight;
        DrawRowChunk(header, 0, header.LineCount, tags: null);
    }

    /// <summary>
    /// Places a row: whole on this page if it fits; whole on the next page if it fits there and is
    /// short; otherwise split line by line across pages (a row taller than a page always splits).
    /// </summary>
    private void PlaceRow(Row row, string continuationTitle, Row header)
    {
        var tags = RowTags.Body(row);
        if (row.Height <= Remaining)
        {
            DrawRowChunk(row, 0, row.LineCount, tags);
            return;
        }

        var fitsOnFreshPage = row.Height <= ContinuationCapacity();
        var worthSplitting = row.Height > SplitRowsTallerThan && Remaining >= MinimumChunk(row);
        if (fitsOnFreshPage && !worthSplitting)
        {
            ContinuationPage(continuationTitle, header);
            DrawRowChunk(row, 0, row.LineCount, tags);
            return;
        }

        var from = 0;
        while (from < row.LineCount)
        {
            var fit = (int)Math.Floor((Remaining - 2 * CellPaddingY) / row.LineHeight);
            var left = row.LineCount - from;
            if (fit < Math.Min(left, MinLinesPerChunk))
            {
                ContinuationPage(continuationTitle, header);
                continue;
            }

            var count = Math.Min(fit, left);
            DrawRowChunk(row, from, count, tags);
            from += count;
            if (from < row.LineCount)
            {
                ContinuationPage(continuationTitle, header);
            }
        }
    }

    /// <summary>
    /// Draws lines <paramref name="from"/> to <paramref name="from"/> + <paramref name="count"/> of a row,
    /// tagged as <paramref name="tags"/> (continued, if the row began on an earlier page), or as an
    /// artifact when <paramref name="tags"/> is null (a header row repeated on a continued page).
    /// </summary>
    private void DrawRowChunk(Row row, int from, int count, RowTags? tags)
    {
        var height = count * row.LineHeight + 2 * CellPaddingY;
        if (row.Fill is not null)
        {
            _pages.Artifact(new RectOp(row.Fill, MarginLeft, _y, ContentWidth, height));
        }

        var cellText = new List<DrawOp>();
        if (tags is not null)
        {
            Open(tags.Row, from);
        }

        for (var c = 0; c < row.Cells.Count; c++)
        {
            var cell = row.Cells[c];
            var top = _y + CellPaddingY;
            for (var i = from; i < Math.Min(from + count, cell.Lines.Count); i++)
            {
                if (cell.Lines[i].Length > 0)
                {
                    cellText.Add(new TextOp(cell.Lines[i], cell.Font, cell.Brush, cell.X + CellPaddingX, top));
                }

                top += row.LineHeight;
            }

            if (tags is not null)
            {
                Open(tags.Cells[c], from);
                cellText.ForEach(_pages.Add);
                _pages.End();
                cellText.Clear();
            }
        }

        if (tags is null)
        {
            _pages.Add(new ArtifactOp(cellText));
        }
        else
        {
            _pages.End();
        }

        // Rows follow each other: the previous row's bottom line is this row's top line.
        var continuesTable = _lastRowBottom is { } bottom && bottom.Page == _pages.Count && Math.Abs(bottom.Y - _y) < 0.01;
        Frame(MarginLeft, _y, ContentWidth, height, [.. row.Cells.Skip(1).Select(c => c.X)], drawTop: !continuesTable);
        _y += height;
        _lastRowBottom = (_pages.Count, _y);
    }

    /// <summary>A rectangle outline plus vertical separators at <paramref name="separators"/>.</summary>
    private void Frame(double x, double y, double width, double height, IReadOnlyList<double> separators, bool drawTop = true)
    {
        var pen = _styles.Grid;
        var lines = new List<DrawOp>();
        if (drawTop)
        {
            lines.Add(new LineOp(pen, x, y, x + width, y));
        }

        lines.Add(new LineOp(pen, x, y + height, x + width, y + height));
        lines.Add(new LineOp(pen, x, y, x, y + height));
        lines.Add(new LineOp(pen, x + width, y, x + width, y + height));
        lines.AddRange(separators.Select(sx => new LineOp(pen, sx, y, sx, y + height)));
        _pages.Artifact([.. lines]);
    }

    /// <summary>Begins <paramref name="element"/>, or resumes it when the row continues from an earlier page.</summary>
    private void Open(TaggedElement element, int fromLine)
    {
        if (fromLine == 0)
        {
            _pages.Begin(element);
        }
        else
        {
            _pages.Resume(element);
        }
    }

    /// <summary>The structure elements of one drawn table row: the row and one per cell.</summary>
    private sealed record RowTags(TaggedElement Row, IReadOnlyList<TaggedElement> Cells)
    {
        public static RowTags Header(Row row) =>
            new(new TaggedElement(StructureTag.TR), [.. row.Cells.Select(_ => new TaggedElement(StructureTag.TH) { Scope = HeaderScope.Column })]);

        /// <summary>A goal's row and "no steps yet" span all four columns.</summary>
        public static RowTags Body(Row row) =>
            new(new TaggedElement(StructureTag.TR), [.. row.Cells.Select(c => new TaggedElement(StructureTag.TD) { ColumnSpan = ColumnsSpanned(c) })]);

        private static int ColumnsSpanned(Cell cell) => ColumnX.Count(x => x >= cell.X - 0.01 && x < cell.X + cell.Width - 0.01);
    }

    private static string OrNoEntry(string? text) => string.IsNullOrWhiteSpace(text) ? "–" : text;

    /// <summary>Text for a single line (header fields): line breaks and control characters become spaces.</summary>
    private static string OneLine(string? text) => Pdf.PageFrame.OneLine(text);
}
