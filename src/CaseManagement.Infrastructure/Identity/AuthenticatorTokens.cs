namespace CaseManagement.Infrastructure.Identity;

/// <summary>
/// Where Identity's user store keeps an account's authenticator key and recovery codes (rows of
/// AspNetUserTokens). Identity does not expose these names; the sign-in reads both rows in one
/// query for every attempt, so that the work does not reveal whether a password was right.
/// SecondFactorSignInTests fail if Identity ever stores them differently.
/// </summary>
public static class AuthenticatorTokens
{
    public const string LoginProvider = "[AspNetUserStore]";
    public const string KeyName = "AuthenticatorKey";
    public const string RecoveryCodesName = "RecoveryCodes";

    /// <summary>Recovery codes shown to the person when they set up or renew them.</summary>
    public const int RecoveryCodeCount = 10;
}
