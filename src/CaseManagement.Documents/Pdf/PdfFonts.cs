using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace CaseManagement.Documents.Pdf;

/// <summary>
/// Registers <see cref="SystemFontResolver"/> with PDFsharp, once per process, and creates the
/// fonts documents use.
/// </summary>
/// <remarks>
/// <see cref="GlobalFontSettings.FontResolver"/> may be set only once and only before PDFsharp used
/// any font; setting it again throws. Every renderer therefore calls <see cref="EnsureRegistered"/>
/// first. If the host already registered a resolver of its own, that one is kept as long as it
/// resolves <see cref="SystemFontResolver.FamilyName"/> (a host can delegate to
/// <see cref="SystemFontResolver.Instance"/> for that family).
/// </remarks>
public static class PdfFonts
{
    private static readonly Lock _gate = new();
    private static volatile bool _registered;

    /// <summary>
    /// Unicode encoding (Identity-H with a ToUnicode map, so „“ – € ß copy and search correctly);
    /// PDFsharp 6 always embeds fonts (as a subset) whatever PdfFontEmbedding says, and
    /// TryComputeSubset states that intent explicitly.
    /// </summary>
    public static XPdfFontOptions Options { get; } = new(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset);

    /// <summary>Makes sure PDFsharp can resolve <see cref="SystemFontResolver.FamilyName"/>; idempotent and thread-safe.</summary>
    /// <exception cref="FontNotInstalledException">No usable font file is installed.</exception>
    public static void EnsureRegistered()
    {
        if (_registered)
        {
            return;
        }

        lock (_gate)
        {
            if (_registered)
            {
                return;
            }

            var current = GlobalFontSettings.FontResolver;
            if (current is null)
            {
                GlobalFontSettings.FontResolver = SystemFontResolver.Instance;
            }
            else if (!ReferenceEquals(current, SystemFontResolver.Instance)
                     && current.ResolveTypeface(SystemFontResolver.FamilyName, false, false) is null)
            {
                throw new InvalidOperationException(
                    "Es ist bereits ein anderer PDFsharp-FontResolver registriert, der die Schrift " +
                    $"„{SystemFontResolver.FamilyName}“ nicht kennt; er muss an SystemFontResolver.Instance weiterleiten. / " +
                    "Another PDFsharp font resolver is already registered and does not resolve " +
                    $"'{SystemFontResolver.FamilyName}'; let it delegate to SystemFontResolver.Instance.");
            }

            // Fail early with the clear message when no font file is installed.
            _ = SystemFontResolver.Instance.ChosenFace;
            _registered = true;
        }
    }

    /// <summary>Creates a font of the document family.</summary>
    public static XFont Create(double size, bool bold = false) =>
        new(SystemFontResolver.FamilyName, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Options);
}
