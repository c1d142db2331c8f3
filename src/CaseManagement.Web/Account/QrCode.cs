using QRCoder;

namespace CaseManagement.Web.Account;

/// <summary>A QR code as a PNG data address for an &lt;img&gt; (the Content-Security-Policy allows data: images).</summary>
public static class QrCode
{
    public static string DataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(pixelsPerModule: 6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
