namespace CaseManagement.Web.DataProtection;

/// <summary>Where the data-protection officer reads a case's history (<c>/datenschutz/verlauf?fall=…</c>).</summary>
public static class CaseHistoryLink
{
    public const string Path = "/datenschutz/verlauf";

    public static string For(string caseNumber) => $"{Path}?fall={Uri.EscapeDataString(caseNumber)}";
}
