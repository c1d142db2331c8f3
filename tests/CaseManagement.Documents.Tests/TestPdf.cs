using CaseManagement.Documents.HelpPlans;

namespace CaseManagement.Documents.Tests;

/// <summary>Renders a help plan for the tests.</summary>
internal static class TestPdf
{
    public static byte[] Render(HelpPlanDocument document) => HelpPlanPdf.Render(document);
}
