using System.Text;
using CaseManagement.Domain.Staff;

namespace CaseManagement.Domain.Tests.Staff;

/// <summary>The test vectors of RFC 6238 (appendix B, SHA-1), cut to the six digits authenticator apps show.</summary>
public sealed class AuthenticatorCodeTests
{
    // "12345678901234567890" in Base32, the key of RFC 6238's SHA-1 vectors.
    private const string RfcKey = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1111111111L, "050471")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    public void Codes_follow_RFC_6238(long unixSeconds, string expected)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(unixSeconds);

        Assert.Equal(expected, AuthenticatorCode.Compute(Encoding.ASCII.GetBytes("12345678901234567890"), AuthenticatorCode.StepOf(now)));
        Assert.True(AuthenticatorCode.Matches(RfcKey, expected, now));
        Assert.True(AuthenticatorCode.Matches(RfcKey.ToLowerInvariant(), expected[..3] + " " + expected[3..], now));
    }

    [Fact]
    public void A_code_counts_one_step_either_side_and_no_further()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1234567890);
        var key = Base32.TryDecode(RfcKey)!;
        var step = AuthenticatorCode.StepOf(now);

        Assert.True(AuthenticatorCode.Matches(RfcKey, AuthenticatorCode.Compute(key, step - 1), now));
        Assert.True(AuthenticatorCode.Matches(RfcKey, AuthenticatorCode.Compute(key, step + 1), now));
        Assert.False(AuthenticatorCode.Matches(RfcKey, AuthenticatorCode.Compute(key, step - 2), now));
        Assert.False(AuthenticatorCode.Matches(RfcKey, AuthenticatorCode.Compute(key, step + 2), now));
        Assert.Equal(step - 1, AuthenticatorCode.MatchingStep(RfcKey, AuthenticatorCode.Compute(key, step - 1), now));
        Assert.Equal(step + 1, AuthenticatorCode.MatchingStep(RfcKey, AuthenticatorCode.Compute(key, step + 1), now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("00592")]
    [InlineData("0059245")]
    [InlineData("abcdef")]
    public void Anything_but_six_digits_is_no_code(string? code) =>
        Assert.False(AuthenticatorCode.Matches(RfcKey, code, DateTimeOffset.FromUnixTimeSeconds(1234567890)));

    [Fact]
    public void Without_a_key_no_code_matches_not_even_the_one_of_an_empty_key()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1234567890);
        var codeOfZeroKey = AuthenticatorCode.Compute(new byte[20], AuthenticatorCode.StepOf(now));

        Assert.False(AuthenticatorCode.Matches(null, codeOfZeroKey, now));
        Assert.False(AuthenticatorCode.Matches("not base32!", codeOfZeroKey, now));
    }

    [Fact]
    public void The_enrolment_address_names_the_product_and_the_account()
    {
        var uri = AuthenticatorCode.EnrolmentUri("Fallverbund Ludwigshafen", "erika@jobcenter.example", RfcKey);

        Assert.Equal("otpauth://totp/Fallverbund%20Ludwigshafen:erika%40jobcenter.example?secret=" + RfcKey
            + "&issuer=Fallverbund%20Ludwigshafen&digits=6", uri);
    }
}
