using CaseManagement.Domain.Staff;

namespace CaseManagement.Infrastructure.DemoData;

public sealed record DemoAccount(string Email, string DisplayName, string Role, Organisation Organisation);

/// <summary>
/// One fictitious account per role (<see cref="All"/>) plus further caseworkers
/// (<see cref="AdditionalCaseworkers"/>). The password is documented in the README; the addresses use
/// the reserved <c>.example</c> domain so that nobody mistakes them for real mailboxes.
/// </summary>
public static class DemoAccounts
{
    public const string Password = "Demo-Passwort-2026";

    public static IReadOnlyList<DemoAccount> All { get; } =
    [
        new("fallmanagerin@jobcenter.example", "Jana Schneider", StaffRole.CaseManager, Organisation.Jobcenter),
        new("fachkraft@drogenhilfe.example", "Deniz Yılmaz", StaffRole.DrugHelpWorker, Organisation.DrugHelpService),
        new("teamleitung@jobcenter.example", "Markus Weber", StaffRole.TeamLeadJobcenter, Organisation.Jobcenter),
        new("teamleitung@drogenhilfe.example", "Sabine Köhler", StaffRole.TeamLeadDrugHelp, Organisation.DrugHelpService),
        new("lenkungsrunde@jobcenter.example", "Dr. Petra Albrecht", StaffRole.SteeringCommittee, Organisation.Jobcenter),
        new("datenschutz@drogenhilfe.example", "Thomas Brandt", StaffRole.DataProtectionOfficer, Organisation.DrugHelpService),
        new("administration@jobcenter.example", "Elif Demir", StaffRole.Administrator, Organisation.Jobcenter),
    ];

    /// <summary>
    /// Further Fallmanager:innen and Fachkräfte Drogenhilfe, so that the demo caseload spreads over
    /// several caseworkers of each organisation (team lead views, reassignment). Same password.
    /// </summary>
    public static IReadOnlyList<DemoAccount> AdditionalCaseworkers { get; } =
    [
        new("katharina.hoffmann@jobcenter.example", "Katharina Hoffmann", StaffRole.CaseManager, Organisation.Jobcenter),
        new("joerg.schaefer@jobcenter.example", "Jörg Schäfer", StaffRole.CaseManager, Organisation.Jobcenter),
        new("aylin.kaya@jobcenter.example", "Aylin Kaya", StaffRole.CaseManager, Organisation.Jobcenter),
        new("franziska.krueger@drogenhilfe.example", "Franziska Krüger", StaffRole.DrugHelpWorker, Organisation.DrugHelpService),
        new("bjoern.lehmann@drogenhilfe.example", "Björn Lehmann", StaffRole.DrugHelpWorker, Organisation.DrugHelpService),
        new("nadine.bauer@drogenhilfe.example", "Nadine Bauer", StaffRole.DrugHelpWorker, Organisation.DrugHelpService),
    ];

    /// <summary>A fictitious office phone number per account (the 555 block), printed on help plans.</summary>
    public static string PhoneOf(DemoAccount account)
    {
        var index = All.Concat(AdditionalCaseworkers).ToList().IndexOf(account);
        return $"0621 555-{(account.Organisation == Organisation.Jobcenter ? 1 : 2)}{index:00}";
    }
}
