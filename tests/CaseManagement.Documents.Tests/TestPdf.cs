using CaseManagement.Documents.HelpPlans;
using PdfSharp;

namespace CaseManagement.Documents.Tests;

/// <summary>Renders for the tests after selecting PDFsharp's licence.</summary>
/// <remarks>
/// PDFsharp 6.5 is AGPL-3.0 or commercial and needs a licence selected per process. The tests run
/// it locally under the AGPL; which licence the product ships with is the host's decision
/// (see CaseManagement.Documents.Pdf.PdfLicence).
/// </remarks>
internal static class TestPdf
{
    static TestPdf() => PdfSharpLicense.SetAgplLicense();

    public static byte[] Render(HelpPlanDocument document) => HelpPlanPdf.Render(document);
}
