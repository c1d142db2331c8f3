using CaseManagement.Documents.Pdf;
using PdfSharp.Drawing;
using static CaseManagement.Documents.Pdf.A4Page;

namespace CaseManagement.Documents.Consent;

/// <summary>
/// Lays a <see cref="ConsentFormDocument"/> out on A4 pages as drawing instructions, in the look of
/// the help plan. One instance per rendering.
/// </summary>
/// <remarks>
/// Tagged in reading order: the title (H1, page frame), an introduction (P), numbered sections (H2)
/// with label/value lists (L/LI/Lbl/LBody), a heading per direction (H3) with its kinds of data as
/// a bulleted list, paragraphs (P) and the signature block (one P per signing person). Writing
/// lines, rules and the page frame of later pages are artifacts.
/// </remarks>
internal sealed class ConsentFormLayout : IPagedLayout
{
    private const double ParagraphGap = 6;
    private const double SectionGap = 9;
    private const double LabelWidth = 120;
    private const double BulletIndent = 14;
    private const string FillInByHand = "(bitte von Hand eintragen)";

    private readonly ConsentFormDocument _document;
    private readonly PdfStyles _styles;
    private readonly TextMeasurer _measurer;
    private readonly LaidOutPages _pages = new();
    private double _y;

    public ConsentFormLayout(ConsentFormDocument document, PdfStyles styles, TextMeasurer measurer)
    {
        _document = document;
        _styles = styles;
        _measurer = measurer;
    }

    public IReadOnlyList<IReadOnlyList<DrawOp>> LayoutBody()
    {
        var d = _document;
        var s = _styles;
        NewPage();
        Paragraph(
            "Jobcenter und Drogenhilfe begleiten Sie gemeinsam auf dem Weg in Arbeit. Angaben über Sie dürfen sie nur "
            + "austauschen, wenn Sie es schriftlich erlauben. Damit entbinden Sie die Mitarbeitenden beider Stellen von "
            + "ihrer Schweigepflicht – nur für die Angaben, die Richtung und den Zweck, die hier stehen.",
            s.Body);

        Section("1", "Ihre Angaben", 3 * Line(s.Body));
        Facts(
        [
            ("Name", d.ClientName),
            ("Geburtsdatum", d.BirthDate is { } born ? ConsentFormLabels.Date(born) : null),
            ("Fallnummer", d.CaseNumber),
        ]);

        Section("2", "Wer Angaben austauscht", 2 * Line(s.Body));
        Facts([("Jobcenter", d.JobcenterName), ("Drogenhilfe", d.DrugHelpServiceName)]);

        Section("3", "Welche Angaben weitergegeben werden dürfen", 3 * Line(s.Body));
        if (d.JobcenterToDrugHelp && d.DrugHelpToJobcenter)
        {
            Direction("In beide Richtungen, vom Jobcenter an die Drogenhilfe und von der Drogenhilfe an das Jobcenter");
        }
        else
        {
            // One heading and list for the direction the consent covers, one sentence for the other.
            if (d.JobcenterToDrugHelp)
            {
                Direction("Vom Jobcenter an die Drogenhilfe");
            }
            else
            {
                Paragraph("Das Jobcenter gibt keine Angaben an die Drogenhilfe weiter.", s.Body);
            }

            if (d.DrugHelpToJobcenter)
            {
                Direction("Von der Drogenhilfe an das Jobcenter");
            }
            else
            {
                Paragraph("Die Drogenhilfe gibt keine Angaben an das Jobcenter weiter.", s.Body);
            }
        }

        Paragraph(
            "Interne Notizen der beiden Stellen werden nie weitergegeben.",
            s.Body);

        Section("4", "Wofür die Angaben gebraucht werden", 2 * Line(s.Body));
        if (string.IsNullOrWhiteSpace(d.Purpose))
        {
            WritingLines(3);
        }
        else
        {
            Paragraph(d.Purpose, s.Body);
        }

        Section("5", "Wie lange die Erklärung gilt", Line(s.Body));
        Paragraph(
            d.ValidUntil is { } until
                ? $"Vom {ConsentFormLabels.Date(d.ValidFrom)} bis zum {ConsentFormLabels.Date(until)}."
                : $"Ab dem {ConsentFormLabels.Date(d.ValidFrom)}, ohne Enddatum – bis Sie sie widerrufen.",
            s.BodyBold);

        Section("6", "Freiwillig und jederzeit widerrufbar", 3 * Line(s.Body));
        Paragraph(
            "Diese Erklärung ist freiwillig. Ohne sie arbeiten beide Stellen getrennt mit Ihnen weiter.",
            s.Body);
        Paragraph(
            "Sie können die Erklärung jederzeit widerrufen, ganz oder für einzelne Angaben, ohne Gründe zu nennen. "
            + "Der Widerruf gilt ab dem Moment, in dem er bei einer der beiden Stellen ankommt, für die Zukunft: "
            + "Von da an sieht die andere Stelle die Angaben nicht mehr. Was bis dahin weitergegeben wurde, bleibt rechtmäßig.",
            s.Body);
        Paragraph(
            "So widerrufen Sie: Sagen oder schreiben Sie es Ihrer Fallmanagerin oder Ihrem Fallmanager im Jobcenter oder "
            + "Ihrer Fachkraft in der Drogenhilfe – persönlich, per Brief oder per E-Mail.",
            s.Body);

        Signatures();
        return _pages.Pages;
    }

