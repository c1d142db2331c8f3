using System.Net;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;

namespace CaseManagement.IntegrationTests;

/// <summary>Which role reaches which section, through the real cookie sign-in and the real page policies.</summary>
public sealed class RolePolicyTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly string[] Sections = ["/", "/klienten", "/team", "/kennzahlen", "/lenkungsrunden", "/datenschutz", "/verwaltung/konten", "/verwaltung/lenkungsrunden", "/verwaltung/fortbildungen", "/team/fortbildungen", "/fortbildungen"];

    // Written out by hand on purpose: this is the specification, not a copy of the code.
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        [StaffRole.CaseManager] = ["/", "/klienten", "/fortbildungen"],
        [StaffRole.DrugHelpWorker] = ["/", "/klienten", "/fortbildungen"],
        [StaffRole.TeamLeadJobcenter] = ["/", "/team", "/kennzahlen", "/lenkungsrunden", "/team/fortbildungen", "/fortbildungen"],
        [StaffRole.TeamLeadDrugHelp] = ["/", "/team", "/kennzahlen", "/lenkungsrunden", "/team/fortbildungen", "/fortbildungen"],
        [StaffRole.SteeringCommittee] = ["/", "/kennzahlen", "/lenkungsrunden"],
        [StaffRole.DataProtectionOfficer] = ["/", "/datenschutz"],
        [StaffRole.Administrator] = ["/", "/verwaltung/konten", "/verwaltung/lenkungsrunden", "/verwaltung/fortbildungen"],
    };

    public static TheoryData<string> Roles => new(StaffRole.All);

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Each_role_reaches_its_sections_and_is_refused_everywhere_else(string role)
    {
        using var browser = StaffBrowser.Open(app);
        var account = DemoAccounts.All.Single(a => a.Role == role);
        var signIn = await browser.SignInAsync(account.Email, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        foreach (var section in Sections)
        {
            var response = await browser.Client.GetAsync(section);
            if (Allowed[role].Contains(section))
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} should reach {section}, got {response.StatusCode}");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{role} must not reach {section}, got {response.StatusCode}");
                Assert.StartsWith("/konto/kein-zugriff", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            }
        }
    }
}
