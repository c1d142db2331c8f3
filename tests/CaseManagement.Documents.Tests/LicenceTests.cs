using PdfSharp.Pdf;

namespace CaseManagement.Documents.Tests;

/// <summary>The product ships PDFsharp under its MIT licence, which ends with 6.2: 6.5 and later are AGPL-3.0-only.</summary>
public sealed class LicenceTests
{
    [Fact]
    public void The_PDF_library_is_the_MIT_licensed_PDFsharp_6_2()
    {
        var version = typeof(PdfDocument).Assembly.GetName().Version;

        Assert.NotNull(version);
        Assert.True(version.Major == 6 && version.Minor == 2, $"PDFsharp {version} is referenced; only 6.2.x is MIT-licensed (6.5 and later are AGPL-3.0-only).");
    }
}
