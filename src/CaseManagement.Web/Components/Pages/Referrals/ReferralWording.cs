using CaseManagement.Application.Referrals;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Staff;

namespace CaseManagement.Web.Components.Pages.Referrals;

/// <summary>How the referral pages put waiting times into German words.</summary>
public static class ReferralWording
{
    /// <summary>"wartet seit 12 Tagen" while the client waits; "Wartezeit 25 Tage" once admitted; null when there is no hand-over to measure.</summary>
    public static string? Waiting(ReferralRow referral) => referral.WaitingDays switch
    {
        null => null,
        0 when referral.IsWaiting => "wartet seit heute",
        { } days when referral.IsWaiting => $"wartet seit {days} {(days == 1 ? "Tag" : "Tagen")}",
        { } days => $"Wartezeit {DayCount(days)}",
    };

    /// <summary>"0 Tage", "1 Tag", "12 Tage".</summary>
    public static string DayCount(int days) => days == 1 ? "1 Tag" : $"{days} Tage";

    /// <summary>A status as a heading or label: "Termin vereinbart", "Aufgenommen".</summary>
    public static string Title(ReferralStatus status) => status.German() is { Length: > 0 } text ? char.ToUpperInvariant(text[0]) + text[1..] : "";

    /// <summary>"geführt vom Jobcenter", "geführt von der Drogenhilfe".</summary>
    public static string HeldBy(Organisation holder) => holder == Organisation.Jobcenter ? "geführt vom Jobcenter" : "geführt von der Drogenhilfe";
}
