using PdfSharp.License;
using PdfSharp.Pdf;

namespace CaseManagement.Documents.Pdf;

/// <summary>
/// PDFsharp's licence selection. From version 6.5.0 on PDFsharp is no longer MIT: it is dual-licensed
/// under the AGPL-3.0 or a commercial licence, and every process must select one before it creates a
/// document (<c>PdfSharpLicense.SetAgplLicense()</c> or <c>PdfSharpLicense.LoadLicense(key)</c>),
/// otherwise PDFsharp throws "The loaded license is not valid". This library deliberately does not
/// select one: that is a decision for whoever ships the product (the AGPL obliges a network service
/// to offer its source code to its users). The host selects it once at start-up.
/// </summary>
public static class PdfLicence
{
    /// <summary>
    /// Creates a PDFsharp document, turning PDFsharp's licence error into a clear message.
    /// (PDFsharp 6.5 offers no public way to ask whether a licence is loaded: HasValidLicense and
    /// CheckLicense are internal; the PdfDocument constructor runs the check.)
    /// </summary>
    /// <exception cref="PdfLicenceNotSelectedException">No valid licence is loaded.</exception>
    public static PdfDocument CreateDocument()
    {
        try
        {
            return new PdfDocument();
        }
        catch (PdfSharpLicenseException e)
        {
            throw new PdfLicenceNotSelectedException(e);
        }
    }
}

/// <summary>Thrown when a document is rendered before the host selected a PDFsharp licence.</summary>
public sealed class PdfLicenceNotSelectedException : InvalidOperationException
{
    private const string DefaultMessage =
        "Für PDFsharp 6.5 ist keine Lizenz gewählt. PDFsharp steht ab Version 6.5 unter AGPL-3.0 oder einer " +
        "kommerziellen Lizenz; die Anwendung muss beim Start PdfSharpLicense.SetAgplLicense() oder " +
        "PdfSharpLicense.LoadLicense(Schlüssel) aufrufen. / No PDFsharp 6.5 licence is selected. From 6.5 on " +
        "PDFsharp is licensed under the AGPL-3.0 or commercially; the host must call PdfSharpLicense.SetAgplLicense() " +
        "or PdfSharpLicense.LoadLicense(key) at start-up.";

    /// <summary>Creates the exception with the explanation of what to do.</summary>
    public PdfLicenceNotSelectedException()
        : base(DefaultMessage)
    {
    }

    /// <summary>Creates the exception for PDFsharp's own licence error.</summary>
    public PdfLicenceNotSelectedException(Exception innerException)
        : base(DefaultMessage, innerException)
    {
    }

    /// <summary>Creates the exception with a message of its own.</summary>
    public PdfLicenceNotSelectedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message of its own and an inner exception.</summary>
    public PdfLicenceNotSelectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
