using System.Reflection;
using CaseManagement.Documents.Pdf;
using PdfSharp;

namespace CaseManagement.Documents.Tests;

[CollectionDefinition(nameof(LicenceTests), DisableParallelization = true)]
public sealed class LicenceTestGroup;

/// <summary>
/// Without a selected licence PDFsharp 6.5 refuses to create documents; the renderer says what to do.
/// Runs alone: it unloads the process-wide licence for a moment (through PDFsharp's internal
/// ResetLicense, as PDFsharp offers no public way) and selects the AGPL again afterwards.
/// </summary>
[Collection(nameof(LicenceTests))]
public sealed class LicenceTests
{
    [Fact]
    public void Rendering_without_a_selected_licence_fails_with_a_clear_message()
    {
        var reset = typeof(PdfSharpLicense).GetMethod("ResetLicense", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic);
        Assert.NotNull(reset);
        reset.Invoke(null, null);
        try
        {
            var error = Assert.Throws<PdfLicenceNotSelectedException>(() => CaseManagement.Documents.HelpPlans.HelpPlanPdf.Render(SamplePlans.Short()));
            Assert.Contains("PdfSharpLicense.SetAgplLicense()", error.Message);
            Assert.Contains("AGPL-3.0", error.Message);
            Assert.Contains("Lizenz", error.Message);
        }
        finally
        {
            PdfSharpLicense.SetAgplLicense();
        }

        Assert.NotEmpty(TestPdf.Render(SamplePlans.Short()));
    }
}
