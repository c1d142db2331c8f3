using CaseManagement.Web.Authorization;
using Microsoft.AspNetCore.Components.Routing;

namespace CaseManagement.Web.Navigation;

/// <param name="Policy">Null means every signed-in staff member.</param>
public sealed record NavigationEntry(string Label, string Href, string? Policy, NavLinkMatch Match = NavLinkMatch.Prefix);

/// <summary>
/// The product's main sections. The navigation shows an entry only when the section's page
/// policy admits the user, so the menu and the pages cannot disagree.
/// </summary>
public static class NavigationCatalog
{
    public static IReadOnlyList<NavigationEntry> Entries { get; } =
    [
        new("Start", "/", null, NavLinkMatch.All),
        new("Klient:innen", "/klienten", Policies.CaseWork),
        new("Termine", "/termine", Policies.CaseWork),
        new("Kontakt erfassen", "/kontakt", Policies.CaseWork),
        new("Team", "/team", Policies.TeamLead),
        new("Fortbildungen im Team", "/team/fortbildungen", Policies.TeamLead),
        new("Meine Fortbildungen", "/fortbildungen", Policies.Trainee),
        new("Kennzahlen", "/kennzahlen", Policies.SteeringFigures, NavLinkMatch.All),
        new("Bedarfsanalyse", "/kennzahlen/bedarfsanalyse", Policies.SteeringFigures),
        new("Lenkungsrunden", "/lenkungsrunden", Policies.SteeringFigures),
        new("Datenschutz", "/datenschutz", Policies.DataProtection),
        new("Benutzerkonten", "/verwaltung/konten", Policies.Administration),
        new("Netzwerkpartner", "/netzwerkpartner", Policies.CaseWork),
        new("Netzwerkpartner", "/verwaltung/netzwerkpartner", Policies.Administration),
        new("Aufbewahrung", "/verwaltung/aufbewahrung", Policies.Administration),
        new("Lenkungsrunden", "/verwaltung/lenkungsrunden", Policies.Administration),
        new("Fortbildungen", "/verwaltung/fortbildungen", Policies.Administration),
    ];
}
