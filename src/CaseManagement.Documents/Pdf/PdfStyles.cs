using PdfSharp.Drawing;

namespace CaseManagement.Documents.Pdf;

/// <summary>Fonts, colours and lines of the project's documents; one instance per rendering.</summary>
internal sealed class PdfStyles
{
    public XFont OrganisationLine { get; } = PdfFonts.Create(8, bold: true);
    public XFont Title { get; } = PdfFonts.Create(15, bold: true);
    public XFont HeaderText { get; } = PdfFonts.Create(9);
    public XFont HeaderBold { get; } = PdfFonts.Create(9, bold: true);
    public XFont Section { get; } = PdfFonts.Create(11.5, bold: true);
    public XFont SubHeading { get; } = PdfFonts.Create(10, bold: true);
    public XFont Body { get; } = PdfFonts.Create(9.5);
    public XFont BodyBold { get; } = PdfFonts.Create(9.5, bold: true);
    public XFont Table { get; } = PdfFonts.Create(9);
    public XFont TableBold { get; } = PdfFonts.Create(9, bold: true);
    public XFont TableHeader { get; } = PdfFonts.Create(8.5, bold: true);
    public XFont Label { get; } = PdfFonts.Create(7.5);
    public XFont LabelBold { get; } = PdfFonts.Create(8, bold: true);
    public XFont Footer { get; } = PdfFonts.Create(8);
    public XFont Watermark { get; } = PdfFonts.Create(120, bold: true);

    public XBrush Text { get; } = new XSolidBrush(XColor.FromArgb(0x1A, 0x1A, 0x1A));
    public XBrush Muted { get; } = new XSolidBrush(XColor.FromArgb(0x5C, 0x63, 0x6B));
    public XBrush Accent { get; } = new XSolidBrush(XColor.FromArgb(0x1F, 0x3A, 0x5F));
    public XBrush HeaderFill { get; } = new XSolidBrush(XColor.FromArgb(0xDD, 0xE4, 0xEC));
    public XBrush GoalFill { get; } = new XSolidBrush(XColor.FromArgb(0xF0, 0xF3, 0xF7));
    public XBrush BoxFill { get; } = new XSolidBrush(XColor.FromArgb(0xF7, 0xF8, 0xFA));

    /// <summary>A brick red at 18 % opacity: text beneath stays readable, and it prints as a light grey in black and white.</summary>
    public XBrush WatermarkBrush { get; } = new XSolidBrush(XColor.FromArgb(46, 0xB0, 0x3A, 0x2E));

    public XPen Grid { get; } = new(XColor.FromArgb(0x9A, 0xA4, 0xAF), 0.5);
    public XPen Rule { get; } = new(XColor.FromArgb(0x1F, 0x3A, 0x5F), 0.8);
    public XPen ThinRule { get; } = new(XColor.FromArgb(0x9A, 0xA4, 0xAF), 0.5);
    public XPen SignatureLine { get; } = new(XColor.FromArgb(0x1A, 0x1A, 0x1A), 0.6);

    /// <summary>Distance between the tops of two lines of <paramref name="font"/>.</summary>
    public static double LineHeight(XFont font) => Math.Ceiling(font.GetHeight() * 1.08 * 10) / 10;
}