    public IReadOnlyList<DrawOp> PageFrame(int pageNumber, int pageCount)
    {
        var s = _styles;
        var caseLabel = "Fallnummer: ";
        var caseNumber = _measurer.Ellipsize(Pdf.PageFrame.OneLine(_document.CaseNumber), s.HeaderText, ContentWidth / 3);
        var caseWidth = _measurer.Width(caseLabel, s.HeaderBold) + _measurer.Width(caseNumber, s.HeaderText);
        var caseX = ContentRight - caseWidth;
        var clientLabel = "Klient:in: ";
        var clientLabelWidth = _measurer.Width(clientLabel, s.HeaderBold);
        var name = string.IsNullOrWhiteSpace(_document.ClientName) ? "siehe Abschnitt 1" : Pdf.PageFrame.OneLine(_document.ClientName);
        var clientName = _measurer.Ellipsize(name, s.HeaderText, caseX - MarginLeft - clientLabelWidth - 16);
        DrawOp[] particulars =
        [
            new TextOp(clientLabel, s.HeaderBold, s.Text, MarginLeft, HeaderParticularsTop),
            new TextOp(clientName, s.HeaderText, s.Text, MarginLeft + clientLabelWidth, HeaderParticularsTop),
            new TextOp(caseLabel, s.HeaderBold, s.Text, caseX, HeaderParticularsTop),
            new TextOp(caseNumber, s.HeaderText, s.Text, caseX + _measurer.Width(caseLabel, s.HeaderBold), HeaderParticularsTop),
        ];
        var texts = new PageFrameTexts(
            _document.JobcenterName, _document.DrugHelpServiceName, ConsentFormLabels.Title,
            $"Gedruckt am {ConsentFormLabels.Date(_document.PrintedOn)}", $"Einwilligung vom {ConsentFormLabels.Date(_document.ValidFrom)}");
        return Pdf.PageFrame.Draw(s, _measurer, texts, particulars, pageNumber, pageCount);
    }

    private double Remaining => BodyBottom - _y;

    private static double Line(XFont font) => PdfStyles.LineHeight(font);

