using PdfSharp.Drawing;

namespace CaseManagement.Documents.Pdf;

/// <summary>
/// One drawing instruction of a laid-out page. Layout records these first, so the page count is
/// known before anything is drawn ("Seite x von y" in one pass).
/// </summary>
internal abstract record DrawOp
{
    /// <summary>Drawn inside a text object (BT…ET); everything else is drawn outside one.</summary>
    public virtual bool DrawsInTextMode => false;

    public abstract void Draw(PdfCanvas canvas);
}

/// <summary>A single line of text; <see cref="Top"/> is the top of the line box.</summary>
/// <remarks>
/// Drawn with a trailing space: whoever joins the text of an element (a screen reader, copy and
/// paste, text extraction) gets a word break between wrapped lines and between strings set side by
/// side, which PDF readers otherwise have to guess from positions. The space is invisible.
/// </remarks>
internal sealed record TextOp(string Text, XFont Font, XBrush Brush, double X, double Top) : DrawOp
{
    public override bool DrawsInTextMode => true;

    public override void Draw(PdfCanvas canvas) =>
        canvas.ForText().DrawString(Text.EndsWith(' ') ? Text : Text + " ", Font, Brush, X, Top, XStringFormats.TopLeft);
}

internal sealed record LineOp(XPen Pen, double X1, double Y1, double X2, double Y2) : DrawOp
{
    public override void Draw(PdfCanvas canvas) => canvas.ForShapes().DrawLine(Pen, X1, Y1, X2, Y2);
}

internal sealed record RectOp(XBrush Brush, double X, double Y, double Width, double Height) : DrawOp
{
    public override void Draw(PdfCanvas canvas) => canvas.ForShapes().DrawRectangle(Brush, X, Y, Width, Height);
}

/// <summary>Measures text with PDFsharp and caches widths for one rendering (not shared between threads).</summary>
internal sealed class TextMeasurer(XGraphics measureContext)
{
    private readonly Dictionary<XFont, Dictionary<string, double>> _widths = new(ReferenceEqualityComparer.Instance);

    public double Width(string text, XFont font)
    {
        if (!_widths.TryGetValue(font, out var cache))
        {
            cache = new Dictionary<string, double>(StringComparer.Ordinal);
            _widths[font] = cache;
        }

        if (!cache.TryGetValue(text, out var width))
        {
            width = measureContext.MeasureString(text, font).Width;
            cache[text] = width;
        }

        return width;
    }

    public List<string> Wrap(string? text, XFont font, double maxWidth) =>
        TextWrapper.Wrap(text, maxWidth, s => Width(s, font));

    /// <summary>Cuts <paramref name="text"/> with "…" so it fits <paramref name="maxWidth"/> on one line.</summary>
    public string Ellipsize(string text, XFont font, double maxWidth)
    {
        if (Width(text, font) <= maxWidth)
        {
            return text;
        }

        var length = text.Length;
        while (length > 0 && Width(string.Concat(text.AsSpan(0, length).TrimEnd(), "…"), font) > maxWidth)
        {
            length--;
        }

        return string.Concat(text.AsSpan(0, length).TrimEnd(), "…");
    }
}

/// <summary>A single line of text turned to read upwards (a narrow table column's header); its start is at (<see cref="X"/>, <see cref="Bottom"/>), it rises from there.</summary>
internal sealed record UpwardTextOp(string Text, XFont Font, XBrush Brush, double X, double Bottom) : DrawOp
{
    public override void Draw(PdfCanvas canvas)
    {
        var gfx = canvas.ForShapes();
        var state = gfx.Save();
        gfx.RotateAtTransform(-90, new XPoint(X, Bottom));
        gfx.DrawString(Text, Font, Brush, X, Bottom, XStringFormats.TopLeft);
        gfx.Restore(state);
    }
}

/// <summary>A word across the page from the lower left towards the upper right corner, centred on the page (the draft mark).</summary>
internal sealed record DiagonalTextOp(string Text, XFont Font, XBrush Brush) : DrawOp
{
    private static readonly double Angle = -Math.Atan2(A4Page.PageHeight, A4Page.PageWidth) * 180 / Math.PI;

    public override void Draw(PdfCanvas canvas)
    {
        var gfx = canvas.ForShapes();
        var centre = new XPoint(A4Page.PageWidth / 2, A4Page.PageHeight / 2);
        var state = gfx.Save();
        gfx.RotateAtTransform(Angle, centre);
        gfx.DrawString(Text, Font, Brush, centre, XStringFormats.Center);
        gfx.Restore(state);
    }
}
