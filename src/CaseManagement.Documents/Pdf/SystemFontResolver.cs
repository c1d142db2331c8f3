using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace CaseManagement.Documents.Pdf;

/// <summary>
/// PDFsharp font resolver that loads TrueType files installed on the system. PDFsharp's Core build
/// (the one on Linux) finds no fonts by itself, so every document of this project asks for the
/// family <see cref="FamilyName"/> and this resolver maps it onto DejaVu Sans (Debian package
/// fonts-dejavu-core) or, when that is missing, Liberation Sans (fonts-liberation).
/// </summary>
/// <remarks>
/// Thread-safe: the file is chosen once per instance, font bytes are read once and cached.
/// When no candidate is installed, <see cref="ResolveTypeface"/> throws a
/// <see cref="FontNotInstalledException"/> that names the missing file and the package to install.
/// </remarks>
public sealed class SystemFontResolver : IFontResolver
{
    /// <summary>The family name documents ask for; it is ours, not a real font's.</summary>
    public const string FamilyName = "CaseManagement Sans";

    /// <summary>The Debian package named in the error message when no font is installed.</summary>
    public const string DebianPackage = "fonts-dejavu-core";

    /// <summary>The default candidates, best first.</summary>
    public static IReadOnlyList<FontFace> DefaultCandidates { get; } =
    [
        new("DejaVu Sans",
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
            "fonts-dejavu-core"),
        new("Liberation Sans",
            "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
            "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
            "fonts-liberation"),
    ];

    private const string RegularFace = "casemanagement-sans-regular";
    private const string BoldFace = "casemanagement-sans-bold";

    private readonly IReadOnlyList<FontFace> _candidates;
    private readonly Lazy<FontFace> _chosen;
    private readonly ConcurrentDictionary<string, byte[]> _bytes = new(StringComparer.Ordinal);

    /// <summary>Creates a resolver over <see cref="DefaultCandidates"/>.</summary>
    public SystemFontResolver()
        : this(DefaultCandidates)
    {
    }

    /// <summary>Creates a resolver over the given candidates (best first); for tests and other machines.</summary>
    public SystemFontResolver(IReadOnlyList<FontFace> candidates)
    {
        ArgumentOutOfRangeException.ThrowIfZero(candidates.Count);
        _candidates = candidates;
        _chosen = new Lazy<FontFace>(Choose, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The process-wide instance registered by <see cref="PdfFonts.EnsureRegistered"/>.</summary>
    public static SystemFontResolver Instance { get; } = new();

    /// <summary>The face actually used (DejaVu Sans or Liberation Sans); throws when none is installed.</summary>
    public FontFace ChosenFace => _chosen.Value;

    /// <inheritdoc />
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (!string.Equals(familyName, FamilyName, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        _ = ChosenFace; // fail here, with the clear message, rather than deep inside PDFsharp
        // No italic face is loaded: documents do not use italics; PDFsharp would simulate it.
        return new FontResolverInfo(bold ? BoldFace : RegularFace, mustSimulateBold: false, mustSimulateItalic: italic);
    }

    /// <inheritdoc />
    public byte[]? GetFont(string faceName)
    {
        var path = faceName switch
        {
            RegularFace => ChosenFace.RegularPath,
            BoldFace => ChosenFace.BoldPath,
            _ => null,
        };
        return path is null ? null : _bytes.GetOrAdd(path, File.ReadAllBytes);
    }

    private FontFace Choose()
    {
        foreach (var candidate in _candidates)
        {
            if (File.Exists(candidate.RegularPath) && File.Exists(candidate.BoldPath))
            {
                return candidate;
            }
        }

        var first = _candidates[0];
        var missing = File.Exists(first.RegularPath) ? first.BoldPath : first.RegularPath;
        throw new FontNotInstalledException(missing, first.DebianPackage);
    }
}

/// <summary>A font family as two TrueType files (regular and bold) and the Debian package that ships them.</summary>
/// <param name="DisplayName">E.g. "DejaVu Sans".</param>
/// <param name="RegularPath">Absolute path of the regular face.</param>
/// <param name="BoldPath">Absolute path of the bold face.</param>
/// <param name="DebianPackage">Package that installs both files.</param>
public sealed record FontFace(string DisplayName, string RegularPath, string BoldPath, string DebianPackage);

/// <summary>Thrown when no font file for PDF documents is installed.</summary>
public sealed class FontNotInstalledException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="missingFile"/>.</summary>
    public FontNotInstalledException(string missingFile, string debianPackage)
        : base(
            $"Schriftart für PDF-Dokumente fehlt: Die Datei „{missingFile}“ wurde nicht gefunden. " +
            $"Bitte das Debian-Paket „{debianPackage}“ installieren (apt-get install {debianPackage}). / " +
            $"Font for PDF documents missing: the file '{missingFile}' was not found. " +
            $"Install the Debian package '{debianPackage}' (apt-get install {debianPackage}).")
    {
        MissingFile = missingFile;
        DebianPackage = debianPackage;
    }

    /// <summary>Creates the exception with a message of its own.</summary>
    public FontNotInstalledException()
        : base("Schriftart für PDF-Dokumente fehlt. / Font for PDF documents missing.")
    {
        MissingFile = string.Empty;
        DebianPackage = SystemFontResolver.DebianPackage;
    }

    /// <summary>Creates the exception with a message of its own.</summary>
    public FontNotInstalledException(string message)
        : base(message)
    {
        MissingFile = string.Empty;
        DebianPackage = SystemFontResolver.DebianPackage;
    }

    /// <summary>Creates the exception with a message of its own and an inner exception.</summary>
    public FontNotInstalledException(string message, Exception innerException)
        : base(message, innerException)
    {
        MissingFile = string.Empty;
        DebianPackage = SystemFontResolver.DebianPackage;
    }

    /// <summary>The font file that was looked for first.</summary>
    public string MissingFile { get; }

    /// <summary>The Debian package that installs it.</summary>
    public string DebianPackage { get; }
}
