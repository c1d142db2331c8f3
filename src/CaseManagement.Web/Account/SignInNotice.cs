using CaseManagement.Domain.Sessions;

namespace CaseManagement.Web.Account;

/// <summary>
/// Why the sign-in page is shown, as the query parameter <c>grund</c> carries it. Only the keys
/// of this fixed list are ever shown; anything else in the parameter is ignored, never echoed.
/// </summary>
public static class SignInNotice
{
    public const string Parameter = "grund";

    /// <summary>The person signed out in this tab.</summary>
    public const string SignedOut = "abgemeldet";

    /// <summary>The session ended elsewhere: another tab or window of the same sign-in signed out.</summary>
    public const string SessionEnded = "sitzung-beendet";

    public const string AccountChanged = "konto-geaendert";

    /// <summary>The cookie names no session the server knows (deleted after its retention, or from before sessions existed).</summary>
    public const string Expired = "abgelaufen";

    public const string Idle = "inaktiv";

    public const string TimeLimit = "zeitlimit";

    /// <summary>The staff member ended this session from their list of sessions in another one.</summary>
    public const string EndedFromList = "beendet";

    public const string Deactivated = "deaktiviert";

    public const string PasswordChanged = "passwort-geaendert";

    /// <summary>A step of the sign-in (new password, second factor) took too long or its account changed meanwhile.</summary>
    public const string SignInStepExpired = "anmeldung-abgelaufen";

    private static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        [SignedOut] = "Sie haben sich abgemeldet.",
        [SessionEnded] = "Sie wurden abgemeldet, weil diese Anmeldung in einem anderen Tab oder Fenster beendet wurde. Bitte melden Sie sich erneut an.",
        [AccountChanged] = "Sie wurden abgemeldet, weil die Administration Ihr Konto geändert hat (zum Beispiel Rolle oder zweiten Faktor). Bitte melden Sie sich erneut an.",
        [Expired] = "Ihre Anmeldung ist nicht mehr gültig. Bitte melden Sie sich erneut an.",
        [Idle] = "Sie wurden abgemeldet, weil Sie längere Zeit nichts eingegeben haben. Bitte melden Sie sich erneut an.",
        [TimeLimit] = "Sie wurden abgemeldet, weil eine Anmeldung nur eine begrenzte Zeit am Stück gilt. Bitte melden Sie sich erneut an.",
        [EndedFromList] = "Sie wurden abgemeldet, weil diese Anmeldung in der Übersicht „Angemeldete Geräte“ beendet wurde, zum Beispiel von einem anderen Gerät aus.",
        [Deactivated] = "Sie wurden abgemeldet, weil Ihr Konto deaktiviert wurde. Bei Fragen wenden Sie sich an die Administration.",
        [PasswordChanged] = "Sie wurden abgemeldet, weil das Passwort Ihres Kontos geändert wurde. Bitte melden Sie sich mit dem neuen Passwort an.",
        [SignInStepExpired] = "Die Anmeldung hat zu lange gedauert oder das Konto hat sich inzwischen geändert. Bitte melden Sie sich erneut an.",
    };

    /// <summary>The key for a session that ended for <paramref name="reason"/> while this tab or request still used it.</summary>
    public static string For(SessionEndReason? reason) => reason switch
    {
        SessionEndReason.SignedOut => SessionEnded,
        SessionEndReason.AccountChanged => AccountChanged,
        SessionEndReason.IdleTimeout => Idle,
        SessionEndReason.AbsoluteTimeout => TimeLimit,
        SessionEndReason.EndedFromSessionList => EndedFromList,
        SessionEndReason.AccountDeactivated => Deactivated,
        SessionEndReason.PasswordChanged => PasswordChanged,
        _ => Expired,
    };

    public static string? TextOf(string? key) => key is not null && Texts.TryGetValue(key, out var text) ? text : null;

    public static string LoginPath(string key, string? returnUrl = null) =>
        StaffAccountsRegistration.LoginPath + "?" + Parameter + "=" + key
        + (returnUrl is null ? "" : "&returnUrl=" + Uri.EscapeDataString(returnUrl));
}
