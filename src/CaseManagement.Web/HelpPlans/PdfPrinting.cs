using PdfSharp;

namespace CaseManagement.Web.HelpPlans;

/// <summary>
/// Selects the PDFsharp licence once per process. PDFsharp 6.5 is AGPL-3.0 or commercial
/// (see CaseManagement.Documents/Pdf/PdfLicence.cs): "Pdf:Licence" = "AGPL-3.0" accepts the AGPL,
/// which obliges the operator to offer this application's source code to its users;
/// "Commercial" loads the key from "Pdf:LicenceKey". Without either, printing is switched off
/// and the plan page says so.
/// </summary>
public sealed class PdfPrinting
{
    public const string Agpl = "AGPL-3.0";
    public const string Commercial = "Commercial";

    public bool Enabled { get; private init; }

    public static PdfPrinting SelectLicence(IConfiguration configuration)
    {
        var licence = configuration["Pdf:Licence"];
        if (string.Equals(licence, Agpl, StringComparison.OrdinalIgnoreCase))
        {
            PdfSharpLicense.SetAgplLicense();
            return new PdfPrinting { Enabled = true };
        }

        if (string.Equals(licence, Commercial, StringComparison.OrdinalIgnoreCase) && configuration["Pdf:LicenceKey"] is { Length: > 0 } key)
        {
            PdfSharpLicense.LoadLicense(key);
            return new PdfPrinting { Enabled = true };
        }

        return new PdfPrinting { Enabled = false };
    }
}
