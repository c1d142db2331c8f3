namespace CaseManagement.Domain.Sessions;

/// <summary>
/// A short German description of a browser from its User-Agent ("Chrome auf Windows"), so that
/// a staff member can tell their sessions apart. Deliberately coarse: no versions, no device
/// models, nothing that singles out a person beyond what they need to recognise their own device.
/// </summary>
public static class DeviceDescription
{
    public const string Unknown = "Unbekannter Browser";

    // Order matters: Edge and Opera also name Chrome, Chrome also names Safari.
    private static readonly (string Token, string Name)[] Browsers =
    [
        ("Edg/", "Edge"), ("EdgA/", "Edge"), ("EdgiOS/", "Edge"),
        ("OPR/", "Opera"), ("SamsungBrowser/", "Samsung Internet"),
        ("Firefox/", "Firefox"), ("FxiOS/", "Firefox"),
        ("Chrome/", "Chrome"), ("CriOS/", "Chrome"), ("Chromium/", "Chromium"),
        ("Safari/", "Safari"),
    ];

    // iPhone and iPad before macOS (their agents say "like Mac OS X"), Android before Linux.
    private static readonly (string Token, string Name)[] Systems =
    [
        ("iPhone", "iPhone"), ("iPad", "iPad"), ("Android", "Android"),
        ("Windows", "Windows"), ("CrOS", "ChromeOS"), ("Mac OS X", "macOS"), ("Linux", "Linux"),
    ];

    public static string Of(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return Unknown;
        }

        var browser = FirstMatch(Browsers, userAgent);
        var system = FirstMatch(Systems, userAgent);
        return (browser, system) switch
        {
            (null, null) => Unknown,
            (null, { } os) => $"Browser auf {os}",
            ({ } name, null) => name,
            ({ } name, { } os) => $"{name} auf {os}",
        };
    }

    private static string? FirstMatch((string Token, string Name)[] candidates, string userAgent) =>
        candidates.FirstOrDefault(c => userAgent.Contains(c.Token, StringComparison.Ordinal)).Name;
}
