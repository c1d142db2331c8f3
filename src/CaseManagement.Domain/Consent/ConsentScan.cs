using CaseManagement.Domain.Staff;

namespace CaseManagement.Domain.Consent;

/// <summary>The kinds of file a signed consent form may be scanned as.</summary>
public enum ScanFormat
{
    Unknown = 0,
    Pdf = 1,
    Jpeg = 2,
    Png = 3,
}

/// <summary>
/// The scan of the signed paper form of a consent (Schweigepflichtentbindung), stored in the
/// database with the consent. One per consent; a new upload replaces it.
/// </summary>
public class ConsentScan
{
    /// <summary>5 MB: a scanned page or two at a legible resolution.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    public const int FileNameMaxLength = 200;

    public Guid Id { get; set; }

    public Guid ConsentId { get; set; }

    public required string FileName { get; set; }

    public ScanFormat Format { get; set; }

    public required byte[] Content { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public string UploadedById { get; set; } = "";

    public Organisation UploadedByOrganisation { get; set; }

    public string ContentType => ScanFormats.ContentType(Format);
}

/// <summary>Tells a file's kind by its first bytes, never by its name alone.</summary>
public static class ScanFormats
{
    public static ScanFormat Detect(ReadOnlySpan<byte> content) =>
        content.StartsWith("%PDF-"u8) ? ScanFormat.Pdf
        : content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? ScanFormat.Jpeg
        : content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? ScanFormat.Png
        : ScanFormat.Unknown;

    /// <summary>The kind the file's name claims by its extension.</summary>
    public static ScanFormat Claimed(string? fileName) => Path.GetExtension(fileName ?? "").ToLowerInvariant() switch
    {
        ".pdf" => ScanFormat.Pdf,
        ".jpg" or ".jpeg" => ScanFormat.Jpeg,
        ".png" => ScanFormat.Png,
        _ => ScanFormat.Unknown,
    };

    public static string ContentType(ScanFormat format) => format switch
    {
        ScanFormat.Pdf => "application/pdf",
        ScanFormat.Jpeg => "image/jpeg",
        ScanFormat.Png => "image/png",
        _ => "application/octet-stream",
    };

    /// <summary>Why the file cannot be the scan, in words for the caseworker; null when it can.</summary>
    public static string? WhyNot(string? fileName, ReadOnlySpan<byte> content)
    {
        if (content.Length == 0)
        {
            return "Die Datei ist leer.";
        }

        if (content.Length > ConsentScan.MaxBytes)
        {
            return $"Die Datei ist zu groß ({content.Length / 1024 / 1024} MB); höchstens {ConsentScan.MaxBytes / 1024 / 1024} MB sind möglich.";
        }

        var claimed = Claimed(fileName);
        if (claimed == ScanFormat.Unknown)
        {
            return "Bitte laden Sie die unterschriebene Einwilligung als PDF, JPEG oder PNG hoch.";
        }

        return Detect(content) == claimed
            ? null
            : $"Der Inhalt der Datei ist kein {claimed.ToString().ToUpperInvariant()}, auch wenn der Name es sagt. Bitte laden Sie den Scan selbst hoch.";
    }
}
