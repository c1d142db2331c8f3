using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace CaseManagement.Domain.Staff;

/// <summary>
/// The six-digit codes of an authenticator app (TOTP, RFC 6238: HMAC-SHA1, 30-second steps), from
/// the Base32 key that ASP.NET Core Identity stores for an account. A code is accepted in its own
/// step and one step either side, for clocks that are a little off. Checking a code always does the
/// same work, so the sign-in can check one for every attempt, with or without a real key.
/// </summary>
public static class AuthenticatorCode
{
    public const int Digits = 6;

    public static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    private const int AcceptedStepsEitherSide = 1;

    /// <summary>A key that matches no account, for the same work when there is no key to check.</summary>
    private static readonly byte[] NoKey = new byte[20];

    /// <summary>Whether <paramref name="code"/> (spaces allowed) is the code of <paramref name="base32Key"/> around <paramref name="now"/>.</summary>
    public static bool Matches(string? base32Key, string? code, DateTimeOffset now) => MatchingStep(base32Key, code, now) is not null;

    /// <summary>
    /// The 30-second step whose code <paramref name="code"/> is (its own step or one either side),
    /// or null. The sign-in accepts each step once per account, so a code seen over a shoulder or
    /// in a proxy's log cannot be used a second time (RFC 6238, section 5.2).
    /// </summary>
    public static long? MatchingStep(string? base32Key, string? code, DateTimeOffset now)
    {
        var key = base32Key is null ? null : Base32.TryDecode(base32Key);
        var typed = Normalise(code);
        long? matched = null;
        var step = StepOf(now);
        for (var offset = -AcceptedStepsEitherSide; offset <= AcceptedStepsEitherSide; offset++)
        {
            var expected = Compute(key ?? NoKey, step + offset);
            var equal = typed is not null && CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(expected), System.Text.Encoding.ASCII.GetBytes(typed));
            matched = equal ? step + offset : matched;
        }

        return key is not null ? matched : null;
    }

    /// <summary>The code for one 30-second step (RFC 4226 dynamic truncation).</summary>
    public static string Compute(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1; its weakness for signatures does not apply to an HMAC over a counter.
        HMACSHA1.HashData(key, counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7FFFFFFF) % 1_000_000;
        return binary.ToString("D6", CultureInfo.InvariantCulture);
    }

    public static long StepOf(DateTimeOffset now) => now.ToUnixTimeSeconds() / (long)Step.TotalSeconds;

    /// <summary>Six digits once spaces are removed; null for anything else.</summary>
    public static string? Normalise(string? code)
    {
        var digits = code?.Replace(" ", "", StringComparison.Ordinal).Trim();
        return digits is { Length: Digits } && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    /// <summary>
    /// The address an authenticator app reads from the QR code (the "Key Uri Format" of Google
    /// Authenticator, which other apps follow). The label names the product and the account.
    /// </summary>
    public static string EnrolmentUri(string issuer, string accountName, string base32Key) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(accountName)}"
        + $"?secret={base32Key}&issuer={Uri.EscapeDataString(issuer)}&digits={Digits}";
}

/// <summary>Base32 (RFC 4648, upper case, no padding), the alphabet of authenticator keys.</summary>
public static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>The bytes of a Base32 text (case and spaces ignored); null if it is not Base32.</summary>
    public static byte[]? TryDecode(string text)
    {
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        if (clean.Length == 0)
        {
            return null;
        }

        var bytes = new byte[clean.Length * 5 / 8];
        int buffer = 0, bits = 0, index = 0;
        foreach (var character in clean)
        {
            var value = Alphabet.IndexOf(character, StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes[index++] = (byte)(buffer >> bits);
                buffer &= (1 << bits) - 1;
            }
        }

        return bytes;
    }
}
