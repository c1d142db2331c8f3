using CaseManagement.Domain.Sessions;

namespace CaseManagement.Domain.Tests.Sessions;

public sealed class DeviceDescriptionTests
{
    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome auf Windows")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge auf Windows")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox auf Linux")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1", "Safari auf iPhone")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36", "Chrome auf Android")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", "Safari auf macOS")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36", "Chrome auf Linux")]
    [InlineData("curl/8.5.0", "Unbekannter Browser")]
    [InlineData("", "Unbekannter Browser")]
    [InlineData(null, "Unbekannter Browser")]
    public void Names_browser_and_system_without_versions(string? userAgent, string expected) =>
        Assert.Equal(expected, DeviceDescription.Of(userAgent));

    [Fact]
    public void Never_exceeds_the_stored_length()
    {
        var longest = DeviceDescription.Of("Mozilla/5.0 (Linux; Android 14) SamsungBrowser/26.0 Chrome/122.0 Mobile Safari/537.36");

        Assert.Equal("Samsung Internet auf Android", longest);
        Assert.True(longest.Length <= StaffSession.DeviceMaxLength);
    }
}
