using System.Security.Cryptography;

namespace CaseManagement.Application.Staff;

/// <summary>
/// One-time initial passwords that Administration hands over in person (no e-mail server is
/// assumed): four groups of four characters from an alphabet without look-alikes (no 0/O, 1/l/I),
/// about 90 bits, easy to read out and type. They must be changed at the first sign-in.
/// </summary>
public static class InitialPassword
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public static string Generate()
    {
        var groups = Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(Alphabet, 4));
        return string.Join('-', groups);
    }
}
