namespace CaseManagement.Infrastructure.Identity;

/// <summary>
/// Where Identity's user store keeps an account's authenticator key and recovery codes (rows of
/// AspNetUserTokens), and beside them the product's own row of the last 30-second step whose code
/// signed in. Identity does not expose these names; the sign-in reads the rows in one query for
/// every attempt, so that the work does not reveal whether a password was right.
/// SecondFactorTests (integration) fail if Identity ever stores them differently.
/// </summary>
public static class AuthenticatorTokens
{
    public const string LoginProvider = "[AspNetUserStore]";
    public const string KeyName = "AuthenticatorKey";
    public const string RecoveryCodesName = "RecoveryCodes";

    /// <summary>The product's own: the step of the last authenticator code that signed in, as <see cref="FormatStep"/> writes it.</summary>
    public const string LastUsedStepName = "AuthenticatorLastUsedStep";

    /// <summary>Fixed width, so that the database compares steps as text in their numeric order.</summary>
    public static string FormatStep(long step) => step.ToString("D15", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Recovery codes shown to the person when they set up or renew them.</summary>
    public const int RecoveryCodeCount = 10;
}