    private void NewPage()
    {
        _pages.NewPage();
        _y = BodyTop;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> fits on this one.</summary>
    private void KeepTogether(double height)
    {
        if (_y > BodyTop && Remaining < height)
        {
            NewPage();
        }
    }

    private void Section(string number, string title, double keepWithNext)
    {
        var s = _styles;
        var height = Line(s.Section) + 4;
        KeepTogether(height + keepWithNext);
        _pages.Begin(StructureTag.H2);
        _pages.Text(number, s.Section, s.Accent, MarginLeft, _y);
        _pages.Text(title, s.Section, s.Accent, MarginLeft + 18, _y);
        _pages.End();
        _y += height;
    }

    /// <summary>Wrapped text over the full width (less <paramref name="indent"/>); continues on the next page line by line.</summary>
    private void Paragraph(string text, XFont font, double indent = 0)
    {
        var lines = _measurer.Wrap(text, font, ContentWidth - indent);
        var lineHeight = Line(font);
        KeepTogether(Math.Min(2, lines.Count) * lineHeight);
        _pages.Begin(StructureTag.P);
        foreach (var line in lines)
        {
            if (Remaining < lineHeight)
            {
                NewPage();
            }

            if (line.Length > 0)
            {
                _pages.Text(line, font, _styles.Text, MarginLeft + indent, _y);
            }

            _y += lineHeight;
        }

        _pages.End();
        _y += ParagraphGap;
    }

    /// <summary>Label and value per row, read as a list; a missing value is a writing line to fill in by hand.</summary>
    private void Facts(IReadOnlyList<(string Label, string? Value)> facts)
    {
        var s = _styles;
        var valueWidth = ContentWidth - LabelWidth;
        var rows = facts.Select(f => (f.Label, Lines: string.IsNullOrWhiteSpace(f.Value) ? [] : _measurer.Wrap(f.Value, s.BodyBold, valueWidth))).ToList();
        // A row left blank: the label sits on a writing line, a hint below says to fill it in by hand.
        var blankLineY = 1.6 * Line(s.Body);
        double RowHeight(List<string> lines) => lines.Count == 0 ? blankLineY + Line(s.Label) + 5 : lines.Count * Line(s.BodyBold) + 3;
        KeepTogether(rows.Sum(r => RowHeight(r.Lines)));

        _pages.Begin(StructureTag.L);
        foreach (var (label, lines) in rows)
        {
            var height = RowHeight(lines);
            KeepTogether(height);
            _pages.Begin(StructureTag.LI);
            _pages.Begin(StructureTag.Lbl);
            _pages.Text(label, s.Body, s.Muted, MarginLeft, lines.Count == 0 ? _y + blankLineY - Line(s.Body) + 1 : _y);
            _pages.End();
            _pages.Begin(StructureTag.LBody);
            if (lines.Count == 0)
            {
                var lineY = _y + blankLineY;
                _pages.Artifact(new LineOp(_styles.SignatureLine, MarginLeft + LabelWidth, lineY, ContentRight, lineY));
                _pages.Text(FillInByHand, s.Label, s.Muted, MarginLeft + LabelWidth, lineY + 1);
            }
            else
            {
                var top = _y;
                foreach (var line in lines)
                {
                    _pages.Text(line, s.BodyBold, s.Text, MarginLeft + LabelWidth, top);
                    top += Line(s.BodyBold);
                }
            }

            _pages.End();
            _pages.End();
            _y += height;
        }

        _pages.End();
        _y += SectionGap - 3;
    }

    /// <summary>A direction the consent covers: its heading and the kinds of data as a bulleted list.</summary>
    private void Direction(string title)
    {
        var s = _styles;
        var items = _document.Categories.Select(c => _measurer.Wrap(ConsentFormLabels.Describe(c), s.Body, ContentWidth - BulletIndent)).ToList();
        var titleLines = _measurer.Wrap(title + ":", s.SubHeading, ContentWidth);
        var titleHeight = titleLines.Count * Line(s.SubHeading) + 2;
        KeepTogether(titleHeight + (items.Count == 0 ? Line(s.Body) : items[0].Count * Line(s.Body)));
        _pages.Begin(StructureTag.H3);
        foreach (var line in titleLines)
        {
            _pages.Text(line, s.SubHeading, s.Text, MarginLeft, _y);
            _y += Line(s.SubHeading);
        }

        _pages.End();
        _y += 2;
        if (items.Count == 0)
        {
            Paragraph("Keine Angaben.", s.Body);
            return;
        }

        _pages.Begin(StructureTag.L);
        foreach (var lines in items)
        {
            KeepTogether(lines.Count * Line(s.Body));
            _pages.Begin(StructureTag.LI);
            _pages.Begin(StructureTag.Lbl);
            _pages.Text("•", s.Body, s.Text, MarginLeft + 3, _y);
            _pages.End();
            _pages.Begin(StructureTag.LBody);
            foreach (var line in lines)
            {
                _pages.Text(line, s.Body, s.Text, MarginLeft + BulletIndent, _y);
                _y += Line(s.Body);
            }

            _pages.End();
            _pages.End();
            _y += 2;
        }

        _pages.End();
        _y += ParagraphGap;
    }

    /// <summary>Empty lines to write on, with a hint that says so.</summary>
    private void WritingLines(int count)
    {
        var s = _styles;
        const double spacing = 20;
        KeepTogether(count * spacing + Line(s.Label));
        var lines = Enumerable.Range(1, count).Select(i => (DrawOp)new LineOp(s.SignatureLine, MarginLeft, _y + i * spacing, ContentRight, _y + i * spacing)).ToArray();
        _pages.Artifact(lines);
        _y += count * spacing + 1;
        _pages.Begin(StructureTag.P);
        _pages.Text(FillInByHand, s.Label, s.Muted, MarginLeft, _y);
        _pages.End();
        _y += Line(s.Label) + ParagraphGap;
    }

    /// <summary>The client's statement and the signature lines with place and date; kept on one page.</summary>
    private void Signatures()
    {
        var s = _styles;
        const string statement = "Ich habe diese Erklärung gelesen und verstanden. Ich bin einverstanden, dass die oben genannten Angaben "
            + "für den genannten Zweck und in der genannten Zeit zwischen Jobcenter und Drogenhilfe ausgetauscht werden. "
            + "Eine Kopie dieser Erklärung habe ich erhalten.";
        List<string> parties = ["Klient:in"];
        if (_document.ClientIsMinor)
        {
            parties.Add("Gesetzliche Vertretung (bei Minderjährigen)");
        }

        parties.Add(ConsentFormLabels.Caseworker(_document.RecordedBy));
        const double gap = 20;
        const double writingSpace = 24;
        var columnWidth = (ContentWidth - (parties.Count - 1) * gap) / parties.Count;
        var statementLines = _measurer.Wrap(statement, s.Body, ContentWidth);
        var labelHeight = Line(s.Label);
        var partyLines = parties.Select(p => _measurer.Wrap(p, s.LabelBold, columnWidth)).ToList();
        var partyHeight = partyLines.Max(l => l.Count) * Line(s.LabelBold);
        var blockHeight = statementLines.Count * Line(s.Body) + 2 + writingSpace + 2 + labelHeight + writingSpace + 2 + partyHeight;
        var headingHeight = Line(s.Section) + 4;
        KeepTogether(headingHeight + blockHeight);

        Section("7", "Unterschriften", blockHeight);
        _pages.Begin(StructureTag.P);
        foreach (var line in statementLines)
        {
            _pages.Text(line, s.Body, s.Text, MarginLeft, _y);
            _y += Line(s.Body);
        }

        _pages.End();
        _y += 2;
        for (var i = 0; i < parties.Count; i++)
        {
            var x = MarginLeft + i * (columnWidth + gap);
            var placeLineY = _y + writingSpace;
            var signatureLineY = placeLineY + 2 + labelHeight + writingSpace;
            _pages.Artifact(
                new LineOp(s.SignatureLine, x, placeLineY, x + columnWidth, placeLineY),
                new LineOp(s.SignatureLine, x, signatureLineY, x + columnWidth, signatureLineY));

            // Read as "<who>, Ort, Datum": whose signature, then what goes on the line above it.
            _pages.Begin(StructureTag.P);
            var top = signatureLineY + 2;
            foreach (var line in partyLines[i])
            {
                _pages.Text(line, s.LabelBold, s.Text, x, top);
                top += Line(s.LabelBold);
            }

            _pages.Text("Ort, Datum", s.Label, s.Muted, x, placeLineY + 2);
            _pages.End();
        }

        _y += writingSpace + 2 + labelHeight + writingSpace + 2 + partyHeight;
    }
}
